// Element UI (Vue 2) and Element Plus (Vue 3) tables (DOMAIN.md §1.7):
//   .el-table > .el-table__header-wrapper > table.el-table__header > thead
//             > .el-table__body-wrapper  > table.el-table__body > tbody > tr.el-table__row
// (Element Plus adds .el-table__inner-wrapper and an .el-scrollbar around the body table).
// Element UI draws fixed columns a second and third time in .el-table__fixed and
// .el-table__fixed-right, each with a full copy of every row: those copies must never be
// captured. The main body keeps every cell (fixed ones marked .is-hidden but still holding the
// text), so it alone gives complete rows. The footer (.el-table__footer-wrapper) holds 合计.
//
// Element Plus's virtualised el-table-v2 is drawn with divs:
//   .el-table-v2 > [role=table].el-table-v2__main / __left / __right
//     > .el-table-v2__header-wrapper … .el-table-v2__header-cell[data-key]
//     > .el-table-v2__body > … > .el-table-v2__row[rowkey] > .el-table-v2__row-cell
// A fixed column lives only in the __left/__right table (the main row holds a placeholder in its
// place), so one row is split over two or three tables: the parts are merged by rowkey and each
// table's cells placed by its header's data-key; the main row is the primary element.
import { mergeHeaderRows } from './columns';
import { keyedTable, layoutRows, outermost, textOf, toRawRows, type KeyedCell } from './dom';
import type { RawTable, TableReader } from './types';

const CLONES = '.el-table__fixed, .el-table__fixed-right';
const V2_PARTS = ['.el-table-v2__main', '.el-table-v2__left', '.el-table-v2__right'];

function readV2(root: Element): RawTable | null {
  const parts = V2_PARTS.map((sel) => [...root.querySelectorAll(sel)].find((el) => el.closest('.el-table-v2') === root));
  const headers: { key: string; text: string }[][] = [[], [], []];
  const rows = new Map<string, { element: Element; cells: KeyedCell[] }>();
  parts.forEach((part, n) => {
    if (!part) return;
    for (const c of part.querySelectorAll('.el-table-v2__header-row .el-table-v2__header-cell'))
      headers[n]!.push({ key: c.getAttribute('data-key') ?? '', text: textOf(c) });
    const keys = headers[n]!.map((h) => h.key);
    for (const tr of part.querySelectorAll('.el-table-v2__body .el-table-v2__row')) {
      const id = tr.getAttribute('rowkey') ?? '';
      // the main table is read first: its row is the primary element
      let entry = rows.get(id);
      if (!entry) rows.set(id, (entry = { element: tr, cells: [] }));
      // placeholders stand where the other tables' fixed columns are: only real cells line up with the header
      const cells = [...tr.children].filter((c) => c.classList.contains('el-table-v2__row-cell'));
      cells.forEach((cell, i) => {
        if (i < keys.length) entry.cells.push({ key: keys[i]!, el: cell });
      });
    }
  });
  // the columns in the order the merchant sees them: left fixed, main, right fixed
  const ordered = [...headers[1]!, ...headers[0]!, ...headers[2]!];
  if (ordered.length === 0) return null;
  return keyedTable(root, ordered, [...rows.values()]);
}

export const elementUi: TableReader = {
  id: 'element-ui',
  detect: (doc, exclude) => outermost(doc, '.el-table, .el-table-v2', exclude),
  read(root): RawTable | null {
    if (root.matches('.el-table-v2')) return readV2(root);
    const own = (el: Element): boolean => el.closest('.el-table') === root && el.closest(CLONES) === null;
    const headerWrapper = [...root.querySelectorAll('.el-table__header-wrapper')].find(own);
    const thead = headerWrapper?.querySelector('thead');
    if (!thead) return null;
    const headers = mergeHeaderRows(layoutRows([...thead.children].filter((c) => c.tagName === 'TR')).map((r) => r.cells));
    const bodyWrapper = [...root.querySelectorAll('.el-table__body-wrapper')].find(own);
    const tbody = bodyWrapper?.querySelector('table.el-table__body > tbody, tbody');
    // one query rather than a classList per row (a DOMTokenList object each, 5,000 on a long page)
    const trs = tbody ? [...tbody.querySelectorAll(':scope > tr.el-table__row')] : [];
    return { root, headers, rows: toRawRows(layoutRows(trs)) };
  },
};
