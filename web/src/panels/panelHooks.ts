// Hooks shared by the panels for lesson-driven focus.
import { useCallback, useEffect, useState, type RefObject } from "react";
import { usePanelStore } from "./panelStore.ts";

/**
 * A selection that the user makes by clicking and a lesson makes through
 * `panelStore.focus`: whichever happened last wins. Keeping the request number beside the
 * user's pick avoids copying the store into state from an effect.
 */
export function useFocusablePick<T>(fromHighlight: T | null): [T | null, (value: T | null) => void] {
  const focusRequest = usePanelStore((s) => s.focusRequest);
  const [picked, setPicked] = useState<{ value: T | null; request: number } | null>(null);
  const value = picked !== null && picked.request >= focusRequest ? picked.value : fromHighlight;
  const pick = useCallback(
    (next: T | null) => setPicked({ value: next, request: focusRequest }),
    [focusRequest],
  );
  return [value, pick];
}

/** Scrolls the highlighted element (marked `data-highlighted`) into view after each focus request. */
export function useScrollToHighlight(container: RefObject<HTMLElement | null>): void {
  const focusRequest = usePanelStore((s) => s.focusRequest);
  useEffect(() => {
    const target = container.current?.querySelector<HTMLElement>("[data-highlighted]");
    // jsdom has no layout and no scrollIntoView.
    target?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [container, focusRequest]);
}
