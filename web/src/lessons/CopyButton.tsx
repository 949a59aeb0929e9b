// Copies text to the clipboard and says so for a moment (also to screen readers).
import { useEffect, useState, type ReactNode } from "react";
import { lessonStrings } from "./strings.ts";

const FEEDBACK_MS = 1_500;

export function CopyButton({ text, label }: { text: string; label: string }): ReactNode {
  const t = lessonStrings.useStrings();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <>
      <button
        type="button"
        className="cl-lesson-button cl-lesson-button--quiet"
        aria-label={label}
        onClick={() => void copy()}
      >
        {t("copy")}
      </button>
      <span className="cl-lesson-copy-status" role="status">
        {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
