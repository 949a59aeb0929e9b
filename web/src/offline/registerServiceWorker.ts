// Registers the service worker of a production build and reports a waiting update.
import { useOfflineStore } from "./offlineStore.ts";

function watch(registration: ServiceWorkerRegistration): void {
  const noteWaiting = () => {
    if (registration.waiting && navigator.serviceWorker.controller) {
      useOfflineStore.setState({ updateWaiting: registration.waiting });
    }
  };
  noteWaiting();
  registration.addEventListener("updatefound", () => {
    registration.installing?.addEventListener("statechange", noteWaiting);
  });
}

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return;
  useOfflineStore.setState({ enabled: true });
  navigator.serviceWorker
    .register(new URL("sw.js", document.baseURI), { scope: "./" })
    .then((registration) => {
      watch(registration);
      void navigator.serviceWorker.ready.then(() => useOfflineStore.setState({ ready: true }));
    })
    .catch((error: unknown) => console.warn("offline support unavailable:", error));
}

/**
 * Asks the service worker to cache the rest of the lazy guest filesystem in the background
 * (called once the prompt is up, so it never delays the first prompt).
 */
export function precacheLazyFiles(): void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return;
  navigator.serviceWorker.addEventListener(
    "message",
    (event: MessageEvent<{ type?: string; message?: string }>) => {
      if (event.data.type === "LAZY_CACHED")
        useOfflineStore.setState({ lazyCached: true, lazyFailed: undefined });
      if (event.data.type === "LAZY_FAILED") {
        console.warn("caching the lazy filesystem failed:", event.data.message);
        useOfflineStore.setState({ lazyFailed: event.data.message ?? "unknown error" });
      }
    },
  );
  void navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({ type: "PRECACHE_LAZY" }),
  );
}

/** Switches to the waiting build: the new worker takes over, then the page reloads once. */
export function applyUpdate(): void {
  const waiting = useOfflineStore.getState().updateWaiting;
  if (!waiting) return;
  navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: "SKIP_WAITING" });
}
