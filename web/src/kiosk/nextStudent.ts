// Hands the station to the next student: the session's record for the instructor, then a
// fresh machine, no progress, the chapter list.
import { useCourseStore, useProgressStore } from "../lessons/index.ts";
import { useClassRecords } from "./classRecords.ts";
import { finishSession } from "./sessionRecord.ts";
import { vmHost } from "../vm/vmHost.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { usePersistStore } from "../persist/persistStore.ts";
import { useKioskStore } from "./kioskStore.ts";

/** The parsed course, for the record's titles and totals; the pane parses it soon after a load. */
function courseLoaded(timeoutMs: number): Promise<void> {
  if (useCourseStore.getState().loaded) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = useCourseStore.subscribe((state) => {
      if (state.loaded) done();
    });
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

export async function nextStudent(): Promise<number> {
  const started = performance.now();
  useKioskStore.setState({ resetting: true });
  await courseLoaded(10_000);
  const records = useClassRecords.getState();
  const record = finishSession(
    records.current,
    useProgressStore.getState().chapters,
    useCourseStore.getState().course.chapters,
    records.nextSession,
    Date.now(),
    useKioskStore.getState().config?.askName ?? false,
  );
  if (record) records.add(record);
  records.startNext();
  useProgressStore.setState({ chapters: {} });
  usePersistStore.setState({ dirty: false, lastSavedAt: undefined, error: undefined });
  window.location.hash = "";
  vmHost.reset({ forget: true });
  // Ready again after having been away from ready: the fresh machine, not the old one.
  await new Promise<void>((resolve) => {
    let restarted = false;
    const unsubscribe = useVmStore.subscribe((state) => {
      if (state.phase !== "ready") restarted = true;
      if (restarted && (state.phase === "ready" || state.phase === "failed")) {
        unsubscribe();
        resolve();
      }
    });
  });
  const ms = performance.now() - started;
  useKioskStore.setState((s) => ({ resetting: false, lastResetMs: ms, resets: s.resets + 1 }));
  return ms;
}
