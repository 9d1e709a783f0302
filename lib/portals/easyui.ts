// EasyUI datagrids — jQuery EasyUI (DOMAIN.md §1.7: POS-agent admin with 秒到手续费 columns) and
// EasyUI for Vue (vx-easyui), which draw the same classes:
//   .datagrid > .datagrid-wrap > .datagrid-view
//     > .datagrid-view1  frozen columns (and jQuery's row-number column)
//     > .datagrid-view2  the scrolling columns
//   each with .datagrid-header (tr.datagrid-header-row > td) and .datagrid-body
//   (table.datagrid-btable > tr.datagrid-row > td); .datagrid-footer holds footer rows (合计).
// jQuery EasyUI keys cells by td[field] and rows by datagrid-row-index; EasyUI for Vue has
// neither: there a column is its position in its view's header and a row its position in its
// view's body. One data row is split in two <tr>s (one per view): the cells are merged, and the
// view2 row — the part the merchant scrolls — is the primary element.
import { keyedTable, outermost, textOf, type KeyedCell } from './dom';
import type { RawTable, TableReader } from './types';

/** A header or body cell's key: its field, else its view and position. */
const keyOf = (td: Element, view: number, position: number): string => td.getAttribute('field') ?? `view${view}:${position}`;

/** The leaf header cells of a view: jQuery's td[field], else the last header row's cells. */
function headerCells(view: Element): Element[] {
  const fields = [...view.querySelectorAll('.datagrid-header tr.datagrid-header-row td[field]')].filter((td) => Number(td.getAttribute('colspan') ?? '1') <= 1);
  if (fields.length) return fields;
  const rows = [...view.querySelectorAll('.datagrid-header tr.datagrid-header-row')];
  return rows.length ? [...rows[rows.length - 1]!.children].filter((c) => c.tagName === 'TD') : [];
}

export const easyui: TableReader = {
  id: 'easyui',
  detect: (doc, exclude) => outermost(doc, '.datagrid', exclude),
  read(root): RawTable | null {
    const own = (el: Element): boolean => el.closest('.datagrid') === root;
    const views = ['.datagrid-view1', '.datagrid-view2'].map((sel) => [...root.querySelectorAll(sel)].find(own));
    const headers = views.flatMap((v, n) => (v ? headerCells(v).map((td, i) => ({ key: keyOf(td, n, i), text: textOf(td) })) : []));
    if (headers.length === 0) return null;
    const byIndex = new Map<string, { element: Element; cells: KeyedCell[] }>();
    views.forEach((v, n) => {
      if (!v) return;
      [...v.querySelectorAll('.datagrid-body tr.datagrid-row')].forEach((tr, position) => {
        const index = tr.getAttribute('datagrid-row-index') ?? String(position);
        const entry = byIndex.get(index) ?? { element: tr, cells: [] };
        if (n === 1) entry.element = tr;
        [...tr.children].filter((c) => c.tagName === 'TD').forEach((td, i) => entry.cells.push({ key: keyOf(td, n, i), el: td }));
        byIndex.set(index, entry);
      });
    });
    const rows = [...byIndex.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, r]) => r);
    return keyedTable(root, headers, rows);
  },
};
