import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FRONTMATTER, parse, where } from "./fixtures/parseHelpers.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("parseLesson on a good lesson", () => {
  const lesson = parse(fixture("good.md"));

  it("reports nothing", () => {
    expect(lesson.diagnostics).toEqual([]);
  });

  it("reads the frontmatter into meta", () => {
    expect(lesson.meta).toEqual({
      id: "good",
      title: "A good lesson",
      summary: "Every construct of the format, used correctly.",
      objectives: ["Read a lesson"],
      estimatedMinutes: 5,
      prerequisites: [],
      difficulty: "beginner",
      tags: ["uts"],
      authors: ["Fixture"],
      updated: "2026-01-31",
      kind: "lesson",
      restart: "setup",
    });
  });

  it("splits intro, steps and outro", () => {
    expect(lesson.intro.children.map((n) => n.type)).toEqual(["paragraph", "table"]);
    expect(lesson.steps.map((s) => [s.id, s.title, s.manual, s.line])).toEqual([
      ["read", "Read this", true, 21],
      ["rename", "Rename", false, 40],
    ]);
    expect(lesson.outro.children.map((n) => n.type)).toEqual(["heading", "paragraph"]);
  });

  it("keeps `a:b` and `12:30` as text instead of inline directives", () => {
    const paragraph = lesson.intro.children[0];
    expect(
      paragraph?.type === "paragraph" &&
        paragraph.children.map((c) => ("value" in c ? c.value : "")).join(""),
    ).toBe("Intro with a table, a time of 12:30 and a key:value pair, which stay text.");
  });

  it("takes check, solution and hints out of the prose; run blocks and panels stay inline", () => {
    const [read, rename] = lesson.steps;
    expect(read?.runBlocks).toEqual([{ code: "hostname", line: 24, column: 1 }]);
    expect(read?.panels).toEqual([{ name: "namespaces", highlight: "uts", line: 28, column: 1 }]);
    expect(read?.hints.map((h) => h.label)).toEqual(["First hint"]);
    expect(read?.body.children.map((n) => n.type)).toEqual(["code", "leafDirective"]);
    expect(rename?.checks).toEqual([{ code: '[ "$(hostname)" = demo ]', line: 49, column: 1 }]);
    expect(rename?.solution?.code).toBe("# translated comment\nhostname demo");
    expect(rename?.hints).toHaveLength(2);
    // The run block nested in a list item counts too.
    expect(rename?.runBlocks.map((b) => b.code)).toEqual(["hostname demo"]);
    expect(rename?.body.children.map((n) => n.type)).toEqual(["list"]);
  });

  it("does not count a hint's run blocks as the step's", () => {
    expect(lesson.steps[0]?.runBlocks.map((b) => b.code)).not.toContain("lsns -t uts");
  });
});

describe("parseLesson on a broken lesson", () => {
  const lesson = parse(fixture("bad-structure.md"));

  it("reports every mistake at its line and column, in order", () => {
    expect(where(lesson.diagnostics)).toEqual([
      "10:1 run-outside-step",
      "17:1 unknown-code-flag",
      "21:1 step-without-solution",
      "21:1 check-message-missing",
      "25:1 check-message-missing",
      "29:1 unknown-directive",
      "33:1 unknown-directive",
      "35:1 invalid-attribute",
      "37:1 unknown-attribute",
      "37:1 missing-attribute",
      "39:1 directive-colons",
      "41:1 code-language",
      "47:1 content-outside-step",
      "49:1 step-fence",
      "52:1 step-without-solution",
      "57:1 duplicate-step-id",
      "60:1 manual-step-with-check",
      "65:1 step-id-invalid",
      "65:1 step-title-missing",
      "65:1 step-without-check",
      "69:3 code-block-misplaced",
      "73:1 directive-kind",
      "76:1 raw-html",
      "76:1 content-outside-step",
      "81:1 shell-block-unflagged",
    ]);
  });

  it("suggests the directive, flag, panel or attribute that was meant", () => {
    const messages = lesson.diagnostics.map((d) => d.message);
    expect(messages).toContain(
      "unknown directive `hnit` (did you mean `hint`?); known: step, hint, quiz, predict, panel, editor",
    );
    expect(messages).toContain(
      "unknown directive `pannel` (did you mean `panel`?); known: step, hint, quiz, predict, panel, editor",
    );
    expect(messages.find((m) => m.startsWith("unknown flag"))).toMatch(/`rn`.*did you mean `run`/);
    expect(messages.find((m) => m.startsWith("unknown panel "))).toMatch(/did you mean `cgroups`/);
    expect(messages).toContain("unknown panel attribute `nme` (did you mean `name`?)");
  });

  it("marks raw HTML as a warning, everything else as an error", () => {
    expect(lesson.diagnostics.filter((d) => d.severity === "warning").map((d) => d.rule)).toEqual([
      "raw-html",
    ]);
  });

  it("carries the file name on every diagnostic", () => {
    expect(new Set(lesson.diagnostics.map((d) => d.file))).toEqual(new Set(["lessons/00-x/en.md"]));
  });
});

