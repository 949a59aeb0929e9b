// One process row of the namespace matrix. Memoized: with structural sharing an unchanged
// process keeps its row object, so a tick re-renders only the rows that changed.
import { memo } from "react";
import { NAMESPACE_TYPES, type NamespaceType } from "../vm/protocol.ts";
import { ContainerBadge } from "./ContainerBadge.tsx";
import { shortInode } from "./format.ts";
import type { NamespaceRef, NamespaceRow } from "./namespaceMatrix.ts";
import { usePanelStrings } from "./strings.ts";

export interface NamespaceRowViewProps {
  row: NamespaceRow;
  index: number;
  /** Column holding the grid's single tab stop, or -1 when it is in another row. */
  activeCol: number;
  /** Only passed when it is one of this row's cells, so other rows keep equal props. */
  selectedKey: string | null;
  highlightKey: string | null;
  highlightType: NamespaceType | null;
  onSelect: (key: string) => void;
  onFocusCell: (pid: number, col: number) => void;
}

function cellClass(ref: NamespaceRef, highlightType: NamespaceType | null): string {
  const classes = ["nsp-cell"];
  classes.push(ref.color === null ? "nsp-cell--initial" : `ns-colored ns-color-${ref.color}`);
  if (highlightType === ref.type) classes.push("nsp-cell--column");
  return classes.join(" ");
}

function UidCell({ uid }: { uid: NamespaceRow["uid"] }) {
  const t = usePanelStrings();
  if (uid.outside === null) return <td className="nsp-uid">?</td>;
  if (!uid.inUserNamespace) return <td className="nsp-uid">{uid.outside}</td>;
  const label =
    uid.inside === null
      ? t("ns.uidUnmapped", { outside: uid.outside })
      : t("ns.uidInside", { inside: uid.inside, outside: uid.outside });
  return (
    <td className="nsp-uid nsp-uid--mapped" aria-label={label} title={label}>
      {uid.inside ?? "?"} <span className="nsp-uid__outside">({uid.outside})</span>
    </td>
  );
}

export const NamespaceRowView = memo(function NamespaceRowView({
  row,
  index,
  activeCol,
  selectedKey,
  highlightKey,
  highlightType,
  onSelect,
  onFocusCell,
}: NamespaceRowViewProps) {
  const t = usePanelStrings();
  const pids = row.nspid.join(" → ");
  return (
    <tr className={row.state === "Z" ? "nsp-row nsp-row--zombie" : "nsp-row"}>
      <th scope="row" className="nsp-pid" aria-label={t("ns.pidChain", { pids: row.nspid.join(", ") })}>
        {pids}
      </th>
      <td className="nsp-command" title={row.command}>
        {row.command}
        <ContainerBadge container={row.container} />
      </td>
      <UidCell uid={row.uid} />
      {row.cells.map((ref, col) => {
        const type = NAMESPACE_TYPES[col] ?? "";
        const common = {
          "data-row": index,
          "data-col": col,
          tabIndex: activeCol === col ? 0 : -1,
          onFocus: () => onFocusCell(row.pid, col),
        };
        if (!ref) {
          return (
            <td key={`none-${col}`}>
              <span className="nsp-cell nsp-cell--none" {...common} aria-label={t("ns.cellNone", { type })}>
                –
              </span>
            </td>
          );
        }
        const label = t(ref.initial ? "ns.cellInitial" : "ns.cellNew", { type: ref.type, inode: ref.inode });
        return (
          <td key={ref.key}>
            <button
              type="button"
              className={cellClass(ref, highlightType)}
              data-testid={`ns-cell-${ref.type}-${row.pid}`}
              data-highlighted={highlightKey === ref.key || undefined}
              aria-label={label}
              aria-pressed={selectedKey === ref.key}
              title={label}
              onClick={() => onSelect(ref.key)}
              {...common}
            >
              {shortInode(ref.inode)}
            </button>
          </td>
        );
      })}
    </tr>
  );
});
