// Element UI (Vue 2) and Element Plus (Vue 3) tables (DOMAIN.md §1.7):
//   .el-table > .el-table__header-wrapper > table.el-table__header > thead
//             > .el-table__body-wrapper  > table.el-table__body > tbody > tr.el-table__row
// (Element Plus adds .el-table__inner-wrapper and an .el-scrollbar around the body table).
// Element UI draws fixed columns a second and third time in .el-table__fixed and
// .el-table__fixed-right, each with a full copy of every row: those copies must never be
// captured. The main body keeps every cell (fixed ones marked .is-hidden but still holding the
// text), so it alone gives complete rows. The footer (.el-table__footer-wrapper) holds 合计.
import { mergeHeaderRows } from './columns';
import { layoutRows, outermost, toRawRows } from './dom';
import type { RawTable, TableReader } from './types';

const CLONES = '.el-table__fixed, .el-table__fixed-right';

export const elementUi: TableReader = {
  id: 'element-ui',
  detect: (doc) => outermost(doc, '.el-table'),
  read(root): RawTable | null {
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
