// layui tables (DOMAIN.md §1.7: payout and withdrawal records). table.render() hides the source
// <table class="layui-hide"> and draws
//   .layui-table-view > .layui-table-box
//     > .layui-table-header > table.layui-table > thead > tr > th[data-field]
//     > .layui-table-body.layui-table-main > table.layui-table > tbody > tr[data-index] > td[data-field]
//     > .layui-table-fixed.layui-table-fixed-l / -r  (copies of the fixed columns: never primary)
//   .layui-table-total (合计), .layui-table-page (pager)
// Cells are placed by data-field, so column order and the checkbox column cannot shift values.
import { keyedTable, outermost, textOf } from './dom';
import type { RawTable, TableReader } from './types';

export const layui: TableReader = {
  id: 'layui',
  detect: (doc, exclude) => outermost(doc, '.layui-table-view', exclude),
  read(root): RawTable | null {
    const own = (el: Element): boolean => el.closest('.layui-table-view') === root && el.closest('.layui-table-fixed') === null;
    const header = [...root.querySelectorAll('.layui-table-header')].find(own);
    if (!header) return null;
    // leaf header cells only: a grouped header's parent th spans several fields
    const headers = [...header.querySelectorAll('th[data-field]')]
      .filter((th) => Number(th.getAttribute('colspan') ?? '1') <= 1 && !th.classList.contains('layui-table-patch'))
      .map((th) => ({ key: th.getAttribute('data-field') ?? '', text: textOf(th) }));
    const main = [...root.querySelectorAll('.layui-table-main')].find(own);
    const trs = main ? [...main.querySelectorAll('tr[data-index]')].filter(own) : [];
    const rows = trs.map((tr) => ({
      element: tr,
      cells: [...tr.querySelectorAll('td[data-field]')].map((td) => ({ key: td.getAttribute('data-field') ?? '', el: td })),
    }));
    return keyedTable(root, headers, rows);
  },
};
