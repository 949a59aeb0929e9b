// What the lesson pane needs from the rest of the app: a terminal to type into, the guest
// agent to run checks, and the panels. The app provides it; tests provide a fake.

export interface LessonRuntime {
  /** Types `command` and Enter into the student's terminal (one line; no trailing newline). */
  runInTerminal(command: string): void;
  /**
   * Runs a check script in the guest through the agent (`exec`, bash, with a timeout such as
   * CHECK_TIMEOUT_MS) and resolves true when it exits 0. The pane passes the script already
   * wrapped by `wrapCheck`. Resolve false (do not reject) when the machine is not ready.
   */
  runCheck(script: string): Promise<boolean>;
  /**
   * Calls `listener` each time the console is back at a prompt after a command line was
   * accepted (OSC 133 C followed by B): after a command finished, and also when a nested
   * shell such as `unshare --uts bash` prints its first prompt. Returns an unsubscribe function.
   */
  onCommandFinished(listener: () => void): () => void;
  /** Brings a panel to the front (namespaces, cgroups, processes, mounts) and highlights an item in it. */
  focusPanel?(name: string, highlight?: string): void;
  /** Opens a file of the guest in the editor (`::editor{path}`). */
  openFile?(path: string): void;
}