describe("parseLesson frontmatter errors", () => {
  it("points at the offending key or value", () => {
    const lesson = parse(fixture("bad-frontmatter.md"));
    expect(lesson.meta).toBeNull();
    expect(lesson.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      "1:1 frontmatter-schema missing required key `estimated_minutes`",
      "2:5 frontmatter-schema `id`: must be lowercase letters, digits and single dashes, e.g. `uts-namespace`",
      "3:8 frontmatter-schema `title`: must not be empty",
      "5:13 frontmatter-schema `objectives`: list at least one objective",
      "6:1 frontmatter-unknown-key unknown frontmatter key `estimated_minute` (did you mean `estimated_minutes`?)",
      "7:21 frontmatter-schema `prerequisites[1]`: must be lowercase letters, digits and single dashes, e.g. `uts-namespace`",
      '8:13 frontmatter-schema `difficulty`: Invalid option: expected one of "beginner"|"intermediate"|"advanced"',
      "9:10 frontmatter-schema `updated`: must be a date written YYYY-MM-DD",
    ]);
    // The steps are still parsed, so other checks keep working.
    expect(lesson.steps.map((s) => s.id)).toEqual(["only"]);
  });

  it("reports YAML syntax errors inside the frontmatter", () => {
    expect(where(parse(fixture("bad-yaml.md")).diagnostics)).toEqual(["3:17 frontmatter-yaml"]);
  });

  it("requires frontmatter and at least one step", () => {
    expect(where(parse("Just text.\n").diagnostics)).toEqual(["1:1 frontmatter-missing", "1:1 no-steps"]);
  });
});

