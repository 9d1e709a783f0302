// The fee ledger: every non-transaction charge the merchant bore — portal fee rows, per-row
// service fees, fee-like bank debits, settlements short by exactly a contracted periodic fee —
// set against the contract's periodic fees (DOMAIN.md D11, D16). The first charge of a
// contracted fee in its period is fine; a second one in the same period, a higher amount, or a
// fee the contract does not list is a hidden fee. Built once so a fee seen both as a portal
// row and as a bank debit is one charge, not two.
import { daysBetween } from '../dates';
import { type Dec, ZERO, amountOf, decOf, isDecimalString, isPositive } from '../money';
import type { Contract, IsoDate, PortalTransaction } from '../model';
import type { RuleContext } from './context';
import { indicesWhere } from './memory-order';
import { FLAG, KIND, STATUS } from './row-index';
import { txnDate } from './fee-schedule';
import { CHARGEBACK_FEE, DEPOSIT_FEE, FX_FEE, HIDDEN_FEE, INSTANT_FEE, firstMatch, lineText, txnText } from './labels';

export type FeeEventSource = 'portal-fee-row' | 'portal-extra-fee' | 'bank-debit' | 'settlement-deduction';
export type FeeVerdict = 'contracted' | 'repeat' | 'above_contract' | 'unlisted';

export interface FeeEvent {
  date: IsoDate;
  currency: string;
  merchantId?: string;
  amount: Dec; // positive cost
  label: string;
  keyword: string;
  source: FeeEventSource;
  transactionIds: string[];
  statementLineIds: string[];
  groupKey?: string;
  verdict: FeeVerdict;
  contractFee?: { label: string; amount: Dec; every: 'month' | 'quarter' | 'year'; period: string };
  /** the part of `amount` that is not covered by the contract */
  excess: Dec;
}

export interface FeeLedger {
  events: FeeEvent[];
  /** the verdict on a settlement group's shortfall when it equals a contracted periodic fee */
  shortfallVerdict(groupKey: string): FeeEvent | undefined;
}

function periodKey(date: IsoDate, every: 'month' | 'quarter' | 'year'): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (every === 'month') return date.slice(0, 7);
  if (every === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return y;
}

function contractsOn(contracts: readonly Contract[], date: IsoDate, currency: string, merchantId?: string): Contract[] {
  return contracts.filter(
    (c) =>
      c.currency === currency &&
      c.effectiveFrom <= date &&
      (!c.effectiveTo || date <= c.effectiveTo) &&
      (!c.merchantId || !merchantId || c.merchantId === merchantId),
  );
}

/** Rows the fee ledger looks at: fee rows that are not a chargeback fee (D17 owns those). */
export function isLedgerFeeRow(t: PortalTransaction): boolean {
  if (t.status !== 'success') return false;
  // only fee and adjustment rows can be ledger rows: no text for the others
  if (t.kind !== 'fee' && t.kind !== 'adjustment') return false;
  const text = txnText(t);
  if (CHARGEBACK_FEE.test(text)) return false;
  if (t.kind === 'fee') return amountOf(t.amount).isNegative() || (t.fee !== undefined && isPositive(t.fee));
  if (t.kind === 'adjustment') return amountOf(t.amount).isNegative() && (HIDDEN_FEE.test(text) || DEPOSIT_FEE.test(text));
  return false;
}

/** Per-row extra fees that are neither instant-settlement nor FX fees (those are priced by the contract). */
export function hiddenExtraFees(t: PortalTransaction): { label: string; amount: Dec }[] {
  if (t.status !== 'success') return [];
  return (t.extraFees ?? [])
    .filter((f) => f.amount.currency === t.amount.currency && !INSTANT_FEE.test(f.label) && !FX_FEE.test(f.label) && !CHARGEBACK_FEE.test(f.label))
    .map((f) => ({ label: f.label, amount: amountOf(f.amount) }))
    .filter((f) => f.amount.greaterThan(ZERO));
}

