// What a portal page states about its query (coverage, DESIGN.md "Coverage"): pagers of the UI
// kits, summary bars in zh and en, 合计/Total rows under the table, and the facts of the demo portal.
import { describe, expect, it } from 'vitest';
import { readPageFacts, readStatedTotals, type StatedTable } from '../../../lib/portals/stated-totals';
import { readPortalTables } from '../../../lib/portals';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

describe('readStatedTotals: what the portal says the query holds', () => {
  const cases: { description: string; html: string; expected: ReturnType<typeof readStatedTotals> }[] = [
    // pagers (Element, Ant Design, layui, EasyUI, bootstrap-table, MUI, AG Grid, Tabulator)
    {
      description: 'Element 共 N 条',
      html: '<div class="el-pagination"><span class="el-pagination__total">共 345 条</span><button class="btn-prev">&lt;</button><ul class="el-pager"><li>1</li><li>2</li></ul></div>',
      expected: { count: 345, source: 'pager' },
    },
    {
      description: 'Ant Design Total N items',
      html: '<ul class="ant-pagination"><li class="ant-pagination-total-text">Total 345 items</li><li class="ant-pagination-item" title="1"><a>1</a></li></ul>',
      expected: { count: 345, source: 'pager' },
    },
    {
      description: 'Ant Design Total N',
      html: '<ul class="ant-pagination"><li class="ant-pagination-total-text">Total 345</li></ul>',
      expected: { count: 345, source: 'pager' },
    },
    { description: 'thousands separator', html: '<div class="el-pagination"><span>共 1,345 条</span></div>', expected: { count: 1345, source: 'pager' } },
    {
      description: 'layui',
      html: '<div class="layui-laypage"><span class="layui-laypage-count">共 58 条</span><a>1</a><a>2</a></div>',
      expected: { count: 58, source: 'pager' },
    },
    {
      description: 'EasyUI zh',
      html: '<div class="datagrid-pager"><div class="pagination-info">显示1到10,共345记录</div></div>',
      expected: { count: 345, source: 'pager' },
    },
    {
      description: 'bootstrap-table en',
      html: '<div class="pagination-detail"><span class="pagination-info">Showing 1 to 10 of 345 rows</span></div>',
      expected: { count: 345, source: 'pager' },
    },
    {
      description: 'bootstrap-table zh',
      html: '<div class="pagination-detail"><span class="pagination-info">显示第 1 到第 10 条记录，总共 345 条记录</span></div>',
      expected: { count: 345, source: 'pager' },
    },
    {
      description: 'MUI 1–20 of N',
      html: '<div class="MuiTablePagination-root"><p class="MuiTablePagination-displayedRows">1–20 of 345</p></div>',
      expected: { count: 345, source: 'pager' },
    },
    {
      description: 'AG Grid, beside its page count',
      html: '<div class="ag-paging-panel"><span class="ag-paging-row-summary-panel">1 to 100 of 1,000</span><span class="ag-paging-page-summary-panel">Page 1 of 10</span></div>',
      expected: { count: 1000, source: 'pager' },
    },
    {
      description: 'a page count is not a row count',
      html: '<div class="pagination"><span>Page 1 of 18</span><span>共 18 页</span></div>',
      expected: undefined,
    },
    // summary bars
    {
      description: 'summary text, zh',
      html: '<div class="summary">交易笔数：41 笔 交易金额：¥12,345.60</div>',
      expected: { count: 41, amount: { value: '12345.60', currency: 'CNY' }, source: 'summary' },
    },
    {
      description: 'summary label and value spans, unit in the label',
      html: '<div class="summary"><div><span class="k">交易笔数</span><span class="v">60</span></div><div><span class="k">交易金额(元)</span><span class="v">42,006.45</span></div><div><span class="k">手续费(元)</span><span class="v">223.29</span></div></div>',
      expected: { count: 60, amount: { value: '42006.45', currency: 'CNY' }, source: 'summary' },
    },
    {
      description: 'summary, en',
      html: '<p>Transactions: 41</p><p>Total amount: $12,345.60</p>',
      expected: { count: 41, amount: { value: '12345.60', currency: 'USD' }, source: 'summary' },
    },
    {
      description: 'gross volume, en',
      html: '<div><span>Gross volume:</span> <span>$1,234.50</span></div>',
      expected: { amount: { value: '1234.50', currency: 'USD' }, source: 'summary' },
    },
    {
      description: 'pager count and summary amount',
      html: '<div>交易金额：12,345.60元</div><div class="el-pagination"><span>共 41 条</span></div>',
      expected: { count: 41, amount: { value: '12345.60', currency: 'CNY' }, source: 'pager+summary' },
    },
    { description: '万元 is not read as yuan', html: '<div>交易金额(万元)：1.23</div>', expected: undefined },
    {
      description: 'a query filter is not a statement',
      html: '<form><label>交易金额</label><input value="100.00"><label>交易笔数</label><span>5</span></form>',
      expected: undefined,
    },
    { description: 'an integer after Total is a count, not money', html: '<div>Total: 345</div>', expected: { count: 345, source: 'summary' } },
  ];
  it.each(cases)('$description', ({ html, expected }) => {
    expect(readStatedTotals(page(html))).toEqual(expected);
  });

  const COLUMNS = [
    { header: '交易时间', field: 'occurredAt' },
    { header: '交易类型', field: 'kind' },
    { header: '交易金额', field: 'amount' },
  ];
  const table = (footer: string) => {
    const doc = page(`<table id="t"><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody><tr><td>2024-03-05 10:00</td><td>消费</td><td>¥10.00</td></tr><tr><td>2024-03-05 11:00</td><td>消费</td><td>¥20.00</td></tr></tbody>
      <tfoot>${footer}</tfoot></table>`);
    return { doc, tables: [{ root: doc.getElementById('t')!, columns: COLUMNS }] as StatedTable[] };
  };
  it.each([
    {
      description: '合计 row: the amount column',
      footer: '<tr><td>合计</td><td></td><td>¥30.00</td></tr>',
      expected: { amount: { value: '30.00', currency: 'CNY' }, source: 'totals-row' },
    },
    {
      description: '合计 row spanning two columns, with a count',
      footer: '<tr><td colspan="2">合计：2 笔</td><td>30.00</td></tr>',
      expected: { count: 2, amount: { value: '30.00' }, source: 'totals-row' },
    },
    {
      description: 'Total row, en',
      footer: '<tr><td>Total</td><td>2 transactions</td><td>$30.00</td></tr>',
      expected: { count: 2, amount: { value: '30.00', currency: 'USD' }, source: 'totals-row' },
    },
    { description: '本页合计 is the page, not the query', footer: '<tr><td>本页合计</td><td></td><td>¥30.00</td></tr>', expected: undefined },
    { description: '小计 is the page, not the query', footer: '<tr><td>小计</td><td></td><td>¥30.00</td></tr>', expected: undefined },
  ])('$description', ({ footer, expected }) => {
    const { doc, tables } = table(footer);
    expect(readStatedTotals(doc, tables)).toEqual(expected);
  });

  it('the 合计 row is not counted as a transaction', () => {
    const { doc } = table('<tr><td>合计</td><td></td><td>¥30.00</td></tr>');
    const [t] = readPortalTables(doc, 'https://x.example', '2024-03-06T00:00:00Z');
    expect(t!.rows.map((r) => r.transaction?.amount.amount)).toEqual(['10.00', '20.00']);
  });

  it('a pager inside the table root (layui) is read; the unit 元 gives a totals row its currency', () => {
    const doc =
      page(`<span>单位：元</span><div class="layui-table-view" id="v"><table><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody><tr><td>2024-03-05 10:00</td><td>消费</td><td>10.00</td></tr></tbody></table>
      <div class="layui-table-total"><table><tr><td>合计</td><td></td><td>10.00</td></tr></table></div>
      <div class="layui-table-page"><div class="layui-laypage"><span class="layui-laypage-count">共 1 条</span></div></div></div>`);
    expect(readPageFacts(doc, [{ root: doc.getElementById('v')!, columns: COLUMNS }])).toEqual({
      stated: { count: 1, amount: { value: '10.00', currency: 'CNY' }, source: 'pager+totals-row' },
    });
  });
});

