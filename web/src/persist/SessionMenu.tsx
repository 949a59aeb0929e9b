// Header menu: save state, save now, download my session, load a session.
import { useRef, useState } from "react";
import { useLanguageStore } from "../i18n/languageStore.ts";
import { downloadFile as download } from "../storage/downloadFile.ts";
import { usePersistStore } from "./persistStore.ts";
import { saveMachine } from "./saveMachine.ts";
import { useTabStore } from "./tabStore.ts";
import { vmHost } from "../vm/vmHost.ts";
import { useVmStore } from "../vm/vmStore.ts";
import {
  checkSession,
  exportSession,
  importSession,
  sessionFileName,
  type CheckedSession,
} from "./sessionTransfer.ts";
import { persistStrings } from "./strings.ts";
import "./SessionMenu.css";

/** @param loads whether "Load a session…" is offered (not on a workshop station). */
export function SessionMenu({ loads = true }: { loads?: boolean }) {
  const t = persistStrings.useStrings();
  const language = useLanguageStore((s) => s.language);
  const { saving, lastSavedAt, error } = usePersistStore();
  // A second tab writes nothing into the saved machine (tabOwnership.ts): it may only download.
  const elsewhere = useTabStore((s) => s.role === "visitor");
  const resumedFrom = useVmStore((s) => (s.mode === "resumed" ? s.savedAt : undefined));
  const lastSave = lastSavedAt ?? resumedFrom;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();
  // A session file read and checked, waiting for the student to say it may replace their work.
  const [pending, setPending] = useState<{ name: string; session: CheckedSession }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const time = (ms: number) => new Date(ms).toLocaleTimeString(language);
  const dateTime = (ms: number) => new Date(ms).toLocaleString(language);
  const downloadMine = () =>
    guard("download", async () => {
      download(await exportSession(), sessionFileName());
    });

  let status = t("notSaved");
  if (elsewhere) status = t("elsewhere");
  else if (saving) status = t("saving");
  else if (error?.kind === "quota") status = t("quota");
  else if (error?.kind === "unhealthy") status = t(`unhealthy.${error.reason}`);
  else if (error) status = t("saveFailed", { message: error.message });
  else if (lastSavedAt) status = t("savedAt", { time: time(lastSavedAt) });

  const guard = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setMessage(undefined);
    try {
      await work();
    } catch (failure) {
      setMessage(t("loadFailed", { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="session-menu">
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t("menuLabel")}
        data-testid="session-menu"
        className={error ? "session-menu__button session-menu__button--error" : "session-menu__button"}
        onClick={() => setOpen((o) => !o)}
      >
        {t("menu")}
      </button>
      {open && (
        <div className="session-menu__popup" role="group" aria-label={t("menuLabel")}>
          <p className="session-menu__status" role="status" data-testid="save-status">
            {status}
          </p>
          <button
            type="button"
            disabled={saving || elsewhere}
            data-testid="save-now"
            onClick={() => void saveMachine()}
          >
            {t("saveNow")}
          </button>
          {lastSave !== undefined && (
            <button
              type="button"
              data-testid="back-to-save"
              onClick={() => {
                setOpen(false);
                vmHost.reset({ forget: false, to: "saved" });
              }}
            >
              {t("backToSave", { time: time(lastSave) })}
            </button>
          )}
          <button
            type="button"
            disabled={busy !== undefined}
            data-testid="download-session"
            onClick={() => void downloadMine()}
          >
            {t("download")}
          </button>
          {loads ? (
            <button
              type="button"
              disabled={busy !== undefined || elsewhere}
              onClick={() => fileInput.current?.click()}
            >
              {t("load")}
            </button>
          ) : (
            <p className="session-menu__status" data-testid="no-load">
              {t("noLoadHere")}
            </p>
          )}
          <input
            ref={fileInput}
            type="file"
            accept=".clab"
            hidden
            data-testid="load-session"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file && loads)
                void guard("inspect", async () => {
                  setPending({ name: file.name, session: await checkSession(file) });
                });
            }}
          />
          {pending && (
            <div
              className="session-menu__confirm"
              role="alertdialog"
              aria-label={t("load")}
              data-testid="load-confirm"
            >
              <p>
                {t("replaceWarning", {
                  file: pending.name,
                  sessionTime: dateTime(pending.session.header.savedAt),
                  yours: lastSave === undefined ? t("neverSaved") : dateTime(lastSave),
                })}
              </p>
              <button type="button" disabled={busy !== undefined} onClick={() => void downloadMine()}>
                {t("downloadFirst")}
              </button>
              <button
                type="button"
                disabled={busy !== undefined}
                data-testid="confirm-load"
                onClick={() => {
                  const { session } = pending;
                  setPending(undefined);
                  void guard("load", async () => {
                    await importSession(session);
                    setMessage(t("loaded"));
                  });
                }}
              >
                {t("replace")}
              </button>
              <button type="button" onClick={() => setPending(undefined)}>
                {t("cancel")}
              </button>
            </div>
          )}
          {busy === "load" && <p role="status">{t("loading")}</p>}
          {message && (
            <p className="session-menu__message" role="alert">
              {message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
