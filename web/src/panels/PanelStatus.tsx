// The line above every panel: when the data is from, and, after a failed request, a stale
// marker with the reason. The last good data stays on screen below it.
import { useLanguageStore } from "../i18n/languageStore.ts";
import { useSnapshotStore } from "./snapshotStore.ts";
import { usePanelStrings } from "./strings.ts";
import "./PanelStatus.css";

export function PanelStatus() {
  const t = usePanelStrings();
  const language = useLanguageStore((s) => s.language);
  const hasData = useSnapshotStore((s) => s.snapshot !== null);
  const updatedAt = useSnapshotStore((s) => s.updatedAt);
  const stale = useSnapshotStore((s) => s.stale);
  const error = useSnapshotStore((s) => s.error);
  const refresh = useSnapshotStore((s) => s.refresh);

  return (
    <div className="panel-status" data-testid="panel-status" data-stale={stale || undefined}>
      <span className="panel-status__time">
        {updatedAt === null
          ? t("status.waiting")
          : t("status.updated", { time: new Date(updatedAt).toLocaleTimeString(language) })}
      </span>
      {stale && (
        <span className="panel-status__stale" data-testid="panel-stale">
          {t("status.stale")}
        </span>
      )}
      <button type="button" className="panel-status__refresh" onClick={refresh}>
        {t("status.refresh")}
      </button>
      {/* A live region that only changes when a request fails or recovers, not every tick. */}
      <div className="panel-status__message" role="status">
        {error && (
          <p data-testid="panel-error">
            {t(`status.error.${error.kind}`)} {hasData && t("status.keptData")}{" "}
            <span className="panel-status__detail">{t("status.detail", { detail: error.detail })}</span>
          </p>
        )}
      </div>
    </div>
  );
}
