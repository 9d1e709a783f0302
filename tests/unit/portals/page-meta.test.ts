import { describe, expect, it } from 'vitest';
import { readPageFacts, readPageMeta, readStatedTotals, yearForMonthDay, type StatedTable } from '../../../lib/portals/page-meta';
import { readPortalTables } from '../../../lib/portals';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

describe('readPageMeta', () => {
  const cases: { description: string; html: string; expected: ReturnType<typeof readPageMeta> }[] = [
    { description: 'label：value text', html: '<div>商户号：898310048990001 商户名称：好再来便利店</div>', expected: { merchantId: '898310048990001', merchantName: '好再来便利店' } },
    { description: 'ASCII colon, English', html: '<p>Merchant ID: acct_1Nv0FG</p><p>Merchant name: Corner Cafe</p>', expected: { merchantId: 'acct_1Nv0FG', merchantName: 'Corner Cafe' } },
    { description: 'label and value in sibling spans', html: '<div><span>商户编号：</span><span>898310048990002</span></div>', expected: { merchantId: '898310048990002' } },
    { description: 'dl/dt/dd', html: '<dl><dt>商户号</dt><dd>898310048990003</dd><dt>终端号</dt><dd>10293847</dd></dl>', expected: { merchantId: '898310048990003', terminalId: '10293847' } },
    { description: '<label> and its field', html: '<label for="m">商户号</label><input id="m" value="898310048990004">', expected: { merchantId: '898310048990004' } },
    { description: 'Ant Design descriptions', html: '<table><tbody><tr><th class="ant-descriptions-item-label">商户名称</th><td class="ant-descriptions-item-content">某某餐饮</td></tr></tbody></table>', expected: { merchantName: '某某餐饮' } },
    { description: 'query range in text', html: '<div>查询日期：2024-03-01 至 2024-03-31</div>', expected: { dateRange: { from: '2024-03-01', to: '2024-03-31' } } },
    { description: 'query range with times', html: '<div>查询时间：2023-12-25 00:00:00 ~ 2024-01-05 23:59:59</div>', expected: { dateRange: { from: '2023-12-25', to: '2024-01-05' } } },
    { description: 'range picker inputs', html: '<div class="ant-picker-range"><input placeholder="开始日期" value="2024-02-01"><input placeholder="结束日期" value="2024-02-29"></div>', expected: { dateRange: { from: '2024-02-01', to: '2024-02-29' } } },
    { description: 'unit', html: '<span>单位：元</span>', expected: { currency: 'CNY' } },
    { description: 'hidden text is not read', html: '<div style="display:none">商户号：111111111111111</div>', expected: {} },
    { description: 'nothing', html: '<div>欢迎使用</div>', expected: {} },
    // a header's 退出/Logout/切换 link is not part of the name (issue 12: "示例便利店 退出")
    { description: 'name, then the logout link', html: '<div class="user">商户名称：示例便利店 <a href="/logout">退出</a></div>', expected: { merchantName: '示例便利店' } },
    { description: 'name, then a switch button', html: '<div>商户名称：示例便利店<button type="button">切换</button></div>', expected: { merchantName: '示例便利店' } },
    { description: 'id and name, each followed by a link', html: '<div>商户号：898310048990001 <a>切换商户</a> 商户名称：示例便利店 <a>退出</a></div>', expected: { merchantId: '898310048990001', merchantName: '示例便利店' } },
    { description: 'value span holding the link', html: '<div><span>商户名称：</span><span>示例便利店 <a href="#">Logout</a></span></div>', expected: { merchantName: '示例便利店' } },
    { description: 'form label, value with a role=button', html: '<div class="el-form-item"><label class="el-form-item__label">商户名称</label><div class="el-form-item__content">示例便利店 <span role="button">切换</span></div></div>', expected: { merchantName: '示例便利店' } },
    { description: 'English, Log out link', html: '<p>Merchant name: Corner Cafe <a href="/logout">Log out</a></p>', expected: { merchantName: 'Corner Cafe' } },
    { description: 'the value itself is a link', html: '<div>商户名称：<a href="/merchant/1">示例便利店</a></div>', expected: { merchantName: '示例便利店' } },
    { description: 'label for= the range start: the end input is read too', html: '<div><label for="f">查询日期</label><input id="f" value="2026-03-02"><span>至</span><input id="t" value="2026-03-15"></div>', expected: { dateRange: { from: '2026-03-02', to: '2026-03-15' } } },
  ];
  it.each(cases)('$description', ({ html, expected }) => {
    expect(readPageMeta(page(html))).toEqual(expected);
  });

  it('does not read the excluded transaction table', () => {
    const doc = page('<table id="t"><tr><th>商户号</th><td>898310048990009</td></tr></table>');
    expect(readPageMeta(doc, { exclude: [doc.getElementById('t')!] })).toEqual({});
  });
});

