/// <reference types="vite/client" />
// Loads every lesson file and asset of the course (web/vite/coursePlugin.ts makes them one
// module) and hands them to the course store.
// This module accepts its own hot updates: editing a lesson re-runs only this file, so the
// pane re-renders with the new text while the VM modules, and the guest, keep running.
import { assets, courseLayout, fileEntries, fileUrls, sources } from "virtual:container-lab/course";
import type { BuildOptions, Course } from "./buildCourse.ts";
import { chapterFileKey, type ChapterFile } from "./chapterFiles.ts";
import { useCourseStore } from "./courseStore.ts";
import type { CourseRequest } from "./courseWorker.ts";

/** Repository path (`lessons/<folder>/<lang>.md`) → Markdown source, as written. */
export const lessonSources: Readonly<Record<string, string>> = sources;
/** Repository path → URL the browser can load. */
export const lessonAssets: Readonly<Record<string, string>> = assets;

const buildOptions: BuildOptions = {
  languages: courseLayout.languages,
  dirs: courseLayout.dirs,
  files: fileEntries,
  omitted: courseLayout.omitted,
};

/** A file of a chapter's `files/`, as bytes, from the app's own origin. */
export async function fetchChapterFile(folder: string, file: ChapterFile): Promise<Uint8Array> {
  const url = fileUrls[chapterFileKey(folder, file.path)];
  if (!url) throw new Error("not in this build of the course");
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Parses on this thread: the parser is a chunk of its own, loaded only when needed. */
async function parseHere(request: number): Promise<void> {
  const { buildCourse } = await import("./buildCourse.ts");
  useCourseStore
    .getState()
    .show(buildCourse(lessonSources, Object.keys(lessonAssets), buildOptions), lessonAssets, request);
}

/**
 * Parses every lesson into the course store (the pane calls it when the app says so): in a
 * worker where there is one, so the page never stalls; here elsewhere (unit tests).
 */
export async function loadLessons(): Promise<void> {
  const request = useCourseStore.getState().request();
  if (typeof Worker === "undefined") return parseHere(request);
  const worker = new Worker(new URL("./courseWorker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<Course>) => {
    useCourseStore.getState().show(event.data, lessonAssets, request);
    worker.terminate();
  };
  worker.onerror = () => {
    // Without the worker (a browser that cannot start it), parse here: slower, still correct.
    worker.terminate();
    void parseHere(request);
  };
  const message: CourseRequest = {
    sources: { ...lessonSources },
    assetPaths: Object.keys(lessonAssets),
    options: buildOptions,
  };
  worker.postMessage(message);
}

// A hot update of a lesson file re-runs this module: parse the new text at once, also when the
// first parse (slow in the dev server's worker) has not come back yet; its result is dropped.
if (useCourseStore.getState().requested > 0) void loadLessons();

if (import.meta.hot) import.meta.hot.accept();
