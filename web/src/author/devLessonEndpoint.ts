// Shared by author mode (browser) and devLessonWriter (the Vite dev server, Node).

/** POST `{ "path": "lessons/<folder>/<lang>.md", "content": "…" }` here under `npm run dev`. */
export const DEV_LESSON_ENDPOINT = "/__container-lab/lesson-file";

/**
 * Must be present with this value. A custom header makes any cross-site request a CORS
 * preflight, which a plain form post or a no-cors fetch from another page cannot pass.
 */
export const DEV_LESSON_HEADER = "x-container-lab-author";
export const DEV_LESSON_HEADER_VALUE = "1";

export interface DevLessonWrite {
  path: string;
  content: string;
}