describe("parseLesson details", () => {
  it("accepts ::editor with an absolute guest path and rejects the rest where they stand", () => {
    const step = (line: string) => `${FRONTMATTER}\n::::step{#a manual}\n### A\n${line}\n::::\n`;
    expect(parse(step('::editor{path="/root/run.sh"}')).diagnostics).toEqual([]);
    expect(where(parse(step('::editor{path="run.sh"}')).diagnostics)).toEqual(["12:1 invalid-attribute"]);
    expect(where(parse(step("::editor")).diagnostics)).toEqual(["12:1 missing-attribute"]);
    expect(where(parse(step('::editor{pth="/x"}')).diagnostics)).toEqual([
      "12:1 unknown-attribute",
      "12:1 missing-attribute",
    ]);
  });

  it("rejects a step written as a leaf directive", () => {
    expect(where(parse(`${FRONTMATTER}\n::step{#a}\n`).diagnostics)).toEqual([
      "10:1 directive-kind",
      "10:1 no-steps",
    ]);
  });

  it("notices a step or hint whose closing fence is missing", () => {
    const unclosedStep = `${FRONTMATTER}\n::::step{#a manual}\n### A\n:::hint\nh\n:::\n`;
    expect(
      parse(unclosedStep).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`),
    ).toEqual(["10:1 unclosed-directive this step is never closed: end it with a `::::` line"]);
    const unclosedHint = `${FRONTMATTER}\n::::step{#a manual}\n### A\n:::hint\nh\n::::\n`;
    expect(where(parse(unclosedHint).diagnostics)).toEqual(["12:1 unclosed-directive"]);
  });

  it("rejects classes, unknown attributes and a bracket label on a step", () => {
    const source = `${FRONTMATTER}\n::::step[Title]{#a .red manul}\n### A\n::::\n`;
    expect(parse(source).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      "10:1 unknown-attribute `step` takes no classes (`.red`): an id is written `{#id}`",
      "10:1 unknown-attribute unknown step attribute `manul` (did you mean `manual`?)",
      "10:1 step-without-check the step has no `sh check` block; add one, a `:::quiz`, or mark a reading step `{#id manual}`",
      "10:9 step-label put the step title in a heading inside the step (`### Title`), not in `[brackets]`",
    ]);
  });

  it("rejects a hint outside a step and a hint with attributes", () => {
    const source = `${FRONTMATTER}\n:::hint\nx\n:::\n\n::::step{#a manual}\n### A\n:::hint{x=1}\ny\n:::\n::::\n`;
    expect(where(parse(source).diagnostics)).toEqual(["10:1 directive-misplaced", "16:1 unknown-attribute"]);
  });

  it("rejects empty checks and hints, and check blocks inside hints", () => {
    const source = `${FRONTMATTER}\n::::step{#a}\n### A\n\`\`\`sh check\n\`\`\`\n:::hint\n:::\n:::hint\n\`\`\`sh solution\nx\n\`\`\`\n:::\n::::\n`;
    expect(where(parse(source).diagnostics)).toEqual([
      "10:1 step-without-check",
      "12:1 empty-block",
      "14:1 empty-block",
      // The second hint held only a misplaced solution, so nothing is left of it.
      "16:1 empty-block",
      "17:1 code-block-misplaced",
    ]);
  });

  it("accepts bash and shell fences too, and leaves other languages alone", () => {
    const source = `${FRONTMATTER}\n::::step{#a}\n### A\n\`\`\`bash check\ntrue\n\`\`\`\n\`\`\`shell solution\ntrue\n\`\`\`\n\`\`\`js title="x"\n1\n\`\`\`\n::::\n`;
    const lesson = parse(source);
    expect(lesson.diagnostics).toEqual([]);
    expect(lesson.steps[0]?.checks.map((c) => c.code)).toEqual(["true"]);
    expect(lesson.steps[0]?.body.children.map((n) => n.type)).toEqual(["code"]);
  });

  it("joins nothing across steps: each keeps its own blocks", () => {
    const step = (id: string) =>
      `::::step{#${id}}\n### ${id}\n\`\`\`sh check\ntest ${id}\n\`\`\`\n\`\`\`sh solution\necho ${id}\n\`\`\`\n::::\n`;
    const lesson = parse(`${FRONTMATTER}\n${step("a")}\n${step("b")}`);
    expect(lesson.steps.map((s) => [s.id, s.checks[0]?.code, s.solution?.code])).toEqual([
      ["a", "test a", "echo a"],
      ["b", "test b", "echo b"],
    ]);
  });

  it("collects links and images with their positions", () => {
    const source = `${FRONTMATTER}\nSee [docs](https://example.com) and ![d](./d.svg).\n\n::::step{#a manual}\n### A\n[next](#/chapter/x/step/a)\n::::\n`;
    expect(parse(source).links).toEqual([
      { url: "https://example.com", kind: "link", line: 10, column: 5 },
      { url: "./d.svg", kind: "image", line: 10, column: 37 },
      { url: "#/chapter/x/step/a", kind: "link", line: 14, column: 1 },
    ]);
  });
});

describe("parseLesson on what a lint once let through", () => {
  it("a directive line that does not parse is an error, not text shown to students", () => {
    for (const broken of [
      '::panel{name="namespaces" highlight="uts"',
      '::panel{name="namespaces" highlight="uts} ',
      '::panel{name="namespaces"} and more',
    ]) {
      const text = fixture("good.md").replace('::panel{name="namespaces" highlight="uts"}', broken);
      expect(where(parse(text).diagnostics), broken).toEqual(["28:1 directive-malformed"]);
    }
  });

  it("collects the links of the summary and objectives, at their key's line", () => {
    const text = fixture("good.md")
      .replace("used correctly.", "used [correctly](javascript:alert(1)).")
      .replace("  - Read a lesson", "  - Read [a lesson](data:text/html,x)");
    expect(parse(text).links.filter((l) => !l.url.startsWith("#"))).toEqual([
      { url: "javascript:alert(1)", kind: "link", line: 4, column: 10 },
      { url: "data:text/html,x", kind: "link", line: 6, column: 3 },
    ]);
  });
});
