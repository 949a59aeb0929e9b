// One Monaco editor bound to one text at a time. It loads Monaco on first mount, keeps one
// model per file (so undo history survives switching tabs), mirrors edits to `onChange`,
// binds Ctrl+S, shows given markers, and lists every problem (its own and Monaco's JSON
// checks) below the editor, where a screen reader can reach them.
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from "react";
import type { editor as MonacoEditor } from "monaco-editor/editor";
import type { EditorLanguage } from "./languageForPath.ts";
import { loadMonaco, type MonacoSetupModule } from "./loadMonaco.ts";
import type { EditorMarker } from "./markers.ts";
import { fromMonacoMarker, toMonacoMarker } from "./monacoMarkers.ts";
import { ProblemsList } from "./ProblemsList.tsx";
import { editorStrings } from "./strings.ts";

/** Which text a model holds: a guest file, or a lesson file in author mode. */
export interface ModelId {
  scheme: "guest" | "lesson";
  path: string;
}

export interface MonacoHostProps {
  model: ModelId;
  language: EditorLanguage;
  /**
   * The text to show when the model is created, and again whenever `revision` changes. In
   * between, the editor owns the text and reports it through onChange: pushing every
   * `value` back would race the keyboard (a render can lag a keystroke behind).
   */
  value: string;
  /** Bump when `value` was replaced from outside (e.g. reloaded from the guest). */
  revision?: number;
  onChange(value: string): void;
  readOnly?: boolean;
  onSave?(): void;
  /** Problems found outside Monaco (the lesson validator). */
  markers?: readonly EditorMarker[];
  /** Models still open; models of the same scheme not listed here are disposed. */
  openModels?: readonly ModelId[];
  label: string;
}

const MARKER_OWNER = "container-lab";

export function MonacoHost(props: MonacoHostProps): ReactNode {
  const { model: id, language, value, revision = 0, markers, openModels, label, readOnly = false } = props;
  const t = editorStrings.useStrings();
  const container = useRef<HTMLDivElement>(null);
  const [setup, setSetup] = useState<MonacoSetupModule>();
  const [failure, setFailure] = useState<string>();
  const [editor, setEditor] = useState<MonacoEditor.IStandaloneCodeEditor>();
  const [model, setModel] = useState<MonacoEditor.ITextModel>();
  const [problems, setProblems] = useState<EditorMarker[]>([]);
  // Monaco's listeners are registered once; these always see the latest props.
  const onChange = useEffectEvent((text: string) => props.onChange(text));
  const onSave = useEffectEvent(() => props.onSave?.());
  const currentValue = useEffectEvent(() => value);

  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (loaded) => live && setSetup(loaded),
      (error: unknown) => live && setFailure(String(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!setup || !element) return;
    const { monaco } = setup;
    const created = monaco.editor.create(element, {
      model: null,
      theme: setup.THEME,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 14,
      fixedOverflowWidgets: true,
      renderWhitespace: "selection",
    });
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSave());
    // When the box shrinks (the problems list grows, the window resizes), keep the cursor in
    // sight: Monaco keeps its scroll position, which would hide the line being typed.
    const resizes = new ResizeObserver(() =>
      requestAnimationFrame(() => {
        const position = created.getPosition();
        if (position && created.hasTextFocus()) created.revealPosition(position);
      }),
    );
    resizes.observe(element);
    setEditor(created);
    return () => {
      resizes.disconnect();
      created.dispose();
      setEditor(undefined);
    };
  }, [setup]);

  useEffect(() => {
    editor?.updateOptions({ ariaLabel: label, readOnly, wordWrap: language === "markdown" ? "on" : "off" });
  }, [editor, label, language, readOnly]);

  // Bind the model for this file, creating it on first view.
  useEffect(() => {
    if (!setup || !editor) return;
    const { monaco } = setup;
    const uri = monaco.Uri.from({ scheme: id.scheme, path: id.path });
    let current = monaco.editor.getModel(uri);
    if (!current) current = monaco.editor.createModel(currentValue(), language, uri);
    else if (current.getLanguageId() !== language) monaco.editor.setModelLanguage(current, language);
    editor.setModel(current);
    setModel(current);
    const bound = current;
    const edits = bound.onDidChangeContent(() => onChange(bound.getValue()));
    const readProblems = () =>
      setProblems(monaco.editor.getModelMarkers({ resource: uri }).map((m) => fromMonacoMarker(m, monaco)));
    readProblems();
    const markerWatch = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((changed) => changed.toString() === uri.toString())) readProblems();
    });
    return () => {
      edits.dispose();
      markerWatch.dispose();
    };
  }, [setup, editor, id.scheme, id.path, language]);

  // A change from outside the editor (a reload from the guest) replaces the text. Keyed on
  // the revision only: the value of a render is read here, not compared on every keystroke.
  useEffect(() => {
    if (!model || model.isDisposed()) return;
    const text = currentValue();
    if (model.getValue() !== text) model.setValue(text);
  }, [model, revision]);

  useEffect(() => {
    if (!setup || !model || model.isDisposed()) return;
    setup.monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      (markers ?? []).map((m) => toMonacoMarker(m, setup.monaco)),
    );
  }, [setup, model, markers]);

  // Closing a file drops its model (and its undo history) for good.
  const openKey = openModels?.map((m) => `${m.scheme}:${m.path}`).join("\n");
  useEffect(() => {
    if (!setup || openKey === undefined) return;
    const open = new Set(openKey.split("\n"));
    for (const candidate of setup.monaco.editor.getModels()) {
      const key = `${candidate.uri.scheme}:${candidate.uri.path}`;
      if (candidate.uri.scheme === id.scheme && !open.has(key)) candidate.dispose();
    }
  }, [setup, openKey, id.scheme]);

  const reveal = (marker: EditorMarker) => {
    if (!editor) return;
    editor.setPosition({ lineNumber: marker.line, column: marker.column });
    editor.revealLineInCenter(marker.line);
    editor.focus();
  };

  return (
    <div className="cl-editor-host" data-testid="monaco-host" data-ready={model ? "true" : "false"}>
      {failure ? (
        <p role="alert" className="cl-editor-message cl-editor-message--error">
          {t("editorFailed", { detail: failure })}
        </p>
      ) : (
        !model && <p className="cl-editor-message">{t("loadingEditor")}</p>
      )}
      <div className="cl-editor-host__monaco" ref={container} />
      {model && <ProblemsList problems={problems} onReveal={reveal} />}
    </div>
  );
}
