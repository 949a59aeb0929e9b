import { defineStrings } from "../i18n/defineStrings.ts";

export const kioskStrings = defineStrings(
  {
    kiosk: "Workshop station",
    nextStudent: "Next student",
    confirm: "Finish your session? The machine and your progress are cleared for the next student.",
    idleWarning:
      "No activity: this station resets for the next student in {seconds} s. Touch anything to stay.",
    resetting: "Preparing a fresh station…",
    configError: "This station's kiosk.json has a problem: {message}",
    yourName: "Your name (optional)",
    instructor: "Instructor",
    instructorMenu: "Instructor menu",
    pin: "PIN",
    unlock: "Open",
    close: "Close",
    pinWrong: "Wrong PIN.",
    pinLocked: "Too many wrong PINs: the menu is locked for {minutes} min.",
    recordCount:
      "Recorded on this station: {sessions} session(s), {rows} row(s) (one per session and chapter).",
    unreadable: "{count} damaged record(s) are kept but cannot be exported.",
    downloadCsv: "Download class records (CSV)",
    deleteRecords: "Delete records",
    deleteConfirm:
      "Delete the {sessions} session record(s) on this station? Download them first if you need them.",
  },
  {
    kiosk: "ワークショップ端末",
    nextStudent: "次の受講者へ",
    confirm: "セッションを終了しますか？ 次の受講者のためにマシンと進捗を消去します。",
    idleWarning:
      "操作がありません。あと {seconds} 秒でこの端末は次の受講者用にリセットされます。続けるには何か操作してください。",
    resetting: "新しい端末を準備中…",
    configError: "この端末の kiosk.json に問題があります: {message}",
    yourName: "お名前（任意）",
    instructor: "講師",
    instructorMenu: "講師メニュー",
    pin: "PIN",
    unlock: "開く",
    close: "閉じる",
    pinWrong: "PIN が違います。",
    pinLocked: "PIN の入力ミスが続いたため、メニューを {minutes} 分間ロックしました。",
    recordCount: "この端末の記録: {sessions} セッション、{rows} 行（セッションとチャプターごとに 1 行）。",
    unreadable: "破損した記録が {count} 件あります。保管していますが、書き出せません。",
    downloadCsv: "受講記録をダウンロード（CSV）",
    deleteRecords: "記録を削除",
    deleteConfirm:
      "この端末の {sessions} 件のセッション記録を削除しますか？ 必要なら先にダウンロードしてください。",
  },
);
