// When to save the student's machine without being asked: after a step is completed, when the
// page is hidden or closed, and every minute while something changed. The save itself runs in
// the emulator worker, so none of this blocks the page.
import { useProgressStore } from "../lessons/index.ts";
import { vmHost } from "../vm/vmHost.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { usePersistStore } from "./persistStore.ts";
import { saveMachine } from "./saveMachine.ts";

export const AUTOSAVE_INTERVAL_MS = 60_000;

function doneCount(): number {
  let done = 0;
  for (const chapter of Object.values(useProgressStore.getState().chapters)) {
    for (const step of Object.values(chapter.steps)) if (step.doneAt) done++;
  }
  return done;
}

function saveIfChanged(): void {
  if (usePersistStore.getState().dirty && useVmStore.getState().phase === "ready") void saveMachine();
}

/** Starts autosaving; returns a function that stops it. */
export function startAutosave(intervalMs = AUTOSAVE_INTERVAL_MS): () => void {
  const markDirty = () => {
    if (!usePersistStore.getState().dirty) usePersistStore.setState({ dirty: true });
  };
  const offMark = vmHost.onMark((mark) => {
    if (mark.kind === "finished") markDirty();
  });
  let done = doneCount();
  const offProgress = useProgressStore.subscribe(() => {
    const now = doneCount();
    if (now > done && useVmStore.getState().phase === "ready") void saveMachine();
    done = now;
  });
  const onHide = () => {
    if (document.visibilityState === "hidden") saveIfChanged();
  };
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", saveIfChanged);
  const timer = setInterval(saveIfChanged, intervalMs);
  return () => {
    offMark();
    offProgress();
    document.removeEventListener("visibilitychange", onHide);
    window.removeEventListener("pagehide", saveIfChanged);
    clearInterval(timer);
  };
}
