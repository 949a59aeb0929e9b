// Getting a lesson draft out of the browser: as a download (always), or straight to the
// repository through the dev server's endpoint (under `npm run dev` only).
import {
  DEV_LESSON_ENDPOINT,
  DEV_LESSON_HEADER,
  DEV_LESSON_HEADER_VALUE,
  type DevLessonWrite,
} from "./devLessonEndpoint.ts";

/** True under `npm run dev`, where devLessonWriter listens. */
export const canSaveToDisk: boolean = import.meta.env.DEV;

export function downloadLesson(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function saveLessonToDisk(
  path: string,
  content: string,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  const body: DevLessonWrite = { path, content };
  const response = await fetcher(DEV_LESSON_ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": "application/json", [DEV_LESSON_HEADER]: DEV_LESSON_HEADER_VALUE },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const reason = await response.json().then(
      (data: { error?: string }) => data.error ?? response.statusText,
      () => response.statusText,
    );
    throw new Error(`${response.status} ${reason}`);
  }
}
