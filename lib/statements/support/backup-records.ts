// The records of a SettleGuard backup, checked store by store before anything is restored: ids
// present, money as decimal strings (DESIGN.md §1 rule 1), dates real, the fields each store's
// readers rely on. A record that fails is reported with its store, index and field and left out
// whole — never half-stored. Records that pass are kept exactly as written (unknown extra fields
// too), so a backup restored is the store it was taken from.
import { isoDate } from '../../dates';
import { FINDING_KINDS, type Issue } from '../../model';
import { isDecimalString } from '../../money';
import { makeIssue, problemPart, type FieldProblem } from '../../i18n/issues';

/** Every store a backup holds, in the order they are written and shown. */
export const BACKUP_STORES = [
  'settings',
  'sites',
  'contracts',
  'imports',
  'transactions',
  'statementLines',
  'cashier',
  'coverage',
  'findings',
  'disputes',
] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

/** The database schema (lib/db.ts version) this build writes; a test keeps the two equal. */
export const LATEST_SCHEMA = 7;

/** Stores left out on purpose: rebuilt from the others (lib/services/reconcile.ts replaces `unchecked` and `summaries` on every run). */
export const DERIVED_STORES = ['unchecked', 'summaries'] as const;

/** `expected` names a catalogue part, `issuePart.expect.<expected>` (lib/i18n/catalogue-issues-*.ts) */
type Problem = { at: string; expected: string; allowed?: string; missing?: boolean };
type Check = (v: unknown) => Problem | undefined;
type Field = { check: Check; required: boolean };

const bad = (expected: string, allowed?: string): Problem => (allowed === undefined ? { at: '', expected } : { at: '', expected, allowed });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : bad('text'));
const anyText: Check = (v) => (typeof v === 'string' ? undefined : bad('anyText'));
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : bad('bool'));
const count: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : bad('count'));
const object: Check = (v) => (isObject(v) ? undefined : bad('object'));
const decimal: Check = (v) => (typeof v === 'string' && isDecimalString(v) ? undefined : bad('decimalMoney'));
const currency: Check = (v) => (typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? undefined : bad('currency'));
const date: Check = (v) => {
  const m = typeof v === 'string' ? v.match(/^(\d{4})-(\d{2})-(\d{2})$/) : null;
  return m && isoDate(+m[1]!, +m[2]!, +m[3]!) === v ? undefined : bad('date');
};
const dateTime: Check = (v) =>
  typeof v === 'string' && date(v.slice(0, 10)) === undefined && /^.{10}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)
    ? undefined
    : bad('dateTime');
const oneOf =
  (allowed: readonly (string | boolean)[]): Check =>
  (v) =>
    allowed.includes(v as string) ? undefined : bad('oneOf', allowed.join(', '));

const req = (check: Check): Field => ({ check, required: true });
const opt = (check: Check): Field => ({ check, required: false });

/** An object whose fields pass their checks; a problem says which field, however deep. */
function shape(fields: Record<string, Field>): Check {
  return (v) => {
    if (!isObject(v)) return bad('object');
    for (const [key, f] of Object.entries(fields)) {
      const value = v[key];
      if (value === undefined || value === null) {
        if (f.required) return { ...expectedOf(f.check), at: `.${key}`, missing: true };
        continue;
      }
      const p = f.check(value);
      if (p) return { ...p, at: `.${key}${p.at}` };
    }
    return undefined;
  };
}
/** what a check expects, for a field that is missing */
const expectedOf = (check: Check): Problem => check(Symbol('missing')) ?? bad('value');

const listOf =
  (item: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return bad('list');
    for (const [i, x] of v.entries()) {
      const p = item(x);
      if (p) return { ...p, at: `[${i}]${p.at}` };
    }
    return undefined;
  };
const valuesOf =
  (item: Check): Check =>
  (v) => {
    if (!isObject(v)) return bad('object');
    for (const [k, x] of Object.entries(v)) {
      const p = item(x);
      if (p) return { ...p, at: `[${JSON.stringify(k)}]${p.at}` };
    }
    return undefined;
  };

const moneyJson = shape({ amount: req(decimal), currency: req(currency) });
const CARD_TYPES = ['debit', 'credit', 'semi_credit', 'prepaid', 'foreign', 'qr_wechat', 'qr_alipay', 'qr_unionpay', 'unknown'];
const TXN_KINDS = [
  'sale',
  'void',
  'refund',
  'reversal',
  'preauth',
  'preauth_completion',
  'preauth_completion_void',
  'fee',
  'adjustment',
  'chargeback',
  'payout',
];
const TXN_STATUSES = ['success', 'failed', 'pending', 'voided', 'reversed', 'unknown'];
const DISPUTE_STATUSES = ['draft', 'sent', 'acknowledged', 'refunded_partial', 'refunded_full', 'rejected', 'cancelled'];
const explanation = shape({ key: req(text), params: req(valuesOf(anyText)) });

