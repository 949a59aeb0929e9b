import { defineStrings } from "../i18n/defineStrings.ts";

export const terminalStrings = defineStrings(
  {
    terminalLabel: "Terminal: root shell on the guest",
    search: "Search",
    searchShortcut: "Search the terminal (Ctrl+Shift+F)",
    searchLabel: "Search terminal output",
    previous: "Previous",
    next: "Next",
    noMatch: "No match",
    closeSearch: "Close search",
    idle: "Ready",
    running: "Running…",
    lastExit: "Last command exited with {code}",
    pasting: "Pasting into the terminal",
    pastingProgress: "Pasting into the terminal: {done} of {total} KB",
    stopPasting: "Stop pasting",
    pasteRefused:
      "Not pasted: that is {size} KB, and the terminal takes at most {limit} KB at once. To put a large file in the machine, open it in the editor and paste it there.",
    pasteStopped:
      "Pasting stopped: the rest was dropped, and the lab pressed Ctrl+C to end the line it was on, so nothing half-pasted runs.",
    dismiss: "Dismiss",
  },
  {
    terminalLabel: "ターミナル: ゲストの root シェル",
    search: "検索",
    searchShortcut: "ターミナルを検索 (Ctrl+Shift+F)",
    searchLabel: "ターミナルの出力を検索",
    previous: "前へ",
    next: "次へ",
    noMatch: "一致なし",
    closeSearch: "検索を閉じる",
    idle: "待機中",
    running: "実行中…",
    lastExit: "直前のコマンドの終了ステータス: {code}",
    pasting: "ターミナルに貼り付け中",
    pastingProgress: "ターミナルに貼り付け中: {total} KB のうち {done} KB",
    stopPasting: "貼り付けを中止",
    pasteRefused:
      "貼り付けませんでした: {size} KB あり、ターミナルに一度に貼り付けられるのは {limit} KB までです。大きなファイルをマシンに入れるには、エディターで開いてそこに貼り付けてください。",
    pasteStopped:
      "貼り付けを中止しました。残りは捨て、途中まで入った行はラボが Ctrl+C で終わらせたので、中途半端なまま実行されることはありません。",
    dismiss: "閉じる",
  },
);
