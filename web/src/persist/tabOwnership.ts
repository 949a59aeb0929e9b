// One tab owns the student's saved machine and lesson progress: it autosaves, resets and loads
// sessions into it, and only it writes progress. A second tab on the same origin runs a
// machine of its own but writes nothing, shows the owner's progress as it changes, says so,
// and can take over: the owner saves, lets go, and the new owner goes back to that save, so
// neither tab overwrites the other's newer work. A tab becomes the owner only when no other tab
// is, or when the student asks (a visitor does not wait in line: when the owner reloaded, the
// visitor took the machine from it). Web Locks decide who owns; a BroadcastChannel carries the
// hand-over.
import { PROGRESS_STORAGE_KEY, useProgressStore } from "../lessons/index.ts";
import { setWriteGate } from "../storage/storageWrites.ts";
import { vmHost } from "../vm/vmHost.ts";
import { saveMachine } from "./saveMachine.ts";
import { useTabStore } from "./tabStore.ts";

const LOCK = "container-lab.saved-machine";
const CHANNEL = "container-lab.tabs";
/** How long a new page waits for the lock before it calls itself a second tab (a reload). */
const RELOAD_GRACE_MS = 2_000;
/** How long a taking-over tab waits for the owner to save and let go before taking anyway. */
export const HANDOVER_TIMEOUT_MS = 15_000;

type TabMessage = { type: "handover-request" };

let channel: BroadcastChannel | undefined;
let letGo: (() => void) | undefined;
let stealTimer: ReturnType<typeof setTimeout> | undefined;
let stopped = false;

/** Holds the lock until `letGo()`. */
function hold(): Promise<void> {
  return new Promise<void>((resolve) => (letGo = resolve));
}

/**
 * The lock is ours. A tab that was a visitor ran a machine of its own since the owner's last
 * save: it goes back to that save before it writes anything.
 */
function owned(lock: Lock | null): Promise<void> | undefined {
  if (stopped || !lock) return undefined;
  clearTimeout(stealTimer);
  const wasVisitor = useTabStore.getState().role === "visitor";
  // A visitor's progress was never written: it takes the owner's before it writes any.
  if (wasVisitor) void useProgressStore.persist.rehydrate();
  useTabStore.setState({ role: "owner", handedOver: false, takingOver: false });
  if (wasVisitor) vmHost.reset({ forget: false, to: "saved" });
  return hold();
}

/** Another tab took the lock (steal): this tab writes nothing from now on. */
function lost(): void {
  if (stopped) return;
  letGo = undefined;
  useTabStore.setState({ role: "visitor", handedOver: true });
}

/** A visitor shows the owner's progress as the owner writes it. */
function followProgress(event: StorageEvent): void {
  if (event.key === PROGRESS_STORAGE_KEY && useTabStore.getState().role === "visitor")
    void useProgressStore.persist.rehydrate();
}

/** Starts ownership: this tab owns the saved machine if no other tab does. */
export function startTabOwnership(): () => void {
  if (!("locks" in navigator) || typeof BroadcastChannel === "undefined") {
    useTabStore.setState({ role: "owner" }); // nothing to coordinate with
    return () => undefined;
  }
  stopped = false;
  setWriteGate((kind) => kind !== "progress" || useTabStore.getState().role !== "visitor");
  window.addEventListener("storage", followProgress);
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    if (event.data.type === "handover-request" && useTabStore.getState().role === "owner") void handOver();
  };
  // A reload asks before the page it replaces has let go: wait a moment before calling this
  // tab a visitor.
  void navigator.locks.request(LOCK, { signal: AbortSignal.timeout(RELOAD_GRACE_MS) }, owned).catch(() => {
    if (stopped) return;
    // A timeout: another tab owns it. Anything else (a steal, later): this tab lost it.
    if (useTabStore.getState().role === "owner") return lost();
    useTabStore.setState({ role: "visitor" });
  });
  return () => {
    stopped = true;
    setWriteGate(() => true);
    window.removeEventListener("storage", followProgress);
    clearTimeout(stealTimer);
    letGo?.();
    letGo = undefined;
    channel?.close();
    channel = undefined;
  };
}

/** The owner's side of a hand-over: save what the student did here, then let go. */
async function handOver(): Promise<void> {
  await saveMachine().catch(() => undefined);
  useTabStore.setState({ role: "visitor", handedOver: true });
  letGo?.();
  letGo = undefined;
}

/**
 * A visitor asks to own: at once when no tab owns (the owner closed); else the owner hands over,
 * and one that cannot answer loses the lock anyway.
 */
export function takeOver(): void {
  if (useTabStore.getState().role !== "visitor") return;
  useTabStore.setState({ takingOver: true });
  void navigator.locks
    .request(LOCK, { ifAvailable: true }, (lock) => {
      if (lock) return owned(lock);
      channel?.postMessage({ type: "handover-request" } satisfies TabMessage);
      const waiting = new AbortController();
      void navigator.locks.request(LOCK, { signal: waiting.signal }, owned).catch(() => {
        if (!waiting.signal.aborted) lost();
      });
      clearTimeout(stealTimer);
      stealTimer = setTimeout(() => {
        waiting.abort();
        void navigator.locks.request(LOCK, { steal: true }, owned).catch(lost);
      }, HANDOVER_TIMEOUT_MS);
      return undefined;
    })
    .catch(lost);
}
