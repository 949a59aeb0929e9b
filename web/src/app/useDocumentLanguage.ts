import { useEffect } from "react";
import { useLanguageStore } from "../i18n/languageStore.ts";
import { courseInfo, courseTitle } from "../lessons/index.ts";

/**
 * Keeps <html lang> in step with the UI language, for screen readers and fonts, and the window
 * title with the course's. A course written in one language is shown in it.
 */
export function useDocumentLanguage(): void {
  const language = useLanguageStore((s) => s.language);
  useEffect(() => {
    if (courseInfo.language && language !== courseInfo.language)
      useLanguageStore.getState().setLanguage(courseInfo.language);
  }, [language]);
  useEffect(() => {
    document.documentElement.lang = language;
    const title = courseTitle(language);
    document.title = title ? `${title} · Container Lab` : "Container Lab";
  }, [language]);
}
