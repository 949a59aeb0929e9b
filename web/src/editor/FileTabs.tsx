// The open guest files as tabs (WAI-ARIA tabs: arrow keys move, Delete closes).
import { useMemo, type KeyboardEvent, type ReactNode } from "react";
import { useRovingTabs } from "../a11y/useRovingTabs.ts";
import { isDirty, useEditorStore } from "./editorStore.ts";
import { baseName } from "./guestPath.ts";
import { editorStrings } from "./strings.ts";

export const EDITOR_PANEL_ID = "cl-editor-file-panel";

export function FileTabs(): ReactNode {
  const t = editorStrings.useStrings();
  const files = useEditorStore((s) => s.files);
  const activePath = useEditorStore((s) => s.activePath);
  const activate = useEditorStore((s) => s.activate);
  const close = useEditorStore((s) => s.close);
  const paths = useMemo(() => files.map((file) => file.path), [files]);
  const roving = useRovingTabs(paths, activePath ?? "", activate);
  if (files.length === 0) return null;

  const closeAsking = (path: string) => {
    const file = files.find((f) => f.path === path);
    if (file && isDirty(file) && !window.confirm(t("closeDirty", { name: baseName(path) }))) return;
    close(path);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === "Delete") {
      event.preventDefault();
      const path = files[index]?.path;
      if (path) closeAsking(path);
      return;
    }
    roving.onKeyDown(event);
  };

  return (
    <div className="cl-editor-tabs" role="tablist" aria-label={t("openFiles")} ref={roving.listRef}>
      {files.map((file, index) => {
        const selected = file.path === activePath;
        const dirty = isDirty(file);
        const name = baseName(file.path);
        return (
          <div key={file.path} className={`cl-editor-tab${selected ? " is-active" : ""}`} role="presentation">
            <button
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={EDITOR_PANEL_ID}
              tabIndex={selected ? 0 : -1}
              title={file.path}
              data-testid="editor-tab"
              data-path={file.path}
              data-dirty={dirty}
              data-status={file.status}
              onClick={() => activate(file.path)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {name}
              {dirty && (
                <span className="cl-editor-tab__dirty" aria-label={t("unsaved")}>
                  {" "}
                  ●
                </span>
              )}
            </button>
            <button
              type="button"
              className="cl-editor-tab__close"
              aria-label={t("close", { name })}
              title={t("close", { name })}
              tabIndex={selected ? 0 : -1}
              onClick={() => closeAsking(file.path)}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
