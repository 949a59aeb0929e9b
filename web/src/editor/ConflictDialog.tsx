// Asked when a save finds the guest's file changed since it was opened: overwrite, reload
// or cancel. A modal alertdialog; Escape cancels and focus stays inside until a choice.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { ConflictChoice } from "./editorStore.ts";
import { editorStrings } from "./strings.ts";

export function ConflictDialog({
  path,
  onChoose,
}: {
  path: string;
  onChoose(choice: ConflictChoice): void;
}): ReactNode {
  const t = editorStrings.useStrings();
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  // Cancel is the safe default: nothing is lost either way.
  useEffect(() => cancel.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onChoose("cancel");
      return;
    }
    if (event.key !== "Tab") return;
    const buttons = [...(dialog.current?.querySelectorAll("button") ?? [])];
    const first = buttons[0];
    const last = buttons.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="cl-editor-dialog__backdrop">
      <div
        ref={dialog}
        className="cl-editor-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="conflict-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t("conflictTitle")}</h2>
        <p id={bodyId}>{t("conflictBody", { path })}</p>
        <div className="cl-editor-dialog__actions">
          <button type="button" data-testid="conflict-overwrite" onClick={() => onChoose("overwrite")}>
            {t("overwrite")}
          </button>
          <button type="button" data-testid="conflict-reload" onClick={() => onChoose("reload")}>
            {t("reload")}
          </button>
          <button type="button" data-testid="conflict-cancel" ref={cancel} onClick={() => onChoose("cancel")}>
            {t("cancel")}
          </button>
        </div>
      </div>
    </div>
  );
}
