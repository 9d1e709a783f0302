// Terminal health (issue 13 item 4, seed: 检查POS机): per terminal and calendar month, how many
// of its transactions were duplicate swipes, reversals (冲正), voids (撤销) or failed/declined, and
// whether a rate is out of line with the shop's other terminals in the same month (or, in a shop
// with no other terminal to compare with, with the terminal's own earlier months).
// A worn card reader, a flaky network module or a terminal with the wrong software shows as one
// device whose failures, reversals (sent when the host's answer never came) and repeat swipes
// stand out from the devices beside it under the same cashiers, cards and acquirer.
//
// Pure: the rule (rules/terminal-health.ts) and the dashboard chart read the same judgement.
// Rates are statistics, not money: counts and plain numbers here, percent strings at the edge.
import type { Finding, PortalTransaction } from '../model';
import { normaliseId } from './keys';
import { FLAG, KIND, STATUS, type RowIndex } from './row-index';

export const TERMINAL_METRICS = ['duplicates', 'reversals', 'voids', 'failures'] as const;
export type TerminalMetric = (typeof TERMINAL_METRICS)[number];

/**
 * The test, and why:
 * - MIN_ATTEMPTS: a rate on fewer than 30 transactions says little (1 reversal in 10 is 10 %);
 *   the terminal and its baseline (the other terminals together, or its own past) both need 30.
 * - MIN_RATIO / MIN_POINTS: out of line means well above the baseline in both senses — at least
 *   twice it and at least 3 percentage points above it — so a shop-wide 10 % against 12 % (a
 *   network outage, a busy month) never points at one device, nor 0.2 % against 0.1 %.
 * - significance: P(X ≥ count) for X ~ Binomial(attempts, baseline) below 0.001, so chance alone
 *   rarely raises it even over 4 metrics × several terminals × months. The baseline used in the
 *   tail is at least FLOOR (1 %): a baseline of 0 (the other terminals had no void this month)
 *   would make any single event "impossible"; 1 % is the everyday level of voids and declines.
 */
export const MIN_ATTEMPTS = 30;
export const MIN_RATIO = 2;
export const MIN_POINTS = 0.03;
export const SIGNIFICANCE = 0.001;
export const FLOOR = 0.01;

/** One terminal's month: attempts and the ids of the rows behind each metric. */
export interface TerminalMonth {
  /** normalised merchant and terminal ids (keys.ts), and the terminal id as the portal shows it */
  merchantKey: string;
  terminalKey: string;
  merchantId?: string;
  terminalId: string;
  /** 'YYYY-MM' */
  period: string;
  /** sales, pre-authorisations and completions at the terminal, whatever their status */
  attempts: number;
  events: Record<TerminalMetric, string[]>;
}

export interface Judgement {
  metric: TerminalMetric;
  count: number;
  attempts: number;
  /** what the terminal was compared with */
  basis: 'peers' | 'past';
  baselineCount: number;
  baselineAttempts: number;
  pValue: number;
}

const ATTEMPT_KINDS = new Set<PortalTransaction['kind']>(['sale', 'preauth', 'preauth_completion']);

/**
 * Every terminal's months, in (merchant, terminal, period) order. `duplicateIds` are the later
 * swipes of the duplicate clusters (duplicates.ts). A reversal or void is counted once whether
 * the portal shows it as its own row, as the sale's status, or both (a 'reversed'/'voided' sale
 * counts only when no reversal/void row points at it). Rows without a terminal id are left out:
 * they cannot be placed on a device (online and QR-code sales often have none).
 */
