// The header's "Editor" button: brings the editor tab forward, or back to the terminal.
import type { ReactNode } from "react";
import { useEditorStore } from "../editor/index.ts";
import { centerStrings } from "./centerStrings.ts";

export function OpenEditorButton(): ReactNode {
  const t = centerStrings.useStrings();
  const tab = useEditorStore((s) => s.tab);
  const showTab = useEditorStore((s) => s.showTab);
  return (
    <button
      type="button"
      data-testid="open-editor"
      aria-pressed={tab === "editor"}
      aria-label={t("openEditorLabel")}
      onClick={() => showTab(tab === "editor" ? "terminal" : "editor")}
    >
      {t("openEditor")}
    </button>
  );
}
