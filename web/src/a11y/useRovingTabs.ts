// The WAI-ARIA tabs keyboard pattern, for every tab bar in the app (the centre tabs, the
// editor's open files, the panels): one tab stop; Left/Right move to the previous/next tab
// and select it, wrapping around; Home/End go to the first/last. Selection follows focus.
import { useCallback, useRef, type KeyboardEvent, type RefObject } from "react";

export interface RovingTabs {
  /** Put on the element with role="tablist": focus moves among its [role=tab] children. */
  listRef: RefObject<HTMLDivElement | null>;
  /** Put on the tablist (keys from its tabs bubble up to it). */
  onKeyDown: (event: KeyboardEvent) => void;
}

export function useRovingTabs<T>(items: readonly T[], current: T, select: (item: T) => void): RovingTabs {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const index = Math.max(0, items.indexOf(current));
      const targets: Record<string, number> = {
        ArrowRight: index + 1,
        ArrowLeft: index - 1,
        Home: 0,
        End: items.length - 1,
      };
      const target = targets[event.key];
      if (target === undefined || items.length === 0) return;
      event.preventDefault();
      const next = (target + items.length) % items.length;
      const item = items[next];
      if (item === undefined) return;
      select(item);
      listRef.current?.querySelectorAll<HTMLElement>("[role=tab]")[next]?.focus();
    },
    [items, current, select],
  );
  return { listRef, onKeyDown };
}
