// Which role this tab plays for the student's saved machine (tabOwnership.ts decides it).
import { create } from "zustand";

/** "owner": saves, resets and loads into the saved machine; "visitor": another tab owns it. */
export type TabRole = "unknown" | "owner" | "visitor";

interface TabState {
  role: TabRole;
  /** This tab handed the machine to another one (not merely opened second). */
  handedOver: boolean;
  takingOver: boolean;
}

export const useTabStore = create<TabState>()(() => ({
  role: "unknown",
  handedOver: false,
  takingOver: false,
}));

export const ownsSavedMachine = (): boolean => useTabStore.getState().role === "owner";
