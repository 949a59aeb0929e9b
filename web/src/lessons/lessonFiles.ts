/// <reference types="vite/client" />
// Loads every lesson file and asset through Vite and hands them to the course store.
// This module accepts its own hot updates: editing a lesson re-runs only this file, so the
// pane re-renders with the new text while the VM modules, and the guest, keep running.
import type { Course } from "./buildCourse.ts";
import { useCourseStore } from "./courseStore.ts";
import type { CourseRequest } from "./courseWorker.ts";

// Globs are relative so they work whatever the Vite root; keep the extensions in sync with
// ASSET_EXTENSIONS in buildCourse.ts.
const markdown = import.meta.glob<string>("../../../lessons/*/*.md", {
  query: "?raw",
  import: "default",
  eager: true,
});
const assets = import.meta.glob<string>("../../../lessons/*/*.{png,jpg,jpeg,gif,svg,webp}", {
  query: "?url",
  import: "default",
  eager: true,
});

/** `../../../lessons/00-x/en.md` → `lessons/00-x/en.md`, the paths diagnostics use. */
function byRepoPath(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, value]) => [path.replace(/^(\.\.\/)+/, ""), value]),
  );
}

/** Repository path (`lessons/<folder>/<lang>.md`) → Markdown source, as written. */
export const lessonSources: Readonly<Record<string, string>> = byRepoPath(markdown);
/** Repository path → URL the browser can load. */
export const lessonAssets: Readonly<Record<string, string>> = byRepoPath(assets);

/** Parses on this thread: the parser is a chunk of its own, loaded only when needed. */
async function parseHere(request: number): Promise<void> {
  const { buildCourse } = await import("./buildCourse.ts");
  useCourseStore
    .getState()
    .show(buildCourse(lessonSources, Object.keys(lessonAssets)), lessonAssets, request);
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
  const message: CourseRequest = { sources: { ...lessonSources }, assetPaths: Object.keys(lessonAssets) };
  worker.postMessage(message);
}

// A hot update of a lesson file re-runs this module: parse the new text at once, also when the
// first parse (slow in the dev server's worker) has not come back yet; its result is dropped.
if (useCourseStore.getState().requested > 0) void loadLessons();

if (import.meta.hot) import.meta.hot.accept();
