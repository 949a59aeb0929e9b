// Kiosk mode's strip under the header: the workshop's name, the "Next student" button, and a
// warning before an idle station resets.
import { useEffect, useState } from "react";
import { defineStrings } from "../i18n/defineStrings.ts";
import { useKioskStore } from "./kioskStore.ts";
import { nextStudent } from "./nextStudent.ts";

const strings = defineStrings(
  {
    kiosk: "Workshop station",
    nextStudent: "Next student",
    confirm: "Finish your session? The machine and your progress are cleared for the next student.",
    idleWarning:
      "No activity: this station resets for the next student in {seconds} s. Touch anything to stay.",
    resetting: "Preparing a fresh station…",
    configError: "This station's kiosk.json has a problem: {message}",
  },
  {
    kiosk: "ワークショップ端末",
    nextStudent: "次の受講者へ",
    confirm: "セッションを終了しますか？ 次の受講者のためにマシンと進捗を消去します。",
    idleWarning:
      "操作がありません。あと {seconds} 秒でこの端末は次の受講者用にリセットされます。続けるには何か操作してください。",
    resetting: "新しい端末を準備中…",
    configError: "この端末の kiosk.json に問題があります: {message}",
  },
);

const WARN_SECONDS = 30;

export function KioskBar() {
  const { active, config, error, idleDeadline, resetting, resets } = useKioskStore();
  const t = strings.useStrings();
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
