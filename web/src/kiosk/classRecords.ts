// The class records of a workshop station, in localStorage beside (not inside) the student's
// progress: "Next student" and the idle reset clear the progress and keep these, and a reload
// keeps both. Only the instructor's PIN menu shows them (KioskMenu.tsx). A record that cannot
// be read is kept as it was, never dropped: it is the instructor's data.
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { guardedStorage, isRecord } from "../storage/guardedStorage.ts";
import { sessionRecordSchema, type SessionInProgress, type SessionRecord } from "./sessionRecord.ts";

export const CLASS_RECORDS_KEY = "container-lab.kiosk.records";

interface ClassRecordsState {
  records: SessionRecord[];
  /** Stored entries that did not read as records (kept, counted in the menu). */
  unreadable: unknown[];
  /** The student at the station now. */
  current: SessionInProgress;
  /** The number the next finished session gets. */
  nextSession: number;
  add(record: SessionRecord): void;
  /** The station's input: the first one starts the session's clock, each one moves its end. */
  noteActivity(now: number): void;
  setName(name: string): void;
  /** A new student: the session in progress is over (its record, if any, was added). */
  startNext(): void;
  clear(): void;
}

type Stored = Pick<ClassRecordsState, "records" | "unreadable" | "current" | "nextSession">;

function readRecords(stored: unknown): { state: Stored; problems: string[] } {
  const state: Stored = { records: [], unreadable: [], current: {}, nextSession: 1 };
  if (!isRecord(stored)) return { state, problems: ["class records: not an object"] };
  for (const entry of Array.isArray(stored.records) ? stored.records : []) {
    const parsed = sessionRecordSchema.safeParse(entry);
    if (parsed.success) state.records.push(parsed.data);
    else state.unreadable.push(entry);
  }
  if (Array.isArray(stored.unreadable)) state.unreadable.push(...(stored.unreadable as unknown[]));
  const current = isRecord(stored.current) ? stored.current : {};
  const number = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) ? value : undefined;
  const startedAt = number(current.startedAt);
  const lastActiveAt = number(current.lastActiveAt);
  state.current = {
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(lastActiveAt !== undefined ? { lastActiveAt } : {}),
    ...(typeof current.name === "string" ? { name: current.name.slice(0, 80) } : {}),
  };
  const highest = Math.max(0, ...state.records.map((r) => r.session));
  state.nextSession = Math.max(highest + 1, Math.floor(number(stored.nextSession) ?? 1));
  // Damaged entries are kept in the store itself, so nothing needs setting aside.
  return { state, problems: [] };
}

/** Moving the session's end is written at most this often (each write is a localStorage put). */
const ACTIVITY_GRANULARITY_MS = 10_000;

export const useClassRecords = create<ClassRecordsState>()(
  persist(
    (set) => ({
      records: [],
      unreadable: [],
      current: {},
      nextSession: 1,
      add: (record) => set((s) => ({ records: [...s.records, record], nextSession: record.session + 1 })),
      noteActivity: (now) =>
        set((s) => {
          const { startedAt, lastActiveAt } = s.current;
          if (
            startedAt !== undefined &&
            lastActiveAt !== undefined &&
            now - lastActiveAt < ACTIVITY_GRANULARITY_MS
          )
            return s;
          return { current: { ...s.current, startedAt: startedAt ?? now, lastActiveAt: now } };
        }),
      setName: (name) => set((s) => ({ current: { ...s.current, name: name.slice(0, 80) } })),
      startNext: () => set({ current: {} }),
      clear: () => set({ records: [], unreadable: [] }),
    }),
    {
      name: CLASS_RECORDS_KEY,
      version: 1,
      storage: guardedStorage(readRecords, "settings"),
      partialize: (s) => ({
        records: s.records,
        unreadable: s.unreadable,
        current: s.current,
        nextSession: s.nextSession,
      }),
    },
  ),
);
