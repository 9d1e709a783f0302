// Plain HTML tables (<table> with <thead>/<th>, or a first row of header cells): the fallback
// reader, registered last so that the families that render real <table>s inside their own
// markup (Ant Design, Element…) get their tables first.
import { classifyHeader, mergeHeaderRows } from './columns';
import { isInHiddenSubtree, layoutRows, ownRows, queryOutside, toRawRows } from './dom';
import type { RawTable, TableReader } from './types';

/** How many cells of a row are known column names: used to find a header row inside <tbody>. */
function headerScore(cells: readonly string[]): number {
  return cells.filter((c) => {
    const r = classifyHeader(c).role;
    return r !== null && r !== 'ignore';
  }).length;
}

/**
 * Header rows and body rows of a table: <thead> when present; otherwise a leading row of <th>
 * cells, or — for tables drawn with <td> only — the row among the first three that reads most
 * like column names (a caption row such as "交易明细" above it is not data).
 */
export function splitHeader(table: Element): { head: Element[]; body: Element[] } | null {
  const own = ownRows(table);
  if (own.length === 0) return null;
  const head = own.filter((r) => r.section === 'thead').map((r) => r.tr);
  const rest = own.filter((r) => r.section !== 'thead').map((r) => r.tr);
  if (head.length) return { head, body: rest };
  let thRows = 0;
  while (thRows < rest.length) {
    const tr = rest[thRows]!;
    const cells = [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length === 0 || !cells.every((c) => c.tagName === 'TH')) break;
    thRows++;
  }
  if (thRows > 0) return { head: rest.slice(0, thRows), body: rest.slice(thRows) };
  const firstRows = layoutRows(rest.slice(0, 3));
  let best = -1;
  let bestScore = 1;
  firstRows.forEach((r, i) => {
    const s = headerScore(r.cells);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  // no header row: every row is data; the columns can still be recognised by their values
  if (best < 0) return { head: [], body: rest };
  return { head: rest.slice(best, best + 1), body: rest.slice(best + 1) };
}

export const genericTable: TableReader = {
  id: 'generic-table',
  // a hidden table is not what the merchant sees (layui and EasyUI keep their source <table> hidden)
  detect: (doc, exclude) => queryOutside(doc, 'table', exclude).filter((t) => !isInHiddenSubtree(t)),
  read(table): RawTable | null {
    const split = splitHeader(table);
    if (!split) return null;
    const grid = layoutRows(split.body);
    const rows = toRawRows(grid);
    // without a header row the widest row gives the columns (this lays out every row now)
    const headers = split.head.length
      ? mergeHeaderRows(layoutRows(split.head).map((r) => r.cells))
      : Array.from({ length: grid.reduce((w, r) => Math.max(w, r.cellElements.length), 0) }, () => '');
    return { root: table, headers, rows };
  },
};
