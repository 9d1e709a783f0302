// The row index (lib/reconcile/row-index.ts): each column equals what its row says, read the slow
// way, and a value that is not whole cents is the NaN marker that sends readers to Decimal.
import { describe, expect, it } from 'vitest';
import { localDateTimeMs } from '../../../lib/dates';
import { centsOf } from '../../../lib/money';
import type { PortalTransaction } from '../../../lib/model';
import { makeContext } from '../../../lib/reconcile/context';
import { normaliseId } from '../../../lib/reconcile/keys';
import { CARD, CARD_TYPES, FLAG, KIND, OTHER_CODE, STATUS, buildRowIndex, isCancellingCode, positionOf, type RowIndex } from '../../../lib/reconcile/row-index';
import { isCancelling } from '../../../lib/reconcile/settlement-groups';
import { buildScaleInput } from '../../bench/reconcile-input';
import { input, txn } from '../../fixtures/scenarios/builders';
import { generateScenario } from '../../fixtures/scenarios/generator';

/** Every column of row i against its row, read field by field. */
function expectColumnsOf(rows: RowIndex, i: number): void {
  const t = rows.rows[i]!;
  const cur = t.amount.currency;
  const cents = (m: PortalTransaction['fee']) => (m && m.currency === cur ? (centsOf(m.amount) ?? NaN) : NaN);
  expect(rows.amountCents[i]).toBe(centsOf(t.amount.amount) ?? NaN);
  expect(rows.feeCents[i]).toBe(cents(t.fee));
  expect(rows.netCents[i]).toBe(cents(t.net));
  expect(rows.epochSeconds[i]).toBe(localDateTimeMs(t.occurredAt) / 1000);
  expect(rows.day[i]).toBe(t.occurredAt.slice(0, 10));
  expect(rows.kind[i]).toBe(KIND[t.kind] ?? OTHER_CODE);
  expect(rows.status[i]).toBe(STATUS[t.status]);
  expect(rows.cardType[i]).toBe(CARD[t.cardType]);
  expect(rows.flags[i]! & FLAG.instant).toBe(t.settleCycle === 'D0' || t.settleCycle === 'T0' ? FLAG.instant : 0);
  expect(rows.flags[i]! & FLAG.hasNet).toBe(t.net?.currency === cur ? FLAG.hasNet : 0);
  expect(rows.flags[i]! & FLAG.hasFee).toBe(t.fee?.currency === cur ? FLAG.hasFee : 0);
  expect(rows.terminalId[i]).toBe(normaliseId('terminal', t.terminalId));
  expect(rows.merchantId[i]).toBe(normaliseId('merchant', t.merchantId));
  expect(rows.terminals[rows.terminalCode[i]!]).toBe(rows.terminalId[i]);
  expect(rows.merchants[rows.merchantCode[i]!]).toBe(rows.merchantId[i]);
  expect(rows.cardLast4[i]).toBe(normaliseId('card', t.cardLast4));
  expect(rows.currencies[rows.currency[i]!]).toBe(cur);
  const respelled = (t.terminalId ?? '') !== rows.terminalId[i] || (t.merchantId ?? '') !== rows.merchantId[i];
  expect(rows.flags[i]! & FLAG.respelledId).toBe(respelled ? FLAG.respelledId : 0);
  expect(positionOf(rows, t)).toBe(i);
  expect(rows.flags[i]! & FLAG.hasCard).toBe(t.cardLast4 ? FLAG.hasCard : 0);
}

