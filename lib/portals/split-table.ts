// Vue component libraries whose tables draw the header and the body as two <table>s once the
// body scrolls (a fixed height, a virtual list) — which a plain-table reader sees as a table of
// headers without rows and a table of rows without headers:
//   Arco Design   .arco-table   > … .arco-table-header table > thead   … .arco-table-body table > tbody > tr.arco-table-tr
//   Naive UI      .n-data-table > … .n-data-table-base-table-header thead … .n-data-table-base-table-body tbody > tr.n-data-table-tr
//   View UI Plus  .ivu-table-wrapper > .ivu-table > .ivu-table-header thead, .ivu-table-body tbody > tr.ivu-table-row
// (without a scrolling body Arco and Naive draw one table, read the same way). View UI (iView)
// draws fixed columns again in .ivu-table-fixed / .ivu-table-fixed-right with a copy of every row,
// which must never be captured; its main body keeps the fixed cells' text (.ivu-table-hidden, a
// class only, not display:none). Arco and Naive fix columns with sticky cells of the same row.
import { mergeHeaderRows } from './columns';
import { layoutRows, outermost, toRawRows } from './dom';
import type { RawTable, TableReader } from './types';

interface Kit {
  root: string;
  head: string;
  rows: string;
  /** containers of fixed-column copies (never read) */
  clones?: string;
}

const KITS: Kit[] = [
  { root: '.arco-table', head: 'thead', rows: 'tbody > tr.arco-table-tr' },
  { root: '.n-data-table', head: 'thead.n-data-table-thead', rows: 'tbody.n-data-table-tbody > tr.n-data-table-tr' },
  {
    root: '.ivu-table-wrapper',
    head: '.ivu-table-header thead',
    rows: '.ivu-table-body tbody > tr.ivu-table-row',
    clones: '.ivu-table-fixed, .ivu-table-fixed-right',
  },
];

export const splitTable: TableReader = {
  id: 'split-table',
  detect: (doc, exclude) => outermost(doc, KITS.map((k) => k.root).join(', '), exclude),
  read(root): RawTable | null {
    const kit = KITS.find((k) => root.matches(k.root));
    if (!kit) return null;
    // a table nested in an expanded row is another table; a fixed-column copy is not this one's
    const own = (el: Element): boolean => el.closest(kit.root) === root && (!kit.clones || el.closest(kit.clones) === null);
    const thead = [...root.querySelectorAll(kit.head)].find(own);
    if (!thead) return null;
    const headers = mergeHeaderRows(layoutRows([...thead.children].filter((c) => c.tagName === 'TR')).map((r) => r.cells));
    const trs = [...root.querySelectorAll(kit.rows)].filter(own);
    return { root, headers, rows: toRawRows(layoutRows(trs)) };
  },
};
