// "Open file…": a path in the guest, typed by the student.
import { useId, useState, type ReactNode } from "react";
import { useEditorStore } from "./editorStore.ts";
import { editorStrings } from "./strings.ts";

export function OpenFileForm({ autoFocus }: { autoFocus: boolean }): ReactNode {
  const t = editorStrings.useStrings();
  const open = useEditorStore((s) => s.open);
  const [path, setPath] = useState("");
  const id = useId();
  return (
    <form
      className="cl-editor-open"
      onSubmit={(event) => {
        event.preventDefault();
        if (!path.trim()) return;
        void open(path);
        setPath("");
      }}
    >
      <label htmlFor={id}>{t("openPath")}</label>
      <input
        id={id}
        type="text"
        value={path}
        placeholder={t("openPathPlaceholder")}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoFocus={autoFocus}
        data-testid="editor-path"
        onChange={(event) => setPath(event.target.value)}
      />
      <button type="submit" data-testid="editor-open" disabled={!path.trim()}>
        {t("open")}
      </button>
    </form>
  );
}
