import { defineStrings } from "../i18n/defineStrings.ts";

export const storageStrings = defineStrings(
  {
    setAside:
      "Some saved data could not be read ({what}), so the lab started without it. Nothing was deleted.",
    progress: "lesson progress",
    settings: "settings",
    download: "Download it",
    dismiss: "Dismiss",
    notSaved:
      "Your {what} could not be saved: the browser's storage for this site is full. It is kept while this page is open; free space (other tabs or sites on this address) or use “Download my session” before you close the page.",
  },
  {
    setAside:
      "保存されていたデータの一部 ({what}) を読み込めなかったため、それを使わずに起動しました。削除はしていません。",
    progress: "レッスンの進捗",
    settings: "設定",
    download: "ダウンロード",
    dismiss: "閉じる",
    notSaved:
      "{what}を保存できませんでした。このサイトのブラウザー保存領域がいっぱいです。このページを開いている間は残っています。ページを閉じる前に、空きを作る（同じアドレスのほかのタブやサイトのデータを消す）か、「セッションをダウンロード」を使ってください。",
  },
);
