// Building findings the same way in every rule: deterministic ids, sorted evidence, and
// explanation params as decimal strings.
import { stableId } from '../ids';
import { money, type Dec } from '../money';
import type { Finding, FindingKind, MoneyJson, PortalTransaction, Severity } from '../model';

export interface FindingDraft {
  severity: Severity;
  transactionIds: string[];
  statementLineIds?: string[];
  cashierIds?: string[];
  atStake?: MoneyJson;
  expected?: MoneyJson;
  actual?: MoneyJson;
  params: Record<string, string | undefined>;
  /** extra id part when one rule can raise two findings on the same evidence */
  discriminator?: string;
}

const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();

/**
 * id = stableId(kind + sorted evidence ids): the same evidence gives the same id on every run,
 * so the merchant's dismiss/dispute decisions survive re-reconciliation.
 */
export function findingId(kind: FindingKind, d: Pick<FindingDraft, 'transactionIds' | 'statementLineIds' | 'cashierIds' | 'discriminator'>): string {
  return stableId(`finding:${kind}`, [
    ...sorted(d.transactionIds),
    '|',
    ...sorted(d.statementLineIds ?? []),
    '|',
    ...sorted(d.cashierIds ?? []),
    d.discriminator,
  ]);
}

export function makeFinding(kind: FindingKind, d: FindingDraft): Finding {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.params)) if (v !== undefined) params[k] = v;
  const f: Finding = {
    id: findingId(kind, d),
    kind,
    severity: d.severity,
    transactionIds: [...new Set(d.transactionIds)],
    statementLineIds: sorted(d.statementLineIds ?? []),
    explanation: { key: `finding.${kind}`, params },
  };
  if (d.cashierIds && d.cashierIds.length > 0) f.cashierIds = sorted(d.cashierIds);
  if (d.atStake) f.atStake = d.atStake;
  if (d.expected) f.expected = d.expected;
  if (d.actual) f.actual = d.actual;
  return f;
}

/** Decimal → plain string in a currency's format ("20" → "20.00"). */
export function str(d: Dec, currency: string): string {
  return money(d, currency).amount;
}

/** The identifying fields of a transaction, for explanation params and dispute tables. */
export function txnParams(t: PortalTransaction): Record<string, string | undefined> {
  return {
    transactionId: t.id,
    occurredAt: t.occurredAt,
    txnDate: t.occurredAt.slice(0, 10),
    amount: t.amount.amount,
    currency: t.amount.currency,
    cardType: t.cardType,
    cardLast4: t.cardLast4,
    merchantId: t.merchantId,
    terminalId: t.terminalId,
    rrn: t.rrn,
    voucherNo: t.voucherNo,
    batchNo: t.batchNo,
    orderNo: t.orderNo,
  };
}
