// What `npm run new-chapter` writes: a chapter with its frontmatter filled in and one checked
// step, in each language of the course, that lessons:check passes as it is. The full tour of
// the format is the template chapter, lessons/00-example.
import type { Language } from "../../web/src/i18n/languages.ts";

export interface ChapterDraft {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  today: string;
}

/** `uts-namespace` → `Uts namespace`: a first title the author replaces. */
export function titleFromId(id: string): string {
  const words = id.split("-").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const quote = (text: string) => JSON.stringify(text);

/** The step's commands: the same in every language (the linter insists). */
const stepBlocks = (id: string) => `\`\`\`sh run
echo hello > /tmp/${id}-hello
\`\`\`

\`\`\`sh check
grep -qx hello /tmp/${id}-hello
\`\`\`

\`\`\`sh solution
echo hello > /tmp/${id}-hello
\`\`\`
`;

/** The frontmatter: the same keys and set-up in every language, only its prose translated. */
function frontmatter(
  { id, title, today }: ChapterDraft,
  prose: { summary: string; objective: string; setupComment: string },
): string {
  return `---
id: ${id}
title: ${quote(title)}
summary: ${prose.summary}
objectives:
  - ${prose.objective}
estimated_minutes: 10
prerequisites: []
difficulty: beginner
tags: []
authors: []
updated: ${today}
setup: |
  # ${prose.setupComment}
  lab_reset_console
  rm -f /tmp/${id}-hello
---`;
}

const TEXTS: Record<Language, (draft: ChapterDraft) => string> = {
  en: ({ id, ...draft }) => `${frontmatter(
    { id, ...draft },
    {
      summary: "What the student builds in this chapter, in one or two sentences.",
      objective: "Leave a file where the check can find it",
      setupComment: 'Runs as root before the chapter starts and on "Restart this chapter".',
    },
  )}

Say what this chapter is about and why it matters. The full tour of the lesson format is the
template chapter, \`lessons/00-example\`, and \`lessons/README.md\`.

::::step{#hello}

### Leave a file behind

Each step checks itself: this one turns green when \`/tmp/${id}-hello\` says \`hello\`.

${stepBlocks(id)}
:::hint
\`>\` writes a command's output into a file.
:::

::::

What the student has learned, and where to go next.
`,
  ja: ({ id, ...draft }) => `${frontmatter(
    { id, ...draft },
    {
      summary: "このチャプターで受講者が作るものを 1〜2 文で書きます。",
      objective: "チェックが見つけられる場所にファイルを残す",
      setupComment: "チャプターの開始前と「このチャプターをやり直す」のときに root で実行されます。",
    },
  )}

このチャプターで何を学ぶのか、なぜ大事なのかを書きます。レッスン形式の全体は、
テンプレートのチャプター \`lessons/00-example\` と \`lessons/README.md\` で確認できます。

::::step{#hello}

### ファイルを残す

ステップは自分で自分をチェックします。このステップは \`/tmp/${id}-hello\` に \`hello\` と書かれると緑になります。

${stepBlocks(id)}
:::hint
\`>\` はコマンドの出力をファイルに書き込みます。
:::

::::

受講者が学んだことと、次に進む先を書きます。
`,
};

export function chapterText(language: Language, draft: ChapterDraft): string {
  return TEXTS[language](draft);
}

/** The next free order prefix: after the highest below 90 (90–99 are kept for reference pages). */
export function nextPrefix(folders: readonly string[]): string {
  const numbers = folders.map((f) => Number.parseInt(f, 10)).filter((n) => Number.isInteger(n) && n < 90);
  const next = numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
  return String(next).padStart(2, "0");
}
