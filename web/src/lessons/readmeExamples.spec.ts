import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLesson } from "./parseLesson.ts";

// The examples in lessons/README.md must be lessons the parser accepts, in both languages.
const readme = readFileSync(new URL("../../../lessons/README.md", import.meta.url), "utf8");
const sections = readme.split("# レッスンの書き方");

function fenced(section: string, opener: string): string {
  const start = section.indexOf(`${opener}\n`);
  const close = opener.startsWith("````") ? "\n````\n" : "\n```\n";
  const end = section.indexOf(close, start + opener.length);
  if (start < 0 || end < 0) throw new Error(`no ${opener} block`);
  return section.slice(start + opener.length + 1, end + 1);
}

describe.each([
  ["English", sections[0] ?? ""],
  ["Japanese", sections[1] ?? ""],
])("lessons/README.md (%s)", (_language, section) => {
  it("shows frontmatter and a step that parse without a problem", () => {
    const frontmatter = fenced(section, "```yaml");
    const step = fenced(section, "````markdown");
    const lesson = parseLesson(`${frontmatter}\n${step}`, "README.md", "en");
    expect(lesson.diagnostics).toEqual([]);
    expect(
      lesson.steps.map((s) => [s.id, s.hints.length, s.panels.length, Boolean(s.checks.length && s.solution)]),
    ).toEqual([["set-hostname", 2, 1, true]]);
  });
});
