// The boundary between the browser's storage and the app's stores: every persisted zustand
// store reads through here. What is not JSON, not in zustand's envelope, or fails the store's
// own reader is set aside (setAside.ts) instead of reaching the app, so a damaged record can
// no longer leave a blank page on every reload.
import type { PersistStorage, StorageValue } from "zustand/middleware";
import { setAside, type SetAsideKind } from "./setAside.ts";
import { writeStored } from "./storageWrites.ts";

/** What a store's reader makes of a stored state: what it can use, and what it could not. */
export interface ReadResult<S> {
  state: S;
  /** Why parts were left out; empty when everything was used. */
  problems: string[];
}

export type StateReader<S> = (stored: unknown) => ReadResult<S>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads zustand's `{ state, version }` envelope from text; undefined when unusable. */
export function readEnvelope<S>(
  raw: string,
  read: StateReader<S>,
): { value?: StorageValue<S>; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { problems: ["not JSON"] };
  }
  return readParsedEnvelope(parsed, read);
}

/** The same, for an envelope already parsed (one inside a session file). */
export function readParsedEnvelope<S>(
  parsed: unknown,
  read: StateReader<S>,
): { value?: StorageValue<S>; problems: string[] } {
  if (!isRecord(parsed) || !("state" in parsed)) return { problems: ["no stored state"] };
  if (parsed.version !== undefined && typeof parsed.version !== "number")
    return { problems: ["version: not a number"] };
  const { state, problems } = read(parsed.state);
  return { value: { state, version: parsed.version }, problems };
}

/** zustand persist storage on localStorage whose reads go through `read`. */
export function guardedStorage<S>(read: StateReader<S>, kind: SetAsideKind): PersistStorage<S> {
  return {
    getItem(name) {
      let raw: string | null;
      try {
        raw = localStorage.getItem(name);
      } catch {
        return null; // storage disabled: start with defaults, as on a first visit
      }
      if (raw === null) return null;
      const { value, problems } = readEnvelope(raw, read);
      if (problems.length > 0) setAside(name, kind, raw, problems.join("; "));
      return value ?? null;
    },
    setItem(name, value) {
      writeStored(name, kind, JSON.stringify(value));
    },
    removeItem(name) {
      localStorage.removeItem(name);
    },
  };
}

/**
 * A reader for a store whose fields are independent (settings): each field is checked on its
 * own; a bad one falls back to its default and is reported.
 */
export function fieldReader<S extends object>(
  defaults: S,
  check: { [K in keyof S]: (value: unknown) => value is S[K] },
): StateReader<Partial<S>> {
  return (stored) => {
    if (!isRecord(stored)) return { state: {}, problems: ["state: not an object"] };
    const state: Partial<S> = {};
    const problems: string[] = [];
    for (const key of Object.keys(defaults) as (keyof S & string)[]) {
      if (!(key in stored)) continue;
      if (check[key](stored[key])) state[key] = stored[key];
      else problems.push(`${key}: unexpected value`);
    }
    return { state, problems };
  };
}
