// Input screening before reconcile() looks at anything (issue 5 "Bad input"): a row whose date or
// money cannot be read is left out with an error issue naming it and the field — never an
// exception, never a guessed value. Stored rows normally passed the readers' checks; this guards
// against what did not (an old backup, a hand-edited JSON file, a future reader's bug). An
// unreadable optional date (settleDate, valueOn) is dropped from the row with a warning: the
// row still counts, as if the portal or bank had not shown that date.
import { isValidYmd } from '../dates';
import { isDecimalString } from '../money';
import type { CashierRecord, Issue, MoneyJson, PortalTransaction, ReconcileInput, StatementLine } from '../model';

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

/** A LocalDateTime ('YYYY-MM-DDTHH:mm[:ss]', optionally with fraction and offset) or a bare date. */
export function isReadableDateTime(s: unknown): boolean {
  if (typeof s !== 'string' || !startsWithDate(s)) return false;
  return s.length === 10 || TIME.test(s);
}

function isMoney(m: MoneyJson | undefined): boolean {
  return !!m && typeof m.amount === 'string' && isDecimalString(m.amount) && typeof m.currency === 'string' && m.currency !== '';
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/** What is wrong with a portal row that reconcile() cannot use at all, if anything. */
function txnProblem(t: PortalTransaction): string | undefined {
  if (!isReadableDateTime(t.occurredAt)) return `occurredAt is ${show(t.occurredAt)} (expected a time like 2026-03-05T10:00:00)`;
  if (!isMoney(t.amount)) return `amount is ${show(t.amount)} (expected { amount: "123.45", currency })`;
  if (t.fee !== undefined && !isMoney(t.fee)) return `fee is ${show(t.fee)} (expected { amount: "0.60", currency })`;
  if (t.net !== undefined && !isMoney(t.net)) return `net is ${show(t.net)} (expected { amount: "99.40", currency })`;
  for (const x of t.extraFees ?? []) if (!isMoney(x?.amount)) return `an extra fee is ${show(x)} (expected { label, amount: { amount, currency } })`;
  return undefined;
}

function lineProblem(l: StatementLine): string | undefined {
  if (!isReadableDate(l.bookedOn)) return `bookedOn is ${show(l.bookedOn)} (expected a date like 2026-03-05)`;
  if (!isMoney(l.amount)) return `amount is ${show(l.amount)} (expected { amount: "123.45", currency })`;
  return undefined;
}

function cashierProblem(c: CashierRecord): string | undefined {
  if (!isReadableDateTime(c.occurredAt)) return `occurredAt is ${show(c.occurredAt)} (expected a time like 2026-03-05T10:00:00)`;
  if (!isMoney(c.amount)) return `amount is ${show(c.amount)} (expected { amount: "123.45", currency })`;
  return undefined;
}

/**
 * `rows` with the unusable ones left out (the same array when all are fine: nothing is copied on
 * the common path), each left-out row reported; `fix` may return a repaired copy of a row.
 */
function screenRows<T extends { id: string }>(
  rows: readonly T[],
  what: string,
  problem: (r: T) => string | undefined,
  fix: (r: T) => T,
  issues: Issue[],
): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const p = problem(r);
    const kept = p === undefined ? fix(r) : undefined;
    if (p !== undefined)
      issues.push({
        level: 'error',
        code: 'unreadable_row',
        raw: r.id,
        message: `${what} ${r.id}: ${p}; left out of the reconciliation. 该记录无法读取，未参与对账。`,
      });
    if (kept !== r && !out) out = rows.slice(0, i) as T[];
    if (out && kept) out.push(kept);
  }
  return out ?? rows;
}

export function screenInput(input: ReconcileInput): { input: ReconcileInput; issues: Issue[] } {
  const issues: Issue[] = [];
  const transactions = screenRows(
    input.transactions,
    'Portal transaction',
    txnProblem,
    (t) => {
      if (t.settleDate === undefined || isReadableDate(t.settleDate)) return t;
      issues.push({
        level: 'warning',
        code: 'unreadable_date',
        field: 'settleDate',
        raw: t.id,
        message: `Portal transaction ${t.id}: settleDate ${show(t.settleDate)} is not a date; read as not shown. 清算日期无法识别。`,
      });
      const { settleDate: _drop, ...rest } = t;
      return rest as PortalTransaction;
    },
    issues,
  );
  const statementLines = screenRows(
    input.statementLines,
    'Bank line',
    lineProblem,
    (l) => {
      if (l.valueOn === undefined || isReadableDate(l.valueOn)) return l;
      issues.push({
        level: 'warning',
        code: 'unreadable_date',
        field: 'valueOn',
        raw: l.id,
        message: `Bank line ${l.id}: value date ${show(l.valueOn)} is not a date; read as not shown. 起息日无法识别。`,
      });
      const { valueOn: _drop, ...rest } = l;
      return rest as StatementLine;
    },
    issues,
  );
  const cashier = input.cashier && screenRows(input.cashier, 'Cashier record', cashierProblem, (c) => c, issues);
  if (issues.length === 0) return { input, issues };
  return {
    input: {
      ...input,
      transactions: transactions as PortalTransaction[],
      statementLines: statementLines as StatementLine[],
      ...(cashier && { cashier: cashier as CashierRecord[] }),
    },
    issues,
  };
}
