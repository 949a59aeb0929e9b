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
  },
);
