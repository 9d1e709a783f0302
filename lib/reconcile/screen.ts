// Input screening before reconcile() looks at anything (issue 5 "Bad input"): a row whose date or
// money cannot be read is left out with an error issue naming it and the field — never an
// exception, never a guessed value. Stored rows normally passed the readers' checks; this guards
// against what did not (an old backup, a hand-edited JSON file, a future reader's bug). An
// unreadable optional date (settleDate, valueOn) is dropped from the row with a warning: the
// row still counts, as if the portal or bank had not shown that date.
import { isValidYmd } from '../dates';
import { isDecimalString } from '../money';
import type { CashierRecord, Issue, MoneyJson, PortalTransaction, ReconcileInput, StatementLine } from '../model';
import { makeIssue, type IssueKey, type IssueParams } from '../i18n/issues';
import { TimeKeys } from './order';

const digit = (c: number) => c >= 48 && c <= 57;

/** Whether s starts with 'YYYY-MM-DD' naming a real day (read in place: no substring per row). */
function startsWithDate(s: string): boolean {
  if (s.length < 10) return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return false;
    } else if (!digit(c)) return false;
    else if (i < 4) y = y * 10 + c - 48;
    else if (i < 7) m = m * 10 + c - 48;
    else d = d * 10 + c - 48;
  }
  return isValidYmd(y, m, d);
}

/** 'YYYY-MM-DD' naming a real day. */
export function isReadableDate(s: unknown): boolean {
  return typeof s === 'string' && s.length === 10 && startsWithDate(s);
}

/** what may follow the date: a time, then optionally a fraction and an offset */
const TIME = /^.{10}T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/s;

/** Two digits at s[i], s[i+1] making a number at most `max`. */
function twoDigits(s: string, i: number, max: number): boolean {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && a * 10 + b <= max;
}

/** A LocalDateTime ('YYYY-MM-DDTHH:mm[:ss]', optionally with fraction and offset) or a bare date. */
export function isReadableDateTime(s: unknown): boolean {
  if (typeof s !== 'string' || !startsWithDate(s)) return false;
  if (s.length === 10) return true;
  // the common shape 'YYYY-MM-DDTHH:mm:ss' read in place (what TIME accepts of it), any other by TIME
  if (s.length === 19)
    return (
      s.charCodeAt(10) === 84 && twoDigits(s, 11, 23) && s.charCodeAt(13) === 58 && twoDigits(s, 14, 59) && s.charCodeAt(16) === 58 && twoDigits(s, 17, 60)
    );
  return TIME.test(s);
}

