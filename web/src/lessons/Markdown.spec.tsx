import type { Root } from "mdast";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LessonContext, type LessonActions } from "./lessonContext.ts";
import { Markdown } from "./Markdown.tsx";
import { parseLesson } from "./parseLesson.ts";

const FRONTMATTER =
  "---\nid: x\ntitle: X\nsummary: S\nobjectives: [o]\nestimated_minutes: 1\ndifficulty: beginner\n---\n";

/** The prose of a manual step, through the real parser. */
function stepBody(markdown: string): Root {
  const lesson = parseLesson(`${FRONTMATTER}\n::::step{#a manual}\n### A\n${markdown}\n::::\n`, "x.md", "en");
  const body = lesson.steps[0]?.body;
  if (!body) throw new Error(JSON.stringify(lesson.diagnostics));
  return body;
}

function render(markdown: string, withPanels = true): string {
  const actions: LessonActions = {
    runtime: {
      runInTerminal: () => {},
      execCheck: async () => null,
      onCommandFinished: () => () => {},
      ...(withPanels ? { focusPanel: () => {} } : {}),
    },
    type: () => {},
    resolveUrl: (url) => (url === "./d.svg" ? "/assets/d-1234.svg" : undefined),
  };
  return renderToStaticMarkup(
    <LessonContext.Provider value={actions}>
      <Markdown root={stepBody(markdown)} />
    </LessonContext.Provider>,
  );
}

describe("Markdown rendering is sanitized", () => {
  it("drops raw HTML blocks and inline HTML, scripts included", () => {
    const html = render(
      '<script>alert("block")</script>\n\nText <img src=x onerror="alert(1)"> and <b onclick="x()">bold</b>.\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|onclick|alert/);
    expect(html).toContain("<p>Text  and bold.</p>");
  });

  it("removes javascript: and data: link targets", () => {
    const html = render("[a](javascript:alert(1)) [b](data:text/html,hi) [c](vbscript:x)");
    expect(html).not.toMatch(/javascript:|data:|vbscript:/);
    expect(html).toContain("<a>a</a>");
  });

  it("cannot be tricked into a Run button by hand-written HTML", () => {
    const html = render('<div data-lesson-run="rm -rf /">x</div>\n\n<div data-lesson-panel="cgroups"></div>');
    expect(html).not.toMatch(/button|rm -rf/);
  });

  it("renders Markdown, GFM tables and code", () => {
    const html = render("**bold** `code`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```sh\nls\n```");
    expect(html).toContain("<strong>bold</strong> <code>code</code>");
    expect(html).toContain("<table>");
    expect(html).toContain('<pre><code class="language-sh">ls\n</code></pre>');
  });
});

describe("Markdown lesson elements", () => {
  it("turns a run block into the code plus Run and Copy buttons", () => {
    const html = render("```sh run\n# list\nlsns -t uts\n```");
    expect(html).toContain('<pre><code class="language-sh"># list\nlsns -t uts\n</code></pre>');
    expect(html).toContain('aria-label="Run in the terminal: lsns -t uts"');
    expect(html).toContain('aria-label="Copy to the clipboard: lsns -t uts"');
  });

  it("turns a panel directive into a button when the app has panels", () => {
    expect(render('::panel{name="cgroups" highlight="/demo"}')).toContain(
      ">Show /demo in the cgroups panel</button>",
    );
    expect(render('::panel{name="cgroups"}', false)).not.toContain("button");
  });

  it("resolves lesson assets and opens other sites in a new tab", () => {
    const html = render("![diagram](./d.svg) [man](https://man7.org) [step](#/chapter/x/step/a)");
    expect(html).toContain('<img src="/assets/d-1234.svg" alt="diagram"/>');
    expect(html).toContain('<a href="https://man7.org" target="_blank" rel="noreferrer noopener">man</a>');
    expect(html).toContain('<a href="#/chapter/x/step/a">step</a>');
  });
});

describe("Japanese text", () => {
  it("joins a paragraph's hard wraps between Japanese characters without a space", () => {
    const html = render("コンテナの中からはホワイト\nアウトが見えません。\n上の層のファイルは\n隠れます。");
    expect(html).toContain(
      "<p>コンテナの中からはホワイトアウトが見えません。上の層のファイルは隠れます。</p>",
    );
    expect(html).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]\s+[\u3040-\u30ff\u4e00-\u9fff]/u);
  });

  it("joins a wrap at the edge of emphasis or a link, but not next to code or Latin text", () => {
    const html = render(
      "見え方を**変え**\n（名前空間）、[リンク](https://example.com)\nです。ファイルは\n`/proc` で\nOOM です。",
    );
    expect(html).toContain("<strong>変え</strong>（名前空間）、");
    expect(html).toContain("</a>です。ファイルは\n<code>/proc</code> で\nOOM です。");
  });

  it("keeps the space where a wrap separates English words", () => {
    expect(render("mount\nnamespace と\nPID")).toContain("<p>mount\nnamespace と\nPID</p>");
  });

  it("reads emphasis next to Japanese punctuation as emphasis", () => {
    const html = render("これは**「重要」**です。**名前空間**。と書きます。");
    expect(html).toContain("<strong>「重要」</strong>です。");
    expect(html).toContain("<strong>名前空間</strong>。");
  });
});
