import { describe, expect, it } from 'vitest';
import { readPageMeta, yearForMonthDay } from '../../../lib/portals/page-meta';
import { readPortalTables } from '../../../lib/portals';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

describe('readPageMeta', () => {
  const cases: { description: string; html: string; expected: ReturnType<typeof readPageMeta> }[] = [
    {
      description: 'label：value text',
      html: '<div>商户号：898310048990001 商户名称：好再来便利店</div>',
      expected: { merchantId: '898310048990001', merchantName: '好再来便利店' },
    },
    {
      description: 'ASCII colon, English',
      html: '<p>Merchant ID: acct_1Nv0FG</p><p>Merchant name: Corner Cafe</p>',
      expected: { merchantId: 'acct_1Nv0FG', merchantName: 'Corner Cafe' },
    },
    {
      description: 'label and value in sibling spans',
      html: '<div><span>商户编号：</span><span>898310048990002</span></div>',
      expected: { merchantId: '898310048990002' },
    },
    {
      description: 'dl/dt/dd',
      html: '<dl><dt>商户号</dt><dd>898310048990003</dd><dt>终端号</dt><dd>10293847</dd></dl>',
      expected: { merchantId: '898310048990003', terminalId: '10293847' },
    },
    {
      description: '<label> and its field',
      html: '<label for="m">商户号</label><input id="m" value="898310048990004">',
      expected: { merchantId: '898310048990004' },
    },
    {
      description: 'Ant Design descriptions',
      html: '<table><tbody><tr><th class="ant-descriptions-item-label">商户名称</th><td class="ant-descriptions-item-content">某某餐饮</td></tr></tbody></table>',
      expected: { merchantName: '某某餐饮' },
    },
    {
      description: 'query range in text',
      html: '<div>查询日期：2024-03-01 至 2024-03-31</div>',
      expected: { dateRange: { from: '2024-03-01', to: '2024-03-31' } },
    },
    {
      description: 'query range with times',
      html: '<div>查询时间：2023-12-25 00:00:00 ~ 2024-01-05 23:59:59</div>',
      expected: { dateRange: { from: '2023-12-25', to: '2024-01-05' } },
    },
    {
      description: 'range picker inputs',
      html: '<div class="ant-picker-range"><input placeholder="开始日期" value="2024-02-01"><input placeholder="结束日期" value="2024-02-29"></div>',
      expected: { dateRange: { from: '2024-02-01', to: '2024-02-29' } },
    },
    { description: 'unit', html: '<span>单位：元</span>', expected: { currency: 'CNY' } },
    { description: 'hidden text is not read', html: '<div style="display:none">商户号：111111111111111</div>', expected: {} },
    { description: 'nothing', html: '<div>欢迎使用</div>', expected: {} },
    // a header's 退出/Logout/切换 link is not part of the name (issue 12: "示例便利店 退出")
    {
      description: 'name, then the logout link',
      html: '<div class="user">商户名称：示例便利店 <a href="/logout">退出</a></div>',
      expected: { merchantName: '示例便利店' },
    },
    {
      description: 'name, then a switch button',
      html: '<div>商户名称：示例便利店<button type="button">切换</button></div>',
      expected: { merchantName: '示例便利店' },
    },
    // English labels hold spaces: the header's run-on text cannot tell "Sample Corner" + "Shop Merchant ID:" apart, the span can
    {
      description: 'English facts in spans inside one header, then a logout link',
      html: '<header><span>Merchant name: Sample Corner Shop</span> <span>Merchant ID: 822100058120001</span> <a href="#">Log out</a></header>',
      expected: { merchantName: 'Sample Corner Shop', merchantId: '822100058120001' },
    },
    {
      description: 'id and name, each followed by a link',
      html: '<div>商户号：898310048990001 <a>切换商户</a> 商户名称：示例便利店 <a>退出</a></div>',
      expected: { merchantId: '898310048990001', merchantName: '示例便利店' },
    },
    {
      description: 'value span holding the link',
      html: '<div><span>商户名称：</span><span>示例便利店 <a href="#">Logout</a></span></div>',
      expected: { merchantName: '示例便利店' },
    },
    {
      description: 'form label, value with a role=button',
      html: '<div class="el-form-item"><label class="el-form-item__label">商户名称</label><div class="el-form-item__content">示例便利店 <span role="button">切换</span></div></div>',
      expected: { merchantName: '示例便利店' },
    },
    {
      description: 'English, Log out link',
      html: '<p>Merchant name: Corner Cafe <a href="/logout">Log out</a></p>',
      expected: { merchantName: 'Corner Cafe' },
    },
    { description: 'the value itself is a link', html: '<div>商户名称：<a href="/merchant/1">示例便利店</a></div>', expected: { merchantName: '示例便利店' } },
    {
      description: 'label for= the range start: the end input is read too',
      html: '<div><label for="f">查询日期</label><input id="f" value="2026-03-02"><span>至</span><input id="t" value="2026-03-15"></div>',
      expected: { dateRange: { from: '2026-03-02', to: '2026-03-15' } },
    },
  ];
  it.each(cases)('$description', ({ html, expected }) => {
    expect(readPageMeta(page(html))).toEqual(expected);
  });

  it('does not read the excluded transaction table', () => {
    const doc = page('<table id="t"><tr><th>商户号</th><td>898310048990009</td></tr></table>');
    expect(readPageMeta(doc, { exclude: [doc.getElementById('t')!] })).toEqual({});
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
