// The contract clause "a refund gives the sale's fee back" (Contract.feeReturnedOnRefund):
// read when given as a boolean, left out when absent, refused with its field named otherwise.
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../lib/statements/index';
import type { Contract } from '../../../lib/model';

const file = (doc: unknown) => ({ name: 'contracts.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) });
const BASE: Contract = {
  id: 'c1',
  label: '拉卡拉 2026',
  currency: 'CNY',
  effectiveFrom: '2026-01-01',
  settleCycle: 'T1',
  calendar: 'CN',
  rules: [{ cardType: 'any', percent: '0.6' }],
  periodicFees: [],
};

describe('contract feeReturnedOnRefund', () => {
  it.each([true, false])('reads %s', async (v) => {
    const r = await parseStatement(file({ settleguard: 1, contracts: [{ ...BASE, feeReturnedOnRefund: v }] }));
    expect(r.issues).toEqual([]);
    expect(r.contracts).toEqual([{ ...BASE, feeReturnedOnRefund: v }]);
  });

  it('leaves it out when the contract does not say', async () => {
    const r = await parseStatement(file({ settleguard: 1, contracts: [BASE] }));
    expect(r.contracts?.[0]).not.toHaveProperty('feeReturnedOnRefund');
  });

  it('refuses a value that is not true or false, naming the field', async () => {
    const r = await parseStatement(file({ settleguard: 1, contracts: [{ ...BASE, feeReturnedOnRefund: 'yes' }] }));
    expect(r.contracts ?? []).toEqual([]);
    const err = r.issues.find((i) => i.level === 'error');
    expect(err?.field).toBe('contracts[0].feeReturnedOnRefund');
    expect(err?.message).toMatch(/expected true, false/);
  });
});
