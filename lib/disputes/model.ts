// The locale-free content of a dispute: which rows go into the itemized table, what each row
// charged/should have charged, the totals and the period. render.ts and evidence.ts turn it
// into text, CSV and HTML; keeping the numbers here means the letter and the evidence pack
// can never disagree.
import type { Finding, FindingKind, IsoDate, MoneyJson, PortalTransaction, StatementLine } from '../model';
import { maskStatementLine } from '../cards';
import { addDays } from '../dates';
import { Dec, amountOf, isDecimalString, money } from '../money';
import { DEFAULT_DEADLINE_DAYS, type DisputeInput } from './input';

/** Findings about a settlement group: summarised in one row (DESIGN.md: they list every transaction of the group). */
export const SETTLEMENT_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(['settlement_shortfall', 'settlement_missing', 'deposit_deducted']);

/** Findings about a fee: their params carry charged/expected/difference (lib/i18n/messages.ts). */
export const FEE_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'fee_above_contract',
  'debit_cap_ignored',
  'wrong_card_rate',
  'instant_fee_unexpected',
  'rate_drift',
  'hidden_fee',
  'chargeback_fee',
  'fx_surcharge',
]);

export interface SettlementSummary {
  settleDate?: string;
  expectedValueDate?: string;
  count?: string;
  expected?: MoneyJson;
  received?: MoneyJson;
}

export interface DisputeRow {
  /** "1" for a one-row finding, "2.1", "2.2" for the rows of a multi-row finding */
  label: string;
  findingIndex: number;
  finding: Finding;
  /** absent for a settlement summary row, or when the referenced transaction was not supplied */
  transaction?: PortalTransaction;
  transactionId?: string;
  settlement?: SettlementSummary;
  charged?: MoneyJson;
  expected?: MoneyJson;
  difference?: MoneyJson;
  /** duplicates: which of the look-alike sales this row is */
  role?: 'first' | 'repeat';
}

export interface DisputeFindingModel {
  index: number;
  finding: Finding;
  currency?: string;
  rows: DisputeRow[];
  transactions: PortalTransaction[];
  statementLines: StatementLine[];
}

