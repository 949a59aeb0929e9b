// What the lesson pane needs from the rest of the app: a terminal to type into, the guest
// agent to run checks, and the panels. The app provides it; tests provide a fake.
import type { CheckRun } from "./runChecks.ts";

export interface LessonRuntime {
  /** Types `command` and Enter into the student's terminal (one line; no trailing newline). */
  runInTerminal(command: string): void;
  /**
   * Runs one check script in the guest through the agent (`exec`, bash) within `timeoutMs`.
   * Resolves null (does not reject) when the machine cannot run it yet. The pane decides what
   * the result means (runChecks.ts).
   */
  execCheck(script: string, timeoutMs: number): Promise<CheckRun | null>;
  /**
   * Runs a chapter's `setup:` script as root through the agent and resolves whether it exited 0.
   * Optional: without it, chapters open without their set-up.
   */
  runSetup?(script: string): Promise<boolean>;
  /**
   * Writes a file in the guest as root (base64 content, permission bits) and resolves whether
   * it worked: how a chapter's `files/` reach the machine. Optional, like `runSetup`.
   */
  writeFile?(path: string, base64: string, mode: number): Promise<boolean>;
  /**
   * Calls `listener` each time the console is back at a prompt after a command line was
   * accepted (OSC 133 C followed by B): after a command finished, and also when a nested
   * shell such as `unshare --uts bash` prints its first prompt. Returns an unsubscribe function.
   */
  onCommandFinished(listener: () => void): () => void;
  /** Replaces the machine with a fresh one (a chapter with `restart: fresh`). Optional. */
  resetMachine?(): void;
  /**
   * Calls `listener` each time the machine is up and at its first prompt again (after a reset
   * or a restore), when a chapter's set-up may be missing from it. Returns an unsubscribe function.
   */
  onMachineReady?(listener: () => void): () => void;
  /** Brings a panel to the front (namespaces, cgroups, processes, mounts) and highlights an item in it. */
  focusPanel?(name: string, highlight?: string): void;
  /** Opens a file of the guest in the editor (`::editor{path}`). */
  openFile?(path: string): void;
}
