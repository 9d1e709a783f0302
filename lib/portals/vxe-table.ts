// vxe-table (v3 for Vue 2, v4 for Vue 3; the vben admin templates of DOMAIN.md §1.7):
//   .vxe-table > .vxe-table--render-wrapper
//     > .vxe-table--main-wrapper
//         > .vxe-table--header-wrapper > table.vxe-table--header > thead > tr.vxe-header--row > th[colid]
//         > .vxe-table--body-wrapper   > table.vxe-table--body   > tbody > tr.vxe-body--row[rowid] > td[colid]
//         > .vxe-table--footer-wrapper (合计)
//     > .vxe-table--fixed-wrapper > .vxe-table--fixed-left-wrapper / -right-wrapper  (copies: never primary)
// Older v3 builds put the fixed wrappers straight inside .vxe-table. Cells are placed by colid.
import { keyedTable, outermost, textOf } from './dom';
import type { RawTable, TableReader } from './types';

const CLONES = '.vxe-table--fixed-wrapper, .vxe-table--fixed-left-wrapper, .vxe-table--fixed-right-wrapper';

export const vxeTable: TableReader = {
  id: 'vxe-table',
  detect: (doc) => outermost(doc, '.vxe-table'),
  read(root): RawTable | null {
    const own = (el: Element): boolean => el.closest('.vxe-table') === root && el.closest(CLONES) === null;
    const headerRows = [...root.querySelectorAll('.vxe-table--header-wrapper tr.vxe-header--row')].filter(own);
    if (headerRows.length === 0) return null;
    // the last header row holds the leaf columns; group headers above it span them
    const leaf = headerRows[headerRows.length - 1]!;
    const headers = [...leaf.querySelectorAll('th[colid]')]
      .filter((th) => !th.classList.contains('col--gutter'))
      .map((th) => ({ key: th.getAttribute('colid') ?? '', text: textOf(th.querySelector('.vxe-cell--title') ?? th) }));
    const trs = [...root.querySelectorAll('.vxe-table--body-wrapper tr.vxe-body--row')].filter(own);
    const rows = trs.map((tr) => ({
      element: tr,
      cells: [...tr.querySelectorAll('td[colid]')].map((td) => ({ key: td.getAttribute('colid') ?? '', el: td })),
    }));
    return keyedTable(root, headers, rows);
  },
};
