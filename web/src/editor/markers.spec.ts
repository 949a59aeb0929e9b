import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../lessons/lessonModel.ts";
import { countBySeverity, diagnosticsToMarkers } from "./markers.ts";

const at = (line: number, column: number, severity: Diagnostic["severity"] = "error"): Diagnostic => ({
  file: "lessons/00-x/en.md",
  line,
  column,
  severity,
  rule: "unknown-directive",
  message: "unknown directive `hnt`",
});

describe("diagnosticsToMarkers", () => {
  const text = "# Title\n\n:::hnt\nbody\n:::\n   \n";

  it("underlines the word at the reported point", () => {
    expect(diagnosticsToMarkers([at(3, 1)], text)).toEqual([
      {
        severity: "error",
        message: "unknown directive `hnt`",
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 7,
        code: "unknown-directive",
      },
    ]);
  });

  it("underlines to the end of the line from a space", () => {
    const [marker] = diagnosticsToMarkers([at(6, 1, "warning")], text);
    expect(marker).toMatchObject({ line: 6, column: 1, endColumn: 4, severity: "warning" });
  });

  it("keeps a point past the text on screen", () => {
    const [marker] = diagnosticsToMarkers([at(99, 40)], "one line");
    expect(marker).toMatchObject({ line: 1, column: 9, endColumn: 10 });
  });

  it("counts errors and warnings", () => {
    const markers = diagnosticsToMarkers([at(1, 1), at(3, 1), at(4, 1, "warning")], text);
    expect(countBySeverity(markers)).toEqual({ errors: 2, warnings: 1 });
  });
});