describe('row index', () => {
  it('ctx.rows describes ctx.transactions, column by column (a scenario month and the bench chain)', () => {
    for (const inp of [generateScenario({ seed: 43 }).input, buildScaleInput(2000, 7).input]) {
      const ctx = makeContext(inp);
      expect(ctx.rows.rows).toBe(ctx.transactions);
      expect(ctx.rows.count).toBe(ctx.transactions.length);
      for (let i = 0; i < ctx.rows.count; i++) expectColumnsOf(ctx.rows, i);
      // each id, and each currency, has one code
      for (const values of [ctx.rows.terminals, ctx.rows.merchants, ctx.rows.currencies]) expect(new Set(values).size).toBe(values.length);
      // the memory order names every kept row once
      const seen = [...ctx.rows.memory.at].filter((i) => i >= 0).sort((a, b) => a - b);
      expect(seen).toEqual(ctx.transactions.map((_, i) => i));
    }
  });

  it('amounts that are not whole cents, other currencies and odd values are NaN or OTHER_CODE', () => {
    const rows = buildRowIndex([
      txn({ id: 'a', amount: '12.345', fee: '0.07', net: '12.275', occurredAt: '2026-03-02T10:00:00' }),
      txn({ id: 'b', amount: '99999999999999999.99', fee: '1.00', occurredAt: '2026-03-02T10:01:00' }),
      {
        ...txn({ id: 'c', amount: '10.00', fee: '0.06', net: '9.94', occurredAt: 'garbled' }),
        fee: { amount: '0.06', currency: 'USD' },
        kind: 'bogus' as PortalTransaction['kind'],
      },
      txn({ id: 'd', amount: '-5', occurredAt: '2026-03-03T08:00:00', settleCycle: 'D0', terminalId: ' 0012345 ', rrn: ' 000000000001', cardLast4: '1234 ' }),
    ]);
    expect([...rows.amountCents]).toEqual([NaN, NaN, 1000, -500]);
    expect([...rows.feeCents]).toEqual([7, 100, NaN, NaN]);
    expect([...rows.netCents]).toEqual([NaN, NaN, 994, NaN]);
    expect(rows.flags[2]! & FLAG.hasFee).toBe(0); // a fee in another currency is not the row's fee
    expect(rows.flags[0]! & FLAG.hasNet).toBe(FLAG.hasNet); // shown, though not whole cents
    expect(rows.kind[2]).toBe(OTHER_CODE);
    expect(Number.isNaN(rows.epochSeconds[2])).toBe(true);
    expect(rows.day).toEqual(['2026-03-02', '2026-03-02', 'garbled', '2026-03-03']);
    expect(rows.flags[3]! & FLAG.instant).toBe(FLAG.instant);
    // terminal numbers lose their padding (keys.ts)
    expect([rows.terminalId[3], rows.cardLast4[3]]).toEqual(['12345', '1234']);
    expect(rows.flags[3]! & FLAG.respelledId).toBe(FLAG.respelledId);
    expect(rows.currencies).toEqual(['CNY']);
    for (let i = 0; i < rows.count; i++) expectColumnsOf(rows, i);
  });

  it('currencies are numbered in the order met; a row is found by its position in any order', () => {
    const rows = buildRowIndex([
      txn({ id: 'a', amount: '1.00', occurredAt: '2026-03-02T10:00:00' }),
      txn({ id: 'b', amount: '1.00', currency: 'USD', occurredAt: '2026-03-01T10:00:00' }),
      txn({ id: 'c', amount: '1.00', occurredAt: '2026-03-02T10:00:00' }),
    ]);
    expect([...rows.currency]).toEqual([0, 1, 0]);
    expect(rows.currencies).toEqual(['CNY', 'USD']);
    expect(rows.rows.map((t) => positionOf(rows, t))).toEqual([0, 1, 2]);
    expect(positionOf(rows, txn({ id: 'a', amount: '1.00', occurredAt: '2026-03-02T10:00:00' }))).toBe(-1);
  });

  it('a row merged into its twin (two portals) has no place in the columns', () => {
    const sale = txn({ id: 'p1', amount: '50.00', rrn: 'R1', portal: 'a' });
    const twin = { ...sale, id: 'p2', portal: 'b' };
    const ctx = makeContext(input({ transactions: [sale, twin] }));
    expect(ctx.rows.count).toBe(1);
    expect([...ctx.rows.memory.at].filter((i) => i < 0)).toHaveLength(1);
  });
  it('the code tables read back: card types by code, the cancelling kinds as settlement-groups.ts isCancelling has them', () => {
    for (const [name, code] of Object.entries(CARD)) expect(CARD_TYPES[code]).toBe(name);
    expect(CARD_TYPES[OTHER_CODE]).toBeUndefined();
    for (const [name, code] of Object.entries(KIND))
      expect(isCancellingCode(code)).toBe(isCancelling(txn({ amount: '1.00', kind: name as PortalTransaction['kind'] })));
    expect(isCancellingCode(OTHER_CODE)).toBe(false);
  });
});
