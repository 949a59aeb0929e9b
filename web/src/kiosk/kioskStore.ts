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
}

export const useKioskStore = create<KioskState>()(() => ({ active: false, resetting: false }));
