// The three-pane workspace: lesson | terminal | kernel-state panels. Side panes resize and collapse.
import type { ReactNode } from "react";
import "./Workspace.css";
import { Splitter } from "./Splitter.tsx";
import { useLayoutStore } from "./layoutStore.ts";
import { layoutStrings } from "./strings.ts";

export function Workspace({
  lesson,
  terminal,
  panels,
}: {
  lesson: ReactNode;
  terminal: ReactNode;
  panels: ReactNode;
}) {
  const { width, collapsed, setWidth } = useLayoutStore();
  const t = layoutStrings.useStrings();
  return (
    <div className="workspace">
      {!collapsed.lesson && (
        <>
          <aside className="workspace__side" style={{ width: width.lesson }} aria-label={t("lessonPane")}>
            {lesson}
          </aside>
          <Splitter
            label={t("resizeLesson")}
            width={width.lesson}
            direction={1}
            onWidth={(w) => setWidth("lesson", w)}
          />
        </>
      )}
      <main className="workspace__center">{terminal}</main>
      {!collapsed.panels && (
        <>
          <Splitter
            label={t("resizePanels")}
            width={width.panels}
            direction={-1}
            onWidth={(w) => setWidth("panels", w)}
          />
          <aside className="workspace__side" style={{ width: width.panels }} aria-label={t("panelsPane")}>
            {panels}
          </aside>
        </>
      )}
    </div>
  );
}
