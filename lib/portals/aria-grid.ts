// Grids drawn with divs and ARIA roles (role=grid|treegrid|table > role=row > role=gridcell|cell,
// headers role=columnheader), as many in-house and newer component libraries render them.
// Native <table>s are left to generic-table. aria-colindex places a cell when present (grids
// that virtualise columns skip indices), position otherwise.
import { LazyRow, outermost, textOf } from './dom';
import type { RawTable, TableReader } from './types';

const GRID = '[role=grid], [role=treegrid], [role=table]';

export const ariaGrid: TableReader = {
  id: 'aria-grid',
  detect: (doc, exclude) => outermost(doc, GRID, exclude).filter((el) => el.tagName !== 'TABLE'),
  read(root): RawTable | null {
    const rows = [...root.querySelectorAll('[role=row]')].filter((r) => r.closest(GRID) === root);
    const cellsOf = (row: Element, roles: string): Element[] => [...row.querySelectorAll(roles)].filter((c) => c.closest('[role=row]') === row);
    const headerRows = rows.filter((r) => cellsOf(r, '[role=columnheader]').length > 0);
    const headerRow = headerRows[headerRows.length - 1];
    if (!headerRow) return null;
    const place = (cells: Element[]): Map<number, string> => {
      const m = new Map<number, string>();
      cells.forEach((c, i) => {
        const idx = Number(c.getAttribute('aria-colindex'));
        m.set(Number.isFinite(idx) && idx > 0 ? idx : i + 1, textOf(c));
      });
      return m;
    };
    const head = place(cellsOf(headerRow, '[role=columnheader]'));
    const positions = [...head.keys()].sort((a, b) => a - b);
    const data = rows.filter((r) => !headerRows.includes(r));
    return {
      root,
      headers: positions.map((p) => head.get(p) ?? ''),
      rows: data.map(
        (r, i) =>
          new LazyRow(r, i + 1, () => {
            const cells = place(cellsOf(r, '[role=gridcell], [role=cell], [role=rowheader]'));
            return positions.map((p) => cells.get(p) ?? '');
          }),
      ),
    };
  },
};
