// The fast paths of reconcile() (issue 5 "Speed") against the slower code they stand in for:
// each must give exactly what the reference gives, on a moderately sized synthetic month and on
// generated edge cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateTimeMs } from '../../../lib/dates';
import type { CashierRecord, PortalTransaction, ReconcileInput } from '../../../lib/model';
import { reconcile } from '../../../lib/reconcile';
import { sortByTimeThenId, sortWithinBasis } from '../../../lib/reconcile/order';
import { keyedIds, writeId } from '../../../lib/reconcile/id-order';
import { makeContext } from '../../../lib/reconcile/context';
import { matchCashier, matchCashierReference } from '../../../lib/reconcile/matching';
import { buildSettlementGroups, makeOriginalIndex } from '../../../lib/reconcile/settlement';
import { settlementBothWays, settlementOptions } from './reference/settlement-decimal';
import { buildScaleInput } from '../../bench/reconcile-input';
import { cashierRecord, cnContract, input, txn } from '../../fixtures/scenarios/builders';
import { generateScenario } from '../../fixtures/scenarios/generator';

const byTimeThenId = <T extends { occurredAt: string; id: string }>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('localDateTimeMs = Date.parse(dt + "Z")', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  it('on date-times of the common shape, including days and times that do not exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        (y, mo, d, h, mi, s) => {
          const dt = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
          expect(localDateTimeMs(dt)).toBe(Date.parse(`${dt}Z`));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => {
        expect(localDateTimeMs(s)).toBe(Date.parse(`${s}Z`));
      }),
    );
    for (const s of [
      '2024-02-29T23:59:59',
      '2023-02-29T00:00:00',
      '1970-01-01T00:00:00',
      '1969-12-31T23:59:59',
      '2026-03-02T10:00',
      '2026-03-02',
      'yesterday',
      '2026-03-0aT10:00:00',
      '+2026-03-02T10:00:0',
    ]) {
      expect(localDateTimeMs(s)).toBe(Date.parse(`${s}Z`));
    }
  });
});

/**
 * `xs` as an InMemoryOrder: its rows shuffled (seeded), each with its index in `xs`, and a few
 * decoys (copies not in `xs`, index −1) that must be ignored.
 */
