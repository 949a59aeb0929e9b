import { create } from "zustand";
import type { KioskConfig } from "./kioskConfig.ts";

interface KioskState {
  active: boolean;
  config?: KioskConfig;
  error?: string;
  /** When the station resets unless someone touches it (ms since the epoch). */
  idleDeadline?: number;
  /** Duration of the last reset for the next student, in ms. */
  lastResetMs?: number;
  resetting: boolean;
  /** Stations handed over so far in this page (also shown to tests as data-resets). */
  resets: number;
}

export const useKioskStore = create<KioskState>()(() => ({ active: false, resetting: false, resets: 0 }));
