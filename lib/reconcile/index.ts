// reconcile(): portal rows × bank lines × cashier records × contracts → findings, matches,
// residuals and issues (DESIGN.md §3 "Reconciliation"). Pure and deterministic: no clock (asOf
// comes in), every output sorted, finding ids derived from their evidence.
import { calendarCoverage, type CalendarId } from '../calendar';
import { centsOf, decToCents, MAX_EXACT_CENTS, amountOf, type Cents } from '../money';
import type { Finding, IsoDate, Issue, Match, ReconcileInput, ReconcileResult, Residual, Unchecked } from '../model';
import { FINDING_KINDS } from '../model';
import { makeContext, type Rule, type RuleContext } from './context';
import { txnDate } from './fee-schedule';
import { RULES } from './rules/registry';
import { outcomeMoney, shortfallExplanation } from './settlement-findings';
import { sortWithinBasis } from './order';
import { type KeyedIds, keyedIds, writeId } from './id-order';
import type { CashierMatching } from './matching';
import { screenInput } from './screen';
import { makeIssue } from '../i18n/issues';
import { FLAG } from './row-index';
import { applyCoverage } from './unchecked';

export type { Rule, RuleContext } from './context';
export { RULES } from './rules/registry';
export { CONTRACT_PRESETS, expectedFee, pickContract, pickRule } from './fee-schedule';

/** A match as reconcile() returns it: DESIGN's Match plus the cashier records it ties, if any. */
export interface ReconcileMatch extends Match {
  cashierIds?: string[];
}

/**
 * The statementLineIds of every cashier match: one empty array, frozen (read only), shared by
 * all of them instead of one per match (a million cashier matches held 32 MB of empty arrays).
 */
const NO_LINES: string[] = Object.freeze([]) as unknown as string[];

/** xs.map((x) => x.id) as a plain loop: about half the time of map's callback over 60k small arrays (measured at 100k rows) */
function idsOf(xs: readonly { id: string }[]): string[] {
  const out = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i]!.id;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function reconcile(input: ReconcileInput, rules: readonly Rule[] = RULES): ReconcileResult {
  // in two steps, so that what only the analysis needs (the context: sorted rows, indexes, fee
  // audits, settlement groups and the cashier matching's arrays) is garbage before the result's
  // matches are sorted: at 1M rows both alive at once was most of the peak memory
  return finish(analyse(input, rules));
}

/** What finish() needs of the analysis: the parts of the result, and the cashier matches still to convert. */
interface Analysed {
  findings: Finding[];
  unchecked: Unchecked[];
  matches: ReconcileMatch[];
  /** matches[k]'s first transaction id written at k (id-order.ts), for the sort */
  matchKeys: KeyedIds;
  residuals: Residual[];
  cashierMatching: CashierMatching | undefined;
  aliases: RuleContext['aliases'];
  issues: Issue[];
}

function analyse(input: ReconcileInput, rules: readonly Rule[]): Analysed {
  const ctx = screenedContext(input);
  checkInput(ctx);

  const byId = new Map<string, Finding>();
  for (const rule of rules) {
    for (const f of rule.run(ctx)) if (!byId.has(f.id)) byId.set(f.id, f);
  }
  // a transaction captured from two sources: its other copies carry the finding too, so the
  // overlay highlights whichever row the merchant is looking at (ids stay evidence-based)
  const aliasesOf = new Map<string, string[]>();
  for (const a of ctx.aliases) aliasesOf.set(a.keptId, [...(aliasesOf.get(a.keptId) ?? []), a.aliasId]);
  const kindOrder = new Map(FINDING_KINDS.map((k, i) => [k, i]));
  const covered = applyCoverage(ctx, [...byId.values()], input.coverage);
  const findings = covered.findings
    .map((f) => (aliasesOf.size === 0 ? f : { ...f, transactionIds: [...new Set(f.transactionIds.flatMap((id) => [id, ...(aliasesOf.get(id) ?? [])]))] }))
    .sort((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)! || cmp(a.id, b.id));

  const settlement = ctx.settlement();
  const matches: ReconcileMatch[] = [];
  const residuals: Residual[] = [];
  // each match's first transaction id as sort keys (id-order.ts), written while the id is at hand
  const matchKeys = keyedIds(settlement.outcomes.length + ctx.aliases.length);
  for (const o of settlement.outcomes) {
    const transactionIds = idsOf(o.group.transactions);
    const statementLineIds = idsOf(o.lines);
    // short by exactly a contracted periodic fee (first time in its period): explained
    const periodicFee = o.status === 'short' && shortfallExplanation(ctx, o) === 'periodic_fee';
    if (o.basis && o.confidence !== undefined) {
      // an inexact amount lowers the confidence that these lines are this group's settlement
      const basis = periodicFee ? 'settlement-group:amount-less-periodic-fee' : o.basis;
      const confidence = o.status === 'matched' ? o.confidence : periodicFee ? 0.85 : Math.min(o.confidence, 0.5);
      writeId(matchKeys, matches.length, transactionIds[0] ?? '');
      matches.push({ transactionIds, statementLineIds, basis, confidence });
    }
    if (!periodicFee && (o.status === 'short' || o.status === 'over' || o.status === 'missing')) {
      const m = outcomeMoney(o);
      const r: Residual = { expected: m.expected, received: m.received, transactionIds, statementLineIds };
      const settleDate = o.group.expectedValueDate;
      if (settleDate) r.settleDate = settleDate;
      if (o.group.payoutId) r.payoutId = o.group.payoutId;
      residuals.push(r);
    }
  }

  // value dates computed with a calendar that does not know the year
  // (only which years occur matters: a date equal to the one just noted is skipped)
  const datesByCalendar = new Map<CalendarId, IsoDate[]>();
  for (const g of settlement.groups) {
    let l = datesByCalendar.get(g.calendar);
    if (!l) datesByCalendar.set(g.calendar, (l = []));
    if (l[l.length - 2] !== g.firstDate) l.push(g.firstDate);
    if (l[l.length - 1] !== g.expectedValueDate) l.push(g.expectedValueDate);
  }
  for (const [cal, dates] of datesByCalendar) for (const i of calendarCoverage(dates, cal, input.extraHolidays)) ctx.issue(i);

  const cashierMatching = ctx.cashier.length > 0 ? ctx.cashierMatching() : undefined;
  return { findings, unchecked: covered.unchecked, matches, matchKeys, residuals, cashierMatching, aliases: ctx.aliases, issues: ctx.issues() };
}

