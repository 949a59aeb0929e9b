// How many wrong instructor PINs a station allows, kept in localStorage so a reload does not
// start the count again (it did: a script could try all 4-digit PINs in about an hour). Five
// wrong entries lock the menu; each lock in a row lasts twice the one before, from one minute
// up to an hour, so 10,000 PINs would take weeks. The right PIN starts the count again.

export const PIN_GUARD_KEY = "container-lab.kiosk.pin-guard";
export const MAX_TRIES = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;

export interface PinGuard {
  /** Wrong entries since the last lock (or the right PIN). */
  wrong: number;
  /** Locks in a row: the next lasts FIRST_LOCK_MS × 2^locks. */
  locks: number;
  lockedUntil: number;
}

const FRESH: PinGuard = { wrong: 0, locks: 0, lockedUntil: 0 };

/** What an entry does: `ok` for the right PIN; else the guard after one more wrong entry. */
export function tryPin(
  guard: PinGuard,
  entry: string,
  pin: string,
  now: number,
): { ok: boolean; guard: PinGuard } {
  if (now < guard.lockedUntil) return { ok: false, guard };
  if (entry === pin) return { ok: true, guard: FRESH };
  const wrong = guard.wrong + 1;
  if (wrong < MAX_TRIES) return { ok: false, guard: { ...guard, wrong } };
  const lockMs = Math.min(FIRST_LOCK_MS * 2 ** guard.locks, LONGEST_LOCK_MS);
  return { ok: false, guard: { wrong: 0, locks: guard.locks + 1, lockedUntil: now + lockMs } };
}

/** Minutes left of a lock (at least 1), or 0 when the menu is not locked. */
export function minutesLocked(guard: PinGuard, now: number): number {
  return now < guard.lockedUntil ? Math.max(1, Math.ceil((guard.lockedUntil - now) / 60_000)) : 0;
}

const count = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

/** The station's guard; a record that is missing or unreadable counts as a lock just begun. */
export function readPinGuard(storage: Pick<Storage, "getItem"> = localStorage, now = Date.now()): PinGuard {
  let raw: string | null;
  try {
    raw = storage.getItem(PIN_GUARD_KEY);
  } catch {
    return FRESH;
  }
  if (raw === null) return FRESH;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const wrong = count(parsed.wrong);
    const locks = count(parsed.locks);
    const lockedUntil = count(parsed.lockedUntil);
    if (wrong !== undefined && locks !== undefined && lockedUntil !== undefined)
      return { wrong, locks, lockedUntil };
  } catch {
    // damaged: fall through to a lock, not to a fresh count (deleting it must not help)
  }
  return { wrong: 0, locks: 1, lockedUntil: now + FIRST_LOCK_MS };
}

export function writePinGuard(guard: PinGuard, storage: Pick<Storage, "setItem"> = localStorage): void {
  try {
    storage.setItem(PIN_GUARD_KEY, JSON.stringify(guard));
  } catch {
    // storage full or off: the guard still holds for this page
  }
}
