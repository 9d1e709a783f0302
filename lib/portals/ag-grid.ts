// AG Grid (DOMAIN.md §1.7). Rows and columns are virtualised: only what is in the viewport is in
// the DOM, and rows are absolutely positioned, so DOM order is not row order. Two layouts:
//   up to v32  .ag-root[role=grid]
//                > .ag-header … .ag-header-cell[col-id][aria-colindex]
//                > .ag-body … .ag-pinned-left-cols-container | .ag-center-cols-container | .ag-pinned-right-cols-container
//                    > [role=row][row-index] > [role=gridcell][col-id]
//              a row pinned left/right is split over the containers with the same row-index: merged
//              by col-id, the center part is the primary element.
//   v33 and later  .ag-root > .ag-grid-viewport[role=grid]
//                > .ag-header … .ag-header-cell[col-id][aria-colindex]
//                > .ag-grid-scrolling-rows > .ag-grid-scrolling-container
//                    > [role=row][row-index] > .ag-grid-pinned-left-cells | .ag-grid-scrolling-cells | … > [role=gridcell][col-id]
//              one row element holds its pinned and scrolling cells.
// Both keep row-index, col-id and aria-colindex, which is what this reads. Pinned top/bottom and
// sticky rows (totals, group headers) sit in their own containers and are not read.
//
// Columns are virtualised too: a grid wider than its viewport renders only the columns in view
// (and their headers), so a row can be read only as far as its columns are on screen. Cells are
// placed by col-id under the headers that are rendered, so what is read is never misplaced; a
// column out of view is simply not among the table's columns until it is scrolled into view.
import { keyedTable, outermost, textOf, type KeyedCell } from './dom';
import type { RawTable, TableReader } from './types';

// containers of rows that are not transactions: pinned top/bottom (totals) and sticky group rows
const NOT_BODY =
  '.ag-floating-top, .ag-floating-bottom, .ag-sticky-top, .ag-sticky-bottom, ' +
  '.ag-grid-pinned-top-rows-container, .ag-grid-pinned-bottom-rows-container, .ag-grid-sticky-top-rows-container, .ag-grid-sticky-bottom-rows-container';
// the pinned halves of a split (≤ v32) row: never the row's primary element
const PINNED_PART = '.ag-pinned-left-cols-container, .ag-pinned-right-cols-container';

export const agGrid: TableReader = {
  id: 'ag-grid',
  detect: (doc, exclude) => outermost(doc, '.ag-root-wrapper, .ag-root', exclude),
  read(root): RawTable | null {
    const own = (el: Element): boolean => (el.closest('.ag-root-wrapper') ?? el.closest('.ag-root')) === root;
    // column header row (not the column-group or floating-filter rows): cells with a col-id
    const headerCells = [...root.querySelectorAll('.ag-header-cell[col-id]')].filter(own);
    if (headerCells.length === 0) return null;
    // aria-colindex is the column's place in the grid, pinned columns first, in every version
    const colOrder = (el: Element): number => Number(el.getAttribute('aria-colindex') ?? '0');
    const headers = headerCells
      .sort((a, b) => colOrder(a) - colOrder(b))
      .map((c) => ({ key: c.getAttribute('col-id') ?? '', text: textOf(c.querySelector('.ag-header-cell-text') ?? c) }));
    const byIndex = new Map<number, { element: Element; primary: boolean; cells: KeyedCell[] }>();
    for (const row of root.querySelectorAll('[role=row][row-index]')) {
      if (!own(row) || row.closest('.ag-header') || row.closest(NOT_BODY)) continue;
      const index = Number(row.getAttribute('row-index'));
      if (!Number.isFinite(index)) continue;
      const primary = row.closest(PINNED_PART) === null;
      const entry = byIndex.get(index) ?? { element: row, primary: false, cells: [] };
      if (primary && !entry.primary) {
        entry.element = row;
        entry.primary = true;
      }
      for (const cell of row.querySelectorAll('[role=gridcell][col-id]')) {
        if (cell.closest('[role=row]') === row) entry.cells.push({ key: cell.getAttribute('col-id') ?? '', el: cell });
      }
      byIndex.set(index, entry);
    }
    const rows = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    return keyedTable(root, headers, rows);
  },
};
