import { create } from "zustand";

interface OfflineState {
  /** This build works offline (a production build in a browser with service workers). */
  enabled: boolean;
  /** Caching the lazy filesystem failed (why): the lab is not ready to work offline. */
  lazyFailed?: string;
  /** The lab is cached for offline use (a service worker controls the page). */
  ready: boolean;
  /** A newer build is installed and waits for the page to switch to it. */
  updateWaiting?: ServiceWorker;
  /** Every file of the lazily loaded guest filesystem is cached too (podman & co. work offline). */
  lazyCached: boolean;
}

export const useOfflineStore = create<OfflineState>()(() => ({
  enabled: false,
  ready: false,
  lazyCached: false,
}));
