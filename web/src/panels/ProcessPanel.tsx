// Parent/child process tree. Badges name the namespaces a process does not share with init
// and its cgroup; each badge opens the matching panel focused on it.
import { memo, useRef } from "react";
import { ContainerBadge } from "./ContainerBadge.tsx";
import { shortInode } from "./format.ts";
import type { ProcessNode } from "./processTree.ts";
import { useScrollToHighlight } from "./panelHooks.ts";
import { usePanelStore } from "./panelStore.ts";
import { usePanelStrings, type PanelStringKey } from "./strings.ts";
import { useProcessTree } from "./views.ts";
import "./namespaceColors.css";
import "./ProcessPanel.css";

const STATE_KEYS: Record<string, PanelStringKey> = {
  R: "proc.state.R",
  S: "proc.state.S",
  D: "proc.state.D",
  Z: "proc.state.Z",
  T: "proc.state.T",
};

function StateBadge({ state }: { state: string }) {
  const t = usePanelStrings();
  // Running and sleeping are the normal states; only the others deserve a badge.
  if (state === "R" || state === "S") return null;
  const key = STATE_KEYS[state];
  return (
    <span className={`prp-state prp-state--${state}`}>{key ? t(key) : t("proc.state.other", { state })}</span>
  );
}

const ProcessItem = memo(function ProcessItem({
  node,
  highlightPid,
}: {
  node: ProcessNode;
  highlightPid: number | null;
}) {
  const t = usePanelStrings();
  const focus = usePanelStore((s) => s.focus);
  const highlighted = node.pid === highlightPid;
  return (
    <li className="prp-item" data-testid={`process-${node.pid}`} data-highlighted={highlighted || undefined}>
      <div className={highlighted ? "prp-line prp-line--highlighted" : "prp-line"}>
        <span className="prp-pid" title={t("proc.nspid", { pids: node.nspid.join(", ") })}>
          {node.nspid.join(" → ")}
        </span>
        <span className="prp-command" title={node.command}>
          {node.command}
        </span>
        <StateBadge state={node.state} />
        <ContainerBadge container={node.container} />
        {node.uid !== null && node.uid !== 0 && (
          <span className="prp-uid">{t("proc.uid", { uid: node.uid })}</span>
        )}
        {node.namespaces.map((ns) => (
          <button
            key={ns.key}
            type="button"
            className={`prp-badge ns-colored ns-color-${ns.color ?? 0}`}
            aria-label={t("proc.nsBadge", { type: ns.type, inode: ns.inode })}
            title={t("proc.nsBadge", { type: ns.type, inode: ns.inode })}
            onClick={() => focus("namespaces", { kind: "namespace", type: ns.type, inode: ns.inode })}
          >
            {ns.type} {shortInode(ns.inode)}
          </button>
        ))}
        {node.cgroup !== null && node.cgroup !== "/" && (
          <button
            type="button"
            className="prp-badge prp-badge--cgroup"
            aria-label={t("proc.cgroupBadge", { path: node.cgroup })}
            onClick={() => node.cgroup !== null && focus("cgroups", { kind: "cgroup", path: node.cgroup })}
          >
            {node.cgroup}
          </button>
        )}
      </div>
      {node.children.length > 0 && (
        <ul className="prp-children">
          {node.children.map((child) => (
            <ProcessItem key={child.key} node={child} highlightPid={highlightPid} />
          ))}
        </ul>
      )}
    </li>
  );
});

export function ProcessPanel() {
  const t = usePanelStrings();
  const tree = useProcessTree();
  const highlightPid = usePanelStore((s) => (s.highlight?.kind === "process" ? s.highlight.pid : null));
  const container = useRef<HTMLDivElement>(null);
  useScrollToHighlight(container);
  if (!tree) return null;
  if (tree.count === 0) return <p>{t("proc.empty")}</p>;
  return (
    <div className="prp" ref={container}>
      <ul className="prp-tree" aria-label={t("proc.label")}>
        {tree.roots.map((node) => (
          <ProcessItem key={node.key} node={node} highlightPid={highlightPid} />
        ))}
      </ul>
    </div>
  );
}