/**
 * The context of the screened input, with the screen's issues. Its own function so that the
 * screen's time keys are garbage once the context has sorted by them (24 MB at a million rows).
 */
function screenedContext(input: ReconcileInput): RuleContext {
  const screened = screenInput(input);
  const ctx = makeContext(screened.input, screened.timeKeys);
  for (const i of screened.issues) ctx.issue(i);
  return ctx;
}

/** The result from the analysis: the cashier and alias matches added, everything in its order. */
function finish(a: Analysed): ReconcileResult {
  const { findings, matches, residuals, aliases } = a;
  const cashierLists = a.cashierMatching ? cashierMatchLists(a.cashierMatching) : new Map<string, ReconcileMatch[]>();
  // the last reference to the cashier matching: from here its columns are garbage
  a.cashierMatching = undefined;
  for (const x of aliases) {
    writeId(a.matchKeys, matches.length, x.keptId);
    matches.push({ transactionIds: [x.keptId, x.aliasId], statementLineIds: [], basis: x.basis, confidence: x.confidence });
  }
  // = matches.sort(by basis, then first transaction, line, cashier id), done per basis: a stable
  // sort gives the same order, and each basis's run (cashier matches come in transaction order)
  // is then mostly sorted already
  const byBasis = new Map<string, { ms: ReconcileMatch[]; at: number[] }>();
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const l = byBasis.get(m.basis);
    if (l) {
      l.ms.push(m);
      l.at.push(k);
    } else byBasis.set(m.basis, { ms: [m], at: [k] });
  }
  const withinBasis = (x: ReconcileMatch, y: ReconcileMatch) =>
    cmp(x.transactionIds[0] ?? '', y.transactionIds[0] ?? '') ||
    cmp(x.statementLineIds[0] ?? '', y.statementLineIds[0] ?? '') ||
    cmp(x.cashierIds?.[0] ?? '', y.cashierIds?.[0] ?? '');
  matches.length = 0;
  for (const basis of [...new Set([...byBasis.keys(), ...cashierLists.keys()])].sort(cmp)) {
    const own = byBasis.get(basis);
    const cashier = cashierLists.get(basis);
    // a cashier basis's matches come in transaction order: already sorted
    const sorted =
      cashier === undefined
        ? sortWithinBasis(own!.ms, withinBasis, { ids: a.matchKeys, at: Int32Array.from(own!.at) })
        : own === undefined
          ? cashier
          : sortWithinBasis([...cashier, ...own.ms], withinBasis);
    for (const m of sorted) matches.push(m);
  }
  residuals.sort(
    (x, y) =>
      cmp(x.settleDate ?? '', y.settleDate ?? '') || cmp(x.payoutId ?? '', y.payoutId ?? '') || cmp(x.transactionIds[0] ?? '', y.transactionIds[0] ?? ''),
  );
  const issues = a.issues.sort((x, y) => cmp(x.code, y.code) || cmp(x.raw ?? '', y.raw ?? '') || cmp(x.message, y.message));
  return { findings, unchecked: a.unchecked, matches, residuals, issues };
}

/**
 * The cashier matches as ReconcileMatch objects, one list per basis, each in transaction id order
 * (the matching's order). Ids come from the matching's id columns: the row and record objects
 * lie scattered in memory, and reading an id off each was most of the time here.
 */
