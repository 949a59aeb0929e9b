import { CONSOLE_PASTE_LIMIT_BYTES } from "../vm/consoleInput.ts";
import { vmHost } from "../vm/vmHost.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { terminalStrings } from "./strings.ts";

const kib = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/**
 * A paste on its way into the guest (it goes in at the guest's pace: a large one takes seconds),
 * with a way to stop it; or why a paste was refused.
 */
export type PasteNotice = { kind: "refused"; bytes: number } | { kind: "stopped" };

export function PasteStatus({
  notice,
  onNotice,
}: {
  notice?: PasteNotice;
  /** Shows a notice (Stop pasting), or clears it (undefined: Dismiss). */
  onNotice: (notice: PasteNotice | undefined) => void;
}) {
  const paste = useVmStore((s) => s.paste);
  const t = terminalStrings.useStrings();
  if (notice)
    return (
      <div
        className="terminal-view__notice"
        role={notice.kind === "refused" ? "alert" : "status"}
        data-testid={`paste-${notice.kind}`}
      >
        <span>
          {notice.kind === "refused"
            ? t("pasteRefused", { size: kib(notice.bytes), limit: kib(CONSOLE_PASTE_LIMIT_BYTES) })
            : t("pasteStopped")}
        </span>
        <button type="button" className="terminal-view__tool" onClick={() => onNotice(undefined)}>
          {t("dismiss")}
        </button>
      </div>
    );
  if (!paste) return null;
  return (
    <div className="terminal-view__notice" role="status" data-testid="paste-progress">
      <progress max={paste.total} value={paste.total - paste.pending} aria-label={t("pasting")} />
      <span>{t("pastingProgress", { done: kib(paste.total - paste.pending), total: kib(paste.total) })}</span>
      <button
        type="button"
        className="terminal-view__tool"
        onClick={() => {
          vmHost.cancelInput();
          onNotice({ kind: "stopped" });
        }}
      >
        {t("stopPasting")}
      </button>
    </div>
  );
}
