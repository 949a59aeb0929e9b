// A ```sh run block: the code as written, with "Run" (types it into the terminal) and "Copy".
// Below a prediction it stays locked until the student has predicted what it will do.
import type { ReactNode } from "react";
import { commandLines } from "./commandLines.ts";
import { CopyButton } from "./CopyButton.tsx";
import { useLessonActions } from "./lessonContext.ts";
import { useProgressStore } from "./progressStore.ts";
import { useStepScope } from "./stepScope.ts";
import { lessonStrings } from "./strings.ts";

export function RunBlock({
  code,
  afterPrediction,
  children,
}: {
  code: string;
  /** The id of the prediction above this block, when there is one. */
  afterPrediction?: string | undefined;
  children?: ReactNode;
}): ReactNode {
  const t = lessonStrings.useStrings();
  const { type } = useLessonActions();
  const scope = useStepScope();
  const chapterId = scope?.chapterId ?? "";
  const stepId = scope?.step.id ?? "";
  const predicted = useProgressStore((s) =>
    afterPrediction ? s.chapters[chapterId]?.steps[stepId]?.answers?.[afterPrediction] !== undefined : true,
  );
  const observe = useProgressStore((s) => s.observe);
  const locked = Boolean(afterPrediction && scope && !scope.preview && !predicted);
  const lines = commandLines(code);
  const summary = lines.join("; ");
  const run = () => {
    type(lines);
    if (afterPrediction && scope && !scope.preview) observe(chapterId, stepId, afterPrediction);
  };
  return (
    <div className={`cl-lesson-run${locked ? " is-locked" : ""}`}>
      {children}
      <div className="cl-lesson-run-actions">
        <button
          type="button"
          className="cl-lesson-button cl-lesson-button--primary"
          aria-label={t("runLabel", { command: summary })}
          disabled={lines.length === 0 || locked}
          onClick={run}
        >
          {t("run")}
        </button>
        {locked ? (
          <span className="cl-lesson-muted">{t("predictFirst")}</span>
        ) : (
          <CopyButton text={code.trimEnd()} label={t("copyLabel", { command: summary })} />
        )}
      </div>
    </div>
  );
}
