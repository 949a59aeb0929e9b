// The tabbed panel area. It owns the snapshot feed's lifetime: the feed runs while this is
// mounted and asks for nothing while the area is hidden (panelStore.visible) or the tab is.
// Only the active panel is mounted, so only its view model is ever built.
import { useEffect, useRef, type ComponentType } from "react";
import { useRovingTabs } from "../a11y/useRovingTabs.ts";
import { CgroupPanel } from "./CgroupPanel.tsx";
import { MountPanel } from "./MountPanel.tsx";
import { NamespacePanel } from "./NamespacePanel.tsx";
import { PanelStatus } from "./PanelStatus.tsx";
import { ProcessPanel } from "./ProcessPanel.tsx";
import { PANEL_IDS, usePanelStore, type PanelId } from "./panelStore.ts";
import { snapshotStore, startSnapshotFeed } from "./snapshotStore.ts";
import type { SnapshotSource } from "./snapshotSource.ts";
import { usePanelStrings } from "./strings.ts";
import "./PanelArea.css";

export interface PanelAreaProps {
  /** Must keep its identity across renders: a new source restarts the feed. */
  source: SnapshotSource;
  pollIntervalMs?: number;
  /** While true nothing is requested, e.g. while the machine boots and the agent cannot answer. */
  paused?: boolean;
}

const PANELS: Record<PanelId, ComponentType> = {
  namespaces: NamespacePanel,
  cgroups: CgroupPanel,
  processes: ProcessPanel,
  mounts: MountPanel,
};

const tabId = (panel: PanelId) => `panel-tab-${panel}`;
const tabPanelId = (panel: PanelId) => `panel-tabpanel-${panel}`;

export function PanelArea({ source, pollIntervalMs, paused = false }: PanelAreaProps) {
  const t = usePanelStrings();
  const active = usePanelStore((s) => s.active);
  const visible = usePanelStore((s) => s.visible);
  const setActive = usePanelStore((s) => s.setActive);
  // Read by the feed before each request; a ref so that pausing does not restart the feed.
  const pausedRef = useRef(paused);

  useEffect(() => {
    pausedRef.current = paused;
  }, [paused]);

  useEffect(
    () =>
      startSnapshotFeed(source, {
        isVisible: () => usePanelStore.getState().visible && !pausedRef.current,
        intervalMs: pollIntervalMs,
      }),
    [source, pollIntervalMs],
  );

  // Coming back into view (or out of a pause): catch up at once instead of waiting for a poll.
  // Not on mount: starting the feed already asks.
  const wasShown = useRef(visible && !paused);
  useEffect(() => {
    const shown = visible && !paused;
    if (shown && !wasShown.current) snapshotStore.getState().refresh();
    wasShown.current = shown;
  }, [visible, paused]);

  // Tabs follow the WAI-ARIA pattern: one tab stop, arrows move and select.
  const roving = useRovingTabs(PANEL_IDS, active, setActive);

  const Panel = PANELS[active];
  return (
    <section className="panel-area" aria-label={t("area.label")}>
      <div
        className="panel-area__tabs"
        role="tablist"
        aria-label={t("area.label")}
        ref={roving.listRef}
        onKeyDown={roving.onKeyDown}
      >
        {PANEL_IDS.map((panel) => (
          <button
            key={panel}
            type="button"
            role="tab"
            id={tabId(panel)}
            className="panel-area__tab"
            aria-selected={panel === active}
            // Only the active panel is mounted, so only its tab can point at it.
            aria-controls={panel === active ? tabPanelId(panel) : undefined}
            tabIndex={panel === active ? 0 : -1}
            onClick={() => setActive(panel)}
          >
            {t(`tab.${panel}`)}
          </button>
        ))}
      </div>
      <PanelStatus />
      <div
        className="panel-area__body"
        role="tabpanel"
        id={tabPanelId(active)}
        aria-labelledby={tabId(active)}
        tabIndex={0}
      >
        <Panel />
      </div>
    </section>
  );
}
