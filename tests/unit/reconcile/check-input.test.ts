// reconcile()'s input checks (index.ts checkInput): a net that does not add up, a fee in another
// currency, fee rows without a contract. Most rows are decided on the row index's cents columns
// without reading the row; these cases sit on both sides of that shortcut.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import type { PortalTransaction } from '../../../lib/model';
import { input, txn } from '../../fixtures/scenarios/builders';

const at = (i: number) => `2026-03-02T10:${String(i).padStart(2, '0')}:00`;
const issuesOf = (transactions: PortalTransaction[], contracts?: []) =>
  reconcile(input({ transactions, ...(contracts && { contracts }) }))
    .issues.filter((i) => i.code !== 'calendar_coverage')
    .map((i) => [i.code, i.raw ?? ''])
    .sort();

describe('checkInput', () => {
  it('a net off by more than the tolerance is an issue, within it or exact is not (whole cents and not)', () => {
    const rows = [
      txn({ id: 'exact', amount: '100.00', fee: '0.60', net: '99.40', occurredAt: at(1) }),
      txn({ id: 'within', amount: '100.00', fee: '0.60', net: '99.41', occurredAt: at(2) }),
      txn({ id: 'off', amount: '100.00', fee: '0.60', net: '99.42', occurredAt: at(3) }),
      txn({ id: 'off-below', amount: '100.00', fee: '0.60', net: '99.38', occurredAt: at(4) }),
      txn({ id: 'thirds', amount: '100.005', fee: '0.605', net: '99.400', occurredAt: at(5) }),
      txn({ id: 'thirds-off', amount: '100.005', fee: '0.605', net: '99.420', occurredAt: at(6) }),
      txn({ id: 'extra', amount: '100.00', fee: '0.60', net: '97.40', extraFees: [{ label: '秒到费', amount: '2.00' }], occurredAt: at(7) }),
      txn({ id: 'extra-off', amount: '100.00', fee: '0.60', net: '99.40', extraFees: [{ label: '秒到费', amount: '2.00' }], occurredAt: at(8) }),
    ];
    expect(issuesOf(rows)).toEqual(
      [
        ['net_inconsistent', 'off'],
        ['net_inconsistent', 'off-below'],
        ['net_inconsistent', 'thirds-off'],
        ['net_inconsistent', 'extra-off'],
      ].sort(),
    );
  });
  it('a fee in another currency is an issue; fee rows without any contract are one', () => {
    const usdFee = { ...txn({ id: 'usd-fee', amount: '100.00', net: '99.40', occurredAt: at(1) }), fee: { amount: '0.10', currency: 'USD' } };
    expect(issuesOf([usdFee])).toEqual([['fee_currency_mismatch', 'usd-fee']]);
    // the one fee row is consistent: counted as a fee row all the same
    expect(issuesOf([txn({ id: 'a', amount: '100.00', fee: '0.60', net: '99.40', occurredAt: at(1) })], [])).toEqual([['no_contract', '']]);
    expect(issuesOf([txn({ id: 'a', amount: '100.00', occurredAt: at(1) })], [])).toEqual([]);
  });
});
