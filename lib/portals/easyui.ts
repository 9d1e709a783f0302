// jQuery EasyUI datagrid (DOMAIN.md §1.7: POS-agent admin with 秒到手续费 columns):
//   .datagrid > .datagrid-wrap > .datagrid-view
//     > .datagrid-view1  frozen columns and the row-number column
//     > .datagrid-view2  the scrolling columns
//   each with .datagrid-header (tr.datagrid-header-row > td[field]) and .datagrid-body
//   (table.datagrid-btable > tr.datagrid-row[datagrid-row-index] > td[field]); .datagrid-footer
//   holds footer rows (合计).
// One data row is split in two <tr>s with the same datagrid-row-index: the cells are merged by
// field, and the view2 row — the part the merchant scrolls — is the primary element.
import { keyedTable, outermost, textOf, type KeyedCell } from './dom';
import type { RawTable, TableReader } from './types';

export const easyui: TableReader = {
  id: 'easyui',
  detect: (doc) => outermost(doc, '.datagrid'),
  read(root): RawTable | null {
    const own = (el: Element): boolean => el.closest('.datagrid') === root;
    const views = ['.datagrid-view1', '.datagrid-view2'].map((sel) => [...root.querySelectorAll(sel)].find(own));
    const headers = views.flatMap((v) =>
      v ? [...v.querySelectorAll('.datagrid-header tr.datagrid-header-row td[field]')]
        .filter((td) => Number(td.getAttribute('colspan') ?? '1') <= 1)
        .map((td) => ({ key: td.getAttribute('field') ?? '', text: textOf(td) })) : [],
    );
    if (headers.length === 0) return null;
    const byIndex = new Map<string, { element: Element; cells: KeyedCell[] }>();
    for (const v of views) {
      if (!v) continue;
      for (const tr of v.querySelectorAll('.datagrid-body tr.datagrid-row[datagrid-row-index]')) {
        const index = tr.getAttribute('datagrid-row-index') ?? '';
        const entry = byIndex.get(index) ?? { element: tr, cells: [] };
        if (v === views[1]) entry.element = tr;
        for (const td of tr.querySelectorAll('td[field]')) entry.cells.push({ key: td.getAttribute('field') ?? '', el: td });
        byIndex.set(index, entry);
      }
    }
    const rows = [...byIndex.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, r]) => r);
    return keyedTable(root, headers, rows);
  },
};