export function terminalMonths(transactions: readonly PortalTransaction[], duplicateIds: ReadonlySet<string>): TerminalMonth[] {
  const pointedAt = new Set<string>();
  for (const t of transactions)
    if ((t.kind === 'void' || t.kind === 'reversal') && t.status !== 'failed' && t.originalRef) pointedAt.add(normaliseId('rrn', t.originalRef));
  const isPointedAt = (t: PortalTransaction) => [t.rrn, t.voucherNo, t.orderNo, t.id].some((r) => !!r && pointedAt.has(normaliseId('rrn', r)));
  // Rows are looked up by their ids as printed (no key string built per row; a million rows pass
  // in well under a second) and the month a terminal saw last (rows mostly come in time order);
  // spellings of one terminal ('00012345', '12345') are merged by their normalised ids at the end.
  const byPrinted = new Map<string, Map<string, { merchantKey: string; terminalKey: string; last?: TerminalMonth; months: Map<string, TerminalMonth> }>>();
  for (const t of transactions) {
    if (!t.terminalId) continue;
    let byMerchant = byPrinted.get(t.terminalId);
    if (!byMerchant) byPrinted.set(t.terminalId, (byMerchant = new Map()));
    const merchant = t.merchantId ?? '';
    let e = byMerchant.get(merchant);
    if (!e)
      byMerchant.set(
        merchant,
        (e = { merchantKey: normaliseId('merchant', t.merchantId), terminalKey: normaliseId('terminal', t.terminalId), months: new Map() }),
      );
    if (!e.terminalKey) continue;
    let m = e.last;
    if (!m || !t.occurredAt.startsWith(m.period)) {
      const period = t.occurredAt.slice(0, 7);
      m = e.months.get(period);
      if (!m) {
        m = {
          merchantKey: e.merchantKey,
          terminalKey: e.terminalKey,
          terminalId: t.terminalId.trim(),
          period,
          attempts: 0,
          events: { duplicates: [], reversals: [], voids: [], failures: [] },
        };
        if (t.merchantId) m.merchantId = t.merchantId.trim();
        e.months.set(period, m);
      }
      e.last = m;
    }
    const attempt = ATTEMPT_KINDS.has(t.kind);
    if (attempt) m.attempts++;
    if (duplicateIds.has(t.id)) m.events.duplicates.push(t.id);
    if (t.status === 'failed' && t.kind !== 'refund') {
      if (attempt) m.events.failures.push(t.id);
    } else if (t.kind === 'reversal') m.events.reversals.push(t.id);
    else if (t.kind === 'void') m.events.voids.push(t.id);
    else if (attempt && t.status === 'reversed' && !isPointedAt(t)) m.events.reversals.push(t.id);
    else if (attempt && t.status === 'voided' && !isPointedAt(t)) m.events.voids.push(t.id);
  }
  const merged = new Map<string, TerminalMonth>();
  for (const byMerchant of byPrinted.values()) {
    for (const e of byMerchant.values()) {
      for (const m of e.months.values()) {
        const key = `${m.merchantKey}|${m.terminalKey}|${m.period}`;
        const into = merged.get(key);
        if (!into) {
          merged.set(key, m);
          continue;
        }
        into.attempts += m.attempts;
        for (const k of TERMINAL_METRICS) into.events[k].push(...m.events[k]);
      }
    }
  }
  return [...merged.values()].sort((a, b) => cmp(a.merchantKey, b.merchantKey) || cmp(a.terminalKey, b.terminalKey) || cmp(a.period, b.period));
}

/**
 * terminalMonths(index.rows, …) read from the row index's columns (kinds, statuses, normalised
 * ids, days) instead of each row's fields; a row's own fields are read only for the few rows
 * behind an event. `duplicate[i]` is 1 for the later swipes of the duplicate clusters. When every
 * terminal and merchant id is printed in normal form (no FLAG.respelledId), a terminal's printed
 * id is its normalised id, so grouping by the normalised ids is the grouping of terminalMonths:
 * the same months, in the same order, with the same events in the same order. Otherwise
 * undefined (terminalMonths merges the spellings).
 */
