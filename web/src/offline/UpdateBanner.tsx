import { defineStrings } from "../i18n/defineStrings.ts";
import { useOfflineStore } from "./offlineStore.ts";
import { applyUpdate } from "./registerServiceWorker.ts";
import { saveMachine } from "../persist/saveMachine.ts";

const strings = defineStrings(
  {
    update: "A new version of the lab is ready. Your progress and machine are kept.",
    reload: "Switch now",
  },
  {
    update: "ラボの新しいバージョンを利用できます。進捗とマシンはそのまま残ります。",
    reload: "今すぐ切り替える",
  },
);

export function UpdateBanner() {
  const waiting = useOfflineStore((s) => s.updateWaiting);
  const t = strings.useStrings();
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
