// What the app cannot read back from the browser's storage or from a file (a damaged progress
// record, a malformed setting) is never deleted: it is copied here under a key of its own, the
// app starts without it, and the student can download it. One module owns that rule.
import { create } from "zustand";

export const SET_ASIDE_PREFIX = "container-lab.set-aside.";

/** What the student is told was set aside. */
export type SetAsideKind = "progress" | "settings";

export interface SetAsideRecord {
  /** Where it came from: a storage key or a file name. */
  from: string;
  kind: SetAsideKind;
  /** Why it could not be used, for the download (the notice itself stays one line). */
  reason: string;
  at: number;
  /** The text as found. */
  raw: string;
}

interface SetAsideState {
  /** Set aside during this visit (what the notice tells the student about). */
  records: SetAsideRecord[];
  dismissed: boolean;
  dismiss(): void;
}

export const useSetAsideStore = create<SetAsideState>()((set) => ({
  records: [],
  dismissed: false,
  dismiss: () => set({ dismissed: true }),
}));

/** Keeps `raw` (read from `from`) under a set-aside key and tells the notice. */
export function setAside(from: string, kind: SetAsideKind, raw: string, reason: string): void {
  const record: SetAsideRecord = { from, kind, reason, at: Date.now(), raw };
  try {
    localStorage.setItem(`${SET_ASIDE_PREFIX}${from}.${record.at}`, JSON.stringify(record));
  } catch {
    // A full storage: the copy lives in this page only, still downloadable until it closes.
  }
  useSetAsideStore.setState((s) => ({ records: [...s.records, record], dismissed: false }));
}

/** Every record set aside so far, this visit's and earlier ones', as one JSON file. */
export function setAsideFile(): Blob {
  const kept: unknown[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(SET_ASIDE_PREFIX)) continue;
    const text = localStorage.getItem(key) ?? "";
    try {
      kept.push(JSON.parse(text));
    } catch {
      kept.push({ from: key, raw: text });
    }
  }
  const inStorage = new Set(kept.map((record) => JSON.stringify(record)));
  for (const record of useSetAsideStore.getState().records) {
    if (!inStorage.has(JSON.stringify(record))) kept.push(record);
  }
  return new Blob([JSON.stringify(kept, null, 2) + "\n"], { type: "application/json" });
}
