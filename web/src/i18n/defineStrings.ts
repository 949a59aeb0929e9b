// Each feature keeps its UI strings beside its code, in English and Japanese. The Japanese
// table must have exactly the English table's keys (the type says so), so no string exists
// in one language only.
import { useLanguageStore, type Language } from "./languageStore.ts";

type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export function defineStrings<const T extends Record<string, string>>(en: T, ja: { [K in keyof T]: string }) {
  const tables: Record<Language, Record<keyof T, string>> = { en, ja };
  const translate =
    (language: Language): Translate<keyof T & string> =>
    (key, params) =>
      format(tables[language][key], params);
  return {
    tables,
    /** For code outside React (workers, stores): strings in a given language. */
    in: translate,
    /** React hook: strings in the current UI language. */
    useStrings(): Translate<keyof T & string> {
      const language = useLanguageStore((s) => s.language);
      return translate(language);
    },
  };
}
