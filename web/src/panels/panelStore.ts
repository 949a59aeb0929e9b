// Which panel is shown, whether the panel area is on screen at all, and what a lesson step
// asked to point at. Lessons call `focus`; the panels read `highlight`.
import { create } from "zustand";
import type { NamespaceType } from "../vm/protocol.ts";

export const PANEL_IDS = ["namespaces", "cgroups", "processes", "mounts"] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export type PanelHighlight =
  /** A whole namespace type (a column), one namespace (by inode), or both. */
  | { kind: "namespace"; type?: NamespaceType; inode?: number }
  | { kind: "cgroup"; path: string }
  | { kind: "process"; pid: number }
  /** A mount namespace (by inode; the initial one if omitted) and optionally one mount in it. */
  | { kind: "mount"; namespace?: number; mountPoint?: string };

export interface PanelState {
  active: PanelId;
  /** Whether the panel area is on screen; the snapshot feed stops asking while it is not. */
  visible: boolean;
  highlight: PanelHighlight | null;
  /** Bumped by every `focus` call, so the same request twice still scrolls and focuses again. */
  focusRequest: number;
  setActive: (panel: PanelId) => void;
  setVisible: (visible: boolean) => void;
  /** Shows `panel` (and the panel area) and points at `highlight`, replacing any previous one. */
  focus: (panel: PanelId, highlight?: PanelHighlight) => void;
  clearHighlight: () => void;
}

export const usePanelStore = create<PanelState>()((set) => ({
  active: "namespaces",
  visible: true,
  highlight: null,
  focusRequest: 0,
  setActive: (active) => set({ active }),
  setVisible: (visible) => set({ visible }),
  focus: (active, highlight) =>
    set((state) => ({
      active,
      visible: true,
      highlight: highlight ?? null,
      focusRequest: state.focusRequest + 1,
    })),
  clearHighlight: () => set({ highlight: null }),
}));
