// Every problem in the open text, as a list: squiggles are invisible to screen readers and
// easy to miss; each entry jumps to its place in the editor.
import type { ReactNode } from "react";
import { countBySeverity, type EditorMarker } from "./markers.ts";
import { editorStrings } from "./strings.ts";

export function ProblemsList({
  problems,
  onReveal,
}: {
  problems: readonly EditorMarker[];
  onReveal(marker: EditorMarker): void;
}): ReactNode {
  const t = editorStrings.useStrings();
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const { errors, warnings } = countBySeverity(problems);
  return (
    <section
      className="cl-editor-problems"
      aria-label={t("problems")}
      data-testid="editor-problems"
      data-count={problems.length}
    >
      <p className="cl-editor-problems__summary" role="status">
        {problems.length === 0
          ? t("noProblems")
          : `${t("problems")}: ${t("problemCount", { errors, warnings })}`}
      </p>
      {sorted.length > 0 && (
        <ul>
          {sorted.map((problem, i) => (
            <li key={i} className={`is-${problem.severity}`}>
              <button type="button" onClick={() => onReveal(problem)}>
                <span className="cl-editor-problems__severity">{t(`severity.${problem.severity}`)}</span>{" "}
                <span className="cl-editor-problems__where">
                  {t("problemAt", { line: problem.line, column: problem.column })}
                </span>{" "}
                <span className="cl-editor-problems__message">{problem.message}</span>
                {problem.code && <span className="cl-editor-problems__code"> [{problem.code}]</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
