// Offers a way out when the guest stops answering (agent heartbeat), the kernel panicked, or
// the guest was shut down from inside: back to the student's last saved machine (only healthy
// machines are saved, so it works), or a fresh one.
import { useLanguageStore } from "../i18n/languageStore.ts";
import { usePersistStore } from "../persist/persistStore.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { vmHost } from "../vm/vmHost.ts";
import { appStrings } from "./strings.ts";

export function HealthBanner() {
  const health = useVmStore((s) => s.health);
  const resumedFrom = useVmStore((s) => (s.mode === "resumed" ? s.savedAt : undefined));
  const lastSavedAt = usePersistStore((s) => s.lastSavedAt) ?? resumedFrom;
  const language = useLanguageStore((s) => s.language);
  const t = appStrings.useStrings();
  // A command waiting for a file that could not be downloaded is not a runaway process: the
  // lazy-file banner says what it is.
  const waitingForFile = useVmStore((s) => s.lazyFailure !== undefined);
  if (health === "ok" || waitingForFile) return null;
  return (
    <div className="health-banner" role="alert" data-testid="health-banner">
      <span>{t(health)}</span>
      {lastSavedAt !== undefined && (
        <button
          type="button"
          data-testid="restore-saved"
          onClick={() => vmHost.reset({ forget: false, to: "saved" })}
        >
          {t("restoreSaved", { time: new Date(lastSavedAt).toLocaleTimeString(language) })}
        </button>
      )}
      <button type="button" data-testid="reset-fresh" onClick={() => vmHost.reset({ forget: false })}>
        {t("resetNow")}
      </button>
    </div>
  );
}
