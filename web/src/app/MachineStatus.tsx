// Header status: how the machine started (snapshot or cold boot, and why) and its health.
import { useLanguageStore } from "../i18n/languageStore.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { appStrings } from "./strings.ts";
import { coldReasonKey } from "./coldReason.ts";

export function MachineStatus() {
  const { phase, mode, bootMs, coldReason, savedAt } = useVmStore();
  const language = useLanguageStore((s) => s.language);
  const t = appStrings.useStrings();
  if (phase !== "ready" || bootMs === undefined) return null;
  const ms = Math.round(bootMs);
  // Says what the page really started from: the shipped machine, the student's save, or a boot.
  let text = t("coldBoot", { ms });
  if (mode === "snapshot") text = t("startedFromSnapshot", { ms });
  else if (mode === "resumed")
    text = savedAt
      ? t("resumedFromSave", { ms, time: new Date(savedAt).toLocaleTimeString(language) })
      : t("resumedFromFile", { ms });
  return (
    <span className="machine-status" data-testid="machine-status" data-mode={mode}>
      {text}
      {mode === "cold" && coldReason ? ` — ${t(coldReasonKey(coldReason))}` : ""}
    </span>
  );
}
