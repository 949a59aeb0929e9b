// The mount table of one mount namespace (chosen from a list), overlay mounts drawn as layers.
import { useCallback, useId, useRef } from "react";
import { MountRowView } from "./MountRowView.tsx";
import type { MountNamespaceTable, MountRow } from "./mountTable.ts";
import { OverlayDiagram } from "./OverlayDiagram.tsx";
import { useFocusablePick, useScrollToHighlight } from "./panelHooks.ts";
import { usePanelStore } from "./panelStore.ts";
import { usePanelStrings } from "./strings.ts";
import { useMountTables } from "./views.ts";
import "./MountPanel.css";

/** The mount a path resolves to is the last one mounted there (later mounts cover earlier ones). */
function mountAt(
  table: MountNamespaceTable | undefined,
  mountPoint: string | undefined,
): MountRow | undefined {
  if (!table || mountPoint === undefined) return undefined;
  for (let i = table.mounts.length - 1; i >= 0; i--) {
    const row = table.mounts[i];
    if (row?.mountPoint === mountPoint) return row;
  }
  return undefined;
}

export function MountPanel() {
  const t = usePanelStrings();
  const tables = useMountTables();
  const highlight = usePanelStore((s) => (s.highlight?.kind === "mount" ? s.highlight : null));
  const container = useRef<HTMLDivElement>(null);
  useScrollToHighlight(container);
  const baseId = useId();
  const selectId = `${baseId}-ns`;
  const diagramId = `${baseId}-overlay`;

  const [pickedNs, pickNs] = useFocusablePick<number>(highlight?.namespace ?? null);
  const namespaces = tables?.namespaces ?? [];
  const table = namespaces.find((ns) => ns.inode === pickedNs) ?? namespaces[0];
  const highlighted = mountAt(table, highlight?.mountPoint);
  const [pickedMount, pickMount] = useFocusablePick<number>(highlighted?.id ?? null);
  const onShowLayers = useCallback((id: number) => pickMount(id), [pickMount]);

  if (!tables) return null;
  if (!table) return <p>{t("mnt.empty")}</p>;

  const selected =
    table.mounts.find((row) => row.id === pickedMount && row.overlay) ??
    table.mounts.find((row) => row.overlay);
  return (
    <div className="mtp" ref={container}>
      <div className="mtp-chooser">
        <label htmlFor={selectId}>{t("mnt.namespace")}</label>
        <select
          id={selectId}
          value={table.inode}
          onChange={(event) => pickNs(Number(event.target.value))}
          data-testid="mount-namespace-select"
        >
          {namespaces.map((ns) => (
            <option key={ns.key} value={ns.inode}>
              {t(ns.initial ? "mnt.optionInitial" : "mnt.option", {
                inode: ns.inode,
                pid: ns.pid,
                command: ns.command,
              })}
            </option>
          ))}
        </select>
      </div>
      <div className="mtp-scroll">
        <table className="mtp-table">
          <caption className="mtp-caption">{t("mnt.caption", { inode: table.inode })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("mnt.col.mountPoint")}</th>
              <th scope="col">{t("mnt.col.type")}</th>
              <th scope="col">{t("mnt.col.source")}</th>
              <th scope="col">{t("mnt.col.options")}</th>
              <th scope="col">{t("mnt.col.propagation")}</th>
            </tr>
          </thead>
          <tbody>
            {table.mounts.map((row) => (
              <MountRowView
                key={row.key}
                row={row}
                selected={row === selected}
                highlighted={row === highlighted}
                diagramId={diagramId}
                onShowLayers={onShowLayers}
              />
            ))}
          </tbody>
        </table>
      </div>
      {selected?.overlay && <OverlayDiagram id={diagramId} layers={selected.overlay} />}
    </div>
  );
}
