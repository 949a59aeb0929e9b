import { create } from "zustand";

interface OfflineState {
  /** The lab is cached for offline use (a service worker controls the page). */
  ready: boolean;
  /** A newer build is installed and waits for the page to switch to it. */
  updateWaiting?: ServiceWorker;
  /** Every file of the lazily loaded guest filesystem is cached too (podman & co. work offline). */
  lazyCached: boolean;
}

export const useOfflineStore = create<OfflineState>()(() => ({ ready: false, lazyCached: false }));
