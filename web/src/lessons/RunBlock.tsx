// A ```sh run block: the code as written, with "Run" (types it into the terminal) and "Copy".
import type { ReactNode } from "react";
import { commandLines } from "./commandLines.ts";
import { CopyButton } from "./CopyButton.tsx";
import { useLessonActions } from "./lessonContext.ts";
import { lessonStrings } from "./strings.ts";

export function RunBlock({ code, children }: { code: string; children?: ReactNode }): ReactNode {
  const t = lessonStrings.useStrings();
  const { type } = useLessonActions();
  const lines = commandLines(code);
  const summary = lines.join("; ");
  return (
    <div className="cl-lesson-run">
      {children}
      <div className="cl-lesson-run-actions">
        <button
          type="button"
          className="cl-lesson-button cl-lesson-button--primary"
          aria-label={t("runLabel", { command: summary })}
          disabled={lines.length === 0}
          onClick={() => type(lines)}
        >
          {t("run")}
        </button>
        <CopyButton text={code.trimEnd()} label={t("copyLabel", { command: summary })} />
      </div>
    </div>
  );
}