describe('readStatedTotals: what the portal says the query holds', () => {
  const cases: { description: string; html: string; expected: ReturnType<typeof readStatedTotals> }[] = [
    // pagers (Element, Ant Design, layui, EasyUI, bootstrap-table, MUI, AG Grid, Tabulator)
    { description: 'Element 共 N 条', html: '<div class="el-pagination"><span class="el-pagination__total">共 345 条</span><button class="btn-prev">&lt;</button><ul class="el-pager"><li>1</li><li>2</li></ul></div>', expected: { count: 345, source: 'pager' } },
    { description: 'Ant Design Total N items', html: '<ul class="ant-pagination"><li class="ant-pagination-total-text">Total 345 items</li><li class="ant-pagination-item" title="1"><a>1</a></li></ul>', expected: { count: 345, source: 'pager' } },
    { description: 'Ant Design Total N', html: '<ul class="ant-pagination"><li class="ant-pagination-total-text">Total 345</li></ul>', expected: { count: 345, source: 'pager' } },
    { description: 'thousands separator', html: '<div class="el-pagination"><span>共 1,345 条</span></div>', expected: { count: 1345, source: 'pager' } },
    { description: 'layui', html: '<div class="layui-laypage"><span class="layui-laypage-count">共 58 条</span><a>1</a><a>2</a></div>', expected: { count: 58, source: 'pager' } },
    { description: 'EasyUI zh', html: '<div class="datagrid-pager"><div class="pagination-info">显示1到10,共345记录</div></div>', expected: { count: 345, source: 'pager' } },
    { description: 'bootstrap-table en', html: '<div class="pagination-detail"><span class="pagination-info">Showing 1 to 10 of 345 rows</span></div>', expected: { count: 345, source: 'pager' } },
    { description: 'bootstrap-table zh', html: '<div class="pagination-detail"><span class="pagination-info">显示第 1 到第 10 条记录，总共 345 条记录</span></div>', expected: { count: 345, source: 'pager' } },
    { description: 'MUI 1–20 of N', html: '<div class="MuiTablePagination-root"><p class="MuiTablePagination-displayedRows">1–20 of 345</p></div>', expected: { count: 345, source: 'pager' } },
    { description: 'AG Grid, beside its page count', html: '<div class="ag-paging-panel"><span class="ag-paging-row-summary-panel">1 to 100 of 1,000</span><span class="ag-paging-page-summary-panel">Page 1 of 10</span></div>', expected: { count: 1000, source: 'pager' } },
    { description: 'a page count is not a row count', html: '<div class="pagination"><span>Page 1 of 18</span><span>共 18 页</span></div>', expected: undefined },
    // summary bars
    { description: 'summary text, zh', html: '<div class="summary">交易笔数：41 笔 交易金额：¥12,345.60</div>', expected: { count: 41, amount: { value: '12345.60', currency: 'CNY' }, source: 'summary' } },
    { description: 'summary label and value spans, unit in the label', html: '<div class="summary"><div><span class="k">交易笔数</span><span class="v">60</span></div><div><span class="k">交易金额(元)</span><span class="v">42,006.45</span></div><div><span class="k">手续费(元)</span><span class="v">223.29</span></div></div>', expected: { count: 60, amount: { value: '42006.45', currency: 'CNY' }, source: 'summary' } },
    { description: 'summary, en', html: '<p>Transactions: 41</p><p>Total amount: $12,345.60</p>', expected: { count: 41, amount: { value: '12345.60', currency: 'USD' }, source: 'summary' } },
    { description: 'gross volume, en', html: '<div><span>Gross volume:</span> <span>$1,234.50</span></div>', expected: { amount: { value: '1234.50', currency: 'USD' }, source: 'summary' } },
    { description: 'pager count and summary amount', html: '<div>交易金额：12,345.60元</div><div class="el-pagination"><span>共 41 条</span></div>', expected: { count: 41, amount: { value: '12345.60', currency: 'CNY' }, source: 'pager+summary' } },
    { description: '万元 is not read as yuan', html: '<div>交易金额(万元)：1.23</div>', expected: undefined },
    { description: 'a query filter is not a statement', html: '<form><label>交易金额</label><input value="100.00"><label>交易笔数</label><span>5</span></form>', expected: undefined },
    { description: 'an integer after Total is a count, not money', html: '<div>Total: 345</div>', expected: { count: 345, source: 'summary' } },
  ];
  it.each(cases)('$description', ({ html, expected }) => {
    expect(readStatedTotals(page(html))).toEqual(expected);
  });

  const COLUMNS = [{ header: '交易时间', field: 'occurredAt' }, { header: '交易类型', field: 'kind' }, { header: '交易金额', field: 'amount' }];
  const table = (footer: string) => {
    const doc = page(`<table id="t"><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody><tr><td>2024-03-05 10:00</td><td>消费</td><td>¥10.00</td></tr><tr><td>2024-03-05 11:00</td><td>消费</td><td>¥20.00</td></tr></tbody>
      <tfoot>${footer}</tfoot></table>`);
    return { doc, tables: [{ root: doc.getElementById('t')!, columns: COLUMNS }] as StatedTable[] };
  };
  it.each([
    { description: '合计 row: the amount column', footer: '<tr><td>合计</td><td></td><td>¥30.00</td></tr>', expected: { amount: { value: '30.00', currency: 'CNY' }, source: 'totals-row' } },
    { description: '合计 row spanning two columns, with a count', footer: '<tr><td colspan="2">合计：2 笔</td><td>30.00</td></tr>', expected: { count: 2, amount: { value: '30.00' }, source: 'totals-row' } },
    { description: 'Total row, en', footer: '<tr><td>Total</td><td>2 transactions</td><td>$30.00</td></tr>', expected: { count: 2, amount: { value: '30.00', currency: 'USD' }, source: 'totals-row' } },
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
    const doc = page(`<span>单位：元</span><div class="layui-table-view" id="v"><table><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody><tr><td>2024-03-05 10:00</td><td>消费</td><td>10.00</td></tr></tbody></table>
      <div class="layui-table-total"><table><tr><td>合计</td><td></td><td>10.00</td></tr></table></div>
      <div class="layui-table-page"><div class="layui-laypage"><span class="layui-laypage-count">共 1 条</span></div></div></div>`);
    expect(readPageFacts(doc, [{ root: doc.getElementById('v')!, columns: COLUMNS }])).toEqual({ stated: { count: 1, amount: { value: '10.00', currency: 'CNY' }, source: 'pager+totals-row' } });
  });
});

