// SettlementBook keeps each date's free credits that can fit a group, sorted by amount, up to date
// as set() takes and releases lines (settlement-book.ts). Its searches must find what a scan of
// every credit on the dates finds, after any sequence of takes and releases: freeCreditsOn =
// creditsOn filtered to free, fitting credits; largestBelow = the scan's filter, sort and cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../../../lib/money';
import type { StatementLine } from '../../../lib/model';
import type { GroupOutcome, SettlementGroup } from '../../../lib/reconcile/settlement';
import { type ReviewCredit, SettlementBook } from '../../../lib/reconcile/settlement-book';
import { line } from '../../fixtures/scenarios/builders';

const DATES = ['2026-03-02', '2026-03-03', '2026-03-04'];
const MIDS = ['898100000000001', '898100000000002'];

interface Case {
  lines: { amount: number; date: number; value: number; memo: number; currency: number; sameId: boolean }[];
  /** per group: the lines it holds at first */
  holds: number[][];
  /** then: group g takes these lines (its earlier ones released) */
  steps: { group: number; take: number[] }[];
}

const MEMOS = ['银联商务 结算款', '转账 房租', `结算 商户号${MIDS[0]}`, `商户号${MIDS[1]} 入账`, '工资'];

function build(c: Case): { book: SettlementBook; groups: SettlementGroup[]; lines: StatementLine[] } {
  // a few lines repeat the id of the one before, sometimes several in a row (holders count per id)
  const idOf: string[] = [];
  c.lines.forEach((x, i) => idOf.push(x.sameId && i > 0 ? idOf[i - 1]! : `l${i}`));
  const lines = c.lines.map((x, i) =>
    line({
      id: idOf[i]!,
      // a third decimal now and then: not whole cents, ordered by Decimal among whole-cent credits
      amount: (x.amount / 100).toFixed(2) + (x.sameId || x.memo === 1 ? '' : x.date === 2 ? '5' : ''),
      currency: x.currency === 0 ? 'CNY' : 'USD',
      bookedOn: DATES[x.date]!,
      valueOn: x.value === 3 ? undefined : DATES[x.value],
      description: MEMOS[x.memo]!,
    }),
  );
  const groups = c.holds.map(
    (_, g) => ({ key: `g${g}`, merchantId: MIDS[g % 2], currency: 'CNY', expected: new Dec(100), transactions: [] }) as unknown as SettlementGroup,
  );
  const outcomes = groups.map(
    (group, g) => ({ group, status: 'matched', lines: c.holds[g]!.map((i) => lines[i % lines.length]!), received: ZERO, shortBy: ZERO }) as GroupOutcome,
  );
  return { book: new SettlementBook(outcomes, lines, new Dec('0.01')), groups, lines };
}

const fitsSome = (c: ReviewCredit) => c.settlementLike || c.mid !== undefined;
const ids = (cs: readonly ReviewCredit[]) => cs.map((c) => `${c.line.id}@${c.seq}`);

/** Every search, indexed and by scan, on the book as it is now. */
function compare(book: SettlementBook, groups: readonly SettlementGroup[], probe: { dates: number[]; lo: number; hi: number; group: number }): void {
  const dates = probe.dates.map((d) => DATES[d]!);
  const lo = new Dec(probe.lo).div(100);
  const hi = new Dec(probe.hi).div(100);
  for (const currency of ['CNY', 'USD']) {
    for (const range of [{}, { lo }, { hi }, { lo, hi }]) {
      // free read from the holders themselves, not from the book's flag it keeps up to date
      const scan = book.creditsOn(currency, dates, range).filter((c) => book.holdersOf(c.line).length === 0 && fitsSome(c));
      for (const c of book.creditsOn(currency, dates)) expect(book.isFree(c)).toBe(book.holdersOf(c.line).length === 0);
      expect(ids(book.freeCreditsOn(currency, dates, range))).toEqual(ids(scan));
    }
    const g = groups[probe.group % groups.length]!;
    const own = book.outcomeOf(g).lines;
    const keep = (c: ReviewCredit) => book.fits(c, g) && (book.isFree(c) || own.includes(c.line));
    for (const count of [1, 3]) {
      const scan = book
        .creditsOn(currency, dates)
        .filter((c) => c.amount.lessThan(hi) && keep(c))
        .sort((a, b) => b.amount.comparedTo(a.amount) || (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0))
        .slice(0, count);
      // two credits of one amount and one line id are told apart by nothing a caller reads
      const shown = (cs: readonly ReviewCredit[]) => cs.map((c) => `${c.amount.toFixed(2)} ${c.line.id}`);
      expect(shown(book.largestBelow(currency, dates, hi, keep, count, own))).toEqual(shown(scan));
    }
  }
}

