// A chapter whose files have errors: what is wrong and where, instead of the chapter.
import type { ReactNode } from "react";
import type { Diagnostic } from "./lessonModel.ts";
import { lessonStrings } from "./strings.ts";

export function ErrorCard({
  title,
  diagnostics,
}: {
  title: string;
  diagnostics: readonly Diagnostic[];
}): ReactNode {
  const t = lessonStrings.useStrings();
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  return (
    <section className="cl-lesson-error-card" role="alert" aria-label={`${t("chapterHasErrors")}: ${title}`}>
      <h2>{t("chapterHasErrors")}</h2>
      <p className="cl-lesson-muted">
        <code>{title}</code> — {withCode(t("errorCardIntro"), "{command}", "npm run lessons:check")}
      </p>
      <DiagnosticList diagnostics={errors} />
      {warnings.length > 0 && (
        <>
          <p>{t("warnings")}</p>
          <DiagnosticList diagnostics={warnings} />
        </>
      )}
      <p className="cl-lesson-muted">{t("otherChaptersWork")}</p>
    </section>
  );
}

function DiagnosticList({ diagnostics }: { diagnostics: readonly Diagnostic[] }): ReactNode {
  return (
    <ul className="cl-lesson-diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} className={`is-${d.severity}`}>
          <code className="cl-lesson-diagnostic-where">
            {d.file}:{d.line}:{d.column}
          </code>{" "}
          {backticksAsCode(d.message)} <span className="cl-lesson-muted">[{d.rule}]</span>
        </li>
      ))}
    </ul>
  );
}

/** `text` with `placeholder` replaced by `code` set as code. */
function withCode(text: string, placeholder: string, code: string): ReactNode {
  const [before, after] = text.split(placeholder);
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}

/** Diagnostics quote names in `backticks`, as in a terminal; show those as code. */
function backticksAsCode(message: string): ReactNode {
  return message.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
