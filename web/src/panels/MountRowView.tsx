// One line of a mount table; memoized like the other panels' rows.
import { memo } from "react";
import type { MountRow } from "./mountTable.ts";
import { usePanelStrings } from "./strings.ts";

export interface MountRowViewProps {
  row: MountRow;
  selected: boolean;
  highlighted: boolean;
  diagramId: string;
  onShowLayers: (id: number) => void;
}

export const MountRowView = memo(function MountRowView({
  row,
  selected,
  highlighted,
  diagramId,
  onShowLayers,
}: MountRowViewProps) {
  const t = usePanelStrings();
  const classes = ["mtp-row"];
  if (row.overlay) classes.push("mtp-row--overlay");
  if (highlighted) classes.push("mtp-row--highlighted");
  return (
    <tr
      className={classes.join(" ")}
      data-testid={`mount-row-${row.mountPoint}`}
      data-highlighted={highlighted || undefined}
    >
      <th scope="row" className="mtp-point" style={{ paddingLeft: `${0.3 + row.depth * 0.9}rem` }}>
        {row.mountPoint}
        {row.root !== "/" && <span className="mtp-root"> ({row.root})</span>}
      </th>
      <td className="mtp-type">
        {row.fsType}
        {row.overlay && (
          <button
            type="button"
            className="mtp-layers"
            aria-pressed={selected}
            aria-controls={selected ? diagramId : undefined}
            onClick={() => onShowLayers(row.id)}
          >
            {t("mnt.showLayers")}
          </button>
        )}
      </td>
      <td className="mtp-source">{row.source}</td>
      <td className="mtp-options" title={row.superOptions}>
        {row.options}
      </td>
      <td className="mtp-propagation">
        {row.propagation.length ? row.propagation.join(" ") : t("mnt.private")}
      </td>
    </tr>
  );
});