function cashierMatchLists(m: CashierMatching): Map<string, ReconcileMatch[]> {
  const lists = m.passes.map((): ReconcileMatch[] => []);
  const { txnIds, recordIds } = m;
  for (let k = 0; k < m.count; k++) {
    const pass = m.passes[m.pass[k]!]!;
    lists[m.pass[k]!]!.push({
      transactionIds: [txnIds[m.txn[k]!]!],
      statementLineIds: NO_LINES,
      cashierIds: [recordIds[m.record[k]!]!],
      basis: pass.basis,
      confidence: pass.confidence,
    });
  }
  return new Map(m.passes.flatMap((p, n) => (lists[n]!.length > 0 ? [[p.basis, lists[n]!] as const] : [])));
}

/** Inconsistent input becomes issues (DESIGN.md §3 ReconcileResult.issues), never a crash. */
function checkInput(ctx: RuleContext): void {
  let feeRows = 0;
  const negTolFee = ctx.tolFee.neg();
  const tolC = decToCents(ctx.tolFee);
  // every row once, in any order (issues are sorted at the end), from the row index's columns:
  // a row with a fee and a net in its currency, no extra fees and net = amount − fee within
  // tolerance in whole cents (netConsistentExact on the columns) has no issue, and its fields
  // are not read
  const { rows, count, flags, amountCents, feeCents, netCents } = ctx.rows;
  for (let i = 0; i < count; i++) {
    const fl = flags[i]!;
    if ((fl & (FLAG.hasFee | FLAG.hasNet | FLAG.hasExtraFees)) === (FLAG.hasFee | FLAG.hasNet) && tolC !== undefined && tolC <= MAX_EXACT_CENTS) {
      // NaN (not whole cents) fails both tests
      const diff = netCents[i]! - (amountCents[i]! - feeCents[i]!);
      if (diff <= tolC && diff >= -tolC) {
        feeRows++;
        continue;
      }
    }
    const t = rows[i]!;
    const cur = t.amount.currency;
    if (t.fee && t.fee.currency !== cur) {
      ctx.issue(
        makeIssue(
          'warning',
          'issue.fee_currency_mismatch',
          { txn: t.rrn ?? t.id, date: txnDate(t), feeCurrency: t.fee.currency, currency: cur },
          { field: 'fee', raw: t.id },
        ),
      );
      continue;
    }
    if (t.fee) feeRows++;
    if (t.fee && t.net && t.net.currency === cur) {
      if (tolC !== undefined && netConsistentExact(t, tolC)) continue; // exact in cents: no issue
      let expectedNet = amountOf(t.amount).minus(amountOf(t.fee));
      let n = 1;
      for (const f of t.extraFees ?? [])
        if (f.amount.currency === cur) {
          expectedNet = expectedNet.minus(amountOf(f.amount));
          n++;
        }
      const diff = amountOf(t.net).minus(expectedNet);
      const tol = n === 1 ? ctx.tolFee : ctx.tolFee.times(n);
      if (diff.greaterThan(tol) || diff.lessThan(n === 1 ? negTolFee : tol.neg())) {
        // |diff| > tol
        ctx.issue(
          makeIssue(
            'warning',
            n > 1 ? 'issue.net_inconsistent.extraFees' : 'issue.net_inconsistent',
            { txn: t.rrn ?? t.id, date: txnDate(t), net: t.net.amount, amount: t.amount.amount, fee: t.fee.amount, difference: diff.toFixed(2) },
            { field: 'net', raw: t.id },
          ),
        );
      }
    }
  }
  if (feeRows > 0 && ctx.contracts.length === 0) {
    ctx.issue(makeIssue('warning', 'issue.no_contract', {}, { field: 'contracts' }));
  }
}

/**
 * The net check of checkInput in whole cents: true when every amount has at most two decimals
 * and |net − (amount − fee − extra fees)| ≤ tol × n — the Decimal path would find no issue.
 * false when it cannot tell (the Decimal path then decides and words the issue). Cents are JS
 * numbers only while exact: each is at most 2^50 (centsOf), a sum of a few stays far inside
 * 2^53, and a longer sum is checked with Number.isSafeInteger; beyond that Decimal decides.
 */
function netConsistentExact(t: ReconcileInput['transactions'][number], tolC: Cents): boolean {
  const cur = t.amount.currency;
  const a = centsOf(t.amount.amount);
  const f = centsOf(t.fee!.amount);
  const net = centsOf(t.net!.amount);
  if (a === undefined || f === undefined || net === undefined || tolC > MAX_EXACT_CENTS) return false;
  let expected = a - f;
  let n = 1;
  for (const x of t.extraFees ?? [])
    if (x.amount.currency === cur) {
      const e = centsOf(x.amount.amount);
      if (e === undefined) return false;
      expected -= e;
      n++;
    }
  const diff = net - expected;
  const tol = tolC * n;
  if (!Number.isSafeInteger(diff) || !Number.isSafeInteger(tol)) return false;
  return diff <= tol && diff >= -tol;
}
/** exported for the fast-path tests */
export { netConsistentExact };

export type { Issue };
