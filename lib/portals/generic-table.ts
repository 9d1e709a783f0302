// Plain HTML tables (<table> with <thead>/<th>, or a first row of header cells): the fallback
// reader, registered last so that the families that render real <table>s inside their own
// markup (Ant Design, Element…) get their tables first.
import { classifyHeader, mergeHeaderRows } from './columns';
import { layoutRows, ownRows } from './dom';
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
    if (s > bestScore) { best = i; bestScore = s; }
  });
  if (best < 0) return null;
  return { head: rest.slice(best, best + 1), body: rest.slice(best + 1) };
}

export const genericTable: TableReader = {
  id: 'generic-table',
  detect: (doc) => [...doc.querySelectorAll('table')],
  read(table): RawTable | null {
    const split = splitHeader(table);
    if (!split) return null;
    const headers = mergeHeaderRows(layoutRows(split.head).map((r) => r.cells));
    const rows = layoutRows(split.body).map((r, i) => ({ element: r.element, cells: r.cells, rowNumber: i + 1 }));
    return { root: table, headers, rows };
  },
};
