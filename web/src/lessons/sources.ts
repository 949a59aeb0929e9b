// The lesson files as written (author mode), an entry of its own: the texts stay out of the
// first-prompt bundle.
export { lessonSources, lessonAssets } from "./lessonFiles.ts";
