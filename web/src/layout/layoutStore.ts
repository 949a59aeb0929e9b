// Pane sizes and which side panes are collapsed, remembered across visits.
import { create } from "zustand";
import { persist } from "zustand/middleware";

export const PANE_LIMITS = { min: 240, max: 900 } as const;

export type SidePane = "lesson" | "panels";

interface LayoutState {
  width: Record<SidePane, number>;
  collapsed: Record<SidePane, boolean>;
  setWidth: (pane: SidePane, width: number) => void;
  toggle: (pane: SidePane) => void;
  expand: (pane: SidePane) => void;
}

const clamp = (width: number) => Math.min(PANE_LIMITS.max, Math.max(PANE_LIMITS.min, Math.round(width)));

export const useLayoutStore = create<LayoutState>()(
  persist(
    (set) => ({
      width: { lesson: 420, panels: 440 },
      collapsed: { lesson: false, panels: false },
      setWidth: (pane, width) => set((s) => ({ width: { ...s.width, [pane]: clamp(width) } })),
      toggle: (pane) => set((s) => ({ collapsed: { ...s.collapsed, [pane]: !s.collapsed[pane] } })),
      expand: (pane) => set((s) => ({ collapsed: { ...s.collapsed, [pane]: false } })),
    }),
    { name: "container-lab.layout" },
  ),
);
