// The one door to Monaco: a dynamic import, so nothing of it loads before the editor opens.
import { useLanguageStore } from "../i18n/languageStore.ts";
import type * as MonacoSetup from "./monacoSetup.ts";

export type MonacoSetupModule = typeof MonacoSetup;

let loading: Promise<MonacoSetupModule> | undefined;

export function loadMonaco(): Promise<MonacoSetupModule> {
  loading ??= (async () => {
    // Monaco reads its UI strings from a global table while its modules evaluate, so the
    // Japanese table has to be in place before the editor itself is imported.
    if (useLanguageStore.getState().language === "ja") await import("monaco-editor/nls/lang/ja");
    return import("./monacoSetup.ts");
  })();
  // A failed download (offline, a new deployment) may succeed on the next try.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
