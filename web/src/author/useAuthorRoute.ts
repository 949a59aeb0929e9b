// The author route from the location hash, kept current across hash changes.
import { useMemo, useSyncExternalStore } from "react";
import { parseAuthorRoute, type AuthorRoute } from "./authorRoute.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

export function useAuthorRoute(): AuthorRoute | null {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  return useMemo(() => parseAuthorRoute(hash), [hash]);
}
