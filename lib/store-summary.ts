// What the popup and the findings dashboard show, worked out once per reconciliation while the
// rows are in memory anyway (issue 15 "Speed": popup within 200 ms with 100,000 stored rows,
// findings tab within 500 ms with 20,000 bank lines). Reading every row again each time the popup
// opens was the cost. Pure: the reconcile service stores the result in `summaries` and on findings.
import type { Finding, FindingFacts, FindingKind, IsoDate, MoneyJson, PortalTransaction, ReconcileResult, StatementLine, StoredFinding } from './model';
import { terminalHealthOfStore, type TerminalHealthView } from './reconcile/terminal-stats';
import { Dec, money } from './money';
import { effectiveRates, weekOf, type RatePoint } from './trends';

export interface SiteSummary {
  /** the origin rows were captured on */
  origin: string;
  rows: number;
  /** the latest evidence.capturedAt of its rows (ISO instant) */
  lastCaptureAt?: string;
}

/** Settlements per week (Monday of the value date): what the rows say should arrive and what did. */
export interface SettlementWeek {
  week: IsoDate;
  currency: string;
  expected: string;
  received: string;
  groups: number;
}

/**
 * The money at stake of one reconciliation's findings, summed per (sites, severity, kind,
 * currency): what the popup shows without reading every finding. The merchant's later decisions
 * are taken off by the popup (lib/popup-figures.ts figuresFromSummary).
 */
export interface FigureGroup {
  sites: string[];
  severity: 'overcharge' | 'suspect';
  kind: FindingKind;
  count: number;
  /** sum of atStake, absent when none of them states one */
  atStake?: MoneyJson;
}

export interface StoreSummary {
  id: 'main';
  /** when the reconciliation that wrote it ran (ISO instant) */
  at: string;
  sites: SiteSummary[];
  rates: RatePoint[];
  terminals: TerminalHealthView[];
  settlements: SettlementWeek[];
  /** money at stake of every finding of the run, and the decisions kept that it did not count */
  figures?: FigureGroup[];
  uncountedIds?: string[];
  /** rows per store when it was written (IndexedDB's count() walks every key: slow at 100,000) */
  rows?: { transactions: number; statementLines: number; cashier: number };
}

/** A finding as the dashboard lists it: without the (at times thousands of) row ids behind it. */
export type ListedFinding = Omit<StoredFinding, 'transactionIds' | 'statementLineIds' | 'cashierIds'>;

/**
 * Every finding of the last reconciliation as listed (record id 'findings' of the `summaries`
 * store): one record to read instead of every finding with its row ids (a settlement finding
 * names each row of its day). Decisions since are laid over it (lib/services/dashboard.ts).
 */
export interface FindingList {
  id: 'findings';
  at: string;
  /** without the merchant's decisions: those are read fresh (a restore then writes the same list) */
  items: Omit<ListedFinding, 'status' | 'statusBy' | 'statusAt'>[];
}

export function listed(f: StoredFinding): ListedFinding {
  const { transactionIds: _t, statementLineIds: _s, cashierIds: _c, ...rest } = f;
  return rest;
}

export function listItem(f: StoredFinding): FindingList['items'][number] {
  const { status: _st, statusBy: _by, statusAt: _at, ...rest } = listed(f);
  return rest;
}

export interface SummaryRows {
  transactions: readonly PortalTransaction[];
  statementLines: readonly StatementLine[];
  cashier?: readonly unknown[];
}

/** The origin of a page URL, or null for one that does not parse (it belongs to no site). */
function originOf(url: string, cache: Map<string, string | null>): string | null {
  let o = cache.get(url);
  if (o === undefined) {
    try {
      o = new URL(url).origin;
    } catch {
      o = null;
    }
    cache.set(url, o);
  }
  return o;
}

/** Each finding's first row (date, RRN, terminal, amount) and the sites its rows came from. */
export function findingFacts(findings: readonly Finding[], rows: SummaryRows): Map<string, FindingFacts> {
  const txById = new Map(rows.transactions.map((t) => [t.id, t]));
  const wantedLines = new Set(findings.flatMap((f) => (f.transactionIds.length ? [] : f.statementLineIds.slice(0, 1))));
  const lineById = new Map(rows.statementLines.filter((l) => wantedLines.has(l.id)).map((l) => [l.id, l]));
  const origins = new Map<string, string | null>();
  const out = new Map<string, FindingFacts>();
  for (const f of findings) {
    const txs = f.transactionIds.map((id) => txById.get(id)).filter((t) => t !== undefined);
    const sites = [...new Set(txs.map((t) => originOf(t.evidence.url, origins)).filter((o) => o !== null))].sort();
    const first = txs[0];
    const facts: FindingFacts = { sites };
    if (first) {
      facts.date = first.occurredAt.slice(0, 10);
      const rrn = first.rrn ?? first.voucherNo ?? first.orderNo;
      if (rrn) facts.rrn = rrn;
      if (first.terminalId) facts.terminalId = first.terminalId;
      facts.amount = first.amount;
    } else {
      const line = f.statementLineIds[0] ? lineById.get(f.statementLineIds[0]) : undefined;
      if (line) {
        facts.date = line.bookedOn;
        if (line.reference) facts.rrn = line.reference;
        facts.amount = line.amount;
      } else {
        const p = f.explanation.params;
        const day = p.settleDate ?? p.date ?? p.txnDate ?? p.from;
        if (day) facts.date = day.slice(0, 10);
      }
    }
    out.set(f.id, facts);
  }
  return out;
}