export function terminalMonthsOfIndex(index: RowIndex, duplicate: Uint8Array): TerminalMonth[] | undefined {
  const { rows, count, kind, status, flags, terminalId, merchantId, day, id } = index;
  for (let i = 0; i < count; i++) if ((flags[i]! & FLAG.respelledId) !== 0) return undefined;
  const pointedAt = new Set<string>();
  for (let i = 0; i < count; i++) {
    if ((kind[i] !== KIND.void && kind[i] !== KIND.reversal) || status[i] === STATUS.failed) continue;
    const ref = rows[i]!.originalRef;
    if (ref) pointedAt.add(normaliseId('rrn', ref));
  }
  const isPointedAt = (t: PortalTransaction) => [t.rrn, t.voucherNo, t.orderNo, t.id].some((r) => !!r && pointedAt.has(normaliseId('rrn', r)));
  // by (terminal, merchant) codes: a number per row, no string lookups; a row's month is the
  // one its terminal saw last when the day is that one's day (rows of a day share a string)
  const { terminalCode, merchantCode } = index;
  const merchants = index.merchants.length;
  const byTerminal = new Map<number, { last?: TerminalMonth; lastDay?: string; months: Map<string, TerminalMonth> }>();
  const out: TerminalMonth[] = [];
  for (let i = 0; i < count; i++) {
    const terminalKey = terminalId[i]!;
    if (terminalKey === '') continue;
    const code = terminalCode[i]! * merchants + merchantCode[i]!;
    let e = byTerminal.get(code);
    if (!e) byTerminal.set(code, (e = { months: new Map() }));
    let m = e.last;
    const d = day[i]!;
    if (!m || (d !== e.lastDay && !d.startsWith(m.period))) {
      const merchantKey = merchantId[i]!;
      const period = d.slice(0, 7);
      m = e.months.get(period);
      if (!m) {
        m = { merchantKey, terminalKey, terminalId: terminalKey, period, attempts: 0, events: { duplicates: [], reversals: [], voids: [], failures: [] } };
        if (merchantKey !== '') m.merchantId = merchantKey;
        e.months.set(period, m);
        out.push(m);
      }
      e.last = m;
    }
    e.lastDay = d;
    const k = kind[i]!;
    const st = status[i]!;
    const attempt = k === KIND.sale || k === KIND.preauth || k === KIND.preauth_completion;
    if (attempt) m.attempts++;
    if (duplicate[i] === 1) m.events.duplicates.push(id[i]!);
    if (st === STATUS.failed && k !== KIND.refund) {
      if (attempt) m.events.failures.push(id[i]!);
    } else if (k === KIND.reversal) m.events.reversals.push(id[i]!);
    else if (k === KIND.void) m.events.voids.push(id[i]!);
    else if (attempt && st === STATUS.reversed && !isPointedAt(rows[i]!)) m.events.reversals.push(id[i]!);
    else if (attempt && st === STATUS.voided && !isPointedAt(rows[i]!)) m.events.voids.push(id[i]!);
  }
  return out.sort((a, b) => cmp(a.merchantKey, b.merchantKey) || cmp(a.terminalKey, b.terminalKey) || cmp(a.period, b.period));
}

/**
 * The metrics in which `m` is out of line, strongest (smallest p-value) first. The baseline is
 * the shop's other terminals in the same month when they had MIN_ATTEMPTS between them; only a
 * terminal with no such peers is compared with its own earlier months. A terminal worse than its
 * own past but like the other terminals is not out of line: the whole shop changed (the network,
 * the acquirer's host, the season), which is no reason to check this device.
 */
