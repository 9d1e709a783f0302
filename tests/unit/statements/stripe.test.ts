// Stripe reports → PortalTransactions: payout reconciliation and balance-change itemized reports.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStatement, parseStatementSync } from '../../../lib/statements/index';
import { parseStripe } from '../../../lib/statements/stripe';
import { decodeBytes } from '../../../lib/statements/decode';
import { sum } from '../../../lib/money';
import { expectWellFormedAcquirer, expectedFor, fixture, project, readFixture, text } from './acquirer-helpers';

const HEADER =
  'automatic_payout_id,automatic_payout_effective_at,balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,charge_id,card_funding,card_country';

describe('stripe', () => {
  for (const f of ['stripe/payout_reconciliation_itemized.csv', 'stripe/balance_change_from_activity.csv']) {
    it(`${f} reads as its expected JSON`, () => {
      const r = readFixture(f);
      expect(project(r)).toEqual(expectedFor(f));
      expectWellFormedAcquirer(r);
    });
  }

  it('a bad row is an issue with its line, never a transaction with a made-up value', () => {
    const r = readFixture('stripe/payout_reconciliation_itemized.csv');
    expect(r.transactions).toHaveLength(5);
    expect(r.issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'bad_amount', line: 7, raw: '12.5O' }),
      expect.objectContaining({ level: 'error', code: 'bad_date', line: 8 }),
    ]);
    expect(r.transactions!.map((t) => t.evidence.url)).not.toContain('file:payout_reconciliation_itemized.csv#L7');
  });

  it("the payout is the sum of its rows' net (DOMAIN.md §3.2, worked example 7)", () => {
    const r = readFixture('stripe/payout_reconciliation_itemized.csv');
    const po = r.transactions!.filter((t) => t.payoutId === 'po_1OqA');
    expect(
      sum(
        po.map((t) => t.net!),
        'USD',
      ).amount,
    ).toBe('68.77');
  });

  it('the id is the balance transaction: the same txn_ in another report or a re-import is the same row', () => {
    const a = parseStatementSync(text('a.csv', [HEADER, 'po_1,2024-03-08,txn_X,2024-03-05 10:00:00,usd,10.00,0.59,9.41,charge,ch_1,ch_1,credit,US']));
    const b = parseStatementSync(
      text('b.csv', [
        'balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id',
        'txn_X,2024-03-05 10:00:00,2024-03-07,usd,10.00,0.59,9.41,charge,ch_1',
      ]),
    );
    expect(a.format).toBe('stripe');
    expect(b.format).toBe('stripe');
    expect(a.transactions![0]!.id).toBe(b.transactions![0]!.id);
    expect(a.transactions![0]!.amount).toEqual({ amount: '10.00', currency: 'USD' });
  });

  it('a card issued outside the account country is foreign when the caller knows the country', () => {
    const file = decodeBytes(
      'x.csv',
      new TextEncoder().encode(
        [
          HEADER,
          'po_1,2024-03-08,txn_1,2024-03-05 10:00:00,usd,10.00,0.59,9.41,charge,ch_1,ch_1,credit,GB',
          'po_1,2024-03-08,txn_2,2024-03-05 11:00:00,usd,10.00,0.59,9.41,charge,ch_2,ch_2,debit,US',
        ].join('\n'),
      ),
    );
    expect(parseStripe(file, { accountCountry: 'us' }).transactions!.map((t) => t.cardType)).toEqual(['foreign', 'debit']);
    expect(parseStripe(file).transactions!.map((t) => [t.cardType, t.cardCountry])).toEqual([
      ['credit', 'GB'],
      ['debit', 'US'],
    ]);
  });

  it('evidence keeps every cell under its header, ids unmasked', () => {
    const t = readFixture('stripe/payout_reconciliation_itemized.csv').transactions![0]!;
    expect(t.evidence).toMatchObject({ url: 'file:payout_reconciliation_itemized.csv#L2', capturedAt: '', sha256: '' });
    expect(t.evidence.cells).toMatchObject({ balance_transaction_id: 'txn_001', currency: 'usd', gross: '100.00', reporting_category: 'charge' });
  });

  it('a file without the report header is rejected with what was expected', async () => {
    const r = await parseStatement(fixture('stripe/payout_reconciliation_itemized.csv'));
    expect(r.kind).toBe('acquirer');
    const bad = parseStripe(decodeBytes('x.csv', new TextEncoder().encode('a,b\n1,2\n')));
    expect(bad.issues[0]).toMatchObject({ level: 'error', code: 'no_header' });
    expect(bad.transactions).toEqual([]);
  });

  it('never throws on garbled rows, and every data row is a transaction or an issue', () => {
    const cell = fc.constantFrom('', 'x', '10.00', '-3.1', 'usd', 'charge', 'refund', '2024-03-05 10:00:00', '2024-13-01', 'txn_1', 'po_1');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 13, maxLength: 13 }), { maxLength: 15 }), (rows) => {
        const r = parseStatementSync(text('s.csv', [HEADER, ...rows.map((c) => c.join(','))]));
        expectWellFormedAcquirer(r);
        const covered = new Set([...(r.transactions ?? []).map((t) => Number(t.evidence.url.split('#L')[1])), ...r.issues.map((i) => i.line)]);
        rows.forEach((c, i) => {
          if (c.some((x) => x !== '')) expect(covered.has(i + 2), `line ${i + 2}`).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
