// The machine as the lesson engine and the panels see it: their small interfaces, backed by
// vmHost. Module-level objects, so their identity (and the feeds built on them) stays stable.
import { SETUP_TIMEOUT_MS, type LessonRuntime } from "../lessons/index.ts";
import { focusPanelByName, type SnapshotSource } from "../panels/index.ts";
import { useLayoutStore } from "../layout/layoutStore.ts";
import { ownsSavedMachine } from "../persist/tabStore.ts";
import { execInGuest } from "../vm/agentExec.ts";
import { vmHost } from "../vm/vmHost.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { openInEditor } from "../editor/index.ts";

/** Calls `listener` when the console is back at a prompt after a command line ran. */
function onPromptAfterCommand(listener: () => void): () => void {
  let ran = false;
  return vmHost.onMark((mark) => {
    if (mark.kind === "output") ran = true;
    if (mark.kind === "input" && ran) {
      ran = false;
      listener();
    }
  });
}

export const lessonRuntime: LessonRuntime = {
  // Enter is a carriage return from a keyboard; a here-document types its lines the same way.
  runInTerminal: (command) => vmHost.sendInput(`${command.replace(/\n/g, "\r")}\r`),
  execCheck: async (script, timeoutMs) => {
    if (useVmStore.getState().phase !== "ready") return null;
    try {
      return await execInGuest(vmHost, script, timeoutMs);
    } catch {
      return null;
    }
  },
  runSetup: async (script) => {
    if (useVmStore.getState().phase !== "ready") return false;
    try {
      const result = await execInGuest(vmHost, script, SETUP_TIMEOUT_MS);
      return result.exit_code === 0;
    } catch {
      return false;
    }
  },
  writeFile: async (path, base64, mode) => {
    if (useVmStore.getState().phase !== "ready") return false;
    try {
      // A file of a few MiB crosses the emulated console at roughly 1 MB/s.
      await vmHost.request(
        "write_file",
        { path, content: base64, encoding: "base64", mode },
        { timeoutMs: SETUP_TIMEOUT_MS },
      );
      return true;
    } catch {
      return false;
    }
  },
  onCommandFinished: onPromptAfterCommand,
  // As the header's "Reset machine": the saved machine is forgotten only by the tab that owns it.
  resetMachine: () => vmHost.reset({ forget: ownsSavedMachine() }),
  onMachineReady: (listener) =>
    useVmStore.subscribe((state, before) => {
      const up = (s: typeof state) => s.phase === "ready" && s.promptShown;
      if (up(state) && !up(before)) listener();
    }),
  focusPanel: (name, highlight) => {
    // A collapsed pane cannot show anything: open it first.
    useLayoutStore.getState().expand("panels");
    focusPanelByName(name, highlight);
  },
  openFile: (path) => openInEditor(path),
};

export const snapshotSource: SnapshotSource = {
  requestSnapshot: () => vmHost.request("snapshot", {}, { timeoutMs: 8_000 }),
  onCommandFinished: (listener) =>
    vmHost.onMark((mark) => {
      if (mark.kind === "finished") listener();
    }),
};
