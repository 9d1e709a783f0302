// SettleGuard JSON: contracts are validated; an invalid one is reported by index and field and not stored.
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../lib/statements/index';
import type { Contract } from '../../../lib/model';

const file = (doc: unknown, name = 'contracts.json') => ({ name, bytes: new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc)) });

const VALID: Contract = {
  id: 'lakala-2024',
  label: '拉卡拉 2024',
  merchantId: '822100058120001',
  currency: 'CNY',
  effectiveFrom: '2024-01-01',
  settleCycle: 'T1',
  calendar: 'CN',
  rules: [
    { cardType: 'debit', percent: '0.5', cap: '20' },
    { cardType: 'any', percent: '0.6' },
  ],
  surcharges: [{ when: 'keyed', percent: '0.1' }],
  periodicFees: [{ label: '流量费', amount: '48', every: 'year' }],
};

describe('settleguard JSON', () => {
  it('reads valid contracts', async () => {
    const r = await parseStatement(file({ settleguard: 1, contracts: [VALID] }));
    expect(r.format).toBe('settleguard');
    expect(r.lines).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.contracts).toEqual([VALID]);
  });

  const invalid: { description: string; patch: Record<string, unknown>; field: string }[] = [
    { description: 'percent as a JSON number', patch: { rules: [{ cardType: 'any', percent: 0.6 }] }, field: 'contracts[1].rules[0].percent' },
    { description: 'missing currency', patch: { currency: undefined }, field: 'contracts[1].currency' },
    { description: 'impossible date', patch: { effectiveFrom: '2024-02-30' }, field: 'contracts[1].effectiveFrom' },
    { description: 'cap not a decimal', patch: { rules: [{ cardType: 'debit', percent: '0.5', cap: '20元' }] }, field: 'contracts[1].rules[0].cap' },
    { description: 'unknown settle cycle', patch: { settleCycle: 'T7' }, field: 'contracts[1].settleCycle' },
    { description: 'unknown card type', patch: { rules: [{ cardType: 'gold', percent: '0.5' }] }, field: 'contracts[1].rules[0].cardType' },
    { description: 'fixed fee negative', patch: { rules: [{ cardType: 'any', percent: '0.5', fixed: '-1' }] }, field: 'contracts[1].rules[0].fixed' },
  ];
  it.each(invalid)('an invalid contract ($description) is reported and left out; the valid one stays', async ({ patch, field }) => {
    const bad = { ...VALID, id: 'bad', ...patch };
    const r = await parseStatement(file({ settleguard: 1, contracts: [VALID, bad] }));
    expect(r.contracts).toEqual([VALID]);
    const errors = r.issues.filter((i) => i.level === 'error');
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors[0]!.message).toMatch(/contract #2/);
  });

  it('a file with only the envelope is fine', async () => {
    const r = await parseStatement(file({ settleguard: 1 }));
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([]);
  });

  it('broken JSON and foreign JSON say what was expected', async () => {
    const broken = await parseStatement(file('{"settleguard": 1, "contracts": ['));
    expect(broken.issues[0]).toMatchObject({ level: 'error', code: 'bad_json' });
    const foreign = await parseStatement(file({ hello: 'world' }));
    expect(foreign.issues[0]).toMatchObject({ level: 'error' });
    expect(foreign.issues[0]!.message).toMatch(/settleguard/);
    const future = await parseStatement(file({ settleguard: 2 }));
    expect(future.issues[0]).toMatchObject({ level: 'error', code: 'unsupported_version' });
  });
});
