import { offlineStrings } from "./strings.ts";
import { useOfflineStore } from "./offlineStore.ts";
import { applyUpdate } from "./registerServiceWorker.ts";
import { saveMachine } from "../persist/saveMachine.ts";

export function UpdateBanner() {
  const waiting = useOfflineStore((s) => s.updateWaiting);
  const t = offlineStrings.useStrings();
  if (!waiting) return null;
  return (
    <div className="notice" role="status" data-testid="update-banner">
      <span>{t("update")}</span>
      <button type="button" onClick={() => void saveMachine().finally(applyUpdate)}>
        {t("reload")}
      </button>
    </div>
  );
}
