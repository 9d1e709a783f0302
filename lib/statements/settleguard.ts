// SettleGuard JSON (DESIGN.md §3 "Getting data in"): `{ "settleguard": 1, "contracts"?: Contract[], … }`,
// the same format as the full backup export, where every part is optional — a file holding only
// contracts sets up the fee schedule. This reader validates what it returns: a contract with a
// missing field or a money value that is not a decimal string is reported (its index and field)
// and left out, never half-stored. A backup (any store besides contracts, or a `schema`) is read
// whole, store by store (support/backup-records.ts), and restored by lib/services/backup.ts.
import type { CardType, Contract, ContractRule, Issue, StatementParseResult, StoredFinding } from '../model';
import { Dec, isDecimalString } from '../money';
import { isoDate } from '../dates';
import type { DecodedFile, StatementFormat } from './types';
import { BACKUP_STORES, LATEST_SCHEMA, checkStore, recordProblem, type BackupStore } from './support/backup-records';
import { isDisputeV1, migrateDisputeV1, type DisputeV1 } from '../migrations';
import { makeIssue, problemPart, type FieldProblem, type IssueKey, type IssueParams } from '../i18n/issues';

const CARD_TYPES: readonly (CardType | 'any')[] = [
  'debit',
  'credit',
  'semi_credit',
  'prepaid',
  'foreign',
  'qr_wechat',
  'qr_alipay',
  'qr_unionpay',
  'unknown',
  'any',
];
const SETTLE_CYCLES = ['T1', 'D1', 'D0', 'T0'] as const;
const CALENDARS = ['CN', 'weekdays'] as const;
const SURCHARGE_WHEN = ['keyed', 'online', 'foreign_card', 'fx'] as const;
const EVERY = ['month', 'quarter', 'year'] as const;

/** The envelope version this build reads. */
export const SETTLEGUARD_JSON_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return !!m && isoDate(+m[1]!, +m[2]!, +m[3]!) === v;
}

/** Money and rates are decimal strings in SettleGuard JSON (DESIGN.md §1 rule 1): a JSON number is refused. */
const isDec = (v: unknown): v is string => typeof v === 'string' && isDecimalString(v.trim());
const isNonNegDec = (v: unknown): v is string => isDec(v) && !v.trim().startsWith('-');

class ContractChecker {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly path: string) {}
  /** `key`: an `issuePart.problem.*` part saying what is wrong with the field and what was expected */
  fail(field: string, key: IssueKey, params: IssueParams = {}): void {
    this.problems.push({ field: `${this.path}.${field}`, ...problemPart(key, params) });
  }
  str(o: JsonObject, key: string, required: boolean): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.fail(key, 'issuePart.problem.missingText');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(key, 'issuePart.problem.notText', { value: JSON.stringify(v) });
      return undefined;
    }
    return v;
  }
  date(o: JsonObject, key: string, required: boolean): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.fail(key, 'issuePart.problem.missingDate');
      return undefined;
    }
    if (!isIsoDate(v)) {
      this.fail(key, 'issuePart.problem.notDate', { value: JSON.stringify(v) });
      return undefined;
    }
    return v;
  }
  decimal(o: JsonObject, key: string, required: boolean, what: 'decimal' | 'percent' = 'decimal'): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.fail(key, 'issuePart.problem.missingDecimal', { whatKey: `issuePart.expect.${what}` });
      return undefined;
    }
    if (!isNonNegDec(v)) {
      this.fail(key, 'issuePart.problem.notDecimal', { value: JSON.stringify(v), whatKey: `issuePart.expect.${what}` });
      return undefined;
    }
    return v.trim();
  }
  oneOf<T extends string>(o: JsonObject, key: string, allowed: readonly T[], required: boolean): T | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.fail(key, 'issuePart.problem.missingOneOf', { allowed: allowed.join(', ') });
      return undefined;
    }
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(key, 'issuePart.problem.notOneOf', { value: JSON.stringify(v), allowed: allowed.join(', ') });
      return undefined;
    }
    return v as T;
  }
}

