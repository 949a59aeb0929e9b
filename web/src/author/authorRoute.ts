// Author mode's hash route: `#/author/<chapterId>/<lang>`, e.g. `#/author/example/ja`.
import { LANGUAGES, type Language } from "../i18n/languages.ts";

export interface AuthorRoute {
  chapterId: string;
  language: Language;
}

const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseAuthorRoute(hash: string): AuthorRoute | null {
  const parts = hash.replace(/^#/, "").replace(/^\//, "").replace(/\/$/, "").split("/");
  const [head, chapterId, language, ...extra] = parts;
  if (head !== "author" || !chapterId || !SEGMENT.test(chapterId) || extra.length > 0) return null;
  if (!(LANGUAGES as readonly string[]).includes(language ?? "")) return null;
  return { chapterId, language: language as Language };
}

export function formatAuthorRoute(route: AuthorRoute): string {
  return `#/author/${route.chapterId}/${route.language}`;
}