describe('readPageFacts on the demo portal', () => {
  it('merchant, the query range from both inputs, and the summary bar', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('tests/fixtures/portals/demo/index.html', 'utf8').replace(/<link[^>]*>/g, '');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const tables = readPortalTables(doc, 'http://127.0.0.1/index.html', '2026-03-16T00:00:00Z');
    expect(readPageFacts(doc, tables)).toEqual({
      merchantId: '898310058120001', merchantName: '上海静安区示例便利店',
      dateRange: { from: '2026-03-02', to: '2026-03-15' },
      stated: { count: 60, amount: { value: '42006.45', currency: 'CNY' }, source: 'summary' },
    });
  });
});

describe('yearForMonthDay', () => {
  const range = { from: '2023-12-25', to: '2024-01-05' };
  it.each([
    [12, 31, range, 2023],
    [1, 2, range, 2024],
    [3, 5, { from: '2024-03-01', to: '2024-03-31' }, 2024],
    [3, 5, undefined, undefined],
  ])('%i-%i in %j → %s', (m, d, r, expected) => {
    expect(yearForMonthDay(m, d, r)).toBe(expected);
  });
});

describe('page meta feeds the rows', () => {
  it('fills merchantId, merchantName and the year of "MM-DD HH:mm" rows', () => {
    const doc = page(`
      <div class="header">商户号：898310048990001 商户名称：好再来便利店</div>
      <form><label>交易日期</label><input value="2023-12-25"><input value="2024-01-05"></form>
      <table><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody><tr><td>12-31 23:50</td><td>消费</td><td>¥10.00</td></tr><tr><td>01-02 08:00</td><td>消费</td><td>¥20.00</td></tr></tbody></table>`);
    const [t] = readPortalTables(doc, 'https://x.example', '2024-01-06T00:00:00Z');
    expect(t!.rows.map((r) => r.transaction && [r.transaction.occurredAt, r.transaction.merchantId, r.transaction.merchantName])).toEqual([
      ['2023-12-31T23:50:00', '898310048990001', '好再来便利店'],
      ['2024-01-02T08:00:00', '898310048990001', '好再来便利店'],
    ]);
  });

  it('a 商户号 column beats the page', () => {
    const doc = page(`<div>商户号：898310048990001</div>
      <table><thead><tr><th>商户号</th><th>交易时间</th><th>交易金额</th></tr></thead>
      <tbody><tr><td>898310048990777</td><td>2024-03-05 10:00</td><td>¥10.00</td></tr></tbody></table>`);
    const [t] = readPortalTables(doc, 'https://x.example', '2024-03-06T00:00:00Z');
    expect(t!.rows[0]!.transaction?.merchantId).toBe('898310048990777');
  });
});
