// The lesson parser, fuzzed: whatever an author types (or a file damaged on the way), the parser
// never throws and every problem it reports points inside the file. A fixed seed keeps the
// inputs the same on every run; a failure prints the input that caused it.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCourse } from "./buildCourse.ts";
import { parseLesson } from "./parseLesson.ts";

const SEED = 20261202;
const example = readFileSync(new URL("../../../lessons/00-example/en.md", import.meta.url), "utf8");
const FILE = "lessons/00-example/en.md";

/** Pieces of the lesson syntax, so random text often looks like a lesson and reaches deep rules. */
const fragment = fc.constantFrom(
  "---\n",
  "id: x\n",
  "title: T\n",
  "::::step{#a}\n",
  "::::\n",
  ":::check\n",
  ":::\n",
  ":::hint\n",
  ":::solution\n",
  "```sh run\n",
  "```\n",
  "### Heading\n",
  "::panel{name=cgroups}\n",
  "[link](#/chapter/x)\n",
  "![img](a.png)\n",
  "  \t",
  "名前空間\n",
  "{#",
  "}",
  "\n",
);

function expectPositionsInside(source: string): void {
  const lines = source.split("\n").length;
  const lesson = parseLesson(source, FILE, "en");
  for (const d of lesson.diagnostics) {
    expect(d.file).toBe(FILE);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

describe("lesson parser, fuzzed", () => {
  it("parses random text without throwing, with positions inside the file", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (source) => expectPositionsInside(source)),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("parses random lesson-shaped text the same way", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (pieces) => expectPositionsInside(pieces.join(""))),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("parses the example chapter cut, spliced and with lines dropped", () => {
    const lines = example.split("\n");
    const mutation = fc.record({
      cut: fc.nat({ max: example.length }),
      drop: fc.array(fc.nat({ max: lines.length - 1 }), { maxLength: 6 }),
      insert: fc.array(fc.tuple(fc.nat({ max: lines.length }), fragment), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(mutation, ({ cut, drop, insert }) => {
        const kept = lines.filter((_, i) => !drop.includes(i));
        for (const [at, piece] of insert) kept.splice(at, 0, piece.replace(/\n$/, ""));
        const source = kept.join("\n").slice(0, cut);
        expectPositionsInside(source);
        // The whole course builder, too (it adds the cross-language and link rules).
        const course = buildCourse({ [FILE]: source, "lessons/00-example/ja.md": source }, []);
        for (const chapter of course.chapters)
          for (const d of chapter.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 60 },
    );
    // 60 whole-course builds: about 11 s alone, and past the default 20 s on a busy machine.
  }, 60_000);
});
