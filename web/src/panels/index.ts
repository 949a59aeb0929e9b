// The kernel-state panels' public surface: stores, focus and types. The panels themselves are
// `area.ts`, which the app loads lazily, off the first-prompt path.
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
