// One cgroup and, nested inside it, its children. Memoized per node so that a tick where
// only the root's CPU counters moved re-renders the root card and nothing below it.
import { ContainerBadge } from "./ContainerBadge.tsx";
import { memo } from "react";
import type { CgroupCpu, CgroupMemory, CgroupNode, CgroupPids } from "./cgroupTree.ts";
import { formatBytes, formatMicros } from "./format.ts";
import { usePanelStrings } from "./strings.ts";

export interface CgroupNodeViewProps {
  node: CgroupNode;
  highlightPath: string | null;
  /** Paths with an OOM kill or refused fork seen since the event log was last cleared. */
  eventPaths: ReadonlySet<string>;
}

function MemoryBar({ memory }: { memory: CgroupMemory }) {
  const t = usePanelStrings();
  if (memory.current === null) return null;
  const text =
    memory.max === null
      ? t("cg.memoryNoLimit", { current: formatBytes(memory.current) })
      : t("cg.memoryOf", { current: formatBytes(memory.current), max: formatBytes(memory.max) });
  if (memory.max === null || memory.fraction === null) {
    return (
      <div className="cgp-row">
        <span className="cgp-row__label">{t("cg.memory")}</span> {text}
      </div>
    );
  }
  return (
    <div className="cgp-row">
      <span className="cgp-row__label">{t("cg.memory")}</span>
      <div
        className={`cgp-meter cgp-meter--${memory.level}`}
        role="meter"
        aria-label={t("cg.memory")}
        aria-valuemin={0}
        aria-valuemax={memory.max}
        aria-valuenow={Math.min(memory.current, memory.max)}
        aria-valuetext={text}
      >
        <div className="cgp-meter__fill" style={{ width: `${Math.min(memory.fraction, 1) * 100}%` }} />
      </div>
      <span className="cgp-row__value">{text}</span>
    </div>
  );
}

function PidsLine({ pids }: { pids: CgroupPids }) {
  const t = usePanelStrings();
  if (pids.current === null) return null;
  return (
    <div className="cgp-row">
      <span className="cgp-row__label">{t("cg.pids")}</span>{" "}
      {pids.max === null
        ? t("cg.pidsNoLimit", { current: pids.current })
        : t("cg.pidsOf", { current: pids.current, max: pids.max })}
    </div>
  );
}

function CpuLine({ cpu }: { cpu: CgroupCpu }) {
  const t = usePanelStrings();
  const parts: string[] = [];
  if (cpu.quotaUs !== null && cpu.periodUs) {
    const percent = Math.round((cpu.quotaUs / cpu.periodUs) * 1000) / 10;
    parts.push(
      t("cg.cpuLimit", { percent, quota: formatMicros(cpu.quotaUs), period: formatMicros(cpu.periodUs) }),
    );
  } else if (cpu.periodUs !== null) {
    parts.push(t("cg.cpuNoLimit"));
  }
  if (cpu.usageUs !== null) parts.push(t("cg.cpuUsage", { time: formatMicros(cpu.usageUs) }));
  const throttled = cpu.throttledPeriods !== null && cpu.throttledPeriods > 0;
  return (
    <div className="cgp-row">
      <span className="cgp-row__label">{t("cg.cpu")}</span> {parts.join(" · ")}
      {throttled && (
        <span className="cgp-throttled">
          {" · "}
          {t("cg.cpuThrottled", {
            throttled: cpu.throttledPeriods ?? 0,
            periods: cpu.periods ?? 0,
            time: formatMicros(cpu.throttledUs ?? 0),
          })}
        </span>
      )}
    </div>
  );
}

function Members({ node }: { node: CgroupNode }) {
  const t = usePanelStrings();
  return (
    <div className="cgp-row cgp-members">
      <span className="cgp-row__label">{t("cg.members")}</span>{" "}
      {node.members.length === 0 && node.unlistedMembers === 0 && t("cg.noMembers")}
      {node.members.map((member) => (
        <span key={member.key} className="cgp-member" title={member.command}>
          {member.pid} <span className="cgp-member__command">{member.command}</span>
        </span>
      ))}
      {node.unlistedMembers > 0 && (
        <span className="cgp-unlisted">{t("cg.unlisted", { count: node.unlistedMembers })}</span>
      )}
    </div>
  );
}

export const CgroupNodeView = memo(function CgroupNodeView({
  node,
  highlightPath,
  eventPaths,
}: CgroupNodeViewProps) {
  const t = usePanelStrings();
  const highlighted = node.path === highlightPath;
  const oomKills = node.memory?.oomKills ?? 0;
  const refusals = node.pids?.refusals ?? 0;
  const classes = ["cgp-node"];
  if (highlighted) classes.push("cgp-node--highlighted");
  if (eventPaths.has(node.path)) classes.push("cgp-node--event");
  return (
    <li
      className="cgp-item"
      data-testid={`cgroup-node-${node.path}`}
      data-highlighted={highlighted || undefined}
    >
      <article className={classes.join(" ")} aria-label={node.path}>
        <header className="cgp-node__head">
          <span className="cgp-node__path">{node.path}</span>
          <ContainerBadge container={node.container} />
          {oomKills > 0 && (
            <span className="cgp-badge cgp-badge--danger">{t("cg.oomKills", { count: oomKills })}</span>
          )}
          {refusals > 0 && (
            <span className="cgp-badge cgp-badge--warn">{t("cg.refusals", { count: refusals })}</span>
          )}
          {node.frozen && <span className="cgp-badge">{t("cg.frozen")}</span>}
        </header>
        <div className="cgp-row">
          <span className="cgp-row__label">{t("cg.controllers")}</span>{" "}
          {node.controllers.length ? node.controllers.join(" ") : t("cg.none")}
          {node.subtreeControl.length > 0 && (
            <>
              {" · "}
              <span className="cgp-row__label">{t("cg.subtreeControl")}</span> {node.subtreeControl.join(" ")}
            </>
          )}
        </div>
        {node.memory && <MemoryBar memory={node.memory} />}
        {node.pids && <PidsLine pids={node.pids} />}
        {node.cpu && <CpuLine cpu={node.cpu} />}
        <Members node={node} />
      </article>
      {node.children.length > 0 && (
        <ul className="cgp-children">
          {node.children.map((child) => (
            <CgroupNodeView
              key={child.key}
              node={child}
              highlightPath={highlightPath}
              eventPaths={eventPaths}
            />
          ))}
        </ul>
      )}
    </li>
  );
});
