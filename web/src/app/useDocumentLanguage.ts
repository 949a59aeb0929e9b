import { useEffect } from "react";
import { useLanguageStore } from "../i18n/languageStore.ts";

/** Keeps <html lang> in step with the UI language, for screen readers and fonts. */
export function useDocumentLanguage(): void {
  const language = useLanguageStore((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
