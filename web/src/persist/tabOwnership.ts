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
/** How long a taking-over tab waits for the owner to save and let go before taking anyway. */
export const HANDOVER_TIMEOUT_MS = 15_000;

type TabMessage = { type: "handover-request" } | { type: "handed-over" };

let channel: BroadcastChannel | undefined;
let letGo: (() => void) | undefined;

function hold(): Promise<void> {
  return new Promise<void>((resolve) => (letGo = resolve));
}

/** Starts ownership: this tab owns the saved machine if no other tab does. */
export function startTabOwnership(): () => void {
  if (!("locks" in navigator) || typeof BroadcastChannel === "undefined") {
    useTabStore.setState({ role: "owner" }); // nothing to coordinate with
    return () => undefined;
  }
  let stopped = false;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    if (event.data.type === "handover-request" && useTabStore.getState().role === "owner") void handOver();
  };
  void navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
    if (stopped) return; // stopped before the answer came (React's development double start)
    if (!lock) {
      useTabStore.setState({ role: "visitor" });
      return;
    }
    useTabStore.setState({ role: "owner" });
    return hold();
  });
  return () => {
    stopped = true;
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
  channel?.postMessage({ type: "handed-over" } satisfies TabMessage);
}

/** A visitor takes the machine over: once the owner has saved and let go, go back to that save. */
export async function takeOver(): Promise<void> {
  if (useTabStore.getState().role !== "visitor") return;
  useTabStore.setState({ takingOver: true });
  const acquired = new Promise<void>((granted) => {
    void navigator.locks.request(LOCK, () => {
      granted();
      return hold();
    });
  });
  channel?.postMessage({ type: "handover-request" } satisfies TabMessage);
  // An owner that cannot answer (a hung page) loses the lock after a while.
  const timer = setTimeout(() => {
    void navigator.locks.request(LOCK, { steal: true }, () => hold());
  }, HANDOVER_TIMEOUT_MS);
  await acquired;
  clearTimeout(timer);
  useTabStore.setState({ role: "owner", handedOver: false, takingOver: false });
  vmHost.reset({ forget: false, to: "saved" });
}
