// One step: its prose with Run buttons and questions, its status (turns green by itself when
// its checks pass or its quizzes are answered right), hints revealed one at a time, and the
// solution with "Solve" (a challenge's only once the student has really asked for it).
import { useEffect, useId, useMemo, useRef, type ReactNode } from "react";
import { commandLines } from "./commandLines.ts";
import { CopyButton } from "./CopyButton.tsx";
import { useLessonActions } from "./lessonContext.ts";
import { quizzesPassed, solutionGate } from "./grading.ts";
import { stepCompletion, type Step } from "./lessonModel.ts";
import { Markdown } from "./Markdown.tsx";
import { RevealedHints } from "./RevealedHints.tsx";
import { useProgressStore } from "./progressStore.ts";
import { lessonStrings } from "./strings.ts";
import { StepScope } from "./stepScope.ts";
import { useStepCheck } from "./useStepCheck.ts";

interface StepViewProps {
  chapterId: string;
  step: Step;
  index: number;
  /** Move keyboard focus to the title: the student navigated here from another step. */
  takeFocus: boolean;
}

export function StepView({ chapterId, step, index, takeFocus }: StepViewProps): ReactNode {
  const t = lessonStrings.useStrings();
  const { runtime, type } = useLessonActions();
  const progress = useProgressStore((s) => s.chapters[chapterId]?.steps[step.id]);
  const markDone = useProgressStore((s) => s.markDone);
  const showHint = useProgressStore((s) => s.showHint);
  const askSolution = useProgressStore((s) => s.askSolution);
  const recordFailedCheck = useProgressStore((s) => s.recordFailedCheck);
  const done = Boolean(progress?.doneAt);
  const completion = stepCompletion(step);
  const { state, failed, checkNow } = useStepCheck(
    runtime,
    step.checks,
    done,
    () => markDone(chapterId, step.id),
    () => recordFailedCheck(chapterId, step.id),
  );
  const answeredRight = completion === "quizzes" && quizzesPassed(step, progress);
  useEffect(() => {
    if (answeredRight && !done) markDone(chapterId, step.id);
  }, [answeredRight, done, chapterId, step.id, markDone]);
  const gate = solutionGate(step, progress);
  const scope = useMemo(() => ({ chapterId, step }), [chapterId, step]);
  const hintsShown = Math.min(progress?.hintsShown ?? 0, step.hints.length);
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (takeFocus) title.current?.focus();
  }, [takeFocus]);

  const [panel] = step.panels;
  const panelName = panel?.name;
  const panelHighlight = panel?.highlight;
  useEffect(() => {
    if (panelName) runtime.focusPanel?.(panelName, panelHighlight);
  }, [runtime, panelName, panelHighlight, step.id]);

  const solutionLines = step.solution ? commandLines(step.solution.code) : [];

  return (
    <section className={`cl-lesson-step${done ? " is-done" : ""}`} aria-labelledby={titleId}>
      <p className="cl-lesson-step-number">{t("stepNumber", { n: index + 1 })}</p>
      <h3 id={titleId} ref={title} tabIndex={-1} className="cl-lesson-step-title">
        {step.title}
      </h3>

      {step.challenge && (
        <p className="cl-lesson-challenge">
          <span className="cl-lesson-badge">{t("challenge")}</span> {t("challengeNote")}
        </p>
      )}

      <div className={`cl-lesson-status${done ? " is-done" : state === "failed" ? " is-failed" : ""}`}>
        <p role="status" aria-live="polite">
          {done
            ? `✓ ${t("stepComplete")}${step.challenge ? ` · ${progress?.withSolution ? t("solvedWithSolution") : t("solvedAlone")}` : ""}`
            : completion === "manual"
              ? t("manualNote")
              : completion === "quizzes"
                ? t("quizNote")
                : state === "checking"
                  ? t("checking")
                  : state === "failed"
                    ? failed?.check.message
                      ? t("checkFailedBecause", { message: failed.check.message })
                      : t("checkFailed")
                    : t("stepPending")}
        </p>
        {!done && completion === "manual" && (
          <button type="button" className="cl-lesson-button" onClick={() => markDone(chapterId, step.id)}>
            {t("markDone")}
          </button>
        )}
        {!done && completion === "checks" && (
          <button
            type="button"
            className="cl-lesson-button"
            disabled={state === "checking"}
            onClick={checkNow}
          >
            {t("checkNow")}
          </button>
        )}
      </div>

      <div className="cl-lesson-prose">
        <StepScope.Provider value={scope}>
          <Markdown root={step.body} />
        </StepScope.Provider>
      </div>

      <RevealedHints hints={step.hints} shown={hintsShown} />

      <div className="cl-lesson-help">
        {hintsShown < step.hints.length && (
          <button
            type="button"
            className="cl-lesson-button cl-lesson-button--quiet"
            onClick={() => showHint(chapterId, step.id)}
          >
            {t("showHint", { n: hintsShown + 1, total: step.hints.length })}
          </button>
        )}
        {(gate.state === "offered" || gate.state === "confirm") && (
          <button
            type="button"
            className="cl-lesson-button cl-lesson-button--quiet"
            onClick={() => askSolution(chapterId, step.id, gate.state === "offered")}
          >
            {t("showSolution")}
          </button>
        )}
      </div>
      {step.challenge &&
        !step.revealAfter &&
        gate.state === "offered" &&
        (progress?.solutionAsks ?? 0) > 0 && (
          <p className="cl-lesson-muted" role="status">
            {t("solutionConfirm")}
          </p>
        )}
      {gate.state === "locked" && !done && (
        <p className="cl-lesson-muted">{t("solutionLocked", { n: gate.checksLeft })}</p>
      )}

      {step.solution && gate.state === "shown" && (
        <div className="cl-lesson-solution">
          <p className="cl-lesson-hint-title">{t("solution")}</p>
          <pre>
            <code>{step.solution.code}</code>
          </pre>
          <div className="cl-lesson-run-actions">
            <button
              type="button"
              className="cl-lesson-button cl-lesson-button--primary"
              aria-label={t("solveLabel")}
              onClick={() => type(solutionLines)}
            >
              {t("solve")}
            </button>
            <CopyButton
              text={step.solution.code.trimEnd()}
              label={t("copyLabel", { command: solutionLines.join("; ") })}
            />
          </div>
        </div>
      )}
    </section>
  );
}
