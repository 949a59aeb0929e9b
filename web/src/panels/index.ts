// The kernel-state panels' public surface: what the app shell and lessons use.
export { PanelArea, type PanelAreaProps } from "./PanelArea.tsx";
export type { SnapshotSource } from "./snapshotSource.ts";
export {
  snapshotStore,
  useSnapshotStore,
  startSnapshotFeed,
  createSnapshotStore,
  DEFAULT_POLL_INTERVAL_MS,
  type SnapshotFeedOptions,
  type SnapshotState,
  type SnapshotError,
} from "./snapshotStore.ts";
export { usePanelStore, PANEL_IDS, type PanelId, type PanelHighlight } from "./panelStore.ts";
export { focusPanelByName, parsePanelHighlight } from "./lessonFocus.ts";
export type { CgroupEvent } from "./cgroupEvents.ts";
