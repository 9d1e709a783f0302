// 对账单 / 结算明细 (拉卡拉, 银联商务…) → PortalTransactions through the portal table reader, so a row
// captured on the portal and the same row imported from the file are one transaction.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseStatementSync } from '../../../lib/statements/index';
import { splitCsv } from '../../../lib/statements/support/csv-split';
import { readPortalTables } from '../../../lib/portals/index';
import { classifyHeader } from '../../../lib/portals/columns';
import { FIXTURES, expectWellFormedAcquirer, expectedFor, project, readFixture, text } from './acquirer-helpers';

const F = 'cn-settlement/lakala-duizhangdan.csv';

describe('cn-settlement', () => {
  for (const f of [F, 'cn-settlement/lakala-duizhangdan-gbk.csv', 'cn-settlement/chinaums-fen.csv']) {
    it(`${f} reads as its expected JSON`, () => {
      const r = readFixture(f);
      expect(project(r)).toEqual(expectedFor(f));
      expectWellFormedAcquirer(r);
    });
  }

  it('the GBK twin gives the same transactions and ids', () => {
    const utf8 = readFixture(F);
    const gbk = readFixture('cn-settlement/lakala-duizhangdan-gbk.csv');
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.transactions!.map((t) => t.id)).toEqual(utf8.transactions!.map((t) => t.id));
    expect(gbk.transactions!.map((t) => t.evidence.cells)).toEqual(utf8.transactions!.map((t) => t.evidence.cells));
  });

  it('types and signs by 交易类型 (DOMAIN.md §1.2); 秒到手续费 is an extra fee; full card numbers are masked', () => {
    const r = readFixture(F);
    expect(r.transactions!.map((t) => `${t.kind} ${t.amount.amount}`)).toEqual([
      'sale 1000.00',
      'sale 200.00',
      'void -200.00',
      'sale 500.00',
      'sale 88.00',
      'refund -50.00',
    ]);
    expect(r.transactions![3]!.extraFees).toEqual([{ label: '秒到手续费', amount: { amount: '2.00', currency: 'CNY' } }]);
    expect(r.transactions![0]!.evidence.cells['卡号']).toBe('622202*********0123');
    expect(JSON.stringify(r.transactions)).not.toContain('6222021234567890123');
  });

  it('the bad row is an error on its line; the 合计 row is reported, never a transaction', () => {
    const r = readFixture(F);
    expect(r.issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'amount_unreadable', line: 12, raw: 'abc' }),
      expect.objectContaining({ level: 'warning', code: 'summary_ignored' }),
    ]);
    expect(r.issues[1]!.message).toContain('line 13');
  });

  it('a row captured on the portal and the same row from the 对账单 get the same id', () => {
    const doc = document.implementation.createHTMLDocument('交易查询');
    doc.body.innerHTML = `<p>商户号：822100050000001</p><table><thead><tr>
      <th>交易时间</th><th>交易类型</th><th>交易金额(元)</th><th>手续费(元)</th><th>结算金额(元)</th><th>卡号</th><th>终端号</th><th>批次号</th><th>凭证号</th><th>参考号</th><th>订单号</th></tr></thead><tbody>
      <tr><td>2024-03-05 14:30:05</td><td>消费</td><td>1,000.00</td><td>5.00</td><td>995.00</td><td>622202*********0123</td><td>12345678</td><td>000001</td><td>000101</td><td>403051234567</td><td></td></tr>
      <tr><td>2024-03-06 09:30:00</td><td>消费</td><td>500.00</td><td>3.00</td><td>495.00</td><td>436742******1234</td><td>12345678</td><td>000002</td><td>000104</td><td></td><td></td></tr>
      <tr><td>2024-03-06 10:15:00</td><td>微信消费</td><td>88.00</td><td>0.33</td><td>87.67</td><td></td><td>87654321</td><td></td><td></td><td></td><td>LKL202403061015000001</td></tr>
      <tr><td>2024-03-07 11:00:00</td><td>退货</td><td>50.00</td><td>-0.30</td><td>-49.70</td><td>622202******0123</td><td>12345678</td><td>000003</td><td>000001</td><td>403071111111</td><td></td></tr>
      </tbody></table>`;
    const captured = readPortalTables(doc, 'https://s.lakala.com/trade/query', '2024-03-09T08:00:00Z').flatMap((t) => t.rows.map((r) => r.transaction));
    const fromFile = new Map(readFixture(F).transactions!.map((t) => [t.id, t]));
    expect(captured).toHaveLength(4);
    for (const t of captured) {
      expect(t).not.toBeNull();
      const same = fromFile.get(t!.id);
      expect(same, `${t!.occurredAt} ${t!.amount.amount}`).toBeDefined();
      expect(same!.amount).toEqual(t!.amount);
      expect(same!.kind).toBe(t!.kind);
    }
  });

  it('amounts in 分: by the header, by 单位：分, or by an integer-cents file', () => {
    const head = '商户号,终端号,交易日期,交易类型,交易金额(分),手续费(分),结算金额(分),参考号';
    const byHeader = parseStatementSync(text('a.csv', [head, '822100050000001,12345678,20240305,消费,10000,60,9940,403051234567']));
    expect(byHeader.transactions![0]).toMatchObject({ amount: { amount: '100.00', currency: 'CNY' }, fee: { amount: '0.60' }, net: { amount: '99.40' } });
    expect(byHeader.issues).toEqual([]);
    const byUnit = parseStatementSync(
      text('b.csv', ['单位：分', head.replace(/\(分\)/g, ''), '822100050000001,12345678,20240305,消费,10000,60,9940,403051234567']),
    );
    expect(byUnit.transactions![0]!.amount.amount).toBe('100.00');
    const yuan = parseStatementSync(text('c.csv', [head.replace(/\(分\)/g, ''), '822100050000001,12345678,20240305,消费,100,0,100,403051234567']));
    expect(yuan.transactions![0]!.amount.amount).toBe('100.00'); // integers with a zero fee: not evidence of 分
    expect(readFixture('cn-settlement/chinaums-fen.csv').issues).toEqual([expect.objectContaining({ level: 'warning', code: 'amounts_in_fen' })]);
  });

  it('the XLSX export reads like the CSV', () => {
    const rows = splitCsv(readFileSync(path.join(FIXTURES, F), 'utf8')).rows;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '交易明细');
    const x = parseStatementSync({ name: '对账单.xlsx', bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) });
    expect(x.format).toBe('cn-settlement');
    expect(x.transactions!.map((t) => t.id)).toEqual(readFixture(F).transactions!.map((t) => t.id));
  });

  it('a bank statement is not taken for a 对账单', () => {
    const r = parseStatementSync(text('bank.csv', ['交易日期,摘要,金额,余额,流水号', '20240306,拉卡拉结算,1527.27,5000.00,A1']));
    expect(r.format).not.toBe('cn-settlement');
  });

  // The detector skips rows with fewer than five cells that have a letter or a CJK character,
  // which holds only while no header synonym is made of digits and ASCII punctuation alone.
  it('a cell of digits, spaces and ASCII punctuation names no column (what the detector relies on)', () => {
    const digitsAndPunctuation = fc.string({ unit: fc.constantFrom(...'0123456789 .,:;/\\-+_()[]*#%&=@!?~^|<>"\'$`{}'.split('')), maxLength: 20 });
    fc.assert(
      fc.property(digitsAndPunctuation, (cell) => {
        // '#' names the row-number column, which no settlement header needs
        expect([null, 'index']).toContain(classifyHeader(cell.trim()).role);
      }),
      { numRuns: 2000 },
    );
    for (const cell of ['2024-03-05', '14:30:05', '-1,527.27', '20240305', '#', '(1)']) expect([null, 'index']).toContain(classifyHeader(cell).role);
  });

  it('never throws on garbled GBK rows', () => {
    const cell = fc.constantFrom('', '消费', '退货', '撤销', '1,000.00', 'abc', '20240305', '143005', '合计', '622202******0123', '000001', '-', '¥3');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { maxLength: 12 }), (rows) => {
        const lines = ['商户号,终端号,交易日期,交易时间,交易类型,交易金额,手续费,参考号', ...rows.map((c) => c.join(','))];
        const r = parseStatementSync({ name: 'x.csv', bytes: new Uint8Array(iconv.encode(lines.join('\r\n'), 'gbk')) });
        expectWellFormedAcquirer(r);
      }),
      { numRuns: 150 },
    );
  });
});
