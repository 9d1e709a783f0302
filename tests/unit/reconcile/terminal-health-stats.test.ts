// terminal-stats.ts: the counting and the statistics behind terminal_health and its chart.
import { describe, expect, it } from 'vitest';
import { binomialTail, judgeTerminal, percentOf, terminalHealthOfStore, terminalMonths, terminalMonthsOfIndex } from '../../../lib/reconcile/terminal-stats';
import { makeContext } from '../../../lib/reconcile/context';
import { positionOf } from '../../../lib/reconcile/row-index';
import { buildScaleInput } from '../../bench/reconcile-input';
import { generateScenario } from '../../fixtures/scenarios/generator';
import { REALISTIC_MONTHS, realisticMonth } from '../../fixtures/scenarios/realistic';
import type { ReconcileInput } from '../../../lib/model';
import { reconcile } from '../../../lib/reconcile';
import { input } from '../../fixtures/scenarios/builders';
import { txn } from '../../fixtures/scenarios/builders';

/** P(X ≥ k), X ~ Binomial(n, p), by the plain sum of C(n, i) pⁱ (1−p)ⁿ⁻ⁱ (small n only). */
function exactTail(n: number, k: number, p: number): number {
  let c = 1,
    sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += c * p ** i * (1 - p) ** (n - i);
    c = (c * (n - i)) / (i + 1);
  }
  return sum;
}

describe('binomialTail', () => {
  const table = [
    { n: 10, k: 1, p: 0.01 },
    { n: 30, k: 3, p: 0.01 },
    { n: 50, k: 10, p: 0.05 },
    { n: 60, k: 2, p: 0.3 },
    { n: 150, k: 6, p: 0.01 },
  ];
  for (const { n, k, p } of table) {
    it(`P(X ≥ ${k}) for Binomial(${n}, ${p})`, () => expect(binomialTail(n, k, p)).toBeCloseTo(exactTail(n, k, p), 12));
  }
  it('edges: k ≤ 0 is certain, k > n impossible, p = 0 gives 0', () => {
    expect(binomialTail(10, 0, 0.1)).toBe(1);
    expect(binomialTail(10, 11, 0.1)).toBe(0);
    expect(binomialTail(10, 1, 0)).toBe(0);
  });
  it('stays finite for large terminals: 16 of 20,000 at 0.01 % is far out, 2 is not', () => {
    expect(binomialTail(20_000, 16, 0.0001)).toBeLessThan(1e-9);
    expect(binomialTail(20_000, 2, 0.0001)).toBeGreaterThan(0.5);
  });
});

describe('percentOf', () => {
  const table = [
    { count: 16, attempts: 200, expected: '8.00' },
    { count: 1, attempts: 3, expected: '33.33' },
    { count: 2, attempts: 3, expected: '66.67' },
    { count: 1, attempts: 800, expected: '0.13' },
    { count: 0, attempts: 0, expected: '0.00' },
    { count: 200, attempts: 200, expected: '100.00' },
  ];
  for (const { count, attempts, expected } of table) it(`${count} of ${attempts} → ${expected}`, () => expect(percentOf(count, attempts)).toBe(expected));
});

describe('terminalMonths', () => {
  it("counts a reversal once when the portal shows it as the sale's status and as its own row, and a failed void not at all", () => {
    const months = terminalMonths(
      [
        txn({ id: 'a', amount: '10.00', rrn: 'RA', status: 'reversed' }),
        txn({ id: 'ra', kind: 'reversal', amount: '-10.00', originalRef: 'RA' }),
        txn({ id: 'b', amount: '10.00', rrn: 'RB', status: 'reversed' }),
        txn({ id: 'c', amount: '10.00', rrn: 'RC', status: 'voided' }),
        txn({ id: 'vc', kind: 'void', amount: '-10.00', originalRef: 'RC' }),
        txn({ id: 'vx', kind: 'void', amount: '-10.00', originalRef: 'RD', status: 'failed' }),
        txn({ id: 'd', amount: '10.00', rrn: 'RD', status: 'failed' }),
        txn({ id: 'e', amount: '10.00', rrn: 'RE' }),
        txn({ id: 'e2', amount: '10.00', rrn: 'RE2' }),
        txn({ id: 'r', kind: 'refund', amount: '-10.00', originalRef: 'RE' }),
      ],
      new Set(['e2']),
    );
    expect(months).toHaveLength(1);
    expect(months[0]!.attempts).toBe(6);
    expect(months[0]!.events).toEqual({ duplicates: ['e2'], reversals: ['ra', 'b'], voids: ['vc'], failures: ['d'] });
  });

  it('one terminal however its id is padded or spaced; a month each', () => {
    const months = terminalMonths(
      [
        txn({ id: 'a', amount: '1.00', terminalId: '00012345' }),
        txn({ id: 'b', amount: '1.00', terminalId: ' 12345 ' }),
        txn({ id: 'c', amount: '1.00', terminalId: '12345', occurredAt: '2026-04-01T09:00:00' }),
      ],
      new Set(),
    );
    expect(months.map((m) => [m.terminalKey, m.period, m.attempts, m.terminalId])).toEqual([
      ['12345', '2026-03', 2, '00012345'],
      ['12345', '2026-04', 1, '12345'],
    ]);
  });

  it('judges against peers of the same merchant only', () => {
    const rows = [];
    for (let i = 0; i < 100; i++) {
      rows.push(txn({ id: `a${i}`, amount: '1.00', terminalId: 'T1', status: i < 10 ? 'failed' : 'success' }));
      // another merchant's terminals, as bad: not this shop's baseline
      rows.push(txn({ id: `b${i}`, amount: '1.00', terminalId: 'T2', merchantId: '898100000000009', status: i < 10 ? 'failed' : 'success' }));
      rows.push(txn({ id: `c${i}`, amount: '1.00', terminalId: 'T3', status: i < 1 ? 'failed' : 'success' }));
    }
    const months = terminalMonths(rows, new Set());
    const t1 = months.find((m) => m.terminalKey === 'T1')!;
    expect(judgeTerminal(t1, months)).toMatchObject([
      { metric: 'failures', count: 10, attempts: 100, basis: 'peers', baselineCount: 1, baselineAttempts: 100 },
    ]);
  });
});

