// Offers a reset when the guest stops answering (agent heartbeat) or the kernel panicked.
import { useVmStore } from "../vm/vmStore.ts";
import { vmHost } from "../vm/vmHost.ts";
import { appStrings } from "./strings.ts";

export function HealthBanner() {
  const health = useVmStore((s) => s.health);
  const t = appStrings.useStrings();
  if (health === "ok") return null;
  return (
    <div className="health-banner" role="alert" data-testid="health-banner">
      <span>{health === "panicked" ? t("panicked") : t("unresponsive")}</span>
      <button type="button" onClick={() => vmHost.reset({ forget: false })}>
        {t("resetNow")}
      </button>
    </div>
  );
}
