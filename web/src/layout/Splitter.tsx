// A draggable, keyboard-operable divider (WAI-ARIA window splitter pattern).
import type { KeyboardEvent, PointerEvent } from "react";
import { PANE_LIMITS } from "./layoutStore.ts";

interface SplitterProps {
  label: string;
  width: number;
  /** +1 when dragging right widens the pane (pane on the left), -1 when it narrows it. */
  direction: 1 | -1;
  onWidth: (width: number) => void;
}

const STEP = 24;

export function Splitter({ label, width, direction, onWidth }: SplitterProps) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = width;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onWidth(startWidth + direction * (e.clientX - startX));
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = { ArrowLeft: -STEP, ArrowRight: STEP }[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      onWidth(width + direction * delta);
    } else if (event.key === "Home") onWidth(PANE_LIMITS.min);
    else if (event.key === "End") onWidth(PANE_LIMITS.max);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={PANE_LIMITS.min}
      aria-valuemax={PANE_LIMITS.max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
