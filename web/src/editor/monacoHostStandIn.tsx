// Test stand-in for MonacoHost (Monaco does not run in jsdom): a textarea with the same
// props, Ctrl+S included, and the markers it was given as a data attribute.
import type { ReactNode } from "react";
import type { MonacoHostProps } from "./MonacoHost.tsx";

export function MonacoHost(props: MonacoHostProps): ReactNode {
  return (
    <textarea
      aria-label={props.label}
      data-testid="monaco-stand-in"
      data-language={props.language}
      data-markers={JSON.stringify(props.markers ?? [])}
      readOnly={props.readOnly}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.ctrlKey && event.key === "s") {
          event.preventDefault();
          event.stopPropagation();
          props.onSave?.();
        }
      }}
    />
  );
}
