// The lesson pane, running on the machine (and, on a kiosk, showing the instructor's chapters).
import { LessonPane } from "../lessons/pane.ts";
import { useKioskStore } from "../kiosk/kioskStore.ts";
import { lessonRuntime } from "./machineRuntime.ts";
import { useVmStore } from "../vm/vmStore.ts";

export function LessonSlot() {
  const chapterIds = useKioskStore((s) => (s.active ? s.config?.chapters : undefined));
  // Lessons are parsed once the prompt is up (or the machine could not start): never before it.
  const machineSettled = useVmStore((s) => (s.phase === "ready" && s.promptShown) || s.phase === "failed");
  return <LessonPane runtime={lessonRuntime} chapterIds={chapterIds} loadLessons={machineSettled} />;
}
