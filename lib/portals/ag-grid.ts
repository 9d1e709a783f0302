// AG Grid (DOMAIN.md §1.7). Rows and columns are virtualised: only what is in the viewport is in
// the DOM, and rows are absolutely positioned, so DOM order is not row order.
//   .ag-root[role=grid|treegrid]
//     > .ag-header … .ag-header-row > .ag-header-cell[col-id] (.ag-header-cell-text)
//     > .ag-body … .ag-pinned-left-cols-container | .ag-center-cols-container | .ag-pinned-right-cols-container
//         > [role=row][row-index] > [role=gridcell][col-id]
// A row pinned left/right is split over the containers with the same row-index: merged by col-id,
// the center part is the primary element. Pinned top/bottom rows (totals) live in
// .ag-floating-top/.ag-floating-bottom and are not read.
import { keyedTable, outermost, textOf, type KeyedCell } from './dom';
import type { RawTable, TableReader } from './types';

const CONTAINERS = ['.ag-pinned-left-cols-container', '.ag-center-cols-container', '.ag-pinned-right-cols-container'];

export const agGrid: TableReader = {
  id: 'ag-grid',
  detect: (doc) => outermost(doc, '.ag-root-wrapper, .ag-root'),
  read(root): RawTable | null {
    const own = (el: Element): boolean => (el.closest('.ag-root-wrapper') ?? el.closest('.ag-root')) === root;
    // column header row (not the column-group or floating-filter rows): cells with a col-id
    const headerCells = [...root.querySelectorAll('.ag-header-cell[col-id]')].filter(own);
    if (headerCells.length === 0) return null;
    const colOrder = (el: Element): number => Number(el.getAttribute('aria-colindex') ?? '0');
    const left = headerCells.filter((c) => c.closest('.ag-pinned-left-header'));
    const right = headerCells.filter((c) => c.closest('.ag-pinned-right-header'));
    const center = headerCells.filter((c) => !left.includes(c) && !right.includes(c));
    const headers = [left, center, right]
      .map((group) => [...group].sort((a, b) => colOrder(a) - colOrder(b)))
      .flat()
      .map((c) => ({ key: c.getAttribute('col-id') ?? '', text: textOf(c.querySelector('.ag-header-cell-text') ?? c) }));
    const byIndex = new Map<number, { element: Element; primary: boolean; cells: KeyedCell[] }>();
    for (const sel of CONTAINERS) {
      for (const container of [...root.querySelectorAll(sel)].filter(own)) {
        if (container.closest('.ag-floating-top, .ag-floating-bottom, .ag-sticky-top, .ag-sticky-bottom')) continue;
        for (const row of container.querySelectorAll('[role=row][row-index]')) {
          const index = Number(row.getAttribute('row-index'));
          if (!Number.isFinite(index)) continue;
          const entry = byIndex.get(index) ?? { element: row, primary: false, cells: [] };
          if (sel === '.ag-center-cols-container' && !entry.primary) { entry.element = row; entry.primary = true; }
          for (const cell of row.querySelectorAll('[role=gridcell][col-id]')) entry.cells.push({ key: cell.getAttribute('col-id') ?? '', el: cell });
          byIndex.set(index, entry);
        }
      }
    }
    const rows = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    return keyedTable(root, headers, rows);
  },
};
