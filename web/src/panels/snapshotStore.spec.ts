import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rawFixtures } from "./fixtures/index.ts";
import { createSnapshotStore, startSnapshotFeed, type SnapshotStore } from "./snapshotStore.ts";
import type { SnapshotSource } from "./snapshotSource.ts";

/** A source whose replies the test hands out one by one. */
class FakeSource implements SnapshotSource {
  requests = 0;
  private pending: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  private listeners = new Set<() => void>();

  requestSnapshot(): Promise<unknown> {
    this.requests++;
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  onCommandFinished(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get inFlight(): number {
    return this.pending.length;
  }

  finishCommand(): void {
    for (const listener of this.listeners) listener();
  }

  async reply(value: unknown): Promise<void> {
    this.pending.shift()?.resolve(value);
    await vi.advanceTimersByTimeAsync(0);
  }

  async failWith(error: unknown): Promise<void> {
    this.pending.shift()?.reject(error);
    await vi.advanceTimersByTimeAsync(0);
  }
}

describe("snapshot store", () => {
  it("keeps the last good snapshot through a malformed reply and a failure", () => {
    const store = createSnapshotStore();
    store.getState().accept(rawFixtures.before, 1000);
    const good = store.getState().snapshot;
    expect(good?.hostname).toBe("containerlab");
    expect(store.getState()).toMatchObject({ stale: false, error: null, updatedAt: 1000 });

    store.getState().accept({ ...rawFixtures.before, processes: 42 }, 2000);
    expect(store.getState().snapshot).toBe(good);
    expect(store.getState()).toMatchObject({
      stale: true,
      updatedAt: 1000,
      error: { kind: "malformed", at: 2000 },
    });
    expect(store.getState().error?.detail).toMatch(/^processes: /);

    store.getState().fail(Object.assign(new Error("no reply in 10000 ms"), { code: "host_timeout" }), 3000);
    expect(store.getState().error?.kind).toBe("timeout");
    store.getState().fail(new Error("the machine is not running"), 3500);
    expect(store.getState().error).toMatchObject({
      kind: "unavailable",
      detail: "the machine is not running",
    });
    expect(store.getState().snapshot).toBe(good);

    store.getState().accept(rawFixtures.after, 4000);
    expect(store.getState()).toMatchObject({ stale: false, error: null, updatedAt: 4000 });
    expect(store.getState().previous).toBe(good);
  });

  it("records OOM kills and refused forks as events with their time", () => {
    const store = createSnapshotStore();
    store.getState().accept(rawFixtures.before, 1000);
    store.getState().accept(rawFixtures.after, 2000);
    expect(store.getState().events).toEqual([
      { id: 1, at: 2000, kind: "oom_kill", path: "/demo", delta: 1, total: 1 },
      { id: 2, at: 2000, kind: "pids_max", path: "/forks", delta: 1, total: 1 },
    ]);
    // The same counters again are not new events.
    store.getState().accept(rawFixtures.after, 3000);
    expect(store.getState().events).toHaveLength(2);
    store.getState().clearEvents();
    expect(store.getState().events).toEqual([]);
  });

  it("forgets everything on reset", () => {
    const store = createSnapshotStore();
    store.getState().accept(rawFixtures.after, 1000);
    store.getState().reset();
    expect(store.getState()).toMatchObject({ snapshot: null, previous: null, updatedAt: null, events: [] });
  });
});

describe("startSnapshotFeed", () => {
  let store: SnapshotStore;
  let source: FakeSource;
  let visible: boolean;
  let stop: (() => void) | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    store = createSnapshotStore();
    source = new FakeSource();
    visible = true;
  });

  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  const start = (intervalMs = 2000, timeoutMs = 8000) => {
    stop = startSnapshotFeed(source, {
      isVisible: () => visible,
      intervalMs,
      timeoutMs,
      store,
      now: () => Date.now(),
    });
  };

  it("asks at once, then polls at the interval after each reply", async () => {
    start();
    expect(source.requests).toBe(1);
    await source.reply(rawFixtures.before);
    expect(store.getState().snapshot).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1999);
    expect(source.requests).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(source.requests).toBe(2);
  });

  it("refreshes right after a command finishes, without waiting for the poll", async () => {
    start();
    await source.reply(rawFixtures.before);
    source.finishCommand();
    expect(source.requests).toBe(2);
    await source.reply(rawFixtures.after);
    expect(store.getState().events.map((e) => e.kind)).toEqual(["oom_kill", "pids_max"]);
  });

  it("never overlaps requests, and a command finishing meanwhile queues exactly one more", async () => {
    start();
    source.finishCommand();
    source.finishCommand();
    store.getState().refresh();
    await vi.advanceTimersByTimeAsync(5000);
    expect(source.requests).toBe(1);
    expect(source.inFlight).toBe(1);
    await source.reply(rawFixtures.before);
    expect(source.requests).toBe(2);
    await source.reply(rawFixtures.before);
    expect(source.requests).toBe(2);
  });

  it("asks nothing while hidden, and catches up when refreshed on becoming visible", async () => {
    visible = false;
    start();
    source.finishCommand();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(source.requests).toBe(0);
    visible = true;
    store.getState().refresh();
    expect(source.requests).toBe(1);
  });

  it("resumes polling by itself once visible again", async () => {
    visible = false;
    start();
    await vi.advanceTimersByTimeAsync(5000);
    visible = true;
    await vi.advanceTimersByTimeAsync(2000);
    expect(source.requests).toBe(1);
  });

  it("marks the data stale when the agent takes too long, and takes the late reply", async () => {
    start(2000, 3000);
    await source.reply(rawFixtures.before);
    await vi.advanceTimersByTimeAsync(2000);
    expect(source.requests).toBe(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(store.getState()).toMatchObject({ stale: true, error: { kind: "timeout" } });
    expect(store.getState().snapshot).not.toBeNull();
    // Still in flight: no second request piles onto a slow agent.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(source.requests).toBe(2);
    await source.reply(rawFixtures.after);
    expect(store.getState().stale).toBe(false);
  });

  it("polls less often while snapshots are slow, to leave the guest its CPU", async () => {
    start(2000, 60_000);
    await vi.advanceTimersByTimeAsync(1500);
    await source.reply(rawFixtures.before);
    // 1.5 s per snapshot: the next poll waits 4 × 1.5 s, not 2 s.
    await vi.advanceTimersByTimeAsync(5999);
    expect(source.requests).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(source.requests).toBe(2);
    // A finished command still asks at once.
    await source.reply(rawFixtures.before);
    source.finishCommand();
    expect(source.requests).toBe(3);
  });

  it("keeps polling after a failed request", async () => {
    start();
    await source.failWith(new Error("agent restarted"));
    expect(store.getState().error?.kind).toBe("unavailable");
    await vi.advanceTimersByTimeAsync(2000);
    expect(source.requests).toBe(2);
  });

  it("stops asking and listening once stopped", async () => {
    start();
    await source.reply(rawFixtures.before);
    stop?.();
    source.finishCommand();
    store.getState().refresh();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(source.requests).toBe(1);
  });
});
