// Wires the lesson engine to the machine: the lesson pane gets a terminal to type into,
// an agent to run checks with, and the shell's "command finished" events.
export function LessonSlot() {
  return null;
}