describe('a long table: footers and pagers found without walking its rows', () => {
  const rows = (n: number, last = '') =>
    Array.from({ length: n }, (_, i) => `<tr><td>2024-03-05 10:${String(i % 60).padStart(2, '0')}</td><td>消费</td><td>1.00</td></tr>`).join('') + last;
  const head = '<thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>';
  const COLUMNS = [
    { header: '交易时间', field: 'occurredAt' },
    { header: '交易类型', field: 'kind' },
    { header: '交易金额', field: 'amount' },
  ] as StatedTable['columns'];

  it('a 合计 row at the end of 30 rows, an Element footer and a pager inside the root are each read', () => {
    const atEnd = page(`<div id="v"><table>${head}<tbody>${rows(30, '<tr><td>合计</td><td>30 笔</td><td>30.00</td></tr>')}</tbody></table></div>`);
    expect(readStatedTotals(atEnd, [{ root: atEnd.getElementById('v')!, columns: COLUMNS }])).toEqual({
      count: 30,
      amount: { value: '30.00' },
      source: 'totals-row',
    });
    const footer = page(`<div class="el-table" id="v"><div class="el-table__body-wrapper"><table><tbody>${rows(30)}</tbody></table></div>
      <div class="el-table__footer-wrapper"><table><tbody><tr><td>合计</td><td></td><td>30.00</td></tr></tbody></table></div>
      <div class="pagination"><span>共 30 条</span></div></div>`);
    expect(readStatedTotals(footer, [{ root: footer.getElementById('v')!, columns: COLUMNS }])).toEqual({
      count: 30,
      amount: { value: '30.00' },
      source: 'pager+totals-row',
    });
  });
});

describe('readPageFacts on the demo portal', () => {
  it('merchant, the query range from both inputs, and the summary bar', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('tests/fixtures/portals/demo/index.html', 'utf8').replace(/<link[^>]*>/g, '');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const tables = readPortalTables(doc, 'http://127.0.0.1/index.html', '2026-03-16T00:00:00Z');
    expect(readPageFacts(doc, tables)).toEqual({
      merchantId: '898310058120001',
      merchantName: '上海静安区示例便利店',
      dateRange: { from: '2026-03-02', to: '2026-03-15' },
      stated: { count: 60, amount: { value: '42006.45', currency: 'CNY' }, source: 'summary' },
    });
  });
});
