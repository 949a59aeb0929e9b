// The few editor strings the first prompt needs (the tab bar and the header button), apart
// from strings.ts so the editor's full string table loads with the editor, not before.
import { defineStrings } from "../i18n/defineStrings.ts";

export const centerStrings = defineStrings(
  {
    centerTabs: "Views",
    tabTerminal: "Terminal",
    tabEditor: "Editor",
    tabAuthor: "Author",
    openEditor: "Editor",
    openEditorLabel: "Open the file editor",
    loadingEditor: "Loading the editor…",
  },
  {
    centerTabs: "表示",
    tabTerminal: "ターミナル",
    tabEditor: "エディター",
    tabAuthor: "執筆",
    openEditor: "エディター",
    openEditorLabel: "ファイルエディターを開く",
    loadingEditor: "エディターを読み込んでいます…",
  },
);
