// `::editor{path}` in a step: a button that opens that guest file in the editor.
import type { ReactNode } from "react";
import { useLessonActions } from "./lessonContext.ts";
import { lessonStrings } from "./strings.ts";

export function EditorButton({ path }: { path: string }): ReactNode {
  const t = lessonStrings.useStrings();
  const { runtime } = useLessonActions();
  if (!runtime.openFile || !path.startsWith("/")) return null;
  return (
    <p className="cl-lesson-panel-link">
      <button type="button" className="cl-lesson-button" onClick={() => runtime.openFile?.(path)}>
        {t("openInEditor", { path })}
      </button>
    </p>
  );
}
