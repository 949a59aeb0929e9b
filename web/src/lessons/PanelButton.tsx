// `::panel{name highlight}` in a step: a button that brings that panel forward.
import type { ReactNode } from "react";
import { useLessonActions } from "./lessonContext.ts";
import { lessonStrings } from "./strings.ts";
import { PANEL_NAMES, type PanelName } from "./lessonModel.ts";

export function PanelButton({
  name,
  highlight,
}: {
  name: string;
  highlight?: string | undefined;
}): ReactNode {
  const t = lessonStrings.useStrings();
  const { runtime } = useLessonActions();
  if (!runtime.focusPanel || !(PANEL_NAMES as readonly string[]).includes(name)) return null;
  const panel = t(`panel.${name as PanelName}`);
  const label = highlight ? t("showPanelHighlight", { panel, highlight }) : t("showPanel", { panel });
  return (
    <p className="cl-lesson-panel-link">
      <button
        type="button"
        className="cl-lesson-button cl-lesson-button--quiet"
        onClick={() => runtime.focusPanel?.(name, highlight)}
      >
        {label}
      </button>
    </p>
  );
}
