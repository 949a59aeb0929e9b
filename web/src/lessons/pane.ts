// The lesson pane, an entry of its own: the app loads it lazily, off the first-prompt path.
export { LessonPane, type LessonPaneProps } from "./LessonPane.tsx";
