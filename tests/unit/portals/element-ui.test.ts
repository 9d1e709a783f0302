// Edge cases of the Element UI / Element Plus reader on small inline tables. Real Element Plus
// (el-table with its pager, el-table-v2 virtualised) and Element UI 2 pages are read end to end
// in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { page } from './fixture-util';

const NOW = '2024-05-08T03:00:00.000Z';

describe('element-ui', () => {
  // Element UI 2 with a fixed-left and a fixed-right column: every row drawn three times
  const cell = (text: string, hidden = false) => `<td class="el-table__cell${hidden ? ' is-hidden' : ''}"><div class="cell">${text}</div></td>`;
  const heads = ['交易时间', '交易类型', '交易金额', '参考号'];
  const data = [
    ['2024-05-06 11:02:33', '消费', '120.00', '412345678901'],
    ['2024-05-06 11:05:10', '退货', '30.00', '412345678902'],
  ];
  const table = (rows: string[][], hiddenCols: number[]) =>
    `<table><thead><tr>${heads.map((h, i) => `<th class="${hiddenCols.includes(i) ? 'is-hidden' : ''}"><div class="cell">${h}</div></th>`).join('')}</tr></thead></table>` +
    `<table class="el-table__body"><tbody>${rows.map((r) => `<tr class="el-table__row">${r.map((t, i) => cell(t, hiddenCols.includes(i))).join('')}</tr>`).join('')}</tbody></table>`;
  const split = (html: string) =>
    html
      .replace('<table><thead>', '<div class="el-table__header-wrapper"><table class="el-table__header"><thead>')
      .replace('</thead></table>', '</thead></table></div><div class="el-table__body-wrapper">') + '</div>';
  const fixedDoc = page(`<div class="el-table">${split(table(data, [0, 3]))}
    <div class="el-table__fixed">${split(table(data, [1, 2, 3]))}</div>
    <div class="el-table__fixed-right">${split(table(data, [0, 1, 2]))}</div></div>`);

  it('captures each row once, from the main body, never from the fixed-column copies', () => {
    const tables = readPortalTables(fixedDoc, 'https://mer.example.cn/settle', NOW);
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t!.adapter).toBe('element-ui');
    expect(fixedDoc.querySelectorAll('tr.el-table__row')).toHaveLength(6); // 2 rows × (main + left + right copies)
    expect(t!.rows).toHaveLength(2);
    for (const r of t!.rows) {
      expect(r.element.closest('.el-table__body-wrapper')).not.toBeNull();
      expect(r.element.closest('.el-table__fixed, .el-table__fixed-right')).toBeNull();
    }
    // cells of fixed columns are read from the main table even though they are marked is-hidden there
    expect(t!.rows.map((r) => [r.transaction?.occurredAt, r.transaction?.rrn])).toEqual([
      ['2024-05-06T11:02:33', '412345678901'],
      ['2024-05-06T11:05:10', '412345678902'],
    ]);
  });

  it('reads Element Plus markup (inner wrapper, el-scrollbar around the body)', () => {
    const doc = page(`<div class="el-table--fit el-table--border el-table el-table--layout-fixed is-scrolling-none" style="width: 100%;">
      <div class="el-table__inner-wrapper"><div class="hidden-columns"><div></div><div></div><div></div></div>
        <div class="el-table__header-wrapper"><table class="el-table__header" border="0" cellpadding="0" cellspacing="0"><colgroup><col name="el-table_1_column_1"></colgroup>
          <thead><tr><th class="el-table_1_column_1 is-leaf el-table__cell" colspan="1" rowspan="1"><div class="cell">交易时间</div></th><th class="el-table_1_column_2 is-leaf el-table__cell"><div class="cell">交易类型</div></th><th class="el-table_1_column_3 is-leaf el-table__cell"><div class="cell">交易金额</div></th></tr></thead></table></div>
        <div class="el-table__body-wrapper"><div class="el-scrollbar"><div class="el-scrollbar__wrap el-scrollbar__wrap--hidden-default"><div class="el-scrollbar__view" style="display: inline-block; vertical-align: middle;">
          <table class="el-table__body" cellspacing="0" cellpadding="0" border="0" style="table-layout: fixed;"><tbody tabindex="-1">
            <tr class="el-table__row"><td class="el-table_1_column_1 el-table__cell" rowspan="1" colspan="1"><div class="cell">2024-03-05 10:00:00</div></td><td class="el-table_1_column_2 el-table__cell"><div class="cell">退款</div></td><td class="el-table_1_column_3 el-table__cell"><div class="cell">¥8.00</div></td></tr>
          </tbody></table></div></div></div></div>
        <div class="el-table__footer-wrapper"><table class="el-table__footer"><tbody><tr><td class="el-table__cell"><div class="cell">合计</div></td><td></td><td><div class="cell">8.00</div></td></tr></tbody></table></div>
      </div></div>`);
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.rows).toHaveLength(1);
    expect(t!.rows[0]!.transaction).toMatchObject({ kind: 'refund', amount: { amount: '-8.00' } });
  });

  it('an el-table that is not a transaction list gives nothing, and its inner tables are not read as plain tables', () => {
    const doc =
      page(`<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th><div class="cell">公告</div></th><th><div class="cell">日期</div></th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table class="el-table__body"><tbody><tr class="el-table__row"><td><div class="cell">维护通知</div></td><td><div class="cell">2024-03-01</div></td></tr></tbody></table></div></div>`);
    expect(readPortalTables(doc, 'https://m.example', NOW)).toEqual([]);
  });
  it('reads el-table-v2 (virtualised, divs): a fixed column lives in the left table, merged by rowkey', () => {
    const hcell = (key: string, text: string) =>
      `<div class="el-table-v2__header-cell" data-key="${key}" role="columnheader"><div class="el-table-v2__header-cell-text">${text}</div></div>`;
    const rcell = (text: string) => `<div class="el-table-v2__row-cell" role="cell"><div class="el-table-v2__cell-text">${text}</div></div>`;
    const row = (key: string, cells: string) => `<div rowkey="${key}" class="el-table-v2__row" role="row">${cells}</div>`;
    const doc = page(`<div class="el-table-v2 el-table-v2__root">
      <div role="table" class="el-table-v2__table el-table-v2__main">
        <div class="el-vl__wrapper el-table-v2__body" role="rowgroup"><div><div>
          ${row('r2', `<div class="el-table-v2__row-cell--placeholder"></div>${rcell('Refund')}${rcell('-$8.00')}`)}
          ${row('r1', `<div class="el-table-v2__row-cell--placeholder"></div>${rcell('Sale')}${rcell('$12.50')}`)}
        </div></div></div>
        <div class="el-table-v2__header-wrapper" role="rowgroup"><div class="el-table-v2__header"><div class="el-table-v2__header-row" role="row">
          <div class="el-table-v2__header-row-cell--placeholder"></div>${hcell('kind', 'Type')}${hcell('amount', 'Amount')}</div></div></div>
      </div>
      <div role="table" class="el-table-v2__table el-table-v2__left">
        <div class="el-vl__wrapper el-table-v2__body" role="rowgroup"><div><div>
          ${row('r1', rcell('2024-03-05 10:00:00'))}${row('r2', rcell('2024-03-05 11:00:00'))}
        </div></div></div>
        <div class="el-table-v2__header-wrapper" role="rowgroup"><div class="el-table-v2__header"><div class="el-table-v2__header-row" role="row">${hcell('time', 'Created')}</div></div></div>
      </div></div>`);
    const tables = readPortalTables(doc, 'https://m.example', NOW);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.adapter).toBe('element-ui');
    expect(tables[0]!.columns.map((c) => c.header)).toEqual(['Created', 'Type', 'Amount']);
    const rows = tables[0]!.rows;
    expect(rows.map((r) => r.element.closest('.el-table-v2__main') !== null)).toEqual([true, true]);
    expect(rows.map((r) => [r.transaction?.occurredAt, r.transaction?.kind, r.transaction?.amount.amount])).toEqual([
      ['2024-03-05T11:00:00', 'refund', '-8.00'],
      ['2024-03-05T10:00:00', 'sale', '12.50'],
    ]);
  });
});
