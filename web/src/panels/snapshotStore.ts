// The latest guest snapshot for every panel, and the feed that keeps it fresh.
//
// Freshness without waste: a finished shell command asks for a snapshot at once (the usual
// cause of a change), a slow poll catches background changes, and nothing is requested while
// the panels or the browser tab are hidden: each snapshot costs the emulated CPU real time.
// Only one request is ever in flight; a command that finishes meanwhile queues exactly one
// more, because the reply in flight may predate its effect.
import { createStore, useStore, type StoreApi } from "zustand";
import { detectCgroupEvents, type CgroupEvent } from "./cgroupEvents.ts";
import { panelSnapshotSchema, type PanelSnapshot } from "./snapshotSchema.ts";
import type { SnapshotSource } from "./snapshotSource.ts";

// 3 s keeps the agent under 5 % of the guest CPU with a dozen cgroups; commands trigger their own refresh.
export const DEFAULT_POLL_INTERVAL_MS = 3_000;
/** Past this the panels say the data is stale; the request itself may still answer later. */
export const DEFAULT_SNAPSHOT_TIMEOUT_MS = 8_000;
/**
 * Polls wait at least this many times the last snapshot's duration: when the guest is busy
 * and snapshots get slow, polling backs off instead of taking a growing share of its CPU.
 */
export const POLL_LOAD_FACTOR = 4;
/** Events kept for the cgroup panel's log. */
export const MAX_EVENTS = 50;

export type SnapshotErrorKind = "timeout" | "unavailable" | "malformed";

export interface SnapshotError {
  kind: SnapshotErrorKind;
  /** Technical detail (the agent's message or the first schema issue), shown as a hint. */
  detail: string;
  at: number;
}

export interface SnapshotState {
  /** The last snapshot that passed validation; kept through errors. */
  snapshot: PanelSnapshot | null;
  /** The good snapshot before `snapshot`, to see what changed. */
  previous: PanelSnapshot | null;
  /** Host time (ms) when `snapshot` arrived. */
  updatedAt: number | null;
  /** The last request failed: what is shown may be out of date. */
  stale: boolean;
  error: SnapshotError | null;
  /** Limits hit (OOM kills, refused forks), oldest first. */
  events: CgroupEvent[];
  /** Asks the running feed for a snapshot now; does nothing without a feed. */
  refresh: () => void;
  /** Validates and stores a raw reply. */
  accept: (raw: unknown, at: number) => void;
  /** Records a failed request, keeping the last good data. */
  fail: (error: unknown, at: number) => void;
  clearEvents: () => void;
  /** Forgets everything: for a machine reset, whose old state must not show through. */
  reset: () => void;
}

export type SnapshotStore = StoreApi<SnapshotState>;

export class SnapshotTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no snapshot within ${timeoutMs} ms`);
    this.name = "SnapshotTimeoutError";
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

function describeFailure(error: unknown): Pick<SnapshotError, "kind" | "detail"> {
  const detail = error instanceof Error ? error.message : String(error);
  // The agent client's own timeout, or one of ours; the error may have crossed a worker
  // boundary and lost its class, so the code is what counts.
  const code = errorCode(error);
  const timedOut = error instanceof SnapshotTimeoutError || code === "host_timeout" || code === "timeout";
  return { kind: timedOut ? "timeout" : "unavailable", detail };
}

export function createSnapshotStore(): SnapshotStore {
  let nextEventId = 1;
  const empty = { snapshot: null, previous: null, updatedAt: null, stale: false, error: null, events: [] };
  return createStore<SnapshotState>()((set, get) => ({
    ...empty,
    refresh: () => {},
    accept: (raw, at) => {
      const parsed = panelSnapshotSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? issue.path.join(".") || "(root)" : "";
        const detail = issue ? `${where}: ${issue.message} (${parsed.error.issues.length} issues)` : "";
        set({ stale: true, error: { kind: "malformed", detail, at } });
        return;
      }
      const { snapshot: previous, events } = get();
      const changes = detectCgroupEvents(previous, parsed.data);
      const fresh = changes.map((change) => ({ ...change, id: nextEventId++, at }));
      set({
        snapshot: parsed.data,
        previous,
        updatedAt: at,
        stale: false,
        error: null,
        events: fresh.length ? [...events, ...fresh].slice(-MAX_EVENTS) : events,
      });
    },
    fail: (error, at) => set({ stale: true, error: { ...describeFailure(error), at } }),
    clearEvents: () => set({ events: [] }),
    reset: () => set(empty),
  }));
}

/** The app's one snapshot store. */
export const snapshotStore = createSnapshotStore();

export function useSnapshotStore<T>(selector: (state: SnapshotState) => T): T {
  return useStore(snapshotStore, selector);
}

export interface SnapshotFeedOptions {
  /** Whether any panel is on screen; checked before every request. */
  isVisible: () => boolean;
  intervalMs?: number;
  timeoutMs?: number;
  store?: SnapshotStore;
  now?: () => number;
}

function pageVisible(): boolean {
  return typeof document === "undefined" || document.visibilityState !== "hidden";
}

/** Keeps `store` fed from `source` until the returned function is called. */
export function startSnapshotFeed(source: SnapshotSource, options: SnapshotFeedOptions): () => void {
  const store = options.store ?? snapshotStore;
  const intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SNAPSHOT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  let stopped = false;
  let inFlight = false;
  let queued = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let lastDurationMs = 0;

  const schedulePoll = (): void => {
    clearTimeout(pollTimer);
    // While hidden the timer only re-checks visibility: no request, so no guest CPU.
    const delay = Math.max(intervalMs, lastDurationMs * POLL_LOAD_FACTOR);
    if (!stopped) pollTimer = setTimeout(() => trigger(false), delay);
  };

  const fetchOnce = async (): Promise<void> => {
    inFlight = true;
    clearTimeout(pollTimer);
    const startedAt = now();
    const watchdog = setTimeout(
      () => store.getState().fail(new SnapshotTimeoutError(timeoutMs), now()),
      timeoutMs,
    );
    try {
      const raw = await source.requestSnapshot();
      if (!stopped) store.getState().accept(raw, now());
    } catch (error) {
      if (!stopped) store.getState().fail(error, now());
    } finally {
      clearTimeout(watchdog);
      inFlight = false;
      lastDurationMs = now() - startedAt;
      if (!stopped) {
        if (queued) {
          queued = false;
          trigger(true);
        } else {
          schedulePoll();
        }
      }
    }
  };

  /** `urgent`: something probably changed, so a request in flight is not enough. */
  function trigger(urgent: boolean): void {
    if (stopped) return;
    if (!options.isVisible() || !pageVisible()) {
      schedulePoll();
      return;
    }
    if (inFlight) {
      if (urgent) queued = true;
      return;
    }
    void fetchOnce();
  }

  const refresh = (): void => trigger(true);
  const onPageVisibility = (): void => {
    if (pageVisible()) refresh();
  };
  const unsubscribe = source.onCommandFinished(refresh);
  if (typeof document !== "undefined") document.addEventListener("visibilitychange", onPageVisibility);
  store.setState({ refresh });
  refresh();

  return () => {
    stopped = true;
    clearTimeout(pollTimer);
    unsubscribe();
    if (typeof document !== "undefined") document.removeEventListener("visibilitychange", onPageVisibility);
    if (store.getState().refresh === refresh) store.setState({ refresh: () => {} });
  };
}
