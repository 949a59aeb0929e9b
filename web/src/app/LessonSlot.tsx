// The lesson pane, running on the machine.
import { LessonPane } from "../lessons/index.ts";
import { lessonRuntime } from "./machineRuntime.ts";

export function LessonSlot() {
  return <LessonPane {...lessonRuntime} />;
}
