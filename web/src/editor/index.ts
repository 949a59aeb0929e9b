// Public API of the editor, for the app's layout and for the lesson engine.
// devLessonWriter.ts is not here on purpose: it is Node code for web/vite.config.ts.
export { CenterTabs } from "./CenterTabs.tsx";
export { OpenEditorButton } from "./OpenEditorButton.tsx";
export { openInEditor, useEditorStore, type CenterTab, type OpenFile } from "./editorStore.ts";
export { formatAuthorRoute, parseAuthorRoute, type AuthorRoute } from "./authorRoute.ts";
export { languageForPath, type EditorLanguage } from "./languageForPath.ts";
export { centerStrings } from "./centerStrings.ts";
