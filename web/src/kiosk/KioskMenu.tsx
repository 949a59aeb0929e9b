// The instructor's menu on a workshop station, behind the PIN in kiosk.json: how many sessions
// the station has recorded, their download as CSV, and deleting them. Students see only the
// button; the records themselves are never on screen.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { downloadFile } from "../storage/downloadFile.ts";
import { useClassRecords } from "./classRecords.ts";
import { recordsToCsv } from "./sessionRecord.ts";
import { minutesLocked, readPinGuard, tryPin, writePinGuard } from "./pinGuard.ts";
import { kioskStrings } from "./strings.ts";

export function KioskMenu({ pin, withNames }: { pin: string; withNames: boolean }): ReactNode {
  const t = kioskStrings.useStrings();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [unlocked, setUnlocked] = useState(false);
  const [entry, setEntry] = useState("");
  const [message, setMessage] = useState<string>();
  const { records, unreadable, clear } = useClassRecords();
  const rows = records.reduce((sum, r) => sum + r.chapters.length, 0);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const close = () => {
    setOpen(false);
    setUnlocked(false);
    setEntry("");
    setMessage(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const now = Date.now();
    // Read again: another page of this station (a reload) may have counted entries meanwhile.
    const result = tryPin(readPinGuard(), entry, pin, now);
    writePinGuard(result.guard);
    setEntry("");
    if (result.ok) {
      setUnlocked(true);
      setMessage(undefined);
      return;
    }
    const minutes = minutesLocked(result.guard, now);
    setMessage(minutes > 0 ? t("pinLocked", { minutes }) : t("pinWrong"));
  };

  return (
    <>
      <button
        type="button"
        className="kiosk-bar__menu"
        data-testid="kiosk-menu"
        onClick={() => setOpen(true)}
      >
        {t("instructor")}
      </button>
      <dialog
        ref={dialog}
        className="kiosk-menu"
        aria-labelledby="kiosk-menu-title"
        onClose={close}
        data-testid="kiosk-menu-dialog"
      >
        <h2 id="kiosk-menu-title">{t("instructorMenu")}</h2>
        {!unlocked ? (
          <form onSubmit={submit}>
            <label>
              {t("pin")}{" "}
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                value={entry}
                onChange={(e) => setEntry(e.target.value)}
              />
            </label>
            <button type="submit">{t("unlock")}</button>
            <button type="button" onClick={close}>
              {t("close")}
            </button>
          </form>
        ) : (
          <div>
            <p role="status" data-testid="record-count">
              {t("recordCount", { sessions: records.length, rows })}
              {unreadable.length > 0 && ` ${t("unreadable", { count: unreadable.length })}`}
            </p>
            <button
              type="button"
              data-testid="download-records"
              disabled={records.length === 0}
              onClick={() =>
                downloadFile(
                  new Blob([recordsToCsv(records, withNames)], { type: "text/csv;charset=utf-8" }),
                  `class-records-${new Date().toISOString().slice(0, 10)}.csv`,
                )
              }
            >
              {t("downloadCsv")}
            </button>
            <button
              type="button"
              disabled={records.length === 0 && unreadable.length === 0}
              onClick={() => {
                if (window.confirm(t("deleteConfirm", { sessions: records.length }))) clear();
              }}
            >
              {t("deleteRecords")}
            </button>
            <button type="button" onClick={close}>
              {t("close")}
            </button>
          </div>
        )}
        {message && <p role="alert">{message}</p>}
      </dialog>
    </>
  );
}
