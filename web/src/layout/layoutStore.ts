// Pane sizes and which side panes are collapsed, remembered across visits.
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { fieldReader, guardedStorage } from "../storage/guardedStorage.ts";

export const PANE_LIMITS = { min: 240, max: 900 } as const;

export type SidePane = "lesson" | "panels";

interface LayoutState {
  width: Record<SidePane, number>;
  collapsed: Record<SidePane, boolean>;
  setWidth: (pane: SidePane, width: number) => void;
  toggle: (pane: SidePane) => void;
  expand: (pane: SidePane) => void;
}

const DEFAULTS = {
  width: { lesson: 420, panels: 440 } as Record<SidePane, number>,
  collapsed: { lesson: false, panels: false } as Record<SidePane, boolean>,
};

const isPair =
  <T>(ok: (value: unknown) => value is T) =>
  (value: unknown): value is Record<SidePane, T> =>
    typeof value === "object" &&
    value !== null &&
    ok((value as Record<string, unknown>).lesson) &&
    ok((value as Record<string, unknown>).panels);
const isWidth = (value: unknown): value is number =>
  typeof value === "number" && value >= PANE_LIMITS.min && value <= PANE_LIMITS.max;
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";

const clamp = (width: number) => Math.min(PANE_LIMITS.max, Math.max(PANE_LIMITS.min, Math.round(width)));

export const useLayoutStore = create<LayoutState>()(
  persist(
    (set) => ({
      ...DEFAULTS,
      setWidth: (pane, width) => set((s) => ({ width: { ...s.width, [pane]: clamp(width) } })),
      toggle: (pane) => set((s) => ({ collapsed: { ...s.collapsed, [pane]: !s.collapsed[pane] } })),
      expand: (pane) => set((s) => ({ collapsed: { ...s.collapsed, [pane]: false } })),
    }),
    {
      name: "container-lab.layout",
      storage: guardedStorage(
        fieldReader(DEFAULTS, { width: isPair(isWidth), collapsed: isPair(isBoolean) }),
        "settings",
      ),
      partialize: (s) => ({ width: s.width, collapsed: s.collapsed }),
    },
  ),
);
