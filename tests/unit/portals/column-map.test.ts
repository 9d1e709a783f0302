// "Teach it a table": ReadOptions.columnMap overrides what headers and values say, in every family,
// and readPortalTablesChunked gives the same result as readPortalTables while yielding between slices.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPortalTables, readPortalTablesChunked, mayHoldTables } from '../../../lib/portals';
import type { FixtureExpectation } from './fixture-util';
import { page } from './fixture-util';

const NOW = '2024-03-06T00:00:00Z';
const URL_ = 'https://portal.example.cn/txn';
const table = (head: string, rows: string) => page(`<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);

describe('ReadOptions.columnMap', () => {
  const doc = table(
    '<th>交易时间</th><th>交易类型</th><th>交易金额</th><th>扣款</th><th>参考号</th>',
    '<tr><td>2024-03-05 10:00:00</td><td>消费</td><td>¥1,000.00</td><td>6.00</td><td>123456789012</td></tr>',
  );

  it('without a map an unknown column is not data', () => {
    const [t] = readPortalTables(doc, URL_, NOW);
    expect(t!.columns.find((c) => c.header === '扣款')!.field).toBeNull();
    expect(t!.rows[0]!.transaction!.fee).toBeUndefined();
  });

  it('a taught column takes its field', () => {
    const [t] = readPortalTables(doc, URL_, NOW, { columnMap: { 扣款: 'fee' } });
    expect(t!.columns.find((c) => c.header === '扣款')!.field).toBe('fee');
    expect(t!.rows[0]!.transaction!.fee).toEqual({ amount: '6.00', currency: 'CNY' });
  });

  it('a column taught as null is not data; a field taught elsewhere leaves the column that had it', () => {
    const [t] = readPortalTables(doc, URL_, NOW, { columnMap: { 参考号: null, 扣款: 'rrn' } });
    expect(t!.columns.map((c) => c.field)).toEqual(['occurredAt', 'kind', 'amount', 'rrn', null]);
    expect(t!.rows[0]!.transaction!.rrn).toBe('6.00');
  });

  it('ignores fields that are not PortalTransaction fields', () => {
    const [t] = readPortalTables(doc, URL_, NOW, { columnMap: { 扣款: 'evidence', 参考号: '__proto__' } });
    expect(t!.columns.map((c) => c.field)).toEqual(['occurredAt', 'kind', 'amount', null, 'rrn']);
  });

  it('makes a table the detector missed readable (headers it cannot place, values it cannot sniff)', () => {
    const odd = table('<th>A</th><th>B</th><th>C</th>', '<tr><td>2024-03-05 10:00:00</td><td>x1</td><td>12</td></tr>');
    expect(readPortalTables(odd, URL_, NOW)).toEqual([]);
    const [t] = readPortalTables(odd, URL_, NOW, { columnMap: { A: 'occurredAt', B: 'orderNo', C: 'amount' }, defaultCurrency: 'CNY' });
    expect(t!.rows[0]!.transaction).toMatchObject({ orderNo: 'x1', amount: { amount: '12.00', currency: 'CNY' } });
  });

  it('columns without a header are taught by position (#n)', () => {
    const bare = page(
      '<table><tbody><tr><td>2024-03-05 10:00:00</td><td>消费</td><td>100.00</td><td>0.60</td><td>Z9</td></tr><tr><td>2024-03-05 11:00:00</td><td>消费</td><td>200.00</td><td>1.20</td><td>Z8</td></tr></tbody></table>',
    );
    const [t] = readPortalTables(bare, URL_, NOW, { columnMap: { '#5': 'terminalId' }, defaultCurrency: 'CNY' });
    expect(t!.rows.map((r) => r.transaction?.terminalId)).toEqual(['Z9', 'Z8']);
  });

  // every family: teach its fee column as null and its first unmapped... the fee disappears
  const ROOT = join(__dirname, '../../fixtures/portals');
  const fixtures = readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['demo', 'live'].includes(d.name))
    .flatMap((d) =>
      readdirSync(join(ROOT, d.name))
        .filter((f) => f.endsWith('.html'))
        .map((f) => [d.name, f] as const),
    );
  it.each(fixtures)('is honoured by the %s family (%s)', (family, file) => {
    const html = readFileSync(join(ROOT, family, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(ROOT, family, file.replace(/\.html$/, '.expected.json')), 'utf8')) as FixtureExpectation;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const plain = readPortalTables(doc, expected.url, expected.now, expected.options);
    const amountHeader = plain[0]!.columns.find((c) => c.field === 'amount')!.header;
    const taught = readPortalTables(doc, expected.url, expected.now, { ...expected.options, columnMap: { [amountHeader]: 'orderNo' } });
    // the amount column is now an order number: no row can be read without an amount
    expect(taught.flatMap((t) => t.rows).every((r) => r.transaction === null || r.transaction.orderNo !== undefined)).toBe(true);
    expect(taught[0]?.columns.find((c) => c.header === amountHeader)?.field ?? 'orderNo').toBe('orderNo');
  });
});

describe('readPortalTablesChunked', () => {
  const rows = Array.from(
    { length: 1203 },
    (_, i) =>
      `<tr><td>2024-03-05 10:${String(i % 60).padStart(2, '0')}:00</td><td>消费</td><td>${(i + 1).toFixed(2)}</td><td>${String(100000000000 + i)}</td><td>6222021234567890${String(i % 1000).padStart(3, '0')}</td></tr>`,
  ).join('');
  const doc = table('<th>交易时间</th><th>交易类型</th><th>交易金额</th><th>参考号</th><th>卡号</th>', rows);

  it('gives the same tables as readPortalTables, yielding between slices', async () => {
    let yields = 0;
    const chunked = await readPortalTablesChunked(
      doc,
      URL_,
      NOW,
      {},
      {
        sliceRows: 100,
        yieldNow: async () => {
          yields++;
        },
      },
    );
    const plain = readPortalTables(doc, URL_, NOW);
    expect(chunked.map((t) => t.rows.map((r) => r.transaction))).toEqual(plain.map((t) => t.rows.map((r) => r.transaction)));
    expect(chunked[0]!.rows).toHaveLength(1203);
    expect(yields).toBeGreaterThanOrEqual(24); // 1203 rows read + 1203 built, every 100
    // full card numbers are masked before anything leaves the reader
    for (const r of chunked[0]!.rows) expect(r.transaction!.evidence.cells['卡号']).toMatch(/^622202\*{9}\d{4}$/);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    const out = await readPortalTablesChunked(doc, URL_, NOW, {}, { sliceRows: 100, yieldNow: async () => ac.abort(), signal: ac.signal });
    expect(out).toEqual([]);
  });

  it('does no reading on a page without any table', async () => {
    const none = page('<div><p>商户号：898310048990001</p><ul><li>交易查询</li></ul></div>');
    expect(mayHoldTables(none)).toBe(false);
    expect(await readPortalTablesChunked(none, URL_, NOW)).toEqual([]);
  });
});
