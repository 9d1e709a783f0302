// Ant Design tables (antd v4–v6, Ant Design Vue, ProTable; DOMAIN.md §1.7). rc-table renders
//   .ant-table-wrapper > … > .ant-table > .ant-table-container
//     > .ant-table-header > table > thead.ant-table-thead        (split when scroll.y / sticky is set)
//     > .ant-table-body   > table > tbody.ant-table-tbody > tr.ant-table-row[data-row-key]
// or a single .ant-table-content > table with both. Fixed columns are sticky cells
// (.ant-table-cell-fix-left) of the same row since v4; antd v3 cloned them into
// .ant-table-fixed-left/right tables, whose rows are never the primary ones. The body also holds
// rows that are not data: tr.ant-table-measure-row (aria-hidden sizing row),
// tr.ant-table-placeholder (暂无数据), tr.ant-table-expanded-row; the summary sits in
// tfoot.ant-table-summary. The virtual list (antd v5 `virtual`) draws rows as divs.
import { mergeHeaderRows } from './columns';
import { layoutRows, outermost, toRawRows } from './dom';
import type { RawTable, TableReader } from './types';

const CLONES = '.ant-table-fixed-left, .ant-table-fixed-right';

function inClone(el: Element, table: Element): boolean {
  const clone = el.closest(CLONES);
  return clone !== null && table.contains(clone);
}

export const antDesign: TableReader = {
  id: 'ant-design',
  detect: (doc, exclude) => outermost(doc, '.ant-table-wrapper, .ant-table', exclude),
  read(root): RawTable | null {
    const table = root.matches('.ant-table') ? root : root.querySelector('.ant-table');
    if (!table) return null;
    // the closest .ant-table of a nested table (in an expanded row) is not ours
    const own = (el: Element): boolean => el.closest('.ant-table') === table && !inClone(el, table);
    const thead = [...table.querySelectorAll('thead.ant-table-thead, thead')].find(own);
    if (!thead) return null;
    const headers = mergeHeaderRows(layoutRows([...thead.children].filter((c) => c.tagName === 'TR')).map((r) => r.cells));
    const rowEls = [...table.querySelectorAll('.ant-table-tbody .ant-table-row, .ant-table-tbody-virtual .ant-table-row')].filter(own);
    const trs = rowEls.filter((r) => r.tagName === 'TR');
    const laid = trs.length ? layoutRows(trs) : layoutRows(rowEls, ['DIV']);
    return { root, headers, rows: toRawRows(laid) };
  },
};
