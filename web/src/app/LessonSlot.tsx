// The lesson pane, running on the machine (and, on a kiosk, showing the instructor's chapters).
import { LessonPane } from "../lessons/index.ts";
import { useKioskStore } from "../kiosk/kioskStore.ts";
import { lessonRuntime } from "./machineRuntime.ts";

export function LessonSlot() {
  const chapterIds = useKioskStore((s) => (s.active ? s.config?.chapters : undefined));
  return <LessonPane {...lessonRuntime} chapterIds={chapterIds} />;
}
