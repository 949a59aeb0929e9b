// Says when the lab can work without a network: after the first visit has saved the app and
// every file of its tools in the browser. Until then a student who goes offline (a workshop's
// Wi-Fi) finds container commands waiting for downloads.
import { offlineStrings } from "./strings.ts";
import { useOfflineStore } from "./offlineStore.ts";

export function OfflineStatus() {
  const { enabled, ready, lazyCached, lazyFailed } = useOfflineStore();
  const t = offlineStrings.useStrings();
  if (!enabled) return null;
  const state = lazyFailed !== undefined ? "failed" : ready && lazyCached ? "ready" : "preparing";
  const title =
    state === "failed"
      ? t("notReadyTitle", { message: lazyFailed ?? "" })
      : state === "ready"
        ? t("readyTitle")
        : t("preparingTitle");
  return (
    <span
      className={`offline-status offline-status--${state}`}
      data-testid="offline-status"
      data-state={state}
      title={title}
    >
      {state === "ready" ? t("ready") : state === "failed" ? t("notReady") : t("preparing")}
    </span>
  );
}
