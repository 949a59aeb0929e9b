// One tab owns the student's saved machine: it autosaves, resets and loads sessions into it.
// A second tab on the same origin runs a machine of its own but writes nothing, says so, and
// can take over: the owner saves, lets go, and the new owner goes back to that save, so
// neither tab overwrites the other's newer work. Web Locks decide who owns; a BroadcastChannel
// carries the hand-over.
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
  useTabStore.setState({ role: "owner", handedOver: false, takingOver: false });
  if (wasVisitor) vmHost.reset({ forget: false, to: "saved" });
  return hold();
}

/** A visitor waits in the queue: when the owner closes or hands over, this tab owns. */
function queue(): void {
  void navigator.locks.request(LOCK, owned).catch(lost);
}

/** Another tab took the lock (steal): this tab writes nothing from now on, and queues again. */
function lost(): void {
  if (stopped) return;
  letGo = undefined;
  useTabStore.setState({ role: "visitor", handedOver: true });
  queue();
}

/** Starts ownership: this tab owns the saved machine if no other tab does. */
export function startTabOwnership(): () => void {
  if (!("locks" in navigator) || typeof BroadcastChannel === "undefined") {
    useTabStore.setState({ role: "owner" }); // nothing to coordinate with
    return () => undefined;
  }
  stopped = false;
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
    queue();
  });
  return () => {
    stopped = true;
    clearTimeout(stealTimer);
    letGo?.();
    letGo = undefined;
    channel?.close();
    channel = undefined;
  };
}

/** The owner's side of a hand-over: save what the student did here, then let go and queue. */
async function handOver(): Promise<void> {
  await saveMachine().catch(() => undefined);
  useTabStore.setState({ role: "visitor", handedOver: true });
  letGo?.();
  letGo = undefined;
  queue();
}

/** A visitor asks the owner to hand over; an owner that cannot answer loses the lock anyway. */
export function takeOver(): void {
  if (useTabStore.getState().role !== "visitor") return;
  useTabStore.setState({ takingOver: true });
  channel?.postMessage({ type: "handover-request" } satisfies TabMessage);
  clearTimeout(stealTimer);
  stealTimer = setTimeout(() => {
    void navigator.locks.request(LOCK, { steal: true }, owned).catch(lost);
  }, HANDOVER_TIMEOUT_MS);
}
