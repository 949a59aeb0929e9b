// Tells a returning student their machine was restored — or why it was not.
import { useState } from "react";
import { useLanguageStore } from "../i18n/languageStore.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { persistStrings } from "./strings.ts";

export function ResumeNotice() {
  const t = persistStrings.useStrings();
  const language = useLanguageStore((s) => s.language);
  const { mode, savedAt, resumeFailed, generation } = useVmStore();
  const [dismissed, setDismissed] = useState(-1);
  if (dismissed === generation) return null;
  let text: string | undefined;
  if (resumeFailed) text = t("resumeFailed");
  else if (mode === "resumed" && savedAt)
    text = t("resumed", { time: new Date(savedAt).toLocaleString(language) });
  if (!text) return null;
  return (
    <div
      className={resumeFailed ? "notice notice--warn" : "notice"}
      role="status"
      data-testid="resume-notice"
    >
      <span>{text}</span>
      <button type="button" onClick={() => setDismissed(generation)}>
        {t("dismiss")}
      </button>
    </div>
  );
}
