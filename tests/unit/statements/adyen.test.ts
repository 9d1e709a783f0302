// Adyen settlement details report (CSV and XLSX) → PortalTransactions, one per report row.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { parseStatementSync } from '../../../lib/statements/index';
import { splitCsv } from '../../../lib/statements/support/csv-split';
import { Dec } from '../../../lib/money';
import type { PortalTransaction } from '../../../lib/model';
import { FIXTURES, expectWellFormedAcquirer, expectedFor, project, readFixture, text } from './acquirer-helpers';

const F = 'adyen/settlement_detail_report_batch_12.csv';
const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/acquirer');
const corpus = (name: string) => parseStatementSync({ name, bytes: new Uint8Array(readFileSync(path.join(CORPUS, name))) });

/** Σ net of the batch's rows other than its MerchantPayout, against that payout (DOMAIN.md §3.2). */
function batchBalance(txns: PortalTransaction[], batch: string): { rows: string; payout: string } {
  const inBatch = txns.filter((t) => t.payoutId === batch);
  const rows = inBatch.filter((t) => t.kind !== 'payout').reduce((a, t) => a.plus(t.net!.amount), new Dec(0));
  const payout = inBatch.filter((t) => t.kind === 'payout').reduce((a, t) => a.plus(t.net!.amount), new Dec(0));
  return { rows: rows.toFixed(2), payout: payout.neg().toFixed(2) };
}

describe('adyen', () => {
  it(`${F} reads as its expected JSON`, () => {
    const r = readFixture(F);
    expect(project(r)).toEqual(expectedFor(F));
    expectWellFormedAcquirer(r);
  });

  it('direction comes from the column: a Settled gross under Gross Debit is money out, and said so', () => {
    const r = readFixture(F);
    const quirk = r.transactions!.find((t) => t.evidence.url.endsWith('#L8'))!;
    expect(quirk).toMatchObject({ kind: 'sale', amount: { amount: '-30.00' } });
    expect(r.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'direction_unexpected', line: 8 }));
  });

  it('MerchantPayout is the payout, not a sale; the batch nets to it', () => {
    const r = readFixture(F);
    expect(r.transactions!.filter((t) => t.kind === 'payout').map((t) => t.amount.amount)).toEqual(['-10.60']);
    expect(batchBalance(r.transactions!, '12')).toEqual({ rows: '10.60', payout: '10.60' });
  });

  it('fee = Commission + Markup + Scheme Fees + Interchange; a bad amount is an issue, not a row', () => {
    const r = readFixture(F);
    expect(r.transactions![0]).toMatchObject({ fee: { amount: '2.90', currency: 'EUR' }, net: { amount: '97.10' } });
    expect(r.issues).toContainEqual(expect.objectContaining({ level: 'error', code: 'bad_amount', line: 7, raw: '9.7O' }));
    expect(r.transactions!.some((t) => t.evidence.url.endsWith('#L7'))).toBe(false);
  });

  it('Psp Reference stays whole in the evidence (a key, not a card number)', () => {
    const t = readFixture(F).transactions![0]!;
    expect(t.evidence.cells['Psp Reference']).toBe('8815000000000001');
  });

  it('the XLSX twin (blank rows and column before the table) gives the same transactions', () => {
    const rows = splitCsv(readFileSync(path.join(FIXTURES, F), 'utf8')).rows.filter((r) => r.some((c) => c));
    const ws = XLSX.utils.aoa_to_sheet([[], [], ...rows.map((r) => ['', ...r])]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Data');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const x = parseStatementSync({ name: 'settlement_detail_report_batch_12.xlsx', bytes });
    const c = readFixture(F);
    expect(x.format).toBe('adyen');
    expect(x.transactions!.map((t) => [t.id, t.kind, t.amount.amount, t.net?.amount])).toEqual(
      c.transactions!.map((t) => [t.id, t.kind, t.amount.amount, t.net?.amount]),
    );
  });

  it.runIf(readFileSyncSafe(CORPUS))('corpus: every OCA batch nets to its payout; the invalid .xls says why it is rejected', () => {
    const b48 = corpus('oca_adyen_settlement_detail_2016_48.xlsx');
    expect(batchBalance(b48.transactions!, '48')).toEqual({ rows: '23006.27', payout: '23006.27' });
    const b8 = corpus('oca_adyen_settlement_detail_credit_fees_2016_8.xlsx');
    const usd = b8.transactions!.filter((t) => t.net?.currency === 'USD');
    expect(batchBalance(usd, '8').rows).toBe(batchBalance(usd, '8').payout);
    const b238 = corpus('oca_adyen_settlement_detail_report_batch_238_no_payout.csv');
    expect(b238.transactions!.map((t) => [t.kind, t.amount.amount])).toEqual([
      ['adjustment', '454331.99'],
      ['fee', '-0.09'],
      ['adjustment', '-454331.90'],
    ]);
    const bad = corpus('oca_adyen_INVALID.xls');
    expect(bad.transactions).toEqual([]);
    expect(bad.issues).toEqual([expect.objectContaining({ level: 'error', code: 'not_adyen_settlement' })]);
    expect(bad.issues[0]!.message).toMatch(
      /not an Adyen settlement details file.*XLSX workbook named \.xls.*Company Account, Merchant Account, Psp Reference, Merchant Reference/,
    );
  });

  it('never throws on garbled rows', () => {
    const header = readFileSync(path.join(FIXTURES, F), 'utf8').split('\n')[0]!;
    const cell = fc.constantFrom('', 'EUR', '1.00', 'x', 'Settled', 'Fee', 'MerchantPayout', '2024-03-05 10:00:00', '12');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 32, maxLength: 32 }), { maxLength: 10 }), (rows) => {
        const r = parseStatementSync(text('a.csv', [header, ...rows.map((c) => c.join(','))]));
        expectWellFormedAcquirer(r);
        const covered = new Set([...(r.transactions ?? []).map((t) => Number(t.evidence.url.split('#L')[1])), ...r.issues.map((i) => i.line)]);
        rows.forEach((c, i) => {
          if (c.some((x) => x !== '')) expect(covered.has(i + 2), `line ${i + 2}`).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });
});

function readFileSyncSafe(dir: string): boolean {
  try {
    readFileSync(path.join(dir, 'oca_adyen_INVALID.xls'));
    return true;
  } catch {
    return false;
  }
}
