import { describe, expect, it } from 'vitest';
import { cashierRecord, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const p = (id: string, time: string, over: Partial<Parameters<typeof txn>[0]> = {}) =>
  txn({ id, amount: '120.00', fee: '0.72', occurredAt: `2026-03-02T${time}`, cardLast4: '4321', terminalId: 'T1', ...over });
const c = (id: string, time: string, over: Partial<Parameters<typeof cashierRecord>[0]> = {}) =>
  cashierRecord({ id, amount: '120.00', occurredAt: `2026-03-02T${time}`, cardLast4: '4321', terminalId: 'T1', ...over });

const mustNot: NegativeCase[] = [
  { description: 'the acquirer has it', input: input({ transactions: [p('a', '10:00:00')], cashier: [c('k', '10:01:00')] }) },
  {
    description: "cash sales are not the acquirer's",
    input: input({ transactions: [p('a', '10:00:00')], cashier: [c('k', '10:01:00'), c('cash', '11:00:00', { tender: 'cash', amount: '33.00' })] }),
  },
  {
    description: 'no portal rows that day',
    input: input({ transactions: [p('a', '10:00:00')], cashier: [c('k', '10:01:00'), c('k2', '10:00:00', { occurredAt: '2026-03-05T10:00:00' })] }),
  },
  {
    description: 'before T+1',
    input: input({ asOf: '2026-03-02', transactions: [p('a', '10:00:00')], cashier: [c('k', '10:01:00'), c('k2', '14:00:00', { amount: '50.00' })] }),
  },
  {
    description: 'the portal shows it failed (status_mismatch owns it)',
    input: input({
      transactions: [p('a', '10:00:00'), p('f', '14:00:00', { amount: '50.00', status: 'failed' })],
      cashier: [c('k', '10:01:00'), c('k2', '14:00:30', { amount: '50.00' })],
    }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'a card sale in the cashier that the acquirer never shows',
    input: input({ transactions: [p('a', '10:00:00')], cashier: [c('k', '10:01:00'), c('k2', '14:00:00', { amount: '50.00' })] }),
    expected: [{ atStake: '50.00', severity: 'suspect' }],
  },
];

describe('missing_at_acquirer', () => {
  for (const x of mustNot) it(`no finding: ${x.description}`, () => expect(findingsOf('missing_at_acquirer', x.input)).toEqual([]));
  for (const x of must) {
    it(`finding: ${x.description}`, () => {
      const got = findingsOf('missing_at_acquirer', x.input);
      expect(got.map((f) => ({ atStake: f.atStake?.amount, severity: f.severity }))).toEqual(x.expected);
      expect(got[0]!.cashierIds).toEqual(['k2']);
    });
  }
});
