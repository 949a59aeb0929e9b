// Monaco, configured for the lab. Only ever imported through loadMonaco(): this module and
// everything it pulls in form the lazy editor chunks, never part of the first prompt.
//
// Under the page's CSP (script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline')
// everything here comes from the app's own origin: the workers are bundled by Vite's `?worker`
// and handed over by getWorker (so Monaco never builds a blob: or data: worker), the codicon
// font is an emitted asset, and Monaco's styles are <style> elements ('unsafe-inline').
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoLine/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
// features/suggest/register (0.57) brings only inline suggestions; the suggest widget that JSON
// completion needs is this contribution, which editor.main.js imports the same way.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/languages/definitions/markdown/register";
import "monaco-editor/languages/definitions/shell/register";
import "monaco-editor/languages/definitions/yaml/register";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import JsonWorker from "monaco-editor/languages/features/json/json.worker?worker";
import { useLanguageStore, type Language } from "../i18n/languageStore.ts";
import { OCI_FILE_MATCH, OCI_SCHEMA_URI, ociRuntimeSchema } from "./ociSchema.ts";
import { ociSchemaStrings } from "./ociSchemaStrings.ts";

export { monaco };
export type Monaco = typeof monaco;

export const THEME = "container-lab";

self.MonacoEnvironment = {
  getWorker: (_workerId, label) =>
    label === "json" ? new JsonWorker({ name: "json" }) : new EditorWorker({ name: "editor" }),
};

// The app's own dark palette, so the editor does not look pasted in (theme.css: --bg).
monaco.editor.defineTheme(THEME, {
  base: "vs-dark",
  inherit: true,
  rules: [],
  colors: { "editor.background": "#0f1419", "editorGutter.background": "#0f1419" },
});

function configureJson(language: Language): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    // runc rejects comments and trailing commas, so the editor does too.
    allowComments: false,
    trailingCommas: "error",
    // Nothing is fetched: the only schema is the one below.
    enableSchemaRequest: false,
    // A wrong type makes the runtime refuse the config: an error, not a style warning.
    schemaValidation: "error",
    schemas: [
      {
        uri: OCI_SCHEMA_URI,
        fileMatch: OCI_FILE_MATCH,
        schema: ociRuntimeSchema(ociSchemaStrings.in(language)),
      },
    ],
  });
}

configureJson(useLanguageStore.getState().language);
// Hover texts follow the UI language; Monaco's own menus keep the language they loaded in.
useLanguageStore.subscribe((state, previous) => {
  if (state.language !== previous.language) configureJson(state.language);
});
