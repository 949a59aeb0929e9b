// Kiosk mode's strip under the header: the workshop's name, the student's name when the kiosk
// asks for it, the instructor's menu, the "Next student" button, and a warning before an idle
// station resets.
import { useEffect, useState } from "react";
import { useClassRecords } from "./classRecords.ts";
import { KioskMenu } from "./KioskMenu.tsx";
import { useKioskStore } from "./kioskStore.ts";
import { nextStudent } from "./nextStudent.ts";
import { kioskStrings } from "./strings.ts";

const WARN_SECONDS = 30;

export function KioskBar() {
  const { active, config, error, idleDeadline, resetting, resets } = useKioskStore();
  const t = kioskStrings.useStrings();
  const name = useClassRecords((s) => s.current.name ?? "");
  const setName = useClassRecords((s) => s.setName);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  if (!active) return null;
  const secondsLeft =
    idleDeadline === undefined ? Infinity : Math.max(0, Math.ceil((idleDeadline - now) / 1000));
  return (
    <div className="kiosk-bar" data-testid="kiosk-bar" data-resets={resets}>
      <strong>{config?.title ?? t("kiosk")}</strong>
      {error && <span role="alert">{t("configError", { message: error })}</span>}
      {resetting && <span role="status">{t("resetting")}</span>}
      {!resetting && secondsLeft <= WARN_SECONDS && (
        <span role="alert" className="kiosk-bar__warning">
          {t("idleWarning", { seconds: secondsLeft })}
        </span>
      )}
      <span className="kiosk-bar__spacer" />
      {config?.askName && (
        <label className="kiosk-bar__name">
          {t("yourName")}{" "}
          <input
            type="text"
            maxLength={80}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
      )}
      {config?.instructorPin && <KioskMenu pin={config.instructorPin} withNames={config.askName} />}
      <button
        type="button"
        data-testid="next-student"
        disabled={resetting}
        onClick={() => {
          if (window.confirm(t("confirm"))) void nextStudent();
        }}
      >
        {t("nextStudent")}
      </button>
    </div>
  );
}
