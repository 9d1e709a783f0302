// vxe-table (v3 for Vue 2, v4 for Vue 3; the vben admin templates of DOMAIN.md §1.7):
//   .vxe-table > .vxe-table--render-wrapper > (.vxe-table--layout-wrapper > .vxe-table--viewport-wrapper >)
//     > .vxe-table--main-wrapper
//         > .vxe-table--header-wrapper > table.vxe-table--header > thead > tr.vxe-header--row > th[colid]
//         > .vxe-table--body-wrapper   > table.vxe-table--body   > tbody > tr.vxe-body--row[rowid] > td[colid]
//         > .vxe-table--footer-wrapper (合计)
//     > .vxe-table--fixed-wrapper > .vxe-table--fixed-left-wrapper / -right-wrapper
// Older v3 builds put the fixed wrappers straight inside .vxe-table and keep every cell's text
// in the main body. From 4.1x on (4.21 here) the main body leaves a fixed column's cells empty:
// their text is only in the fixed wrapper's row of the same rowid. The main-body row stays the
// primary element (the fixed rows are copies the merchant does not scroll); each cell is read
// from the main body, or from the fixed copy when the main one is empty. Cells are placed by
// colid. With virtual rows (scroll-y), only the rows in view are in the DOM, in both parts.
import { LazyRow, outermost, textOf } from './dom';
import type { RawTable, TableReader } from './types';

const CLONES = '.vxe-table--fixed-wrapper, .vxe-table--fixed-left-wrapper, .vxe-table--fixed-right-wrapper';

/** The cells of a row by colid. */
function cellsByCol(tr: Element): Map<string, Element> {
  const m = new Map<string, Element>();
  for (const td of tr.querySelectorAll('td[colid]')) {
    const id = td.getAttribute('colid') ?? '';
    if (!m.has(id)) m.set(id, td);
  }
  return m;
}

export const vxeTable: TableReader = {
  id: 'vxe-table',
  detect: (doc, exclude) => outermost(doc, '.vxe-table', exclude),
  read(root): RawTable | null {
    const inTable = (el: Element): boolean => el.closest('.vxe-table') === root;
    const own = (el: Element): boolean => inTable(el) && el.closest(CLONES) === null;
    const headerRows = [...root.querySelectorAll('.vxe-table--header-wrapper tr.vxe-header--row')].filter(own);
    if (headerRows.length === 0) return null;
    // the last header row holds the leaf columns; group headers above it span them
    const leaf = headerRows[headerRows.length - 1]!;
    const columns = [...leaf.querySelectorAll('th[colid]')]
      .filter((th) => !th.classList.contains('col--gutter'))
      .map((th) => ({ key: th.getAttribute('colid') ?? '', text: textOf(th.querySelector('.vxe-cell--title') ?? th) }));
    const keys = [...new Set(columns.map((c) => c.key))];
    const headers = keys.map((k) => columns.find((c) => c.key === k)!.text);
    const body = [...root.querySelectorAll('.vxe-table--body-wrapper tr.vxe-body--row')].filter(inTable);
    const trs = body.filter((tr) => tr.closest(CLONES) === null);
    // the fixed copies by rowid (rows without a rowid cannot be matched and are not used)
    const copies = new Map<string, Element[]>();
    for (const tr of body) {
      const id = tr.getAttribute('rowid');
      if (id === null || tr.closest(CLONES) === null) continue;
      copies.set(id, [...(copies.get(id) ?? []), tr]);
    }
    return {
      root,
      headers,
      rows: trs.map(
        (tr, i) =>
          new LazyRow(tr, i + 1, () => {
            const main = cellsByCol(tr);
            const fixed = (copies.get(tr.getAttribute('rowid') ?? '') ?? []).map(cellsByCol);
            return keys.map((k) => {
              const text = main.has(k) ? textOf(main.get(k)!) : '';
              if (text !== '') return text;
              for (const f of fixed) {
                const td = f.get(k);
                const t = td ? textOf(td) : '';
                if (t !== '') return t;
              }
              return '';
            });
          }),
      ),
    };
  },
};
