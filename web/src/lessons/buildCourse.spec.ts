import { describe, expect, it } from "vitest";
import { buildCourse } from "./buildCourse.ts";
import type { Diagnostic } from "./lessonModel.ts";

interface StepSpec {
  id: string;
  check?: string;
  solution?: string;
  manual?: boolean;
  prose?: string;
}

/** A lesson file; frontmatter lines 1–9, then one blank line, then the steps. */
function lesson(id: string, steps: StepSpec[], frontmatter: Record<string, string> = {}): string {
  const fields = {
    id,
    title: `Title of ${id}`,
    summary: "Summary.",
    objectives: "[Learn]",
    estimated_minutes: "10",
    prerequisites: "[]",
    difficulty: "beginner",
    ...frontmatter,
  };
  const head = `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n`;
  const body = steps
    .map((s) =>
      [
        `::::step{#${s.id}${s.manual ? " manual" : ""}}`,
        `### Step ${s.id}`,
        s.prose ?? "Text.",
        ...(s.manual
          ? []
          : [
              "```sh check",
              s.check ?? `test -e /tmp/${s.id}`,
              "```",
              "```sh solution",
              s.solution ?? `touch /tmp/${s.id}`,
              "```",
            ]),
        "::::",
      ].join("\n"),
    )
    .join("\n\n");
  return `${head}\n${body}\n`;
}

const where = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
const steps = (...ids: string[]) => ids.map((id) => ({ id }));