describe('SettlementBook: free credits by date and amount = a scan of every credit', () => {
  it('after any sequence of takes and releases (property)', () => {
    const lineArb = fc.record({
      // few distinct amounts: ties between credits of one amount
      amount: fc.integer({ min: 0, max: 12 }).map((x) => x * 50),
      date: fc.integer({ min: 0, max: 2 }),
      value: fc.integer({ min: 0, max: 3 }),
      memo: fc.integer({ min: 0, max: MEMOS.length - 1 }),
      currency: fc.integer({ min: 0, max: 4 }).map((x) => (x === 0 ? 1 : 0)),
      sameId: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
    });
    const caseArb = fc.record({
      lines: fc.array(lineArb, { minLength: 1, maxLength: 30 }),
      holds: fc.array(fc.array(fc.nat(40), { maxLength: 3 }), { minLength: 1, maxLength: 5 }),
      steps: fc.array(fc.record({ group: fc.nat(10), take: fc.array(fc.nat(40), { maxLength: 3 }) }), { maxLength: 8 }),
    });
    const probeArb = fc.record({
      dates: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
      lo: fc.nat(600),
      hi: fc.nat(700),
      group: fc.nat(10),
    });
    fc.assert(
      fc.property(caseArb, fc.array(probeArb, { minLength: 1, maxLength: 3 }), (c, probes) => {
        const { book, groups, lines } = build(c);
        // a first search makes the free lists, so the steps below must keep them up to date
        compare(book, groups, probes[0]!);
        for (const step of c.steps) {
          const g = groups[step.group % groups.length]!;
          book.set(
            g,
            'short',
            step.take.map((i) => lines[i % lines.length]!),
            ZERO,
          );
          for (const p of probes) compare(book, groups, p);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('SettlementBook.midOf', () => {
  it('reads each line’s own memo when two accounts’ lines share an id', () => {
    const lines = [
      line({ id: 'L1', amount: '100.00', bookedOn: DATES[0]!, description: `结算 商户号${MIDS[0]}`, accountId: 'A' }),
      line({ id: 'L1', amount: '200.00', bookedOn: DATES[0]!, description: `结算 商户号${MIDS[1]}`, accountId: 'B' }),
      line({ id: 'L1', amount: '300.00', bookedOn: DATES[0]!, description: '转账 房租', accountId: 'C' }),
    ];
    const groups = MIDS.map(
      (merchantId, g) => ({ key: `g${g}`, merchantId, currency: 'CNY', expected: new Dec(100), transactions: [] }) as unknown as SettlementGroup,
    );
    const book = new SettlementBook(
      groups.map((group) => ({ group, status: 'missing', lines: [], received: ZERO, shortBy: ZERO }) as GroupOutcome),
      lines,
      new Dec('0.01'),
    );
    // asked twice each, in both orders: what one line's memo says never answers for another's
    expect(lines.map((l) => book.midOf(l))).toEqual([MIDS[0], MIDS[1], undefined]);
    expect([...lines].reverse().map((l) => book.midOf(l))).toEqual([undefined, MIDS[1], MIDS[0]]);
    expect(book.creditsOn('CNY', [DATES[0]!]).map((c) => c.mid)).toEqual([MIDS[0], MIDS[1], undefined]);
  });
});
