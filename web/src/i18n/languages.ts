// The languages the lab speaks. A plain module, so lesson code that only needs the list
// (the parser, the linter, lessons:check) does not pull in the language store.
export const LANGUAGES = ["en", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];