function siteSummaries(transactions: readonly PortalTransaction[]): SiteSummary[] {
  const origins = new Map<string, string | null>();
  const sites = new Map<string, SiteSummary>();
  for (const t of transactions) {
    const origin = originOf(t.evidence.url, origins);
    if (!origin) continue;
    const s = sites.get(origin) ?? { origin, rows: 0 };
    s.rows++;
    if (t.evidence.capturedAt && (!s.lastCaptureAt || t.evidence.capturedAt > s.lastCaptureAt)) s.lastCaptureAt = t.evidence.capturedAt;
    sites.set(origin, s);
  }
  return [...sites.values()].sort((a, b) => a.origin.localeCompare(b.origin));
}

/**
 * Settlements expected vs received per week. A group the engine matched counts what arrived as
 * both (it is settled within tolerance); a group short, over or missing counts the engine's own
 * expected and received (ReconcileResult.residuals).
 */
function settlementWeeks(result: Pick<ReconcileResult, 'matches' | 'residuals'>, lines: readonly StatementLine[]): SettlementWeek[] {
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const weeks = new Map<string, { week: IsoDate; currency: string; expected: Dec; received: Dec; groups: number }>();
  const add = (day: IsoDate | undefined, expected: MoneyJson, received: MoneyJson) => {
    if (!day) return;
    const week = weekOf(day);
    const key = `${week}|${expected.currency}`;
    const w = weeks.get(key) ?? { week, currency: expected.currency, expected: new Dec(0), received: new Dec(0), groups: 0 };
    w.expected = w.expected.plus(expected.amount);
    if (received.currency === expected.currency) w.received = w.received.plus(received.amount);
    w.groups++;
    weeks.set(key, w);
  };
  for (const m of result.matches) {
    if (!m.basis.startsWith('settlement')) continue;
    const ls = m.statementLineIds.map((id) => lineById.get(id)).filter((l) => l !== undefined);
    if (!ls.length) continue;
    const currency = ls[0]!.amount.currency;
    const got = ls.reduce((s, l) => (l.amount.currency === currency ? s.plus(l.amount.amount) : s), new Dec(0));
    add(ls[0]!.bookedOn, money(got, currency), money(got, currency));
  }
  for (const r of result.residuals) add(r.settleDate, r.expected, r.received);
  return [...weeks.values()]
    .sort((a, b) => a.week.localeCompare(b.week) || a.currency.localeCompare(b.currency))
    .map((w) => ({
      week: w.week,
      currency: w.currency,
      expected: money(w.expected, w.currency).amount,
      received: money(w.received, w.currency).amount,
      groups: w.groups,
    }));
}

/** A run's findings summed per (sites, severity, kind, currency), whatever their status. */
export function figureGroups(findings: readonly Finding[], facts: ReadonlyMap<string, FindingFacts>): FigureGroup[] {
  const groups = new Map<string, { g: FigureGroup; sum?: Dec }>();
  for (const f of findings) {
    if (f.severity !== 'overcharge' && f.severity !== 'suspect') continue;
    const sites = facts.get(f.id)?.sites ?? [];
    const key = `${sites.join(' ')}|${f.severity}|${f.kind}|${f.atStake?.currency ?? ''}`;
    const e = groups.get(key) ?? { g: { sites, severity: f.severity, kind: f.kind, count: 0 } };
    e.g.count++;
    if (f.atStake) e.sum = (e.sum ?? new Dec(0)).plus(f.atStake.amount);
    groups.set(key, e);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([key, { g, sum }]) => (sum ? { ...g, atStake: money(sum, key.slice(key.lastIndexOf('|') + 1)) } : g));
}

/** The summary a reconciliation leaves for the popup and the dashboard. */
export function summarizeStore(result: Pick<ReconcileResult, 'findings' | 'matches' | 'residuals'>, rows: SummaryRows, at: string): StoreSummary {
  return {
    id: 'main',
    at,
    sites: siteSummaries(rows.transactions),
    rates: effectiveRates(rows.transactions),
    terminals: terminalHealthOfStore(rows.transactions, result.findings),
    settlements: settlementWeeks(result, rows.statementLines),
    rows: { transactions: rows.transactions.length, statementLines: rows.statementLines.length, cashier: rows.cashier?.length ?? 0 },
  };
}