function shuffledOrder<T extends object>(xs: readonly T[], seed: number): { rows: T[]; at: Int32Array } {
  const order = xs.map((_, i) => i);
  for (let i = order.length - 1, s = seed; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const rows: T[] = [];
  const at: number[] = [];
  for (const i of order) {
    rows.push(xs[i]!);
    at.push(i);
    if (i % 3 === 0) {
      rows.push({ ...xs[i]!, id: `decoy-${i}` });
      at.push(-1);
    }
  }
  return { rows, at: Int32Array.from(at) };
}

describe('matchCashier = matchCashierReference', () => {
  it('on a synthetic chain of stores (2,000 portal rows, cashier records, many equal amounts)', () => {
    for (const seed of [7, 11]) {
      const inp = buildScaleInput(2000, seed).input;
      const txns = byTimeThenId(inp.transactions);
      const cashier = byTimeThenId(inp.cashier ?? []);
      const fast = matchCashier(txns, cashier, 600);
      expect(fast.matches.length).toBeGreaterThan(1500);
      expect(fast).toEqual(matchCashierReference(txns, cashier, 600));
    }
  });

  // few amounts, last4s, terminals and order numbers, times minutes apart: many candidates per
  // row and per record, so ties and contested records are common
  const txnArb = fc.record({
    amount: fc.constantFrom('25.00', '25', '30.00', '-25.00'),
    minute: fc.integer({ min: 0, max: 40 }),
    second: fc.integer({ min: 0, max: 59 }),
    // blank and padded ids too: present but normalised to '' or to another's form
    last4: fc.constantFrom(undefined, '1111', '2222', ''),
    terminal: fc.constantFrom(undefined, 'T1', 't1', 'T2', ' ', ' t2 ', ''),
    orderNo: fc.constantFrom(undefined, 'A', 'B', '0A', '007', ' b', ' ', ''),
    kind: fc.constantFrom('sale', 'sale', 'refund', 'void') as fc.Arbitrary<PortalTransaction['kind']>,
    status: fc.constantFrom('success', 'success', 'failed', 'pending') as fc.Arbitrary<PortalTransaction['status']>,
  });
  const recArb = fc.record({
    amount: fc.constantFrom('25.00', '25', '30.00', '-25.00'),
    minute: fc.integer({ min: 0, max: 40 }),
    second: fc.integer({ min: 0, max: 59 }),
    last4: fc.constantFrom(undefined, '1111', '2222', ''),
    terminal: fc.constantFrom(undefined, 'T1', 'T2', ' ', ''),
    orderNo: fc.constantFrom(undefined, 'A', 'B', '7', ' ', ''),
    kind: fc.constantFrom('sale', 'sale', 'refund') as fc.Arbitrary<CashierRecord['kind']>,
    tender: fc.constantFrom('card', 'qr', 'cash') as fc.Arbitrary<CashierRecord['tender']>,
  });
  const at = (m: number, s: number) => `2026-03-02T10:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  it('on generated crowded cases (property)', () => {
    fc.assert(
      fc.property(
        fc.array(txnArb, { maxLength: 25 }),
        fc.array(recArb, { maxLength: 25 }),
        fc.integer({ min: 30, max: 900 }),
        fc.integer({ min: 1, max: 10_000 }),
        (ts, rs, window, seed) => {
          const txns = byTimeThenId(
            ts.map((x, i) =>
              txn({
                id: `t${String(i).padStart(2, '0')}`,
                amount: x.amount,
                occurredAt: at(x.minute, x.second),
                cardLast4: x.last4,
                terminalId: x.terminal,
                orderNo: x.orderNo,
                kind: x.kind,
                status: x.status,
              }),
            ),
          );
          const cashier = byTimeThenId(
            rs.map((x, i) =>
              cashierRecord({
                id: `c${String(i).padStart(2, '0')}`,
                amount: x.amount,
                occurredAt: at(x.minute, x.second),
                cardLast4: x.last4,
                terminalId: x.terminal,
                orderNo: x.orderNo,
                kind: x.kind,
                tender: x.tender,
              }),
            ),
          );
          expect(matchCashier(txns, cashier, window)).toEqual(matchCashierReference(txns, cashier, window));
          // as reconcile() calls it: rows known to be in time order, not checked again, and read in
          // the order they lie in memory (here shuffled, with rows that are not in the sorted arrays)
          const reference = matchCashierReference(txns, cashier, window);
          expect(matchCashier(txns, cashier, window, true)).toEqual(reference);
          expect(matchCashier(txns, cashier, window, true, { txns: shuffledOrder(txns, seed), cashier: shuffledOrder(cashier, seed + 1) })).toEqual(reference);
          // rows in another order than reconcile() passes them, too
          expect(matchCashier([...txns].reverse(), cashier, window)).toEqual(matchCashierReference([...txns].reverse(), cashier, window));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('repeated ids anywhere in the input (property): the same result as the reference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(txnArb, fc.constantFrom('a', 'b', 'c', 'd', 'e')), { maxLength: 12 }),
        fc.array(fc.tuple(recArb, fc.constantFrom('k', 'l', 'm', 'n')), { maxLength: 12 }),
        (ts, rs) => {
          const txns = byTimeThenId(
            ts.map(([x, id]) =>
              txn({
                id,
                amount: x.amount,
                occurredAt: at(x.minute, x.second),
                cardLast4: x.last4,
                terminalId: x.terminal,
                orderNo: x.orderNo,
                kind: x.kind,
                status: x.status,
              }),
            ),
          );
          const cashier = byTimeThenId(
            rs.map(([x, id]) =>
              cashierRecord({
                id,
                amount: x.amount,
                occurredAt: at(x.minute, x.second),
                cardLast4: x.last4,
                terminalId: x.terminal,
                orderNo: x.orderNo,
                kind: x.kind,
                tender: x.tender,
              }),
            ),
          );
          expect(matchCashier(txns, cashier, 600)).toEqual(matchCashierReference(txns, cashier, 600));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('repeated ids: the reference decides', () => {
    const txns = [
      txn({ id: 'a', amount: '25.00', cardLast4: '1111' }),
      txn({ id: 'a', amount: '25.00', cardLast4: '1111', occurredAt: '2026-03-02T10:01:00' }),
    ];
    const cashier = [
      cashierRecord({ id: 'k', amount: '25.00', cardLast4: '1111', occurredAt: '2026-03-02T10:00:30' }),
      cashierRecord({ id: 'k2', amount: '25.00', cardLast4: '1111', occurredAt: '2026-03-02T10:00:40' }),
    ];
    const m = matchCashier(txns, cashier, 600);
    expect(m).toEqual(matchCashierReference(txns, cashier, 600));
    expect(m.matches).toHaveLength(1);
  });
});

describe('makeOriginalIndex = looking the reference up in every sale', () => {
  // the reference: the first sale (in row order) one of whose keys, trimmed and upper-cased,
  // is the void's or refund's first key that any sale has
  const referenceOriginal = (txns: readonly PortalTransaction[], t: PortalTransaction): PortalTransaction | undefined => {
    const norm = (x: string) => x.trim().toUpperCase();
    const ref = t.originalRef?.trim().toUpperCase();
    if (!ref) return undefined;
    const keys = [ref];
    if (t.terminalId && t.batchNo) keys.push(`${t.terminalId}|${t.batchNo}|${ref}`.toUpperCase());
    if (t.terminalId) keys.push(`${t.terminalId}|${ref}`.toUpperCase());
    for (const k of keys) {
      for (const s of txns) {
        if (s.kind !== 'sale' && s.kind !== 'preauth_completion') continue;
        const own = [
          s.rrn,
          s.orderNo,
          s.terminalId && s.batchNo && s.voucherNo ? `${s.terminalId}|${s.batchNo}|${s.voucherNo}` : undefined,
          s.voucherNo && s.terminalId ? `${s.terminalId}|${s.voucherNo}` : undefined,
          s.id,
        ];
        if (own.some((x) => x && norm(x) === k)) return s;
      }
    }
    return undefined;
  };
  it('on generated sales, voids and refunds with keys in any case and padding (property)', () => {
    const key = fc.constantFrom(undefined, '', ' ', '1001', ' 1001', 'a1', 'A1 ', 'pt:3f9a', 'PT:3F9A', 'ab-z', 'AB-Z', 'ß', 'SS', 'ｂ', '7|8', '\u00a0x');
    const row = fc.record({
      kind: fc.constantFrom('sale', 'sale', 'preauth_completion', 'void', 'refund', 'reversal') as fc.Arbitrary<PortalTransaction['kind']>,
      id: key,
      rrn: key,
      orderNo: key,
      voucherNo: key,
      batchNo: key,
      terminalId: fc.constantFrom(undefined, 'T1', 't1', ' T1'),
      originalRef: key,
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 14 }), fc.array(row, { maxLength: 4 }), fc.integer({ min: 1, max: 10_000 }), (rows, outside, seed) => {
        const make = (r: (typeof rows)[number], i: number, tag: string) =>
          txn({
            amount: '10.00',
            id: r.id ? `${r.id}` : `${tag}${i}`,
            kind: r.kind,
            rrn: r.rrn,
            orderNo: r.orderNo,
            voucherNo: r.voucherNo,
            batchNo: r.batchNo,
            terminalId: r.terminalId,
            originalRef: r.kind === 'sale' || r.kind === 'preauth_completion' ? undefined : r.originalRef,
          });
        const txns = rows.map((r, i) => make(r, i, 'row'));
        const originalOf = makeOriginalIndex(txns);
        // built reading the rows in another order (memory order), with decoys that are not rows
        const fromMemory = makeOriginalIndex(txns, shuffledOrder(txns, seed));
        for (const t of [...txns, ...outside.map((r, i) => make(r, i, 'out'))]) {
          const expected = referenceOriginal(txns, t);
          expect(originalOf(t)).toBe(expected);
          expect(fromMemory(t)).toBe(expected);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('rows the context sorted are not sorted again', () => {
  it('settlement groups collect their rows in time order: the same groups as when each is sorted', () => {
    for (const inp of [buildScaleInput(2000, 7).input, generateScenario({ seed: 43 }).input]) {
      const ctx = makeContext(inp);
      const opts = settlementOptions(ctx, inp);
      const rowsOf = (txnsInTimeOrder: boolean) =>
        buildSettlementGroups(ctx.transactions, { ...opts, txnsInTimeOrder }).groups.map((g) => [g.key, ...g.transactions.map((t) => t.id)]);
      const sortedEach = rowsOf(false);
      expect(sortedEach.some((g) => g.length > 2)).toBe(true); // groups of several rows
      expect(rowsOf(true)).toEqual(sortedEach);
      // and what reconcile() uses is that
      expect(ctx.settlement().groups.map((g) => [g.key, ...g.transactions.map((t) => t.id)])).toEqual(sortedEach);
    }
  });

  it("settlement groups: each group's earliest day and common settle date come from all its rows", () => {
    // a payout whose rows disagree on settle date and day, a batch over a weekend, a void, a row
    // without a fee, and another currency
    const own = input({
      contracts: [cnContract()],
      transactions: [
        txn({ id: 'p2', amount: '50.00', fee: '0.30', occurredAt: '2026-03-06T09:00:00', payoutId: 'po1', settleDate: '2026-03-09' }),
        txn({ id: 'p1', amount: '80.00', fee: '0.48', occurredAt: '2026-03-05T09:00:00', payoutId: 'po1', settleDate: '2026-03-06' }),
        txn({ id: 'p3', amount: '20.00', fee: '0.12', occurredAt: '2026-03-07T09:00:00', payoutId: 'po1' }),
        txn({ id: 'b1', amount: '100.00', fee: '0.60', occurredAt: '2026-03-07T10:00:00' }),
        txn({ id: 'b2', amount: '200.00', occurredAt: '2026-03-08T10:00:00' }),
        txn({ id: 'b3', amount: '300.00', fee: '1.80', occurredAt: '2026-03-06T23:00:00', rrn: 'R3' }),
        txn({ id: 'v3', kind: 'void', amount: '-300.00', fee: '-1.80', occurredAt: '2026-03-06T23:30:00', originalRef: 'R3' }),
        txn({ id: 'u1', amount: '10.00', fee: '0.06', currency: 'USD', occurredAt: '2026-03-07T11:00:00' }),
      ],
    });
    for (const inp of [own, buildScaleInput(2000, 7).input, generateScenario({ seed: 43 }).input]) {
      const ctx = makeContext(inp);
      const opts = { ...settlementOptions(ctx, inp), txnsInTimeOrder: true };
      const built = buildSettlementGroups(ctx.transactions, opts);
      expect(built.groups.some((g) => g.transactions.length > 1)).toBe(true);
      // each group's earliest day and common settle date, from its rows
      for (const g of built.groups) {
        expect(g.firstDate).toBe(g.transactions.map((t) => t.occurredAt.slice(0, 10)).sort()[0]);
        const settle = new Set(g.transactions.map((t) => t.settleDate));
        expect(g.settleDate).toBe(settle.size === 1 ? g.transactions[0]!.settleDate : undefined);
      }
    }
  });
});

describe('settlement groups and passes on whole cents = on Decimals (reference/settlement-decimal.ts)', () => {
  /** the product's analysis and the Decimal reference's, each reviewed: equal */
  const same = (inp: ReconcileInput) => {
    const { product, reference } = settlementBothWays(inp);
    expect(product).toEqual(reference);
    return product;
  };
  it('a synthetic chain of stores (2,000 portal rows, 2,000 bank lines, per-order payouts and T+1 batches)', () => {
    const inp = buildScaleInput(2000, 7).input;
    const fast = reconcile(inp);
    expect(fast.matches.filter((m) => m.basis.startsWith('settlement-group')).length).toBeGreaterThan(1000);
    expect(fast.residuals.length).toBeGreaterThan(0);
    same(inp);
  });
  it("every group's totals and every outcome, on the chain and on a scenario month", () => {
    for (const inp of [buildScaleInput(2000, 7).input, generateScenario({ seed: 43 }).input]) {
      const fast = same(inp);
      expect(fast.analysed.some((o) => o.reversals !== '0')).toBe(true);
      // and what reconcile() uses is that analysis
      expect(
        makeContext(inp)
          .settlement()
          .outcomes.map((o) => [o.group.key, o.status, o.received.toString()]),
      ).toEqual(fast.reviewed.map((o) => [o.key, o.status, o.received]));
    }
  });
  it('a labelled scenario month (every kind injected)', () => {
    same(generateScenario({ seed: 42 }).input);
  });
  it('amounts the cents path must leave to Decimal: three decimals, a line of 0.001, huge amounts, a 0.005 tolerance', () => {
    const inp = buildScaleInput(2000, 11).input;
    const t = inp.transactions;
    t[3] = { ...t[3]!, net: { amount: '10.005', currency: 'CNY' } };
    t[7] = { ...t[7]!, amount: { amount: '99999999999999999.99', currency: 'CNY' }, net: { amount: '99999999999999999.00', currency: 'CNY' } };
    const lines = [...inp.statementLines, { ...inp.statementLines[0]!, id: 'odd', amount: { amount: '0.001', currency: 'CNY' } }];
    same({ ...inp, transactions: t, statementLines: lines });
    same({ ...inp, tolerances: { settlement: '0.005' } });
  });
  it('generated settlement groups around the tolerance and the combination bounds (property)', () => {
    const cents = fc.integer({ min: -5_000, max: 500_000 });
    const str = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ net: cents, day: fc.integer({ min: 2, max: 6 }), merchant: fc.constantFrom('m1', 'm2'), payout: fc.constantFrom(undefined, 'P1', 'P2') }),
          { maxLength: 12 },
        ),
        fc.array(fc.record({ amount: cents, day: fc.integer({ min: 2, max: 9 }), memo: fc.boolean() }), { maxLength: 12 }),
        fc.constantFrom('0.01', '0.00', '1.00', '5'),
        (rows, credits, tol) => {
          const inp: ReconcileInput = {
            transactions: rows.map((r, i) =>
              txn({
                id: `t${i}`,
                amount: str(Math.abs(r.net) + 100),
                fee: '1.00',
                net: str(r.net),
                occurredAt: `2026-03-0${r.day}T10:00:00`,
                merchantId: r.merchant,
                payoutId: r.payout,
              }),
            ),
            statementLines: credits.map((c, i) => ({
              id: `l${String(i).padStart(2, '0')}`,
              bookedOn: `2026-03-0${c.day}`,
              amount: { amount: str(c.amount), currency: 'CNY' },
              description: c.memo ? '银联商务 结算款' : '转账',
              source: { file: 'f.csv', line: i },
            })),
            contracts: [],
            asOf: '2026-04-30',
            tolerances: { settlement: tol },
          };
          same(inp);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sortWithinBasis = the comparator sort', () => {
  it('orders by first transaction, line and cashier id, keeps ties in place, ids that are prefixes of others (property)', () => sortProperty());
  function sortProperty() {
    // also ids past the integer keys' first 12 characters, and units ≥ 126 (id-order.ts writeId)
    const id = fc.constantFrom(
      '',
      'a',
      'ab',
      'a0',
      'b',
      'B',
      'a\u0001',
      'x-1',
      'x-10',
      'x-2',
      'P000000000001',
      'P000000000001a',
      'P0000000000010',
      'é',
      '~',
      'a\u007f',
      'a~b',
    );
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    fc.assert(
      fc.property(fc.array(fc.record({ t: id, l: id, c: fc.option(id, { nil: undefined }), tag: fc.nat() }), { minLength: 256, maxLength: 400 }), (xs) => {
        const ms = xs.map((x) => ({
          transactionIds: x.t ? [x.t] : [],
          statementLineIds: x.l ? [x.l] : [],
          cashierIds: x.c === undefined ? undefined : [x.c],
          basis: 'b',
          confidence: x.tag,
        }));
        const within = (a: (typeof ms)[number], b: (typeof ms)[number]) =>
          cmp(a.transactionIds[0] ?? '', b.transactionIds[0] ?? '') ||
          cmp(a.statementLineIds[0] ?? '', b.statementLineIds[0] ?? '') ||
          cmp(a.cashierIds?.[0] ?? '', b.cashierIds?.[0] ?? '');
        expect(sortWithinBasis([...ms], within)).toEqual([...ms].sort(within));
        // with the ids written by the caller at other positions (as reconcile() does while it has them)
        const ids = keyedIds(2 * ms.length + 1);
        const at = Int32Array.from(ms, (_, k) => 2 * k + 1);
        ms.forEach((m, k) => writeId(ids, at[k]!, m.transactionIds[0] ?? ''));
        expect(sortWithinBasis([...ms], within, { ids, at })).toEqual([...ms].sort(within));
        // already in order, with ties (returned as is), and the same with two entries swapped
        const sorted = [...ms].sort(within);
        expect(sortWithinBasis([...sorted], within)).toEqual(sorted);
        const i = xs[0]!.tag % sorted.length;
        const j = xs[1]!.tag % sorted.length;
        const swapped = [...sorted];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        expect(sortWithinBasis([...swapped], within)).toEqual([...swapped].sort(within));
      }),
      { numRuns: 100 },
    );
  }
});

describe('settlement outcomesOf(ids) = byTxn restricted to ids', () => {
  it('on the chain of stores and a scenario month, before and after byTxn is built, with unknown and repeated ids', () => {
    for (const inp of [buildScaleInput(2000, 7).input, generateScenario({ seed: 46 }).input]) {
      const ids = new Set([...inp.transactions.filter((_, i) => i % 3 === 0).map((t) => t.id), 'no-such-id']);
      const first = makeContext(inp).settlement().outcomesOf(ids);
      const a = makeContext(inp).settlement();
      const expected = new Map([...a.byTxn].filter(([id]) => ids.has(id)));
      expect(expected.size).toBeGreaterThan(100);
      expect([...first].sort()).toEqual([...expected].sort());
      expect([...a.outcomesOf(ids)].sort()).toEqual([...expected].sort());
      expect(first.size).toBe(expected.size);
    }
    // a repeated id: the later group's outcome, as byTxn
    const inp = buildScaleInput(2000, 11).input;
    const dup = { ...inp.transactions[5]!, occurredAt: '2026-09-20T10:00:00', payoutId: undefined };
    const twice = { ...inp, transactions: [...inp.transactions, dup] };
    const s1 = makeContext(twice).settlement();
    const s2 = makeContext(twice).settlement();
    expect(s1.outcomesOf(new Set([dup.id])).get(dup.id)?.group.key).toBe(s2.byTxn.get(dup.id)?.group.key);
  });
});

describe('sortByTimeThenId: typed-array key sort + counting placement = the comparator sort', () => {
  const reference = <T extends { id: string }>(xs: readonly T[], timeOf: (x: T) => string) =>
    [...xs].sort((a, b) => (timeOf(a) < timeOf(b) ? -1 : timeOf(a) > timeOf(b) ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const both = <T extends { id: string }>(xs: readonly T[], timeOf: (x: T) => string) => {
    const fast = sortByTimeThenId(xs, timeOf);
    // same objects in the same order (repeated ids and times keep input order)
    expect(fast.length).toBe(xs.length);
    const ref = reference(xs, timeOf);
    for (let i = 0; i < fast.length; i++) expect(fast[i]).toBe(ref[i]);
  };
  it('on the bench inputs (rows, bank lines with many equal dates, cashier records)', () => {
    const inp = buildScaleInput(5000, 3).input;
    both(inp.transactions, (t) => t.occurredAt);
    both(inp.statementLines, (l) => l.bookedOn);
    both(inp.cashier ?? [], (c) => c.occurredAt);
  });
  it('generated rows: few distinct times and ids (ties, repeated ids), date-only and date-time shapes (property)', () => {
    const row = (shape: 'date' | 'time') =>
      fc.record({
        id: fc.constantFrom('a', 'b', 'ab', 'b0', '', 'z', 'A'),
        t:
          shape === 'date'
            ? fc.constantFrom('2026-03-01', '2026-03-02', '2025-12-31', '2026-10-09')
            : fc.constantFrom('2026-03-01T10:00:00', '2026-03-01T09:59:59', '2026-03-02T00:00:00', '1999-01-01T00:00:00'),
        n: fc.nat(),
      });
    fc.assert(
      fc.property(
        fc.constantFrom('date' as const, 'time' as const).chain((s) => fc.array(row(s), { maxLength: 40 })),
        (xs) => both(xs, (x) => x.t),
      ),
      { numRuns: 400 },
    );
  });
  it('shapes mixed in one array (dates, date-times, minutes only, a fraction): the order of the comparator (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('a', 'b', 'c'),
            t: fc.constantFrom('2026-03-03', '2026-03-02T23:59:59', '2026-03-03T10:00:00', '2026-03-04', '2026-03-03T10:00', '2026-03-03T10:00:00.5'),
          }),
          { maxLength: 12 },
        ),
        (xs) => both(xs, (x) => x.t),
      ),
      { numRuns: 400 },
    );
  });
});