/** A Contract, or the problems that keep it from being one. */
export function validateContract(raw: unknown, index: number): { contract: Contract | null; problems: FieldProblem[] } {
  const c = new ContractChecker(`contracts[${index}]`);
  if (!isObject(raw)) {
    c.problems.push({ field: `contracts[${index}]`, ...problemPart('issuePart.problem.notAnObjectValue', { value: JSON.stringify(raw)?.slice(0, 40) }) });
    return { contract: null, problems: c.problems };
  }
  const id = c.str(raw, 'id', true);
  const label = c.str(raw, 'label', true);
  const merchantId = c.str(raw, 'merchantId', false);
  const currencyText = c.str(raw, 'currency', true);
  let currency: string | undefined;
  if (currencyText !== undefined) {
    if (/^[A-Za-z]{3}$/.test(currencyText)) currency = currencyText.toUpperCase();
    else c.fail('currency', 'issuePart.problem.currency', { value: currencyText });
  }
  const effectiveFrom = c.date(raw, 'effectiveFrom', true);
  const effectiveTo = c.date(raw, 'effectiveTo', false);
  if (effectiveFrom && effectiveTo && effectiveTo < effectiveFrom)
    c.fail('effectiveTo', 'issuePart.problem.endsBeforeStart', { to: effectiveTo, from: effectiveFrom });
  const settleCycle = c.oneOf(raw, 'settleCycle', SETTLE_CYCLES, true);
  const calendar = c.oneOf(raw, 'calendar', CALENDARS, true);
  const chargebackFee = c.decimal(raw, 'chargebackFee', false);
  const feeReturnedOnRefund = raw['feeReturnedOnRefund'];
  if (feeReturnedOnRefund !== undefined && feeReturnedOnRefund !== null && typeof feeReturnedOnRefund !== 'boolean') {
    c.fail('feeReturnedOnRefund', 'issuePart.problem.feeReturnedOnRefund', { value: JSON.stringify(feeReturnedOnRefund) });
  }

  const rules: ContractRule[] = [];
  const rawRules = raw['rules'];
  if (!Array.isArray(rawRules)) c.fail('rules', 'issuePart.problem.rulesMissing');
  else {
    rawRules.forEach((r, i) => {
      const key = `rules[${i}]`;
      if (!isObject(r)) {
        c.fail(key, 'issuePart.problem.notAnObject');
        return;
      }
      const sub = new ContractChecker(`contracts[${index}].${key}`);
      const cardType = sub.oneOf(r, 'cardType', CARD_TYPES, true);
      const percent = sub.decimal(r, 'percent', true, 'percent');
      const rule: Partial<ContractRule> = { cardType, percent };
      for (const k of ['minAmount', 'maxAmount', 'fixed', 'cap', 'min', 'instantFee'] as const) {
        const v = sub.decimal(r, k, false);
        if (v !== undefined) rule[k] = v;
      }
      if (rule.minAmount && rule.maxAmount && new Dec(rule.maxAmount).lt(rule.minAmount)) {
        sub.fail('maxAmount', 'issuePart.problem.maxBelowMin', { max: rule.maxAmount, min: rule.minAmount });
      }
      c.problems.push(...sub.problems);
      if (sub.problems.length === 0 && cardType && percent) rules.push(rule as ContractRule);
    });
  }

  let surcharges: Contract['surcharges'];
  const rawSurcharges = raw['surcharges'];
  if (rawSurcharges !== undefined && rawSurcharges !== null) {
    if (!Array.isArray(rawSurcharges)) c.fail('surcharges', 'issuePart.problem.notAList');
    else {
      surcharges = [];
      rawSurcharges.forEach((s, i) => {
        const sub = new ContractChecker(`contracts[${index}].surcharges[${i}]`);
        if (!isObject(s)) {
          sub.fail('', 'issuePart.problem.notAnObject');
        } else {
          const when = sub.oneOf(s, 'when', SURCHARGE_WHEN, true);
          const percent = sub.decimal(s, 'percent', false);
          const fixed = sub.decimal(s, 'fixed', false);
          if (percent === undefined && fixed === undefined && sub.problems.length === 0) sub.fail('percent', 'issuePart.problem.percentAndFixedMissing');
          if (sub.problems.length === 0 && when) surcharges!.push({ when, ...(percent !== undefined && { percent }), ...(fixed !== undefined && { fixed }) });
        }
        c.problems.push(...sub.problems);
      });
    }
  }

  const periodicFees: Contract['periodicFees'] = [];
  const rawFees = raw['periodicFees'];
  if (rawFees !== undefined && rawFees !== null) {
    if (!Array.isArray(rawFees)) c.fail('periodicFees', 'issuePart.problem.notAList');
    else {
      rawFees.forEach((f, i) => {
        const sub = new ContractChecker(`contracts[${index}].periodicFees[${i}]`);
        if (!isObject(f)) sub.fail('', 'issuePart.problem.notAnObject');
        else {
          const l = sub.str(f, 'label', true);
          const amount = sub.decimal(f, 'amount', true);
          const every = sub.oneOf(f, 'every', EVERY, true);
          if (l && amount && every) periodicFees.push({ label: l, amount, every });
        }
        c.problems.push(...sub.problems);
      });
    }
  }

  if (c.problems.length > 0 || !id || !label || !currency || !effectiveFrom || !settleCycle || !calendar) {
    return { contract: null, problems: c.problems };
  }
  const contract: Contract = { id, label, currency, effectiveFrom, settleCycle, calendar, rules, periodicFees };
  if (merchantId) contract.merchantId = merchantId;
  if (effectiveTo) contract.effectiveTo = effectiveTo;
  if (surcharges) contract.surcharges = surcharges;
  if (chargebackFee) contract.chargebackFee = chargebackFee;
  if (typeof feeReturnedOnRefund === 'boolean') contract.feeReturnedOnRefund = feeReturnedOnRefund;
  return { contract, problems: [] };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export const settleguardFormat: StatementFormat = {
  id: 'settleguard',
  detect(file: DecodedFile): number {
    const head = file.text.slice(0, 4000).trimStart();
    if (!head.startsWith('{')) return 0;
    if (/"settleguard"\s*:/.test(head)) return 0.99;
    // Not our envelope, but JSON: claim it weakly so the merchant learns what was expected.
    return /\.json$/i.test(file.name) ? 0.02 : 0.01;
  },
  parse(file: DecodedFile): StatementParseResult {
    const issues: Issue[] = [];
    const result: StatementParseResult = { format: 'settleguard', encoding: file.encoding, accounts: [], kind: 'bank', lines: [], issues };
    const parsed = parseJson(file.text);
    if (!parsed.ok) {
      issues.push(makeIssue('error', 'issue.bad_json', { detail: parsed.message }));
      return result;
    }
    const doc = parsed.value;
    if (!isObject(doc) || doc['settleguard'] === undefined) {
      issues.push(makeIssue('error', 'issue.not_settleguard'));
      return result;
    }
    if (doc['settleguard'] !== SETTLEGUARD_JSON_VERSION) {
      issues.push(
        makeIssue(
          'error',
          'issue.unsupported_version',
          { version: JSON.stringify(doc['settleguard']), expected: SETTLEGUARD_JSON_VERSION },
          { field: 'settleguard' },
        ),
      );
      return result;
    }
    if (isBackup(doc)) {
      readBackup(doc, result);
      return result;
    }
    const rawContracts = doc['contracts'];
    if (rawContracts !== undefined) {
      if (!Array.isArray(rawContracts)) {
        issues.push(makeIssue('error', 'issue.bad_contracts', {}, { field: 'contracts' }));
      } else {
        const contracts: Contract[] = [];
        const seen = new Set<string>();
        rawContracts.forEach((raw, i) => {
          const { contract, problems } = validateContract(raw, i);
          for (const p of problems) issues.push(makeIssue('error', 'issue.invalid_contract', { n: i + 1, field: p.field, ...p.part }, { field: p.field }));
          if (!contract) return;
          if (seen.has(contract.id)) {
            issues.push(makeIssue('error', 'issue.duplicate_contract', { n: i + 1, id: contract.id }, { field: `contracts[${i}].id` }));
            return;
          }
          seen.add(contract.id);
          contracts.push(contract);
        });
        result.contracts = contracts;
      }
    }
    return result;
  },
};

/** A backup rather than a contracts file: it names its schema, or holds any store besides contracts. */
function isBackup(doc: JsonObject): boolean {
  return doc['schema'] !== undefined || BACKUP_STORES.some((s) => s !== 'contracts' && doc[s] !== undefined);
}

/**
 * Every store of a backup, each record checked; records of an older schema are migrated first
 * (lib/migrations.ts). Backups exported before they named their schema wrote `settings` as one
 * object and had no coverage, imports or sites; the first schema's disputes had a `history`.
 */
function readBackup(doc: JsonObject, result: StatementParseResult): void {
  const schema = doc['schema'] ?? 0;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 0) {
    result.issues.push(makeIssue('error', 'issue.bad_schema', { value: JSON.stringify(schema), latest: LATEST_SCHEMA }, { field: 'schema' }));
    return;
  }
  if (schema > LATEST_SCHEMA) {
    result.issues.push(makeIssue('warning', 'issue.newer_schema', { schema, latest: LATEST_SCHEMA }, { field: 'schema' }));
  }
  const raw: Partial<Record<BackupStore, unknown[]>> = {};
  for (const store of BACKUP_STORES) {
    const value = doc[store];
    if (value === undefined || value === null) continue;
    if (store === 'settings' && isObject(value)) raw.settings = [value];
    else if (Array.isArray(value)) raw[store] = value;
    else result.issues.push(makeIssue('error', 'issue.bad_store', { store }, { field: store }));
  }
  // a first-schema dispute claims what its findings put at stake: only findings that pass their checks count
  const findings = new Map(
    (raw.findings ?? [])
      .filter((f) => isObject(f) && !recordProblem('findings', f))
      .map((f) => [String((f as JsonObject)['id']), f as unknown as StoredFinding]),
  );
  const settings = raw.settings?.find(isObject);
  const currency = typeof settings?.['defaultCurrency'] === 'string' ? settings['defaultCurrency'] : 'CNY';
  const migratable = (d: unknown): d is DisputeV1 =>
    isDisputeV1(d) &&
    (d.recovered === undefined || (isObject(d.recovered) && isDec(d.recovered.amount))) &&
    typeof d.createdAt === 'string' &&
    d.history.every((h) => isObject(h) && typeof h.at === 'string');
  if (raw.disputes) raw.disputes = raw.disputes.map((d) => (migratable(d) ? migrateDisputeV1(d, findings, currency) : d));

  const backup: Record<string, { id: string }[]> = {};
  const counts: Record<string, number> = {};
  for (const store of BACKUP_STORES) {
    const records = raw[store];
    if (!records) continue;
    const checked =
      store === 'contracts'
        ? checkStore(store, records, (r, i) => {
            const { contract, problems } = validateContract(r, i);
            return (
              contract ??
              problems.map((p) => {
                const field = p.field.replace(/^contracts\[\d+\]\.?/, '');
                return { field, ...problemPart('issuePart.problem.field', { field, ...p.part, problemKey: undefined, fieldProblemKey: p.part['problemKey'] }) };
              })
            );
          })
        : checkStore(store, records, (r) => {
            const p = recordProblem(store, r);
            return p ? [p] : (r as { id: string });
          });
    result.issues.push(...checked.issues);
    backup[store] = checked.records;
    counts[store] = checked.records.length;
  }
  result.backup = backup;
  result.restore = { schema, counts, replacesSettings: (counts['settings'] ?? 0) > 0 };
}
