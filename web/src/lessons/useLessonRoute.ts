// The current lesson route, from the location hash; navigating pushes a history entry so the
// browser's Back button walks back through chapters and steps.
import { useCallback, useSyncExternalStore } from "react";
import { formatRoute, parseRoute, type LessonRoute } from "./lessonRoute.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

const currentHash = () => window.location.hash;

export function useLessonRoute(): [LessonRoute, (route: LessonRoute) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash, () => "");
  // A hash that is not ours (another part of the app) shows the chapter list.
  const route = parseRoute(hash) ?? { view: "list" };
  const navigate = useCallback((next: LessonRoute) => {
    window.location.hash = formatRoute(next);
  }, []);
  return [route, navigate];
}
