// The editor tab: open guest files as tabs, an "Open file…" path, Save (Ctrl+S), and the
// conflict dialog. Monaco itself loads lazily inside MonacoHost.
import { useEffect, type KeyboardEvent, type ReactNode } from "react";
import { useVmStore } from "../vm/vmStore.ts";
import "./editor.css";
import { ConflictDialog } from "./ConflictDialog.tsx";
import { isDirty, useEditorStore, type OpenFile } from "./editorStore.ts";
import { EDITOR_PANEL_ID, FileTabs } from "./FileTabs.tsx";
import { ABSENT, type GuestFileErrorKind } from "./guestFiles.ts";
import { loadMonaco } from "./loadMonaco.ts";
import { MonacoHost, type ModelId } from "./MonacoHost.tsx";
import { OpenFileForm } from "./OpenFileForm.tsx";
import { editorStrings, type EditorText } from "./strings.ts";

type Translate = ReturnType<typeof editorStrings.in>;

const ERROR_TEXT: Record<GuestFileErrorKind, EditorText> = {
  closed: "error.closed",
  binary: "error.binary",
  too_large: "error.too_large",
  not_a_file: "error.not_a_file",
  no_parent: "error.no_parent",
  conflict: "error.conflict",
  timeout: "error.timeout",
  io: "error.io",
};

function statusText(file: OpenFile, t: Translate): string {
  if (file.status === "loading") return t("loading", { path: file.path });
  if (file.status === "saving") return t("saving");
  if (file.problem) return t(ERROR_TEXT[file.problem.kind], { detail: file.problem.detail });
  if (file.loaded && file.baseMtime === ABSENT) return t("newFile", { path: file.path });
  if (file.saves > 0 && !isDirty(file)) return t("saved", { path: file.path });
  return "";
}

const canSave = (file: OpenFile | undefined): file is OpenFile =>
  Boolean(file && file.loaded && file.status === "ready" && !file.conflict && isDirty(file));

const isSaveKey = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s";

export function EditorPane(): ReactNode {
  const t = editorStrings.useStrings();
  const files = useEditorStore((s) => s.files);
  const activePath = useEditorStore((s) => s.activePath);
  const tab = useEditorStore((s) => s.tab);
  const { setText, save, resolveConflict, refresh, retryUnread } = useEditorStore.getState();
  const phase = useVmStore((s) => s.phase);
  const active = files.find((f) => f.path === activePath);

  // Start fetching Monaco while the student is still typing a path.
  useEffect(() => {
    loadMonaco().catch(() => undefined);
  }, []);

  // A file asked for while the machine was starting (a lesson's "open …") opens once it runs.
  useEffect(() => {
    if (phase === "ready") void retryUnread();
  }, [phase, retryUnread]);

  // Coming back to a file picks up what commands changed in the meantime.
  useEffect(() => {
    if (tab === "editor" && activePath) void refresh(activePath);
  }, [tab, activePath, refresh]);

  // Reads the store at call time: Ctrl+S may come before React re-rendered the last keystroke.
  const saveActive = () => {
    const state = useEditorStore.getState();
    const file = state.files.find((f) => f.path === state.activePath);
    if (canSave(file)) void save(file.path);
  };
  const openModels: ModelId[] = files.map((f) => ({ scheme: "guest", path: f.path }));

  return (
    <section
      className="cl-editor"
      aria-label={t("pane")}
      data-testid="editor-pane"
      onKeyDown={(event) => {
        // Also when focus is on the tabs or buttons, and never the browser's "save page".
        if (isSaveKey(event)) {
          event.preventDefault();
          saveActive();
        }
      }}
    >
      <div className="cl-editor__bar">
        <OpenFileForm autoFocus={files.length === 0} />
        {active && <span className="cl-editor__language">{t(`language.${active.language}`)}</span>}
        <button
          type="button"
          data-testid="editor-save"
          disabled={!canSave(active)}
          title={t("saveShortcut")}
          onClick={saveActive}
        >
          {t("save")}
        </button>
      </div>
      <FileTabs />
      <div className="cl-editor__body" id={EDITOR_PANEL_ID} role={files.length > 0 ? "tabpanel" : undefined}>
        <p className="cl-editor__status" role="status" data-testid="editor-status">
          {active ? statusText(active, t) : t("empty")}
        </p>
        {active?.loaded && (
          <MonacoHost
            model={{ scheme: "guest", path: active.path }}
            language={active.language}
            value={active.text}
            revision={active.revision}
            readOnly={active.status === "loading"}
            onChange={(text) => setText(active.path, text)}
            onSave={saveActive}
            openModels={openModels}
            label={active.path}
          />
        )}
        <p className="cl-editor__hint">{t("tabFocusHint")}</p>
        {active?.conflict && (
          <ConflictDialog
            path={active.path}
            onChoose={(choice) => void resolveConflict(active.path, choice)}
          />
        )}
      </div>
    </section>
  );
}