function isMoney(m: MoneyJson | undefined): boolean {
  return !!m && typeof m.amount === 'string' && isDecimalString(m.amount) && typeof m.currency === 'string' && m.currency !== '';
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

// What is wrong with a row, as a catalogue part (`issuePart.screen.*`, lib/i18n/catalogue-issues-*.ts).
const badTime = (field: string, v: unknown): IssueParams => ({ problemKey: 'issuePart.screen.time', field, value: show(v) });
const badDate = (field: string, v: unknown): IssueParams => ({ problemKey: 'issuePart.screen.date', field, value: show(v) });
const badMoney = (field: string, v: unknown, example: string): IssueParams => ({ problemKey: 'issuePart.screen.money', field, value: show(v), example });

/** What is wrong with a portal row that reconcile() cannot use at all, if anything. */
function txnProblem(t: PortalTransaction): IssueParams | undefined {
  if (!isReadableDateTime(t.occurredAt)) return badTime('occurredAt', t.occurredAt);
  if (!isMoney(t.amount)) return badMoney('amount', t.amount, '123.45');
  if (t.fee !== undefined && !isMoney(t.fee)) return badMoney('fee', t.fee, '0.60');
  if (t.net !== undefined && !isMoney(t.net)) return badMoney('net', t.net, '99.40');
  for (const x of t.extraFees ?? []) if (!isMoney(x?.amount)) return { problemKey: 'issuePart.screen.extraFee', value: show(x) };
  return undefined;
}

function lineProblem(l: StatementLine): IssueParams | undefined {
  if (!isReadableDate(l.bookedOn)) return badDate('bookedOn', l.bookedOn);
  if (!isMoney(l.amount)) return badMoney('amount', l.amount, '123.45');
  return undefined;
}

function cashierProblem(c: CashierRecord): IssueParams | undefined {
  if (!isReadableDateTime(c.occurredAt)) return badTime('occurredAt', c.occurredAt);
  if (!isMoney(c.amount)) return badMoney('amount', c.amount, '123.45');
  return undefined;
}

/**
 * `rows` with the unusable ones left out (the same array when all are fine: nothing is copied on
 * the common path), each left-out row reported; `fix` may return a repaired copy of a row. With
 * them the kept rows' time keys (order.ts TimeKeys of `timeOf`), noted while each time was just
 * read: the context sorts by them without reading every time again.
 */
function screenRows<T extends { id: string }>(
  rows: readonly T[],
  what: IssueKey,
  problem: (r: T) => IssueParams | undefined,
  fix: (r: T) => T,
  timeOf: (r: T) => string,
  issues: Issue[],
): { rows: readonly T[]; timeKeys: Float64Array | null } {
  let out: T[] | undefined;
  const keys = new TimeKeys(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const p = problem(r);
    const kept = p === undefined ? fix(r) : undefined;
    if (p !== undefined) issues.push(makeIssue('error', what, { id: r.id, ...p }, { raw: r.id }));
    if (kept !== r && !out) out = rows.slice(0, i) as T[];
    if (out && kept) out.push(kept);
    if (kept) keys.add(timeOf(kept));
  }
  return { rows: out ?? rows, timeKeys: keys.keys() };
}

/** The screened arrays' time keys (see screenRows), for makeContext. */
export interface ScreenedTimeKeys {
  transactions: Float64Array | null;
  statementLines: Float64Array | null;
  cashier: Float64Array | null | undefined;
}

export function screenInput(input: ReconcileInput): { input: ReconcileInput; issues: Issue[]; timeKeys: ScreenedTimeKeys } {
  const issues: Issue[] = [];
  const txns = screenRows(
    input.transactions,
    'issue.unreadable_row.portal',
    txnProblem,
    (t) => {
      if (t.settleDate === undefined || isReadableDate(t.settleDate)) return t;
      issues.push(makeIssue('warning', 'issue.unreadable_date.settleDate', { id: t.id, value: show(t.settleDate) }, { field: 'settleDate', raw: t.id }));
      const { settleDate: _drop, ...rest } = t;
      return rest as PortalTransaction;
    },
    (t) => t.occurredAt,
    issues,
  );
  const lines = screenRows(
    input.statementLines,
    'issue.unreadable_row.bank',
    lineProblem,
    (l) => {
      if (l.valueOn === undefined || isReadableDate(l.valueOn)) return l;
      issues.push(makeIssue('warning', 'issue.unreadable_date.valueOn', { id: l.id, value: show(l.valueOn) }, { field: 'valueOn', raw: l.id }));
      const { valueOn: _drop, ...rest } = l;
      return rest as StatementLine;
    },
    (l) => l.bookedOn,
    issues,
  );
  const cashier =
    input.cashier &&
    screenRows(
      input.cashier,
      'issue.unreadable_row.cashier',
      cashierProblem,
      (c) => c,
      (c) => c.occurredAt,
      issues,
    );
  const timeKeys: ScreenedTimeKeys = { transactions: txns.timeKeys, statementLines: lines.timeKeys, cashier: cashier?.timeKeys };
  if (issues.length === 0) return { input, issues, timeKeys };
  return {
    input: {
      ...input,
      transactions: txns.rows as PortalTransaction[],
      statementLines: lines.rows as StatementLine[],
      ...(cashier && { cashier: cashier.rows as CashierRecord[] }),
    },
    issues,
    timeKeys,
  };
}
