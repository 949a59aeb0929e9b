// When a file of the lab's tools could not be downloaded (offline too early, a server error):
// what happened, that the command waits rather than hangs, and a retry.
import { useVmStore } from "../vm/vmStore.ts";
import { vmHost } from "../vm/vmHost.ts";
import { appStrings } from "./strings.ts";

export function LazyFileBanner() {
  const failure = useVmStore((s) => s.lazyFailure);
  const t = appStrings.useStrings();
  if (failure === undefined) return null;
  return (
    <div className="health-banner" role="alert" data-testid="lazy-file-banner">
      <span>{failure === "offline" ? t("lazyOffline") : t("lazyFailed", { message: failure })}</span>
      <button type="button" data-testid="lazy-retry" onClick={() => vmHost.retryLazyFiles()}>
        {t("retryDownload")}
      </button>
    </div>
  );
}
