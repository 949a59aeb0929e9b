// Header status: how the machine started (snapshot or cold boot, and why) and its health.
import { useVmStore } from "../vm/vmStore.ts";
import { appStrings } from "./strings.ts";
import { coldReasonKey } from "./coldReason.ts";

export function MachineStatus() {
  const { phase, mode, bootMs, coldReason } = useVmStore();
  const t = appStrings.useStrings();
  if (phase !== "ready" || bootMs === undefined) return null;
  const ms = Math.round(bootMs);
  const text = mode === "snapshot" ? t("startedFromSnapshot", { ms }) : t("coldBoot", { ms });
  return (
    <span className="machine-status" data-testid="machine-status" data-mode={mode}>
      {text}
      {mode === "cold" && coldReason ? ` — ${t(coldReasonKey(coldReason))}` : ""}
    </span>
  );
}
