import { defineStrings } from "../i18n/defineStrings.ts";

export const layoutStrings = defineStrings(
  {
    lessonPane: "Lesson",
    panelsPane: "Kernel state panels",
    resizeLesson: "Resize the lesson pane",
    resizePanels: "Resize the panels",
  },
  {
    lessonPane: "レッスン",
    panelsPane: "カーネル状態パネル",
    resizeLesson: "レッスン欄の幅を変更",
    resizePanels: "パネルの幅を変更",
  },
);
