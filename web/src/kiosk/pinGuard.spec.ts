import { describe, expect, it } from "vitest";
import { MAX_TRIES, minutesLocked, readPinGuard, tryPin, writePinGuard, type PinGuard } from "./pinGuard.ts";

/** A station's localStorage that outlives each "page". */
function station() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

/** One page of the station: reads the guard, makes one entry, writes it back. */
function enter(storage: ReturnType<typeof station>, entry: string, now: number): boolean {
  const result = tryPin(readPinGuard(storage, now), entry, "2468", now);
  writePinGuard(result.guard, storage);
  return result.ok;
}

describe("the instructor PIN guard", () => {
  it("locks after five wrong PINs, and a reload after each entry does not start the count again", () => {
    const storage = station();
    for (let i = 0; i < MAX_TRIES; i++) expect(enter(storage, `000${i}`, 1000)).toBe(false);
    // Locked: even the right PIN does nothing, on this page or a reloaded one.
    expect(enter(storage, "2468", 2000)).toBe(false);
    expect(minutesLocked(readPinGuard(storage), 2000)).toBe(1);
    expect(enter(storage, "2468", 1000 + 60_001)).toBe(true);
  });

  it("doubles each lock in a row, up to an hour: all 4-digit PINs would take weeks", () => {
    let guard: PinGuard = { wrong: 0, locks: 0, lockedUntil: 0 };
    let now = 0;
    const locks: number[] = [];
    for (let tried = 0; tried < 10_000; tried++) {
      now = Math.max(now, guard.lockedUntil);
      const before = guard.locks;
      guard = tryPin(guard, String(tried).padStart(4, "0"), "99999", now).guard;
      if (guard.locks > before) locks.push((guard.lockedUntil - now) / 60_000);
    }
    expect(locks.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(now / (24 * 3600_000)).toBeGreaterThan(60);
  });

  it("a damaged record counts as a lock (a first visit has none)", () => {
    const storage = station();
    storage.setItem("container-lab.kiosk.pin-guard", "{not json");
    expect(minutesLocked(readPinGuard(storage, 0), 0)).toBe(1);
    expect(readPinGuard(station(), 0)).toEqual({ wrong: 0, locks: 0, lockedUntil: 0 });
  });
});
