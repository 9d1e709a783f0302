// Shared plumbing of the standard-format parsers (OFX/QFX, CAMT, MT940/MT942, QIF): building
// StatementLines with deterministic ids, collecting issues, and the balance check. Not a format:
// lib/statements/registry.ts lists formats only.
import type { Issue, MoneyJson, StatementAccount, StatementLine, StatementParseResult } from '../../model';
import { Dec, money, toPlain } from '../../money';
import { StatementLineIds, isPlaceholderReference } from '../line-id';
import { plainCents } from './plain-decimal';
import { makeIssue, type IssueKey, type IssueParams } from '../../i18n/issues';

/**
 * ISO 4217 "no currency". Used only when a source states no currency at all (QIF, an OFX file with
 * an empty CURDEF, an MT940 snippet without balances) AND the caller passed no default currency,
 * always with a `currency_missing` warning: the parser never guesses one (DESIGN.md §1 rule 2).
 */
export const NO_CURRENCY = 'XXX';

/** The currency for a source that states none: the merchant's default, else XXX; warns either way. */
export function fallbackCurrency(b: LineBuilder, defaultCurrency: string | undefined, what: IssueParams, line?: number): string {
  const dc = defaultCurrency?.trim().toUpperCase();
  if (dc && /^[A-Z]{3}$/.test(dc)) {
    b.issue('warning', 'issue.currency_missing.default', { ...what, currency: dc }, line);
    return dc;
  }
  b.issue('warning', 'issue.currency_missing.none', { ...what, noCurrency: NO_CURRENCY }, line);
  return NO_CURRENCY;
}

/** The bank's reference, or undefined when it is empty or a placeholder such as NONREF or
 * SEPA's NOTPROVIDED: a placeholder as a dedupe key would merge unrelated lines (DESIGN.md §3). */
export function cleanRef(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const r = ref.trim();
  return isPlaceholderReference(r) || /^not\s?provided$/i.test(r) ? undefined : r;
}

export interface LineDraft {
  accountId?: string;
  bookedOn: string;
  valueOn?: string;
  /** a Decimal, or already a MoneyJson amount string ("-12.50", as toPlain writes it) */
  amount: Dec | string;
  currency: string;
  description: string;
  counterparty?: string;
  reference?: string;
  balanceAfter?: MoneyJson;
  line: number;
}

/**
 * StatementLine id (DESIGN.md §3): account + bookedOn + amount + reference (or description) +
 * occurrence index, so re-importing an overlapping file adds nothing while two identical
 * coffees on one day stay two lines.
 */
export class LineBuilder {
  readonly lines: StatementLine[] = [];
  readonly issues: Issue[] = [];
  private readonly ids = new StatementLineIds();

  constructor(private readonly fileName: string) {}

  add(d: LineDraft): StatementLine {
    const amount: MoneyJson = typeof d.amount === 'string' ? { amount: d.amount, currency: d.currency } : money(d.amount, d.currency);
    const reference = cleanRef(d.reference);
    const description = d.description.trim();
    // The id is given once the line is built: the line's own fields are its parts (the id table
    // keeps the line, not a copy of them).
    const id = '';
    const source = { file: this.fileName, line: d.line };
    const counterparty = d.counterparty !== undefined && d.counterparty.trim() !== '' ? d.counterparty.trim() : undefined;
    const hasAccount = d.accountId !== undefined && d.accountId !== '';
    let line: StatementLine;
    // The common shapes of MT940/CAMT lines (a value date and an account, no running balance) in
    // one literal each, keys in the order the general case adds them: one object shape per file.
    if (d.valueOn !== undefined && d.balanceAfter === undefined && hasAccount) {
      const { bookedOn, valueOn, accountId } = d;
      if (counterparty !== undefined && reference !== undefined)
        line = { id, bookedOn, amount, description, source, valueOn, counterparty, reference, accountId };
      else if (counterparty !== undefined) line = { id, bookedOn, amount, description, source, valueOn, counterparty, accountId };
      else if (reference !== undefined) line = { id, bookedOn, amount, description, source, valueOn, reference, accountId };
      else line = { id, bookedOn, amount, description, source, valueOn, accountId };
    } else {
      line = { id, bookedOn: d.bookedOn, amount, description, source };
      if (d.valueOn !== undefined) line.valueOn = d.valueOn;
      if (counterparty !== undefined) line.counterparty = counterparty;
      if (reference !== undefined) line.reference = reference;
      if (d.balanceAfter !== undefined) line.balanceAfter = d.balanceAfter;
      if (hasAccount) line.accountId = d.accountId;
    }
    line.id = this.ids.next(line);
    this.lines.push(line);
    return line;
  }