export interface DisputeModel {
  findings: DisputeFindingModel[];
  rows: DisputeRow[];
  /** Σ atStake per currency, in order of first appearance */
  totals: MoneyJson[];
  /** findings with no (readable) atStake: the letter says their amount is still to be confirmed */
  unquantified: number;
  /** the letter's main currency: that of the largest total, else of the first finding or transaction */
  currency?: string;
  period?: { from: IsoDate; to: IsoDate };
  merchantIds: string[];
  terminalIds: string[];
  transactions: PortalTransaction[];
  statementLines: StatementLine[];
  deadlineDays: number;
  deadline?: IsoDate;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function buildDisputeModel(input: DisputeInput): DisputeModel {
  const txById = new Map(input.transactions.map((tx) => [tx.id, tx]));
  // bank lines stored before imports masked card numbers may still hold one: letters and packs never show it
  const lineById = new Map(input.statementLines.map((line) => [line.id, maskStatementLine(line)]));
  const usedTx = new Map<string, PortalTransaction>();
  const usedLines = new Map<string, StatementLine>();

  const findings = input.findings.map((finding, i): DisputeFindingModel => {
    const index = i + 1;
    const transactions = unique(finding.transactionIds)
      .map((id) => txById.get(id))
      .filter((tx): tx is PortalTransaction => tx !== undefined)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    const statementLines = unique(finding.statementLineIds)
      .map((id) => lineById.get(id))
      .filter((line): line is StatementLine => line !== undefined)
      .sort((a, b) => a.bookedOn.localeCompare(b.bookedOn));
    for (const tx of transactions) usedTx.set(tx.id, tx);
    for (const line of statementLines) usedLines.set(line.id, line);
    const currency = findingCurrency(finding, transactions);
    const rows = rowsOf(finding, index, transactions, currency);
    return { index, finding, currency, rows, transactions, statementLines };
  });

  const totals = new Map<string, InstanceType<typeof Dec>>();
  let unquantified = 0;
  for (const { finding } of findings) {
    const stake = finding.atStake;
    if (!stake || !isDecimalString(stake.amount)) {
      unquantified += 1;
      continue;
    }
    totals.set(stake.currency, (totals.get(stake.currency) ?? new Dec(0)).plus(amountOf(stake)));
  }
  const totalList = [...totals].map(([currency, amount]) => money(amount, currency));
  const largest = [...totalList].sort((a, b) => amountOf(b).comparedTo(amountOf(a)))[0];
  const transactions = [...usedTx.values()];
  const statementLines = [...usedLines.values()];

  const deadlineDays = Number.isInteger(input.deadlineDays) && (input.deadlineDays ?? 0) > 0 ? (input.deadlineDays as number) : DEFAULT_DEADLINE_DAYS;

  return {
    findings,
    rows: findings.flatMap((f) => f.rows),
    totals: totalList,
    unquantified,
    currency: largest?.currency ?? findings.find((f) => f.currency)?.currency ?? transactions[0]?.amount.currency,
    period: periodOf(findings, transactions, statementLines),
    merchantIds: input.merchant.merchantId?.trim() ? [input.merchant.merchantId] : unique(transactions.map((tx) => tx.merchantId)),
    terminalIds: unique(transactions.map((tx) => tx.terminalId)),
    transactions,
    statementLines,
    deadlineDays,
    deadline: ISO_DATE.test(input.asOf) ? addDays(input.asOf, deadlineDays) : undefined,
  };
}

/** A decimal-string param as money in `currency`; undefined when absent or not a plain decimal. */
export function paramMoney(finding: Finding, name: string, currency: string | undefined): MoneyJson | undefined {
  const value = finding.explanation.params[name];
  if (value === undefined || currency === undefined || !isDecimalString(value.trim())) return undefined;
  return money(value.trim(), currency);
}

function findingCurrency(finding: Finding, transactions: PortalTransaction[]): string | undefined {
  const param = finding.explanation.params.currency?.trim();
  return (param || undefined) ?? finding.atStake?.currency ?? finding.expected?.currency ?? finding.actual?.currency ?? transactions[0]?.amount.currency;
}

function validMoney(m: MoneyJson | undefined): MoneyJson | undefined {
  return m && isDecimalString(m.amount) ? m : undefined;
}

function rowsOf(finding: Finding, index: number, transactions: PortalTransaction[], currency: string | undefined): DisputeRow[] {
  const stake = validMoney(finding.atStake);
  if (SETTLEMENT_KINDS.has(finding.kind)) {
    const p = finding.explanation.params;
    const settleDate = p.settleDate ?? transactions.find((tx) => tx.settleDate)?.settleDate;
    return [
      {
        label: String(index),
        findingIndex: index,
        finding,
        settlement: {
          settleDate,
          expectedValueDate: p.expectedValueDate,
          count: p.count ?? (transactions.length > 0 ? String(transactions.length) : undefined),
          expected: paramMoney(finding, 'expected', currency) ?? validMoney(finding.expected),
          received: paramMoney(finding, 'received', currency) ?? validMoney(finding.actual),
        },
        difference: paramMoney(finding, 'difference', currency) ?? stake,
      },
    ];
  }

  const isFee = FEE_KINDS.has(finding.kind);
  // Transactions the finding references but the caller did not supply still get a row: the
  // draft says "unknown" for their details rather than dropping them.
  const supplied = new Set(transactions.map((tx) => tx.id));
  const missing = unique(finding.transactionIds).filter((id) => !supplied.has(id));
  const entries: { tx?: PortalTransaction; id?: string }[] = [...transactions.map((tx) => ({ tx, id: tx.id })), ...missing.map((id) => ({ id }))];
  if (entries.length === 0) entries.push({});

  if (entries.length === 1) {
    const tx = entries[0]!.tx;
    return [
      {
        label: String(index),
        findingIndex: index,
        finding,
        transaction: tx,
        transactionId: entries[0]!.id,
        charged: (isFee ? (paramMoney(finding, 'charged', currency) ?? validMoney(finding.actual)) : undefined) ?? validMoney(tx?.fee),
        expected: isFee ? (paramMoney(finding, 'expected', currency) ?? validMoney(finding.expected)) : undefined,
        difference: (isFee ? paramMoney(finding, 'difference', currency) : undefined) ?? stake,
      },
    ];
  }

  // Several rows: each shows its own fee; the finding's difference sits on its last row (for a
  // duplicate, the repeat), so the column still adds up to the total.
  return entries.map(({ tx, id }, i) => ({
    label: `${index}.${i + 1}`,
    findingIndex: index,
    finding,
    transaction: tx,
    transactionId: id,
    charged: validMoney(tx?.fee),
    difference: i === entries.length - 1 ? (stake ?? paramMoney(finding, 'difference', currency)) : undefined,
    role: finding.kind === 'duplicate_charge' ? (i === 0 ? 'first' : 'repeat') : undefined,
  }));
}

function periodOf(findings: DisputeFindingModel[], transactions: PortalTransaction[], lines: StatementLine[]): DisputeModel['period'] {
  const dates: string[] = [];
  for (const tx of transactions) dates.push(tx.occurredAt.slice(0, 10));
  for (const { finding } of findings) {
    const d = finding.explanation.params.settleDate;
    if (d) dates.push(d.trim());
  }
  for (const line of lines) dates.push(line.bookedOn);
  const valid = dates.filter((d) => ISO_DATE.test(d)).sort();
  const from = valid[0];
  const to = valid[valid.length - 1];
  return from !== undefined && to !== undefined ? { from, to } : undefined;
}

function unique(values: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const s = v?.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}
