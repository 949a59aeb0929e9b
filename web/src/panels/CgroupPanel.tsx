// The cgroup v2 tree with limits, usage and the events of limits being hit.
import { useMemo, useRef } from "react";
import { CgroupEventLog } from "./CgroupEventLog.tsx";
import { CgroupNodeView } from "./CgroupNodeView.tsx";
import { useScrollToHighlight } from "./panelHooks.ts";
import { usePanelStore } from "./panelStore.ts";
import { useSnapshotStore } from "./snapshotStore.ts";
import { usePanelStrings } from "./strings.ts";
import { useCgroupTree } from "./views.ts";
import "./CgroupPanel.css";

export function CgroupPanel() {
  const t = usePanelStrings();
  const tree = useCgroupTree();
  const events = useSnapshotStore((s) => s.events);
  const clearEvents = useSnapshotStore((s) => s.clearEvents);
  const highlightPath = usePanelStore((s) => (s.highlight?.kind === "cgroup" ? s.highlight.path : null));
  const container = useRef<HTMLDivElement>(null);
  useScrollToHighlight(container);
  const eventPaths = useMemo(() => new Set(events.map((event) => event.path)), [events]);

  if (!tree) return null;
  return (
    <div className="cgp" ref={container}>
      {events.length > 0 && <CgroupEventLog events={events} onClear={clearEvents} />}
      {tree.roots.length === 0 ? (
        <p>{t("cg.empty")}</p>
      ) : (
        <ul className="cgp-tree" aria-label={t("cg.label")}>
          {tree.roots.map((node) => (
            <CgroupNodeView
              key={node.key}
              node={node}
              highlightPath={highlightPath}
              eventPaths={eventPaths}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
