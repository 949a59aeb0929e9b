// The UI language, remembered across visits.
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { fieldReader, guardedStorage } from "../storage/guardedStorage.ts";

import { LANGUAGES, type Language } from "./languages.ts";

export { LANGUAGES, type Language };

function browserLanguage(): Language {
  const preferred = typeof navigator === "undefined" ? "en" : navigator.language;
  return preferred.toLowerCase().startsWith("ja") ? "ja" : "en";
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      language: browserLanguage(),
      setLanguage: (language) => set({ language }),
    }),
    {
      name: "container-lab.language",
      storage: guardedStorage(
        fieldReader(
          { language: "en" as Language },
          { language: (value): value is Language => LANGUAGES.includes(value as Language) },
        ),
        "settings",
      ),
      partialize: (s) => ({ language: s.language }),
    },
  ),
);
