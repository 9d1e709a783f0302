// The findings table's rows, sort and filter (issue 15 item 5), apart from the markup so they can
// be tested as plain data. Money compares as Decimal, never as a JS number.
import type { FindingKind, FindingStatus, IsoDate, MoneyJson, Severity } from '../../../lib/model';
import type { ListedFinding } from '../../../lib/store-summary';
import { Dec } from '../../../lib/money';

export type SortKey = 'date' | 'rrn' | 'terminal' | 'amount' | 'kind' | 'status' | 'atStake';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface Filter {
  kinds: FindingKind[]; // empty: every kind
  statuses: FindingStatus[]; // empty: every status
  severities: Severity[]; // how sure: overcharge (certain), suspect, info; empty: all
  from?: IsoDate;
  to?: IsoDate;
  /** matched against RRN, terminal, kind name and explanation text, case-insensitive */
  text: string;
}

export const DEFAULT_FILTER: Filter = { kinds: [], statuses: ['open'], severities: [], text: '' };
export const DEFAULT_SORT: Sort = { key: 'atStake', dir: 'desc' };

/** What a row shows, worked out once per finding (the sort and the filter read it, not the record). */
export interface FindingRow {
  finding: ListedFinding;
  date?: IsoDate;
  rrn?: string;
  terminal?: string;
  amount?: MoneyJson;
  /** the kind's name in the page language, for sorting and searching as the merchant reads it */
  kindLabel: string;
  /** lower-cased text the search box looks in */
  haystack: string;
}

export function toRows(findings: readonly ListedFinding[], kindLabel: (k: FindingKind) => string, explain: (f: ListedFinding) => string): FindingRow[] {
  return findings.map((f) => {
    const facts = f.facts;
    const label = kindLabel(f.kind);
    const row: FindingRow = { finding: f, kindLabel: label, haystack: '' };
    if (facts?.date) row.date = facts.date;
    if (facts?.rrn) row.rrn = facts.rrn;
    if (facts?.terminalId) row.terminal = facts.terminalId;
    if (facts?.amount) row.amount = facts.amount;
    row.haystack = [facts?.rrn, facts?.terminalId, label, f.kind, explain(f)].filter(Boolean).join('\n').toLowerCase();
    return row;
  });
}

export function matches(row: FindingRow, filter: Filter): boolean {
  const f = row.finding;
  if (filter.kinds.length && !filter.kinds.includes(f.kind)) return false;
  if (filter.statuses.length && !filter.statuses.includes(f.status)) return false;
  if (filter.severities.length && !filter.severities.includes(f.severity)) return false;
  // a finding with no date is kept only when no date range is asked for
  if ((filter.from || filter.to) && !row.date) return false;
  if (filter.from && row.date! < filter.from) return false;
  if (filter.to && row.date! > filter.to) return false;
  const text = filter.text.trim().toLowerCase();
  return !text || row.haystack.includes(text);
}

const STATUS_ORDER: Record<FindingStatus, number> = { open: 0, disputed: 1, resolved: 2, dismissed: 3 };

function moneyCmp(a: MoneyJson | undefined, b: MoneyJson | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  return new Dec(a.amount).comparedTo(b.amount);
}

function textCmp(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a !== undefined ? 1 : b !== undefined ? -1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBy(key: SortKey, a: FindingRow, b: FindingRow): number {
  switch (key) {
    case 'date':
      return textCmp(a.date, b.date);
    case 'rrn':
      return textCmp(a.rrn, b.rrn);
    case 'terminal':
      return textCmp(a.terminal, b.terminal);
    case 'amount':
      return moneyCmp(a.amount, b.amount);
    case 'kind':
      return a.kindLabel.localeCompare(b.kindLabel);
    case 'status':
      return STATUS_ORDER[a.finding.status] - STATUS_ORDER[b.finding.status];
    case 'atStake':
      return moneyCmp(a.finding.atStake, b.finding.atStake);
  }
}

/** Sorted copy; rows without the value sort last either way; ties keep the finding id order. */
export function sortRows(rows: readonly FindingRow[], sort: Sort): FindingRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const missing = (r: FindingRow) => {
    switch (sort.key) {
      case 'date':
        return r.date === undefined;
      case 'rrn':
        return r.rrn === undefined;
      case 'terminal':
        return r.terminal === undefined;
      case 'amount':
        return r.amount === undefined;
      case 'atStake':
        return r.finding.atStake === undefined;
      default:
        return false;
    }
  };
  return [...rows].sort((a, b) => {
    const ma = missing(a),
      mb = missing(b);
    if (ma !== mb) return ma ? 1 : -1;
    return sign * compareBy(sort.key, a, b) || (a.finding.id < b.finding.id ? -1 : a.finding.id > b.finding.id ? 1 : 0);
  });
}

/** The rows a fixed-height window shows: [start, end) with a few rows to spare either side. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 6): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + Math.ceil(viewport / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}