export function buildFeeLedger(ctx: RuleContext): FeeLedger {
  const raw: Omit<FeeEvent, 'verdict' | 'excess'>[] = [];
  const portalRowEvents: { date: IsoDate; amount: Dec; currency: string; idx: number }[] = [];
  // the fee rows and the rows with extra fees (few), found by the kind, status and flag columns
  // (isLedgerFeeRow needs a successful fee or adjustment row)
  const { kind, status, flags, count } = ctx.rows;
  for (let i = 0; i < count; i++) {
    const feeKind = status[i] === STATUS.success && (kind[i] === KIND.fee || kind[i] === KIND.adjustment);
    if (!feeKind && (flags[i]! & FLAG.hasExtraFees) === 0) continue;
    const t = ctx.transactions[i]!;
    if (isLedgerFeeRow(t)) {
      const text = txnText(t);
      const amount = amountOf(t.amount).isNegative() ? amountOf(t.amount).neg() : amountOf(t.fee!);
      raw.push({
        date: txnDate(t),
        currency: t.amount.currency,
        merchantId: t.merchantId,
        amount,
        label: labelOf(text),
        keyword: firstMatch(HIDDEN_FEE, text) || firstMatch(DEPOSIT_FEE, text),
        source: 'portal-fee-row',
        transactionIds: [t.id],
        statementLineIds: [],
      });
      portalRowEvents.push({ date: txnDate(t), amount, currency: t.amount.currency, idx: raw.length - 1 });
    }
    if (t.extraFees === undefined || t.extraFees.length === 0) continue; // no per-row fees: nothing below
    for (const f of hiddenExtraFees(t)) {
      raw.push({
        date: txnDate(t),
        currency: t.amount.currency,
        merchantId: t.merchantId,
        amount: f.amount,
        label: f.label,
        keyword: firstMatch(HIDDEN_FEE, f.label),
        source: 'portal-extra-fee',
        transactionIds: [t.id],
        statementLineIds: [],
      });
    }
  }
  // fee-like bank debits; one that repeats a portal fee row (same amount within 5 days) joins it
  const usedRow = new Set<number>();
  // the fee-like debits, found reading the lines in memory order (see memory-order.ts), then
  // taken in time order (a debit joins the first unused portal row that repeats it)
  const feeDebits = indicesWhere(ctx.inMemoryOrder().lines, ctx.lines.length, (l) => {
    // a Decimal only for debits: isNegative() is a valid amount written with '-' ("-0.00" too)
    if (!isDecimalString(l.amount.amount)) amountOf(l.amount); // throws, as before
    if (l.amount.amount.charCodeAt(0) !== 45) return false;
    const text = lineText(l);
    return (HIDDEN_FEE.test(text) || DEPOSIT_FEE.test(text)) && !CHARGEBACK_FEE.test(text);
  });
  for (const j of feeDebits) {
    const l = ctx.lines[j]!;
    const text = lineText(l);
    const amount = amountOf(l.amount).neg();
    const twin = portalRowEvents.find(
      (p) => !usedRow.has(p.idx) && p.currency === l.amount.currency && p.amount.equals(amount) && Math.abs(daysBetween(p.date, l.bookedOn)) <= 5,
    );
    if (twin) {
      usedRow.add(twin.idx);
      raw[twin.idx]!.statementLineIds.push(l.id);
      continue;
    }
    raw.push({
      date: l.bookedOn,
      currency: l.amount.currency,
      amount,
      label: l.description,
      keyword: firstMatch(HIDDEN_FEE, text) || firstMatch(DEPOSIT_FEE, text),
      source: 'bank-debit',
      transactionIds: [],
      statementLineIds: [l.id],
    });
  }
  // settlements short by exactly a contracted periodic fee (deducted from the payout, no row)
  const settlement = ctx.settlement();
  for (const o of settlement.outcomes) {
    if (o.status !== 'short') continue;
    const g = o.group;
    const fees = contractsOn(ctx.contracts, o.valueDate ?? g.expectedValueDate, g.currency, g.merchantId).flatMap((c) => c.periodicFees);
    const hit = fees.find((f) => decOf(f.amount).equals(o.shortBy));
    if (!hit) continue;
    raw.push({
      date: o.valueDate ?? g.expectedValueDate,
      currency: g.currency,
      merchantId: g.merchantId,
      amount: o.shortBy,
      label: hit.label,
      keyword: '',
      source: 'settlement-deduction',
      transactionIds: g.transactions.map((t) => t.id),
      statementLineIds: o.lines.map((l) => l.id),
      groupKey: g.key,
    });
  }
  raw.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      order(a.source) - order(b.source) ||
      ((a.transactionIds[0] ?? a.statementLineIds[0] ?? '') < (b.transactionIds[0] ?? b.statementLineIds[0] ?? '') ? -1 : 1),
  );

  const used = new Set<string>();
  const events: FeeEvent[] = raw.map((e) => {
    const fees = contractsOn(ctx.contracts, e.date, e.currency, e.merchantId).flatMap((c) => c.periodicFees);
    const byAmount = fees.find((f) => decOf(f.amount).equals(e.amount) && (e.source === 'settlement-deduction' || labelsAgree(f.label, e.label)));
    const byLabel = fees.find((f) => labelsAgree(f.label, e.label) && f.label.trim() !== '' && e.label.includes(f.label.trim()));
    const f = byAmount ?? byLabel;
    if (!f) return { ...e, verdict: 'unlisted', excess: e.amount };
    const period = `${f.label}|${periodKey(e.date, f.every)}`;
    const contractFee = { label: f.label, amount: decOf(f.amount), every: f.every, period: periodKey(e.date, f.every) };
    if (used.has(period)) return { ...e, verdict: 'repeat', contractFee, excess: e.amount };
    used.add(period);
    if (e.amount.greaterThan(contractFee.amount.plus(ctx.tolFee)))
      return { ...e, verdict: 'above_contract', contractFee, excess: e.amount.minus(contractFee.amount) };
    return { ...e, verdict: 'contracted', contractFee, excess: ZERO };
  });
  const byGroup = new Map<string, FeeEvent>();
  for (const e of events) if (e.groupKey) byGroup.set(e.groupKey, e);
  return { events, shortfallVerdict: (k) => byGroup.get(k) };
}

function order(s: FeeEventSource): number {
  return s === 'portal-fee-row' ? 0 : s === 'portal-extra-fee' ? 1 : s === 'bank-debit' ? 2 : 3;
}

/** A contract fee label and a charge label agree when either contains the other, or the charge names no fee at all. */
function labelsAgree(contractLabel: string, chargeLabel: string): boolean {
  const a = contractLabel.trim().toLowerCase();
  const b = chargeLabel.trim().toLowerCase();
  if (!a || !b) return true;
  if (a.includes(b) || b.includes(a)) return true;
  // both name a fee, but different ones (流量费 vs 会员费): only the amount can tie them
  const ka = firstMatch(HIDDEN_FEE, a).toLowerCase();
  const kb = firstMatch(HIDDEN_FEE, b).toLowerCase();
  return !ka || !kb || ka === kb;
}

function labelOf(text: string): string {
  return firstMatch(HIDDEN_FEE, text) || firstMatch(DEPOSIT_FEE, text) || text.split(' ').find((s) => /[\p{L}]/u.test(s) && !/^[\d.,:\-\s/]+$/.test(s)) || '';
}
