// Renders lesson Markdown as React elements, through the sanitizing pipeline in renderMarkdown.ts.
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import type { Root } from "mdast";
import { useMemo, type ComponentProps, type ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { useLessonActions } from "./lessonContext.ts";
import { PanelButton } from "./PanelButton.tsx";
import { EditorButton } from "./EditorButton.tsx";
import {
  AFTER_ATTRIBUTE,
  EDITOR_ATTRIBUTE,
  HIGHLIGHT_ATTRIBUTE,
  markdownToHast,
  PANEL_ATTRIBUTE,
  QUESTION_ATTRIBUTE,
  RUN_ATTRIBUTE,
} from "./renderMarkdown.ts";
import { QuestionSlot } from "./QuestionView.tsx";
import { RunBlock } from "./RunBlock.tsx";

type DivProps = ComponentProps<"div"> & {
  [RUN_ATTRIBUTE]?: string;
  [PANEL_ATTRIBUTE]?: string;
  [HIGHLIGHT_ATTRIBUTE]?: string;
  [EDITOR_ATTRIBUTE]?: string;
  [QUESTION_ATTRIBUTE]?: string;
  [AFTER_ATTRIBUTE]?: string;
};

// Questions render Markdown of their own (prompt, answers); passed down, so QuestionView does
// not import this module back.
const renderRoot = (root: Root): ReactNode => <Markdown root={root} />;

function LessonDiv(props: DivProps): ReactNode {
  const {
    [RUN_ATTRIBUTE]: run,
    [PANEL_ATTRIBUTE]: panel,
    [HIGHLIGHT_ATTRIBUTE]: highlight,
    [EDITOR_ATTRIBUTE]: editorPath,
    [QUESTION_ATTRIBUTE]: question,
    [AFTER_ATTRIBUTE]: after,
    ...rest
  } = props;
  if (editorPath !== undefined) return <EditorButton path={editorPath} />;
  if (question !== undefined) return <QuestionSlot id={question} render={renderRoot} />;
  if (run !== undefined)
    return (
      <RunBlock code={run} afterPrediction={after}>
        {rest.children}
      </RunBlock>
    );
  if (panel !== undefined) return <PanelButton name={panel} highlight={highlight} />;
  return <div {...rest} />;
}

function LessonLink(props: ComponentProps<"a">): ReactNode {
  // Routes inside the app stay in the tab; everything else is another site.
  const external = typeof props.href === "string" && /^(https?:|mailto:|\/\/)/i.test(props.href);
  return external ? <a {...props} target="_blank" rel="noreferrer noopener" /> : <a {...props} />;
}

const components = { div: LessonDiv, a: LessonLink } as Partial<Components>;

export function Markdown({ root }: { root: Root }): ReactNode {
  const { resolveUrl } = useLessonActions();
  return useMemo(
    () => toJsxRuntime(markdownToHast(root, resolveUrl), { Fragment, jsx, jsxs, components }),
    [root, resolveUrl],
  );
}
