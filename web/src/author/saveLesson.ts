// Getting a lesson draft out of the browser: as a download (always), or straight to the
// repository through the dev server's endpoint (under `npm run dev` only).
import {
  DEV_LESSON_ENDPOINT,
  DEV_LESSON_HEADER,
  DEV_LESSON_HEADER_VALUE,
  type DevLessonWrite,
} from "./devLessonEndpoint.ts";
import { downloadFile } from "../storage/downloadFile.ts";

/** True under `npm run dev`, where devLessonWriter listens. */
export const canSaveToDisk: boolean = import.meta.env.DEV;

export function downloadLesson(name: string, text: string): void {
  downloadFile(new Blob([text], { type: "text/markdown;charset=utf-8" }), name);
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
