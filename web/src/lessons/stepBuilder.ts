// A `::::step` directive → a Step: its title, its prose (what renders inline), and what the
// engine takes out of the prose: run blocks, checks, the solution, hints, panels, questions.
import type { Code, Parent, RootContent } from "mdast";
import {
  checkAttributes,
  checkDirective,
  checkEditor,
  codeFlag,
  flagAttribute,
  parsePanel,
  type ContainerDirective,
} from "./directiveChecks.ts";
import { ID_PATTERN } from "./frontmatter.ts";
import { AFTER_PREDICTION, REVEAL_AFTER_MAX, STEP_FENCE_COLONS } from "./lessonSyntax.ts";
import type { Hint, ShellBlock, Step } from "./lessonModel.ts";
import { mdastText } from "./mdastText.ts";
import { parseQuestion } from "./parseQuestion.ts";
import { pointOf, type Report } from "./sourcePoint.ts";

/** Where a node sits: only a step's top level may hold its checks, solution, hints and questions. */
type Place = "prose" | "step" | "step-nested" | "hint" | "question";

const PLACE_NAMES: Record<Place, string> = {
  prose: "outside steps",
  step: "in a step",
  "step-nested": "nested in other content",
  hint: "in a hint",
  question: "in a quiz or prediction",
};

export interface StepBuilder {
  parseStep(node: ContainerDirective): Step | null;
  /**
   * Intro and outro: prose, where run blocks, checks and questions are errors. Hints are
   * allowed where `hints` is given (the outro's "where to go next" help).
   */
  walkProse(nodes: RootContent[], hints?: Hint[]): RootContent[];
}

