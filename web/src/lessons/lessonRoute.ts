// Hash routes for deep links: `#/` (chapter list), `#/chapter/<id>`, `#/chapter/<id>/step/<stepId>`.
// Pure functions here; the React hook lives in useLessonRoute.ts.

export type LessonRoute = { view: "list" } | { view: "chapter"; chapterId: string; stepId?: string };

const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads a location hash (with or without the leading `#`); null when it is not a lesson route. */
export function parseRoute(hash: string): LessonRoute | null {
  const path = hash.replace(/^#/, "");
  if (path === "" || path === "/") return { view: "list" };
  const parts = path
    .replace(/^\//, "")
    .replace(/\/$/, "")
    .split("/")
    .map((part) => safeDecode(part));
  const [head, chapterId, stepWord, stepId, ...extra] = parts;
  if (head !== "chapter" || !chapterId || !SEGMENT.test(chapterId) || extra.length > 0) return null;
  if (stepWord === undefined) return { view: "chapter", chapterId };
  if (stepWord !== "step" || !stepId || !SEGMENT.test(stepId)) return null;
  return { view: "chapter", chapterId, stepId };
}

export function formatRoute(route: LessonRoute): string {
  if (route.view === "list") return "#/";
  const chapter = `#/chapter/${encodeURIComponent(route.chapterId)}`;
  return route.stepId ? `${chapter}/step/${encodeURIComponent(route.stepId)}` : chapter;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
