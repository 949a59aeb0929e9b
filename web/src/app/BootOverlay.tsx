// Covers the terminal until the machine is up: what it is doing, how much is downloaded,
// and on failure what went wrong with a way to try again.
import { useVmStore, downloadedBytes } from "../vm/vmStore.ts";
import { vmHost } from "../vm/vmHost.ts";
import type { BootPhase } from "../vm/workerMessages.ts";
import { appStrings } from "./strings.ts";
import { formatBytes } from "./formatBytes.ts";
import { coldReasonKey } from "./coldReason.ts";

const PHASE_KEYS = {
  idle: "phaseIdle",
  downloading: "phaseDownloading",
  restoring: "phaseRestoring",
  booting: "phaseBooting",
  "starting-agent": "phaseStartingAgent",
  ready: "phaseReady",
  failed: "phaseFailed",
} as const satisfies Record<BootPhase, string>;

export function BootOverlay() {
  const phase = useVmStore((s) => s.phase);
  const downloads = useVmStore((s) => s.downloads);
  const error = useVmStore((s) => s.error);
  const coldReason = useVmStore((s) => s.coldReason);
  const t = appStrings.useStrings();
  if (phase === "ready") return null;
  const { loaded, total } = downloadedBytes(downloads);
  const percent = total > 0 ? Math.round((loaded / total) * 100) : undefined;
  return (
    <div className="boot-overlay" data-testid="boot-overlay" data-phase={phase}>
      {phase === "failed" ? (
        <div className="boot-overlay__card" role="alert">
          <h2>{t("failedTitle")}</h2>
          <p className="boot-overlay__error">{error}</p>
          <button type="button" onClick={() => vmHost.start()} autoFocus>
            {t("retry")}
          </button>
        </div>
      ) : (
        <div className="boot-overlay__card" role="status" aria-live="polite">
          <p className="boot-overlay__phase">{t(PHASE_KEYS[phase])}</p>
          {coldReason && phase === "booting" && (
            <p className="boot-overlay__notice">
              {t("coldBootNotice", { reason: t(coldReasonKey(coldReason)) })}
            </p>
          )}
          <progress
            max={100}
            value={phase === "downloading" ? percent : undefined}
            aria-label={t(PHASE_KEYS[phase])}
          />
          <p className="boot-overlay__bytes">
            {t("bytes", { loaded: formatBytes(loaded), total: formatBytes(total) })}
          </p>
        </div>
      )}
    </div>
  );
}