  issue(level: Issue['level'], key: IssueKey, params: IssueParams, line?: number, extra: { field?: string; raw?: string } = {}): void {
    const raw = extra.raw === undefined ? undefined : extra.raw.length > 200 ? `${extra.raw.slice(0, 200)}…` : extra.raw;
    this.issues.push(
      makeIssue(level, key, params, {
        ...(line === undefined ? {} : { line }),
        ...(extra.field === undefined ? {} : { field: extra.field }),
        ...(raw === undefined ? {} : { raw }),
      }),
    );
  }
}

/**
 * Warns when opening + Σ lines ≠ closing. Skipped (with a warning) when the balances are in
 * another currency than the lines, which synthetic CAMT samples do on purpose.
 */
export function checkBalances(
  b: LineBuilder,
  where: IssueParams,
  opening: MoneyJson | undefined,
  closing: MoneyJson | undefined,
  lines: readonly StatementLine[],
  line?: number,
): void {
  if (!opening || !closing) return;
  if (opening.currency !== closing.currency || lines.some((l) => l.amount.currency !== opening.currency)) {
    b.issue('warning', 'issue.balance_currency_mismatch', { ...where, opening: opening.currency, closing: closing.currency }, line);
    return;
  }
  if (balancesInCents(opening.amount, closing.amount, lines)) return;
  let total = new Dec(opening.amount);
  for (const l of lines) total = total.plus(l.amount.amount);
  const diff = new Dec(closing.amount).minus(total);
  if (!diff.isZero()) {
    b.issue(
      'warning',
      'issue.balance_mismatch.statement',
      {
        ...where,
        opening: opening.amount,
        lines: toPlain(total.minus(opening.amount)),
        total: toPlain(total),
        closing: closing.amount,
        currency: closing.currency,
        difference: toPlain(diff),
      },
      line,
    );
  }
}

/**
 * True when opening + Σ lines = closing, summed in integer cents: only when every amount is a plain
 * 2-place decimal (plainCents) and every partial sum a safe integer, so the answer is exact. False
 * means "not shown equal": the Decimal sum then decides and words the warning.
 */
function balancesInCents(opening: string, closing: string, lines: readonly StatementLine[]): boolean {
  let total = plainCents(opening);
  for (let i = 0; i < lines.length && Number.isSafeInteger(total); i++) total += plainCents(lines[i]!.amount.amount);
  return Number.isSafeInteger(total) && total === plainCents(closing);
}

export function emptyResult(format: string, encoding: string): StatementParseResult {
  return { format, encoding, accounts: [], kind: 'bank', lines: [], issues: [] };
}

export function finish(format: string, encoding: string, accounts: StatementAccount[], b: LineBuilder): StatementParseResult {
  return { format, encoding, accounts, kind: 'bank', lines: b.lines, issues: b.issues };
}

/** 1-based line number of each offset, computed incrementally for increasing offsets. */
export class LineCounter {
  private pos = 0;
  private lineNo = 1;
  constructor(private readonly text: string) {}
  at(offset: number): number {
    if (offset < this.pos) {
      this.pos = 0;
      this.lineNo = 1;
    }
    const t = this.text;
    for (let i = this.pos; i < offset && i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) this.lineNo++;
      else if (c === 13 && t.charCodeAt(i + 1) !== 10) this.lineNo++;
    }
    this.pos = Math.max(this.pos, Math.min(offset, t.length));
    return this.lineNo;
  }
}

/** Runs a parser so that a bug in it still becomes an error issue rather than an exception. */
export function guarded(format: string, encoding: string, fileName: string, run: () => StatementParseResult): StatementParseResult {
  try {
    return run();
  } catch (e) {
    const r = emptyResult(format, encoding);
    r.issues.push(makeIssue('error', 'issue.parser_failure', { file: fileName, format, detail: e instanceof Error ? e.message : String(e) }));
    return r;
  }
}