// Contracts are checked by validateContract (lib/statements/settleguard.ts), shared with the contract form.
const RECORDS: Record<Exclude<BackupStore, 'contracts'>, Record<string, Field>> = {
  settings: {
    id: req(oneOf(['main'])),
    merchant: req(valuesOf(anyText)),
    defaultCurrency: req(currency),
    language: req(oneOf(['auto', 'zh-CN', 'en'])),
    tolerances: opt(object),
    extraHolidays: opt(listOf(date)),
    cashierMappings: opt(valuesOf(object)),
    templates: opt(valuesOf(shape({ subject: req(anyText), body: req(anyText) }))),
  },
  sites: { id: req(text), enabled: req(bool), addedAt: req(text), columnMap: opt(object) },
  imports: {
    id: req(text),
    name: req(anyText),
    sha256: req(text),
    format: req(text),
    importedAt: req(text),
    kind: req(oneOf(['bank', 'acquirer', 'cashier', 'settleguard'])),
    counts: req(valuesOf(count)),
    issues: req(listOf(object)),
  },
  transactions: {
    id: req(text),
    portal: req(text),
    occurredAt: req(dateTime),
    kind: req(oneOf(TXN_KINDS)),
    status: req(oneOf(TXN_STATUSES)),
    amount: req(moneyJson),
    fee: opt(moneyJson),
    net: opt(moneyJson),
    extraFees: opt(listOf(shape({ label: req(anyText), amount: req(moneyJson) }))),
    cardType: req(oneOf(CARD_TYPES)),
    settleDate: opt(date),
    evidence: req(shape({ url: req(anyText), capturedAt: req(text), cells: req(valuesOf(anyText)), sha256: req(anyText) })),
  },
  statementLines: {
    id: req(text),
    bookedOn: req(date),
    valueOn: opt(date),
    amount: req(moneyJson),
    description: req(anyText),
    balanceAfter: opt(moneyJson),
    source: req(shape({ file: req(anyText), line: req(count) })),
  },
  cashier: {
    id: req(text),
    occurredAt: req(dateTime),
    amount: req(moneyJson),
    kind: req(oneOf(['sale', 'refund'])),
    tender: req(oneOf(['card', 'qr', 'cash', 'other'])),
  },
  coverage: {
    id: req(text),
    site: req(text),
    day: req(date),
    rows: req(valuesOf(moneyJson)),
    complete: req(oneOf([true, false, 'unknown'])),
    updatedAt: req(text),
    query: opt(shape({ from: req(date), to: req(date) })),
  },
  findings: {
    id: req(text),
    kind: req(oneOf(FINDING_KINDS)),
    severity: req(oneOf(['overcharge', 'suspect', 'info'])),
    transactionIds: req(listOf(text)),
    statementLineIds: req(listOf(text)),
    cashierIds: opt(listOf(text)),
    atStake: opt(moneyJson),
    expected: opt(moneyJson),
    actual: opt(moneyJson),
    explanation: req(explanation),
    status: req(oneOf(['open', 'dismissed', 'disputed', 'resolved'])),
    statusBy: opt(anyText),
    statusAt: opt(text),
    firstSeenAt: req(text),
  },
  disputes: {
    id: req(text),
    findingIds: req(listOf(text)),
    status: req(oneOf(DISPUTE_STATUSES)),
    level: req(oneOf(['first_contact', 'written_complaint', 'regulator'])),
    claimed: req(moneyJson),
    recovered: req(moneyJson),
    createdOn: req(date),
    deadlineDays: req(count),
    followUpDays: req(count),
    events: req(listOf(shape({ type: req(oneOf(['send', 'acknowledge', 'refund', 'reject', 'escalate'])), on: req(date), amount: opt(moneyJson) }))),
    locale: req(oneOf(['zh-CN', 'en'])),
    subject: req(anyText),
    text: req(anyText),
    createdAt: req(text),
    updatedAt: req(text),
  },
};

const show = (v: unknown): string => (typeof v === 'symbol' ? 'missing' : (JSON.stringify(v)?.slice(0, 60) ?? String(v)));

/** What keeps `raw` from being a record of `store`, if anything: the field and what was expected. */
export function recordProblem(store: Exclude<BackupStore, 'contracts'>, raw: unknown): FieldProblem | undefined {
  const p = shape(RECORDS[store])(raw);
  if (!p) return undefined;
  const field = p.at.replace(/^\./, '');
  const value = field
    ? field
        .split(/\.|\[/)
        .reduce<unknown>((o, k) => (isObject(o) || Array.isArray(o) ? (o as Record<string, unknown>)[k.replace(/[\]"]/g, '')] : undefined), raw)
    : raw;
  return {
    field,
    ...problemPart(p.missing ? 'issuePart.problem.recordMissing' : field ? 'issuePart.problem.record' : 'issuePart.problem.recordWhole', {
      field,
      value: show(value),
      expectedKey: `issuePart.expect.${p.expected}`,
      allowed: p.allowed,
    }),
  };
}

/**
 * The records of one store that can be restored, and an issue for each that cannot: a problem
 * found by `problemOf`, or an id an earlier record of the same store already has.
 */
export function checkStore<T extends { id: string }>(
  store: string,
  raw: unknown[],
  problemOf: (r: unknown, i: number) => FieldProblem[] | T,
): { records: T[]; issues: Issue[] } {
  const records: T[] = [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const report = (i: number, p: FieldProblem) =>
    issues.push(makeIssue('error', 'issue.invalid_record', { store, n: i + 1, ...p.part }, { field: `${store}[${i}]${p.field ? `.${p.field}` : ''}` }));
  raw.forEach((r, i) => {
    const checked = problemOf(r, i);
    if (Array.isArray(checked)) {
      for (const p of checked) report(i, p);
      return;
    }
    if (seen.has(checked.id)) {
      report(i, { field: 'id', ...problemPart('issuePart.problem.duplicateId', { id: checked.id, store }) });
      return;
    }
    seen.add(checked.id);
    records.push(checked);
  });
  return { records, issues };
}
