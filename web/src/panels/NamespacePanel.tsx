// Processes × namespace types. The cells are one keyboard grid (arrow keys, Home/End), and
// clicking a cell opens that namespace's details.
import { useCallback, useRef, useState, type KeyboardEvent } from "react";
import { NamespaceDetail } from "./NamespaceDetail.tsx";
import { NamespaceRowView } from "./NamespaceRowView.tsx";
import { namespaceKey, type NamespaceMatrix, type NamespaceRow } from "./namespaceMatrix.ts";
import { useFocusablePick, useScrollToHighlight } from "./panelHooks.ts";
import { usePanelStore, type PanelHighlight } from "./panelStore.ts";
import { usePanelStrings } from "./strings.ts";
import { useNamespaceMatrix } from "./views.ts";
import "./namespaceColors.css";
import "./NamespacePanel.css";

type NamespaceHighlight = Extract<PanelHighlight, { kind: "namespace" }>;

function highlightedKey(matrix: NamespaceMatrix | null, highlight: NamespaceHighlight | null): string | null {
  if (!matrix || highlight?.inode === undefined) return null;
  if (highlight.type) return namespaceKey(highlight.type, highlight.inode);
  return matrix.namespaces.find((ns) => ns.inode === highlight.inode)?.key ?? null;
}

function rowHas(row: NamespaceRow, key: string | null): boolean {
  return key !== null && row.cells.some((cell) => cell?.key === key);
}

export function NamespacePanel() {
  const t = usePanelStrings();
  const matrix = useNamespaceMatrix();
  const highlight = usePanelStore((s) => (s.highlight?.kind === "namespace" ? s.highlight : null));
  const container = useRef<HTMLDivElement>(null);
  useScrollToHighlight(container);
  const highlightKey = highlightedKey(matrix, highlight);
  const [selectedKey, select] = useFocusablePick(highlightKey);
  const [active, setActive] = useState<{ pid: number; col: number } | null>(null);
  const onFocusCell = useCallback((pid: number, col: number) => setActive({ pid, col }), []);
  const onSelect = useCallback((key: string) => select(key), [select]);

  if (!matrix) return null;
  if (matrix.rows.length === 0) return <p>{t("ns.empty")}</p>;

  const activeRow = matrix.rows.find((row) => row.pid === active?.pid) ?? matrix.rows[0];
  const activeCol = active && activeRow?.pid === active.pid ? active.col : 0;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!(event.target instanceof HTMLElement)) return;
    const cell = event.target.closest<HTMLElement>("[data-col]");
    if (!cell) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    const last = { row: matrix.rows.length - 1, col: matrix.types.length - 1 };
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [event.ctrlKey ? 0 : row, 0],
      End: [event.ctrlKey ? last.row : row, last.col],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const nextRow = Math.min(Math.max(move[0], 0), last.row);
    const nextCol = Math.min(Math.max(move[1], 0), last.col);
    container.current?.querySelector<HTMLElement>(`[data-row="${nextRow}"][data-col="${nextCol}"]`)?.focus();
  };

  const selected =
    selectedKey === null ? null : (matrix.namespaces.find((ns) => ns.key === selectedKey) ?? null);
  return (
    <div className="nsp" ref={container}>
      <p className="nsp-legend">{t("ns.legend")}</p>
      <div className="nsp-scroll">
        <table className="nsp-table" role="grid" aria-labelledby="nsp-caption" onKeyDown={onKeyDown}>
          <caption id="nsp-caption" className="nsp-caption">
            {t("ns.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col" title={t("ns.col.pidHint")}>
                {t("ns.col.pid")}
              </th>
              <th scope="col">{t("ns.col.command")}</th>
              <th scope="col" title={t("ns.col.uidHint")}>
                {t("ns.col.uid")}
              </th>
              {matrix.types.map((type) => (
                <th
                  key={type}
                  scope="col"
                  title={t(`ns.type.${type}`)}
                  className={highlight?.type === type ? "nsp-type nsp-type--highlighted" : "nsp-type"}
                  data-highlighted={(highlight?.type === type && highlight.inode === undefined) || undefined}
                >
                  {type}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row, index) => (
              <NamespaceRowView
                key={row.key}
                row={row}
                index={index}
                activeCol={row === activeRow ? activeCol : -1}
                selectedKey={rowHas(row, selectedKey) ? selectedKey : null}
                highlightKey={rowHas(row, highlightKey) ? highlightKey : null}
                highlightType={highlight?.type ?? null}
                onSelect={onSelect}
                onFocusCell={onFocusCell}
              />
            ))}
          </tbody>
        </table>
      </div>
      {selectedKey !== null && (
        <NamespaceDetail info={selected} onSelect={onSelect} onClose={() => select(null)} />
      )}
    </div>
  );
}