export function createStepBuilder(source: string, report: Report): StepBuilder {
  /** A container runs to the end of its parent when its closing fence is missing; say so. */
  const checkClosed = (node: ContainerDirective, colons: number): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const text = source.slice(start, end);
    const lastLine = text.slice(text.lastIndexOf("\n") + 1);
    if (!text.includes("\n") || !new RegExp(`^\\s*:{${colons},}\\s*$`).test(lastLine)) {
      report(
        node,
        "unclosed-directive",
        `this ${node.name} is never closed: end it with a \`${":".repeat(colons)}\` line`,
      );
    }
  };

  const takeStepFence = (node: ContainerDirective): void => {
    const offset = node.position?.start.offset;
    const colons =
      offset === undefined ? STEP_FENCE_COLONS : (/^:*/.exec(source.slice(offset))?.[0].length ?? 0);
    checkClosed(node, Math.max(colons, 3));
    if (colons < STEP_FENCE_COLONS) {
      report(
        node,
        "step-fence",
        "open and close a step with four colons (`::::step{#id}` … `::::`) so `:::hint` blocks can nest inside it",
      );
    }
  };

  /** Where hints outside steps go (the outro's), or null where they are not allowed. */
  let proseHints: Hint[] | null = null;

  /** The prediction the run blocks that follow wait for, while walking one step. */
  let pendingPrediction: string | null = null;
  let predictionHasRun = true;

  const takeCode = (node: Code, place: Place, step: Step | null, kept: RootContent[]): void => {
    const fence = codeFlag(node, report);
    const flag = fence?.flag;
    if (flag === "run") {
      if (place === "prose") report(node, "run-outside-step", "a `sh run` block must be inside a step");
      else if (step && place !== "hint" && place !== "question") {
        step.runBlocks.push(shellBlock(node));
        // The first run block after a prediction is the one it asks about; later ones are free.
        if (pendingPrediction && !predictionHasRun) {
          node.data = { ...node.data, [AFTER_PREDICTION]: pendingPrediction } as Code["data"];
          predictionHasRun = true;
        }
      }
      kept.push(node);
      return;
    }
    if (flag === "check" || flag === "solution") {
      if (place !== "step" || !step) {
        report(
          node,
          "code-block-misplaced",
          `a \`sh ${flag}\` block must sit directly inside a step, not ${PLACE_NAMES[place]}`,
        );
      } else if (!node.value.trim()) {
        report(node, "empty-block", `the ${flag} block is empty`);
      } else if (flag === "check") {
        const message = fence?.options.message?.trim();
        step.checks.push({ ...shellBlock(node), ...(message ? { message } : {}) });
      } else if (step.solution) {
        report(
          node,
          "duplicate-solution",
          `this step already has a solution block (line ${step.solution.line}); merge them into one`,
        );
      } else {
        step.solution = shellBlock(node);
      }
      return;
    }
    kept.push(node);
  };

  /** Walks content, pulling out what does not render inline; returns what stays. */
  const walk = (nodes: RootContent[], place: Place, step: Step | null): RootContent[] => {
    const kept: RootContent[] = [];
    for (const node of nodes) {
      if (node.type === "code") {
        takeCode(node, place, step, kept);
        continue;
      }
      if (node.type === "containerDirective" || node.type === "leafDirective") {
        if (!checkDirective(node, report)) continue;
        if (node.name === "step") {
          report(node, "step-nested", "steps cannot be nested: close the enclosing step first");
          continue;
        }
        if (node.type === "containerDirective" && node.name === "hint") {
          if (place === "step" && step) step.hints.push(parseHint(node, step));
          else if (place === "prose" && proseHints) proseHints.push(parseHint(node, null));
          else
            report(
              node,
              "directive-misplaced",
              "a `:::hint` block must sit directly inside a step (or in the outro)",
            );
          continue;
        }
        if (node.type === "containerDirective" && (node.name === "quiz" || node.name === "predict")) {
          checkClosed(node, 3);
          if (place !== "step" || !step) {
            report(
              node,
              "directive-misplaced",
              `a \`:::${node.name}\` block must sit directly inside a step`,
            );
            continue;
          }
          const question = parseQuestion(node, report, (inner) => walk(inner, "question", step));
          if (!question) continue;
          const twin = step.questions.find((q) => q.id === question.id);
          if (twin) {
            report(
              node,
              "question-id",
              `\`${question.id}\` is already used in this step (line ${twin.line})`,
            );
            continue;
          }
          step.questions.push(question);
          if (question.role === "predict") {
            if (pendingPrediction && !predictionHasRun) warnPredictionWithoutRun(step);
            pendingPrediction = question.id;
            predictionHasRun = false;
          }
          // Stays in the prose as a marker; the pane renders the question there.
          kept.push({
            type: "leafDirective",
            name: question.role,
            attributes: { id: question.id },
            children: [],
            ...(node.position ? { position: node.position } : {}),
          });
          continue;
        }
        if (node.type === "leafDirective" && node.name === "editor") {
          if (!step) report(node, "directive-misplaced", "`::editor` must be inside a step");
          if (checkEditor(node, report)) kept.push(node);
          continue;
        }
        if (node.type === "leafDirective" && node.name === "panel") {
          const panel = parsePanel(node, report);
          if (!step)
            report(
              node,
              "directive-misplaced",
              "`::panel` must be inside a step: the panel is focused when the step opens",
            );
          else if (panel) {
            if (place !== "hint") step.panels.push(panel);
            kept.push(node);
          }
          continue;
        }
        continue;
      }
      if ("children" in node) {
        const inner = walk(node.children as RootContent[], place === "step" ? "step-nested" : place, step);
        (node as Parent).children = inner as Parent["children"];
      }
      kept.push(node);
    }
    return kept;
  };

  const warnPredictionWithoutRun = (step: Step): void => {
    const question = step.questions.find((q) => q.id === pendingPrediction);
    report(
      question,
      "predict-without-run",
      "nothing runs after this prediction: put the `sh run` block whose outcome it asks about below it",
      "warning",
    );
  };

  const parseHint = (node: ContainerDirective, step: Step | null): Hint => {
    checkClosed(node, 3);
    checkAttributes(node, "hint", report);
    const [head, ...rest] = node.children;
    const labelled = head?.type === "paragraph" && head.data?.directiveLabel === true;
    const children = walk(labelled ? rest : node.children, step ? "hint" : "prose", step);
    if (children.length === 0) report(node, "empty-block", "the hint is empty");
    return { ...(labelled && head ? { label: mdastText(head) } : {}), body: { type: "root", children } };
  };

  const parseStep = (node: ContainerDirective): Step | null => {
    takeStepFence(node);
    const attributes = checkAttributes(node, "step", report);
    const manual = flagAttribute(node, attributes, "manual", report);
    const challenge = flagAttribute(node, attributes, "challenge", report);
    const id = attributes.id ?? "";
    if (!id) report(node, "step-id-missing", "give the step a stable id: `::::step{#my-step}`");
    else if (!ID_PATTERN.test(id))
      report(
        node,
        "step-id-invalid",
        `step id \`${id}\` must be lowercase letters, digits and single dashes`,
      );
    const revealAfter = readRevealAfter(node, attributes["reveal-after"], challenge);

    let children = node.children;
    const head = children[0];
    if (head?.type === "paragraph" && head.data?.directiveLabel) {
      report(
        head,
        "step-label",
        "put the step title in a heading inside the step (`### Title`), not in `[brackets]`",
      );
      children = children.slice(1);
    }
    const title = children[0]?.type === "heading" ? mdastText(children[0]).trim() : "";
    if (!title)
      report(
        node,
        "step-title-missing",
        "a step starts with a heading that is its title, e.g. `### Set the hostname`",
      );
    else children = children.slice(1);

    const step: Step = {
      id,
      title,
      manual,
      challenge,
      ...(revealAfter ? { revealAfter } : {}),
      ...pointOf(node),
      body: { type: "root", children: [] },
      runBlocks: [],
      checks: [],
      solution: null,
      hints: [],
      panels: [],
      questions: [],
    };
    pendingPrediction = null;
    predictionHasRun = true;
    step.body.children = walk(children, "step", step);
    if (pendingPrediction && !predictionHasRun) warnPredictionWithoutRun(step);
    pendingPrediction = null;
    checkStepShape(node, step);
    return id ? step : null;
  };

  const readRevealAfter = (
    node: ContainerDirective,
    value: string | null | undefined,
    challenge: boolean,
  ): number | undefined => {
    if (value === undefined) return undefined;
    if (!challenge) {
      report(
        node,
        "challenge-attribute",
        "`reveal-after` belongs to a challenge: `::::step{#id challenge reveal-after=3}`",
      );
      return undefined;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > REVEAL_AFTER_MAX) {
      report(
        node,
        "invalid-attribute",
        `\`reveal-after\` is a number of failed checks from 1 to ${REVEAL_AFTER_MAX}, not \`${value ?? ""}\``,
      );
      return undefined;
    }
    return n;
  };

  /** What kind of step it is decides what it must and must not contain. */
  const checkStepShape = (node: ContainerDirective, step: Step): void => {
    const [firstCheck] = step.checks;
    const quizzes = step.questions.filter((q) => q.role === "quiz");
    if (step.manual && (firstCheck || step.solution)) {
      report(
        firstCheck ?? step.solution ?? node,
        "manual-step-with-check",
        "a `manual` step has no check or solution: drop `manual` or the block",
      );
    }
    if (step.manual && quizzes[0]) {
      report(
        quizzes[0],
        "manual-step-with-check",
        "a step of quizzes is done when they are answered right: drop `manual`",
      );
    }
    if (firstCheck && quizzes[0]) {
      report(
        quizzes[0],
        "quiz-in-checked-step",
        "a step is done by its checks or by its quizzes, not both: give the quiz a step of its own",
      );
    }
    if (step.challenge) {
      if (step.manual) report(node, "challenge-attribute", "a step is either `manual` or a `challenge`");
      if (!firstCheck)
        report(node, "challenge-attribute", "a challenge is proven by its checks: add a `sh check` block");
      const [run] = step.runBlocks;
      if (run) {
        report(
          run,
          "challenge-run-block",
          "a challenge gives the goal, not the commands: drop the `sh run` block (the solution stays hidden until asked for)",
        );
      }
    }
    if (!step.manual && !firstCheck && quizzes.length === 0) {
      report(
        node,
        "step-without-check",
        "the step has no `sh check` block; add one, a `:::quiz`, or mark a reading step `{#id manual}`",
      );
    }
    if (firstCheck && !step.manual && !step.solution) {
      report(
        firstCheck,
        "step-without-solution",
        "a checked step needs a `sh solution` block, so lessons:check can prove its checks",
      );
    }
    if (step.checks.length > 1) {
      for (const check of step.checks) {
        if (!check.message) {
          report(
            check,
            "check-message-missing",
            'with several checks, each says what is missing when it fails: ```sh check message="…"',
          );
        }
      }
    }
  };

  const walkProse = (nodes: RootContent[], hints?: Hint[]): RootContent[] => {
    proseHints = hints ?? null;
    try {
      return walk(nodes, "prose", null);
    } finally {
      proseHints = null;
    }
  };

  return { parseStep, walkProse };
}

function shellBlock(node: Code): ShellBlock {
  return { code: node.value, ...pointOf(node) };
}
