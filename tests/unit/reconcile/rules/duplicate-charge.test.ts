import { describe, expect, it } from 'vitest';
import { cashierRecord, input, txn, type TxnSpec } from '../../../fixtures/scenarios/builders';
import { findingsOf, summarize, type NegativeCase, type PositiveCase } from '../helpers';

const sale = (id: string, time: string, over: Partial<TxnSpec> = {}) =>
  txn({ id, amount: '88.00', fee: '0.53', occurredAt: `2026-03-02T${time}`, terminalId: '12345678', cardLast4: '0085', rrn: `rrn-${id}`, ...over });

const mustNot: NegativeCase[] = [
  { description: 'one sale', input: input({ transactions: [sale('a', '12:01:10')] }) },
  {
    description: 'same rrn twice (the same row from two captures)',
    input: input({ transactions: [sale('a', '12:01:10', { rrn: 'X' }), sale('b', '12:02:05', { rrn: 'X' })] }),
  },
  { description: 'different cards', input: input({ transactions: [sale('a', '12:01:10'), sale('b', '12:02:05', { cardLast4: '1111' })] }) },
  { description: 'different terminals', input: input({ transactions: [sale('a', '12:01:10'), sale('b', '12:02:05', { terminalId: '99999999' })] }) },
  { description: 'different amounts', input: input({ transactions: [sale('a', '12:01:10'), sale('b', '12:02:05', { amount: '88.01' })] }) },
  { description: 'one of them failed', input: input({ transactions: [sale('a', '12:01:10'), sale('b', '12:02:05', { status: 'failed' })] }) },
  {
    description: 'a sale and its void',
    input: input({ transactions: [sale('a', '12:01:10'), sale('b', '12:02:05', { amount: '-88.00', kind: 'void', originalRef: 'rrn-a' })] }),
  },
  { description: 'without cashier: more than an hour apart', input: input({ transactions: [sale('a', '12:01:10'), sale('b', '13:01:11')] }) },
  {
    description: 'cashier shows two sales of 88.00 (two real coffees)',
    input: input({
      transactions: [sale('a', '12:01:10'), sale('b', '12:02:05')],
      cashier: [
        cashierRecord({ id: 'c1', amount: '88.00', occurredAt: '2026-03-02T12:01:00', cardLast4: '0085' }),
        cashierRecord({ id: 'c2', amount: '88.00', occurredAt: '2026-03-02T12:01:58', cardLast4: '0085' }),
      ],
    }),
  },
  {
    description: 'no card number (QR): cannot tell the payer',
    input: input({
      transactions: [
        sale('a', '12:01:10', { cardLast4: undefined, cardType: 'qr_wechat' }),
        sale('b', '12:02:05', { cardLast4: undefined, cardType: 'qr_wechat' }),
      ],
    }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'DOMAIN §3.4 example 5: cashier has one 88.00 sale → overcharge, the later row is the duplicate',
    input: input({
      transactions: [sale('a', '12:01:10'), sale('b', '12:02:05')],
      cashier: [cashierRecord({ id: 'c1', amount: '88.00', occurredAt: '2026-03-02T12:01:00', cardLast4: '0085' })],
    }),
    expected: [{ atStake: '88.00', severity: 'overcharge', transactionIds: ['b', 'a'] }],
  },
  {
    description: 'no cashier data: possible duplicate within an hour → suspect',
    input: input({ transactions: [sale('a', '12:01:10'), sale('b', '12:40:00')] }),
    expected: [{ atStake: '88.00', severity: 'suspect', transactionIds: ['b', 'a'] }],
  },
  {
    description: 'cashier contradicts but 20 minutes apart → suspect only',
    input: input({
      transactions: [sale('a', '12:01:10'), sale('b', '12:21:10')],
      cashier: [cashierRecord({ id: 'c1', amount: '88.00', occurredAt: '2026-03-02T12:01:00', cardLast4: '0085' })],
    }),
    expected: [{ atStake: '88.00', severity: 'suspect', transactionIds: ['b', 'a'] }],
  },
  {
    description: 'three swipes, cashier has one → two duplicates',
    input: input({
      transactions: [sale('a', '12:01:10'), sale('b', '12:01:40'), sale('c', '12:02:30')],
      cashier: [cashierRecord({ id: 'c1', amount: '88.00', occurredAt: '2026-03-02T12:01:00', cardLast4: '0085' })],
    }),
    expected: [
      { atStake: '88.00', severity: 'overcharge', transactionIds: ['b', 'a'] },
      { atStake: '88.00', severity: 'overcharge', transactionIds: ['c', 'a'] },
    ],
  },
];

describe('duplicate_charge', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('duplicate_charge', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      const got = summarize(findingsOf('duplicate_charge', c.input));
      expect(got.map((g) => ({ atStake: g.atStake, severity: g.severity, transactionIds: g.transactionIds }))).toEqual(c.expected);
    });
  }
  it('explains itself with both references and the cashier count', () => {
    const [f] = findingsOf('duplicate_charge', must[0]!.input);
    expect(f!.explanation.key).toBe('finding.duplicate_charge');
    expect(f!.explanation.params).toMatchObject({
      rrn: 'rrn-b',
      originalRrn: 'rrn-a',
      secondsApart: '55',
      cashierCount: '1',
      portalCount: '2',
      basis: 'cashier',
      amount: '88.00',
    });
    expect(f!.cashierIds).toEqual(['c1']);
  });
});
