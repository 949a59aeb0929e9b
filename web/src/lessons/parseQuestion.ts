// `:::quiz` and `:::predict` blocks → a Question. Both are written the same way: a prompt,
// then a GFM task list of answers (`- [x]` right, `- [ ]` wrong; text indented under an answer
// explains it), or no list for a typed answer; a blockquote at the end explains the question.
import { compileAnswerPattern } from "./answerPattern.ts";
import type { BlockContent, List, ListItem, Root, RootContent } from "mdast";
import { checkAttributes, flagAttribute, type ContainerDirective } from "./directiveChecks.ts";
import { ID_PATTERN } from "./frontmatter.ts";
import type { Choice, Question, QuestionRole } from "./lessonModel.ts";
import { pointOf, type Report } from "./sourcePoint.ts";

/** What the step builder does with nested content (run blocks, panels…) before it is kept. */
export type WalkInner = (nodes: RootContent[]) => RootContent[];

const root = (children: RootContent[]): Root => ({ type: "root", children });

function isTaskList(node: RootContent | undefined): node is List {
  return (
    node?.type === "list" &&
    node.children.length > 0 &&
    node.children.every((item) => item.checked === true || item.checked === false)
  );
}

export function parseQuestion(node: ContainerDirective, report: Report, walk: WalkInner): Question | null {
  const role = node.name as QuestionRole;
  const attributes = checkAttributes(node, role, report);
  const id = attributes.id ?? "";
  if (!id) {
    report(
      node,
      "question-id",
      `give the ${role} a stable id, so the answer can be saved: \`:::${role}{#my-${role}}\``,
    );
  } else if (!ID_PATTERN.test(id)) {
    report(node, "question-id", `${role} id \`${id}\` must be lowercase letters, digits and single dashes`);
  }
  const multiple = flagAttribute(node, attributes, "multiple", report);
  const pattern = attributes.answer ?? undefined;

  const children = node.children.map((child) =>
    child.type === "paragraph" && child.data?.directiveLabel ? { ...child, data: {} } : child,
  );
  const last = children.at(-1);
  const explanationNode = last?.type === "blockquote" ? last : undefined;
  const rest = explanationNode ? children.slice(0, -1) : children;
  const listIndex = isTaskList(rest.at(-1)) ? rest.length - 1 : -1;
  const list = listIndex >= 0 ? (rest[listIndex] as List) : undefined;
  const prompt = walk(list ? rest.slice(0, listIndex) : rest);
  if (prompt.length === 0)
    report(node, "question-empty", `the ${role} has no question: write it before the answers`);

  const choices = (list?.children ?? []).map((item) => choiceOf(item, walk));
  const correct = choices.filter((c) => c.correct).length;
  if (list && choices.length < 2) {
    report(list, "quiz-answer", `a ${role} with answers to pick from needs at least two`);
  }
  if (role === "quiz") {
    if (list && correct === 0) {
      report(list, "quiz-answer", "mark the right answer (or answers) with `- [x]`");
    }
    if (list && pattern !== undefined) {
      report(
        node,
        "quiz-answer",
        'a quiz has either answers to pick (`- [x]` / `- [ ]`) or `answer="…"`, not both',
      );
    }
    if (!list && !pattern) {
      report(
        node,
        "quiz-answer",
        'give the quiz answers to pick (a `- [x]` / `- [ ]` list) or a pattern for a typed answer: `answer="^pid$"`',
      );
    }
    if (!list && pattern) {
      try {
        compileAnswerPattern(pattern);
      } catch (error) {
        report(
          node,
          "quiz-answer",
          `\`answer\` is not a pattern the lab can match: ${(error as Error).message} (RE2 syntax: no look-arounds or back-references)`,
        );
      }
    }
  }
  if (multiple && !list) {
    report(node, "invalid-attribute", "`multiple` needs answers to pick from (a `- [x]` / `- [ ]` list)");
  }
  if (!id) return null;
  const explanation = explanationNode ? walk(explanationNode.children) : [];
  return {
    id,
    role,
    answer: !list ? "text" : multiple || correct > 1 ? "multiple" : "single",
    prompt: root(prompt),
    choices,
    ...(!list && pattern && role === "quiz" ? { pattern } : {}),
    ...(explanation.length ? { explanation: root(explanation) } : {}),
    ...pointOf(node),
  };
}

function choiceOf(item: ListItem, walk: WalkInner): Choice {
  const [label, ...more] = item.children;
  const explanation = walk(more as BlockContent[]);
  return {
    label: root(label ? walk([label]) : []),
    correct: item.checked === true,
    ...(explanation.length ? { explanation: root(explanation) } : {}),
  };
}
