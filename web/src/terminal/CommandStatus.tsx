import { useVmStore } from "../vm/vmStore.ts";
import { terminalStrings } from "./strings.ts";

/** The shell's state as its OSC 133 marks tell it: running, or how the last command ended. */
export function CommandStatus() {
  const running = useVmStore((s) => s.commandRunning);
  const last = useVmStore((s) => s.lastCommand);
  const t = terminalStrings.useStrings();
  let text = t("idle");
  let tone = "neutral";
  if (running) {
    text = t("running");
    tone = "busy";
  } else if (last) {
    text = t("lastExit", { code: last.exitCode });
    tone = last.exitCode === 0 ? "ok" : "error";
  }
  return (
    <span
      className={`command-status command-status--${tone}`}
      role="status"
      data-testid="command-status"
      data-exit-code={!running && last ? last.exitCode : undefined}
      data-seq={last?.seq ?? 0}
    >
      {text}
    </span>
  );
}
