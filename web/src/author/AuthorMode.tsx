// Author mode (`#/author/<chapterId>/<lang>`): a lesson's Markdown in Monaco beside its live
// preview. The lesson validator runs on the draft as the author types (debounced) and its
// file:line:col problems become editor markers. The draft leaves the browser by download,
// or under `npm run dev` straight into lessons/ through devLessonWriter.
import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { Language } from "../i18n/languages.ts";
// Author mode wears the editor's look: the same bars, tabs and problem lists.
import "../editor/editor.css";
import { findLessonFile, lessonAssets, lessonSources } from "./authorSources.ts";
import { lintLesson } from "./lintLesson.ts";
import { LessonPreview } from "./LessonPreview.tsx";
import { diagnosticsToMarkers, editorStrings, MonacoHost, useDebouncedValue } from "../editor/forAuthors.ts";
import { canSaveToDisk, downloadLesson, saveLessonToDisk } from "./saveLesson.ts";
import { authorStrings } from "./strings.ts";

/** Long enough to skip most keystrokes of a word, short enough to feel live. */
export const LINT_DELAY_MS = 300;

const ASSET_PATHS = Object.keys(lessonAssets);

export function AuthorMode({ chapterId, language }: { chapterId: string; language: Language }): ReactNode {
  const t = authorStrings.useStrings();
  const found = useMemo(() => findLessonFile(chapterId, language), [chapterId, language]);
  if (!found) {
    return (
      <section className="cl-author" aria-label={t("author")} data-testid="author-mode">
        <p role="alert" className="cl-editor-message cl-editor-message--error">
          {t("authorNotFound", { id: chapterId, language })}
        </p>
      </section>
    );
  }
  return <AuthorEditor file={found.file} folder={found.folder} source={found.source} language={language} />;
}

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "done"; message: string }
  | { kind: "failed"; message: string };

function AuthorEditor({
  file,
  folder,
  source,
  language,
}: {
  file: string;
  folder: string;
  source: string;
  language: Language;
}): ReactNode {
  const t = authorStrings.useStrings();
  const te = editorStrings.useStrings();
  const [text, setText] = useState(source);
  const [savedText, setSavedText] = useState(source);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const settled = useDebouncedValue(text, LINT_DELAY_MS);
  const lint = useMemo(() => lintLesson(lessonSources, ASSET_PATHS, file, settled), [file, settled]);
  const markers = useMemo(() => diagnosticsToMarkers(lint.diagnostics, settled), [lint, settled]);
  const dirty = text !== savedText;
  const name = `${language}.md`;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const download = () => {
    downloadLesson(name, text);
    setSaveState({ kind: "done", message: t("downloaded", { file: name }) });
  };
  const saveToDisk = async () => {
    const sent = text;
    setSaveState({ kind: "saving" });
    try {
      await saveLessonToDisk(file, sent);
      setSavedText(sent);
      setSaveState({ kind: "done", message: t("savedToDisk", { file }) });
    } catch (error) {
      setSaveState({ kind: "failed", message: t("saveFailed", { detail: String(error) }) });
    }
  };
  const save = () => (canSaveToDisk ? void saveToDisk() : download());

  return (
    <section className="cl-author" aria-label={t("author")} data-testid="author-mode">
      <div className="cl-editor__bar">
        <h2 className="cl-author__title">
          {t("authorSource", { file })}
          {dirty && <span className="cl-editor-tab__dirty"> ● {te("unsaved")}</span>}
        </h2>
        <button type="button" data-testid="author-download" onClick={download}>
          {t("download")}
        </button>
        {canSaveToDisk && (
          <button
            type="button"
            data-testid="author-save"
            disabled={saveState.kind === "saving"}
            onClick={() => void saveToDisk()}
          >
            {t("saveToDisk")}
          </button>
        )}
      </div>
      <p className="cl-editor__status" role="status" data-testid="author-status">
        {saveState.kind === "saving"
          ? te("saving")
          : saveState.kind === "idle"
            ? t("authorHelp")
            : saveState.message}
      </p>
      <div className="cl-author__split">
        <div className="cl-author__source">
          <MonacoHost
            model={{ scheme: "lesson", path: `/${file}` }}
            language="markdown"
            value={text}
            onChange={setText}
            onSave={save}
            markers={markers}
            openModels={[{ scheme: "lesson", path: `/${file}` }]}
            label={t("authorSource", { file })}
          />
          {lint.elsewhere.length > 0 && (
            <ul className="cl-author__elsewhere" aria-label={te("problems")}>
              {lint.elsewhere.map((d, i) => (
                <li key={i} className={`is-${d.severity}`}>
                  <code>
                    {d.file}:{d.line}:{d.column}
                  </code>{" "}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="cl-author__preview" aria-label={t("preview")} role="region">
          {lint.parsed && <LessonPreview lesson={lint.parsed} folder={folder} assets={lessonAssets} />}
        </div>
      </div>
    </section>
  );
}
