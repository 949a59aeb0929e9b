// Writes to localStorage: who may make them, and the ones that failed. Lesson progress has one
// writer at a time (the tab that owns the saved machine, persist/tabOwnership.ts sets the gate):
// a second tab that wrote its own copy wiped steps done in the first. A write the browser
// refuses (its storage for the site is full, a shared origin fills it) is kept here for the
// notice, never only logged: the step would show as done and be gone after a reload.
import { create } from "zustand";
import type { SetAsideKind } from "./setAside.ts";

interface StorageWriteState {
  /** What could not be written, by storage key; cleared by the next write that works. */
  failed: Record<string, { kind: SetAsideKind; message: string; at: number }>;
}

export const useStorageWrites = create<StorageWriteState>()(() => ({ failed: {} }));

let gate: (kind: SetAsideKind) => boolean = () => true;

/** Sets who may write each kind of record (the tab owner for progress). */
export function setWriteGate(next: (kind: SetAsideKind) => boolean): void {
  gate = next;
}

/** Writes `text` under `key` if this tab may; records a failure, or clears one that is past. */
export function writeStored(key: string, kind: SetAsideKind, text: string): void {
  if (!gate(kind)) return;
  try {
    localStorage.setItem(key, text);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    useStorageWrites.setState((s) => ({ failed: { ...s.failed, [key]: { kind, message, at: Date.now() } } }));
    return;
  }
  if (useStorageWrites.getState().failed[key])
    useStorageWrites.setState((s) => ({
      failed: Object.fromEntries(Object.entries(s.failed).filter(([k]) => k !== key)),
    }));
}
