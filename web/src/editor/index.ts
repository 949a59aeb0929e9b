// Public API of the editor, for the app, the centre tabs and the lesson engine.
export { openInEditor, useEditorStore, type CenterTab, type OpenFile } from "./editorStore.ts";
export { languageForPath, type EditorLanguage } from "./languageForPath.ts";
