// Robust families (issue 12 item 3): a family reader that finds its root but reads no rows leaves
// the root to the next readers; and a table that looks like transactions but gives no rows is
// reported with the columns nothing could place, never silently ignored.
import { describe, expect, it } from 'vitest';
import { findUnreadTables, readPortalTables, scanTables } from '../../../lib/portals';
import { page } from './fixture-util';

const NOW = '2024-03-10T00:00:00Z';
const URL_ = 'https://portal.example/trade';

const HEAD = ['交易时间', '交易类型', '交易金额', '手续费', '参考号'];
const ROWS = [
  ['2024-03-05 10:00:00', '消费', '¥100.00', '¥0.60', '400000000001'],
  ['2024-03-05 11:00:00', '退货', '¥20.00', '¥0.12', '400000000008'],
];

/** An AG Grid wrapper whose rows are not where the family reader looks (no .ag-center-cols-container), as AG Grid 33+ draws them. */
function agGridElsewhere(): string {
  const cell = (t: string, i: number) => `<div role="gridcell" col-id="c${i}" aria-colindex="${i + 1}">${t}</div>`;
  return `<div class="ag-root-wrapper"><div class="ag-root" role="grid">
    <div class="ag-header" role="rowgroup"><div class="ag-header-row" role="row">
      ${HEAD.map((h, i) => `<div class="ag-header-cell" role="columnheader" col-id="c${i}" aria-colindex="${i + 1}"><span class="ag-header-cell-text">${h}</span></div>`).join('')}
    </div></div>
    <div class="ag-body" role="rowgroup"><div class="ag-viewport">
      ${ROWS.map((r, n) => `<div role="row" aria-rowindex="${n + 2}" class="ag-row">${r.map(cell).join('')}</div>`).join('')}
    </div></div></div></div>`;
}

describe('family fallback', () => {
  it('an AG Grid root whose rows live elsewhere is read by the ARIA-grid reader', () => {
    const tables = readPortalTables(page(agGridElsewhere()), URL_, NOW);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.adapter).toBe('aria-grid');
    expect(tables[0]!.rows.map((r) => [r.transaction?.kind, r.transaction?.amount.amount, r.transaction?.rrn])).toEqual([
      ['sale', '100.00', '400000000001'],
      ['refund', '-20.00', '400000000008'],
    ]);
  });

  it('a family root with no rows of its own leaves its inner plain table to the generic reader', () => {
    const inner = `<table><thead><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${ROWS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const tables = readPortalTables(
      page(`<div class="ag-root-wrapper"><div class="ag-header-cell" col-id="a"><span class="ag-header-cell-text">交易时间</span></div>${inner}</div>`),
      URL_,
      NOW,
    );
    expect(tables.map((t) => [t.adapter, t.rows.length])).toEqual([['generic-table', 2]]);
  });

  it("an empty family table (a query with no results) stays the family's, not its inner header table", () => {
    const doc =
      page(`<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr>${HEAD.map((h) => `<th><div class="cell">${h}</div></th>`).join('')}</tr></thead></table></div>
      <div class="el-table__body-wrapper"><table class="el-table__body"><tbody></tbody></table><div class="el-table__empty-block">暂无数据</div></div></div>`);
    const tables = readPortalTables(doc, URL_, NOW);
    expect(tables.map((t) => [t.adapter, t.rows.length])).toEqual([['element-ui', 0]]);
    expect((tables[0] as { root: Element }).root.className).toBe('el-table');
  });
});

describe('tables that look like transactions but give no rows', () => {
  // a time and money, but no column the reader can call the amount with certainty (two money
  // columns, neither the larger on every row), and a column of free text
  const unreadable = `<table><thead><tr><th>发生</th><th>甲</th><th>乙</th><th>备忘</th></tr></thead><tbody>
    <tr><td>2024-03-05 10:00:00</td><td>¥100.00</td><td>¥3.00</td><td>早班</td></tr>
    <tr><td>2024-03-05 11:00:00</td><td>¥1.00</td><td>¥30.00</td><td>晚班</td></tr></tbody></table>`;

  it('is reported with the columns nothing placed, in the same pass that finds the tables', () => {
    const doc = page(unreadable);
    expect(readPortalTables(doc, URL_, NOW)).toEqual([]);
    const { found, unread } = scanTables(doc);
    expect(found).toEqual([]);
    expect(unread).toHaveLength(1);
    expect(unread[0]!.adapter).toBe('generic-table');
    expect(unread[0]!.unplaced).toEqual(['甲', '乙', '备忘']);
    expect(unread[0]!.columns.map((c) => [c.header, c.field, c.source])).toEqual([
      ['发生', 'occurredAt', 'values'],
      ['甲', null, undefined],
      ['乙', null, undefined],
      ['备忘', null, undefined],
    ]);
  });

  it('is not reported for lists that are not transactions, nor for tables already read', () => {
    const notices = `<table><tr><th>标题</th><th>发布日期</th><th>阅读</th></tr><tr><td>系统升级</td><td>2024-03-01</td><td>12</td></tr><tr><td>春节安排</td><td>2024-02-01</td><td>40</td></tr></table>`;
    const summary = `<table><tr><th>结算日期</th><th>交易笔数</th><th>交易金额</th><th>手续费</th><th>结算金额</th></tr><tr><td>2024-03-05</td><td>12</td><td>¥1,200.00</td><td>¥7.20</td><td>¥1,192.80</td></tr></table>`;
    expect(scanTables(page(notices + summary)).unread).toEqual([]);
    const readable = `<table><thead><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${ROWS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const doc = page(readable + unreadable);
    const read = readPortalTables(doc, URL_, NOW);
    expect(read).toHaveLength(1);
    // the content script passes the roots it already read: only the other table comes back
    const again = findUnreadTables(
      doc,
      read.map((t) => t.root),
    );
    expect(again.map((u) => u.unplaced)).toEqual([['甲', '乙', '备忘']]);
    expect(findUnreadTables(page(readable), [])).toEqual([]);
  });

  it('a layout table around a read table is not reported', () => {
    const readable = `<table><thead><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${ROWS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const doc = page(`<table><tr><td>菜单</td><td>¥1.00</td><td>${readable}</td></tr><tr><td>页脚</td><td>¥2.00</td><td>2024-03-05</td></tr></table>`);
    expect(scanTables(doc).unread).toEqual([]);
    expect(scanTables(doc).found).toHaveLength(1);
  });

  it('keeps hostile header text as text in what it reports', () => {
    const doc = page(unreadable.replace('备忘', '&lt;script&gt;alert(1)&lt;/script&gt;'));
    expect(scanTables(doc).unread[0]!.unplaced).toContain('<script>alert(1)</script>');
  });
});