describe("buildCourse", () => {
  it("orders chapters by their numeric prefix and builds both languages", () => {
    const course = buildCourse(
      {
        "lessons/10-later/en.md": lesson("later", steps("a")),
        "lessons/10-later/ja.md": lesson("later", steps("a")),
        "lessons/2-early/en.md": lesson("early", steps("a")),
        "lessons/2-early/ja.md": lesson("early", steps("a")),
      },
      [],
    );
    expect(course.chapters.map((c) => c.id)).toEqual(["early", "later"]);
    expect(course.chapters.every((c) => c.diagnostics.length === 0)).toBe(true);
    expect(Object.keys(course.chapters[0]?.lessons ?? {})).toEqual(["en", "ja"]);
  });

  it("keeps good chapters working when another chapter is broken", () => {
    const course = buildCourse(
      {
        "lessons/00-good/en.md": lesson("good", steps("a")),
        "lessons/00-good/ja.md": lesson("good", steps("a")),
        "lessons/01-broken/en.md": "no frontmatter\n",
        "lessons/01-broken/ja.md": lesson("broken", steps("a")),
      },
      [],
    );
    const [good, broken] = course.chapters;
    expect(good?.lessons.en?.steps.map((s) => s.id)).toEqual(["a"]);
    expect(broken?.id).toBe("broken");
    expect(broken?.lessons).toEqual({});
    expect(where(broken?.diagnostics ?? [])).toEqual([
      "lessons/01-broken/en.md:1:1 frontmatter-missing",
      "lessons/01-broken/en.md:1:1 no-steps",
    ]);
  });

  it("checks folder names, languages, stray files and ids against folders", () => {
    const course = buildCourse(
      {
        "lessons/Intro/en.md": lesson("intro", steps("a")),
        "lessons/01-alpha/en.md": lesson("beta", steps("a")),
        "lessons/01-alpha/notes.md": "notes",
        "lessons/02-gamma/en.md": lesson("gamma", steps("a")),
        "lessons/02-gamma/ja.md": lesson("gamma", steps("a")),
        "lessons/03-gamma/en.md": lesson("gamma", steps("a")),
        "lessons/03-gamma/ja.md": lesson("gamma", steps("a")),
      },
      [],
    );
    expect(course.chapters.flatMap((c) => where(c.diagnostics))).toEqual([
      "lessons/01-alpha/en.md:1:1 missing-language",
      "lessons/01-alpha/en.md:2:5 chapter-id-folder",
      "lessons/01-alpha/notes.md:1:1 unknown-file",
      "lessons/03-gamma/en.md:2:5 duplicate-chapter-id",
      "lessons/Intro/en.md:1:1 folder-name",
      "lessons/Intro/en.md:1:1 missing-language",
    ]);
  });

  it("requires the languages to agree on steps, checks, commands and shared frontmatter", () => {
    const en = lesson("x", [
      { id: "a" },
      { id: "b", solution: "# make it\ntouch /tmp/b" },
      { id: "c" },
      { id: "d", manual: true },
    ]);
    const ja = lesson(
      "x",
      [
        { id: "a", check: "test -f /tmp/a" },
        { id: "b", solution: "# 作る\ntouch /tmp/b" },
        { id: "c", solution: "touch /tmp/C" },
        { id: "d" },
      ],
      { estimated_minutes: "12" },
    );
    const [chapter] = buildCourse({ "lessons/00-x/en.md": en, "lessons/00-x/ja.md": ja }, []).chapters;
    expect(chapter?.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      "6:20 frontmatter-differs `estimated_minutes` is 12 here but 10 in en.md",
      "14:1 check-differs check 1 of step `a` differs from en.md:14; checks are shared, copy it verbatim (only its message is translated)",
      // Step b differs only in its comment: fine.
      "40:1 solution-differs the solution of step `c` runs other commands than en.md:40 (only comments may be translated)",
      "45:1 step-differs step `d` is not manual here but is in en.md",
    ]);
    expect(chapter?.lessons).toEqual({});
  });

  it("reports the first step whose id or position differs between languages", () => {
    const [reordered] = buildCourse(
      {
        "lessons/00-x/en.md": lesson("x", steps("a", "b")),
        "lessons/00-x/ja.md": lesson("x", steps("b", "a")),
      },
      [],
    ).chapters;
    expect(reordered?.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      "lessons/00-x/ja.md:11 step 1 is `b` here but `a` in en.md:11; step ids and their order must match across languages",
    ]);
    const [missing] = buildCourse(
      { "lessons/00-x/en.md": lesson("x", steps("a", "b")), "lessons/00-x/ja.md": lesson("x", steps("a")) },
      [],
    ).chapters;
    expect(missing?.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      "lessons/00-x/ja.md:11 step `b` (en.md:22) is missing here",
    ]);
  });

  it("checks links, deep links and assets", () => {
    const prose = [
      "[man](https://man7.org) [mail](mailto:a@b.c) [js](javascript:alert(1))",
      "[ok](#/chapter/other/step/s) [no step](#/chapter/other/step/zz) [no chapter](#/chapter/none)",
      "[anchor](#top) [list](#/)",
      "![ok](./d.svg) ![missing](./gone.png) ![abs](/d.svg) [file](../01-other/en.md)",
      "![up](../01-other/o.svg) ![txt](./notes.txt) ![far](../../etc/passwd.png)",
    ].join("\n");
    const files = {
      "lessons/00-x/en.md": lesson("x", [{ id: "a", prose }]),
      "lessons/00-x/ja.md": lesson("x", [{ id: "a", prose }]),
      "lessons/01-other/en.md": lesson("other", steps("s")),
      "lessons/01-other/ja.md": lesson("other", steps("s")),
    };
    const assets = ["lessons/00-x/d.svg", "lessons/00-x/notes.txt", "lessons/01-other/o.svg"];
    const [chapter] = buildCourse(files, assets).chapters;
    const en = chapter?.diagnostics.filter((d) => d.file.endsWith("en.md")) ?? [];
    expect(en.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      "13:46 unsafe-link",
      "14:30 broken-link",
      "14:65 broken-link",
      "15:1 broken-link",
      "16:16 missing-asset",
      "16:39 broken-link",
      "16:54 broken-link",
      "17:26 missing-asset",
      "17:46 missing-asset",
    ]);
    expect(en.map((d) => d.message)).toEqual([
      "`javascript:` links are not allowed (only http: https: mailto:)",
      "chapter `other` has no step or section `zz`",
      "no chapter has the id `none`",
      "`#top` is not a lesson link; use `#/chapter/<id>` or `#/chapter/<id>/step/<step>`",
      "`./gone.png` does not exist (looked for lessons/00-x/gone.png)",
      "`/d.svg`: write asset paths relative to the chapter folder, e.g. `./diagram.svg`",
      "`../01-other/en.md`: link to a chapter with `#/chapter/<id>`, not to its file",
      "`./notes.txt` is not served by the app; assets are png, jpg, jpeg, gif, svg, webp files",
      "`../../etc/passwd.png` does not exist (looked for a path outside lessons/)",
    ]);
  });

  it("checks prerequisites exist and come first", () => {
    const files = {
      "lessons/00-a/en.md": lesson("a", steps("s"), { prerequisites: "[b, nope, a]" }),
      "lessons/00-a/ja.md": lesson("a", steps("s"), { prerequisites: "[b, nope, a]" }),
      "lessons/01-b/en.md": lesson("b", steps("s")),
      "lessons/01-b/ja.md": lesson("b", steps("s")),
    };
    const [a] = buildCourse(files, []).chapters;
    expect(
      a?.diagnostics
        .filter((d) => d.file.endsWith("en.md"))
        .map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`),
    ).toEqual([
      "7:16 warning prerequisite-order",
      "7:16 error unknown-prerequisite",
      "7:16 error unknown-prerequisite",
    ]);
  });
});