describe('terminalHealthOfStore (the dashboard chart)', () => {
  it('counts the duplicate swipes the stored duplicate_charge findings name, and judges like the rule', () => {
    const rows = [];
    for (const terminalId of ['T1', 'T2', 'T3']) {
      for (let i = 0; i < 60; i++) {
        const at = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T1${i % 10}:${String(i % 60).padStart(2, '0')}:00`;
        rows.push(
          txn({ id: `${terminalId}-${i}`, amount: `${100 + i}.00`, occurredAt: at, terminalId, rrn: `${terminalId}R${i}`, cardLast4: String(1000 + i) }),
        );
        // T1 swipes every sixth card twice, 40 seconds apart
        if (terminalId === 'T1' && i % 6 === 0)
          rows.push(
            txn({
              id: `${terminalId}-${i}b`,
              amount: `${100 + i}.00`,
              occurredAt: at.replace(/:00$/, ':40'),
              terminalId,
              rrn: `${terminalId}R${i}b`,
              cardLast4: String(1000 + i),
            }),
          );
      }
    }
    const findings = reconcile(input({ transactions: rows })).findings;
    const [view] = terminalHealthOfStore(rows, findings);
    expect(view!.terminals.map((x) => [x.terminalId, x.counts.duplicates, x.outOfLine])).toEqual([
      ['T1', 10, ['duplicates']],
      ['T2', 0, []],
      ['T3', 0, []],
    ]);
    expect(view!.shop.duplicates).toBe('5.26');
    // the same judgement as the note the rule raised
    expect(findings.filter((f) => f.kind === 'terminal_health').map((f) => [f.explanation.params.terminalId, f.explanation.params.metric])).toEqual([
      ['T1', 'duplicates'],
    ]);
    // without the findings there is nothing to count
    expect(terminalHealthOfStore(rows, [])[0]!.terminals[0]!.outOfLine).toEqual([]);
  });
});

describe('terminalMonthsOfIndex (the rule reads the row index) = terminalMonths', () => {
  /** both over ctx.transactions, with the duplicate clusters' later swipes */
  const both = (inp: ReconcileInput) => {
    const ctx = makeContext(inp);
    const dups = ctx.duplicates().flatMap((c) => c.duplicates.map((d) => d.txn));
    const marks = new Uint8Array(ctx.rows.count);
    for (const t of dups) marks[positionOf(ctx.rows, t)] = 1;
    return { fast: terminalMonthsOfIndex(ctx.rows, marks), plain: terminalMonths(ctx.transactions, new Set(dups.map((t) => t.id))) };
  };
  it('on the chain of stores, scenario and realistic months: the same months, events in the same order', () => {
    let events = 0;
    const inputs = [buildScaleInput(3000, 7).input, generateScenario({ seed: 1 }).input, ...REALISTIC_MONTHS.slice(0, 4).map((m) => realisticMonth(m).input)];
    for (const inp of inputs) {
      const { fast, plain } = both(inp);
      if (fast === undefined) continue;
      expect(fast).toEqual(plain);
      for (const m of plain) for (const k of ['duplicates', 'reversals', 'voids', 'failures'] as const) events += m.events[k].length;
    }
    expect(events).toBeGreaterThan(0);
  });
  it('one terminal id under two merchants, over two months, rows interleaved: a month per merchant and terminal', () => {
    const kinds = [{}, { status: 'failed' as const }, { kind: 'reversal' as const }, { kind: 'void' as const }, { status: 'voided' as const }];
    const rows = Array.from({ length: 40 }, (_, i) =>
      txn({
        id: `r${String(i).padStart(2, '0')}`,
        amount: '10.00',
        merchantId: i % 2 === 0 ? '898100000000001' : '898100000000002',
        terminalId: i % 3 === 0 ? '10000002' : '10000001',
        occurredAt: `2026-0${3 + (i >> 5)}-${String(1 + ((i >> 1) % 16)).padStart(2, '0')}T10:00:${String(i).padStart(2, '0')}`,
        ...kinds[i % kinds.length],
      }),
    );
    const { fast, plain } = both(input({ transactions: rows }));
    expect(fast).toEqual(plain);
    expect(plain.map((m) => `${m.merchantKey}|${m.terminalKey}|${m.period}`)).toEqual([
      '898100000000001|10000001|2026-03',
      '898100000000001|10000001|2026-04',
      '898100000000001|10000002|2026-03',
      '898100000000001|10000002|2026-04',
      '898100000000002|10000001|2026-03',
      '898100000000002|10000001|2026-04',
      '898100000000002|10000002|2026-03',
      '898100000000002|10000002|2026-04',
    ]);
  });
  it('leaves ids printed in two spellings to terminalMonths, which merges them', () => {
    const rows = [
      txn({ id: 'a', amount: '10.00', terminalId: '00012345', occurredAt: '2026-03-02T10:00:00' }),
      txn({ id: 'b', amount: '10.00', terminalId: '12345', occurredAt: '2026-03-02T11:00:00', status: 'failed' }),
    ];
    const { fast, plain } = both(input({ transactions: rows }));
    expect(fast).toBeUndefined();
    expect(plain.map((m) => [m.terminalKey, m.attempts, m.events.failures])).toEqual([['12345', 2, ['b']]]);
  });
});
