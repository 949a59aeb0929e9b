// Saves the machine into the browser, one save at a time; failures become a visible message.
import { vmHost, type SaveResult } from "../vm/vmHost.ts";
import { usePersistStore } from "./persistStore.ts";
import { ownsSavedMachine } from "./tabStore.ts";

let inFlight: Promise<SaveResult> | undefined;

/** Another tab owns the saved machine: this one writes nothing (tabOwnership.ts). */
const ELSEWHERE: SaveResult = { ok: false, quota: false, message: "another tab has the saved machine" };

export function saveMachine(): Promise<SaveResult> {
  if (!ownsSavedMachine()) return Promise.resolve(ELSEWHERE);
  if (inFlight) return inFlight;
  usePersistStore.setState({ saving: true, dirty: false });
  inFlight = vmHost.save().then((result) => {
    inFlight = undefined;
    if (result.ok) {
      usePersistStore.setState({
        saving: false,
        error: undefined,
        lastSavedAt: result.savedAt,
        lastSaveBytes: result.bytes,
        lastSaveMs: result.ms,
      });
    } else {
      usePersistStore.setState({
        saving: false,
        dirty: true,
        error: result.unhealthy
          ? { kind: "unhealthy", reason: result.unhealthy }
          : { kind: result.quota ? "quota" : "failed", message: result.message },
      });
    }
    return result;
  });
  return inFlight;
}
