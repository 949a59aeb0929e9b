// What the UI shows about saving the student's machine.
import { create } from "zustand";
import type { UnhealthyReason } from "../vm/guestHealth.ts";

export interface PersistState {
  saving: boolean;
  lastSavedAt?: number;
  lastSaveBytes?: number;
  lastSaveMs?: number;
  /**
   * The last save did not happen: "quota" when the browser's storage is full, "unhealthy" when
   * the machine was not fit to save (the last healthy save is kept).
   */
  error?: { kind: "quota" | "failed"; message: string } | { kind: "unhealthy"; reason: UnhealthyReason };
  /** The machine changed since the last save. */
  dirty: boolean;
}

export const usePersistStore = create<PersistState>()(() => ({ saving: false, dirty: false }));