export function judgeTerminal(m: TerminalMonth, all: readonly TerminalMonth[]): Judgement[] {
  if (m.attempts < MIN_ATTEMPTS) return [];
  const peers = all.filter((o) => o.merchantKey === m.merchantKey && o.period === m.period && o.terminalKey !== m.terminalKey);
  const past = all.filter((o) => o.merchantKey === m.merchantKey && o.terminalKey === m.terminalKey && o.period < m.period);
  const peerAttempts = sumAttempts(peers);
  const basis: Judgement['basis'] | undefined = peerAttempts >= MIN_ATTEMPTS ? 'peers' : sumAttempts(past) >= MIN_ATTEMPTS ? 'past' : undefined;
  if (!basis) return [];
  const baseline = basis === 'peers' ? peers : past;
  const out: Judgement[] = [];
  for (const metric of TERMINAL_METRICS) {
    const count = m.events[metric].length;
    const baselineCount = baseline.reduce((s, o) => s + o.events[metric].length, 0);
    const baselineAttempts = sumAttempts(baseline);
    const p0 = baselineCount / baselineAttempts;
    const rate = count / m.attempts;
    if (!(rate > MIN_RATIO * p0 && rate > p0 + MIN_POINTS)) continue;
    const pValue = binomialTail(m.attempts, count, Math.max(p0, FLOOR));
    if (pValue < SIGNIFICANCE) out.push({ metric, count, attempts: m.attempts, basis, baselineCount, baselineAttempts, pValue });
  }
  return out.sort((a, b) => a.pValue - b.pValue || TERMINAL_METRICS.indexOf(a.metric) - TERMINAL_METRICS.indexOf(b.metric));
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space from k up (terms fall once past the mean). */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p),
    lq = Math.log1p(-p),
    lnN = logFactorial(n);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(lnN - logFactorial(i) - logFactorial(n - i) + i * lp + (n - i) * lq);
    sum += term;
    if (i > n * p && term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/** ln(n!) through ln Γ(n + 1) (Lanczos, g = 7, 9 terms: ~15 significant digits). */
function logFactorial(n: number): number {
  return n < 2 ? 0 : logGamma(n + 1);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

function logGamma(x: number): number {
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** count / attempts as a percent string with 2 decimals, rounded half up in integers ("8.00"). */
export function percentOf(count: number, attempts: number): string {
  if (attempts <= 0) return '0.00';
  const hundredthsOfPercent = Math.floor((2 * count * 10_000 + attempts) / (2 * attempts));
  return `${Math.floor(hundredthsOfPercent / 100)}.${String(hundredthsOfPercent % 100).padStart(2, '0')}`;
}

function sumAttempts(ms: readonly TerminalMonth[]): number {
  return ms.reduce((s, o) => s + o.attempts, 0);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the dashboard chart shows: one month of one shop's terminals, each with its four rates. */
export interface TerminalHealthView {
  merchantId?: string;
  period: string;
  /** the shop's rate over all its terminals that month, per metric (percent strings) */
  shop: Record<TerminalMetric, string>;
  terminals: {
    terminalId: string;
    attempts: number;
    rates: Record<TerminalMetric, string>;
    counts: Record<TerminalMetric, number>;
    /** the metrics out of line (judgeTerminal), strongest first; [] for a healthy terminal */
    outOfLine: TerminalMetric[];
  }[];
}

/**
 * The latest month of each shop (merchant) with at least one terminal, for the chart: one view
 * per shop, shops in merchant order. Readable with one month of data: only that month is shown.
 */
export function terminalHealthViews(transactions: readonly PortalTransaction[], duplicateIds: ReadonlySet<string>): TerminalHealthView[] {
  const all = terminalMonths(transactions, duplicateIds);
  const latest = new Map<string, string>();
  for (const m of all) if ((latest.get(m.merchantKey) ?? '') < m.period) latest.set(m.merchantKey, m.period);
  const views: TerminalHealthView[] = [];
  for (const [merchantKey, period] of [...latest].sort((a, b) => cmp(a[0], b[0]))) {
    const month = all.filter((m) => m.merchantKey === merchantKey && m.period === period);
    const total = sumAttempts(month);
    const rates = (count: (metric: TerminalMetric) => number, attempts: number) =>
      Object.fromEntries(TERMINAL_METRICS.map((k) => [k, percentOf(count(k), attempts)])) as Record<TerminalMetric, string>;
    views.push({
      ...(month[0]!.merchantId !== undefined && { merchantId: month[0]!.merchantId }),
      period,
      shop: rates((k) => month.reduce((s, m) => s + m.events[k].length, 0), total),
      terminals: month.map((m) => ({
        terminalId: m.terminalId,
        attempts: m.attempts,
        rates: rates((k) => m.events[k].length, m.attempts),
        counts: Object.fromEntries(TERMINAL_METRICS.map((k) => [k, m.events[k].length])) as Record<TerminalMetric, number>,
        outOfLine: judgeTerminal(m, all).map((j) => j.metric),
      })),
    });
  }
  return views;
}

/**
 * The chart's views from what the store holds: the rows, and the duplicate_charge findings, whose
 * later swipes (params.duplicateTransactionId) are the duplicate clusters the rule counts.
 */
export function terminalHealthOfStore(
  transactions: readonly PortalTransaction[],
  findings: readonly Pick<Finding, 'kind' | 'explanation'>[],
): TerminalHealthView[] {
  const duplicateIds = new Set<string>();
  for (const f of findings) {
    const id = f.kind === 'duplicate_charge' ? f.explanation.params.duplicateTransactionId : undefined;
    if (id) duplicateIds.add(id);
  }
  return terminalHealthViews(transactions, duplicateIds);
}
