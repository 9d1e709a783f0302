// The text blocks of a dispute letter, one per template placeholder (templates.ts). Every
// page-derived value passes through toPlainLine: plain text, no control or bidi characters.
import type { FindingKind, MoneyJson, PortalTransaction } from '../model';
import { abs, formatMoney, isDecimalString } from '../money';
import { kindName, renderExplanation, t, type Locale } from '../i18n/messages';
import { toPlainLine } from '../i18n/plain-text';
import type { DisputeInput } from './input';
import { FEE_KINDS, SETTLEMENT_KINDS, buildDisputeModel, type DisputeModel, type DisputeRow } from './model';
import { LETTER_STRINGS, type LetterStrings, type Region } from './strings';

/** Placeholders a dispute template may use (templates.ts validates against this list). */
export const TEMPLATE_PLACEHOLDERS = [
  'subject',
  'merchantName',
  'merchantId',
  'terminalIds',
  'contact',
  'phone',
  'merchantBlock',
  'count',
  'total',
  'period',
  'summary',
  'itemsTable',
  'basis',
  'requests',
  'attachments',
  'escalation',
  'deadline',
  'deadlineDays',
  'asOf',
  'contractLabel',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type DisputeValues = Record<TemplatePlaceholder, string>;

const FIELD_MAX = 120;
const CELL_MAX = 64;

/** A page-derived value as one plain line, or undefined when blank. */
export function plain(value: string | undefined, max = FIELD_MAX): string | undefined {
  if (value === undefined) return undefined;
  const line = toPlainLine(value, max);
  return line === '' ? undefined : line;
}

/** The escalation channels follow the money: CNY → China (12363…), anything else → US-style. */
export function regionOf(model: DisputeModel, locale: Locale): Region {
  if (model.currency) return model.currency.toUpperCase() === 'CNY' ? 'CN' : 'US';
  return locale === 'zh-CN' ? 'CN' : 'US';
}

export function formatTotal(model: DisputeModel, s: LetterStrings): string | undefined {
  return model.totals.length ? model.totals.map((m) => moneyText(m) ?? s.unknown).join(s.listSeparator) : undefined;
}

/** Display money; a malformed amount or currency code is shown as plain text, never thrown on. */
export function moneyText(m: MoneyJson | undefined): string | undefined {
  if (!m) return undefined;
  const currency = plain(m.currency, 8) ?? '';
  if (isDecimalString(m.amount) && /^[A-Z]{3}$/.test(currency)) return formatMoney({ amount: m.amount, currency });
  return plain(`${m.amount} ${currency}`, 40);
}

/**
 * The placeholder values of a letter. `claim` replaces the refund amount asked for in the
 * request (escalations ask for what is still outstanding, not the original total).
 */
export function disputeValues(input: DisputeInput, locale: Locale, model: DisputeModel = buildDisputeModel(input), claim?: MoneyJson[]): DisputeValues {
  const s = LETTER_STRINGS[locale];
  const or = (v: string | undefined) => v ?? s.unknown;
  const merchantName = plain(input.merchant.name);
  const merchantId =
    model.merchantIds
      .map((id) => plain(id, 40))
      .filter(Boolean)
      .join(s.listSeparator) || undefined;
  const terminalIds =
    model.terminalIds
      .map((id) => plain(id, 40))
      .filter(Boolean)
      .join(s.listSeparator) || undefined;
  const contact = plain(input.merchant.contact);
  const phone = plain(input.merchant.phone, 40);
  const contractLabel = plain(input.contractLabel);
  const total = formatTotal(model, s);
  const period = model.period ? s.periodRange(model.period.from, model.period.to) : undefined;
  const month = model.period
    ? model.period.from.slice(0, 7) === model.period.to.slice(0, 7)
      ? model.period.from.slice(0, 7)
      : s.periodRange(model.period.from.slice(0, 7), model.period.to.slice(0, 7))
    : undefined;

  // The merchant's own details are never written as 未知: a line with nothing to say is left
  // out, and renderDispute reports the missing details so the page asks for them (merchant.ts).
  const merchantBlock = (
    [
      [s.merchantBlock.name, merchantName],
      [s.merchantBlock.merchantId, merchantId],
      [s.merchantBlock.terminalIds, terminalIds],
      [s.merchantBlock.contact, contact],
      [s.merchantBlock.phone, phone],
    ] as const
  )
    .filter(([, value]) => value !== undefined)
    .map(([label, value]) => (locale === 'en' ? `${label}: ${value}` : `${label}：${value}`))
    .join('\n');

  return {
    subject: s.subject({ merchantId, month, total }),
    merchantName: merchantName ?? '',
    merchantId: merchantId ?? '',
    terminalIds: or(terminalIds),
    contact: contact ?? '',
    phone: phone ?? '',
    merchantBlock,
    count: String(model.findings.length),
    total: total ?? s.unknown,
    period: period ?? s.unknown,
    summary: s.summary({ count: model.findings.length, total, period, unquantified: model.unquantified, contractLabel }),
    itemsTable: itemsTable(model, locale),
    basis: basis(model, locale, contractLabel),
    requests: numbered(requests(model, locale, claim ? claim.map((m) => moneyText(m) ?? s.unknown).join(s.listSeparator) : total)),
    attachments: numbered(attachments(model, locale, contractLabel)),
    escalation: s.escalation(regionOf(model, locale), model.deadline),
    deadline: model.deadline ?? s.unknown,
    deadlineDays: String(model.deadlineDays),
    asOf: plain(input.asOf, 10) ?? s.unknown,
    contractLabel: contractLabel ?? s.unknown,
  };
}

// ── itemized table ───────────────────────────────────────────────────────────────────────

/** The table as cells (header first), shared by the letter and report.html. */
export function tableCells(model: DisputeModel, locale: Locale): string[][] {
  return [[...LETTER_STRINGS[locale].tableHeader], ...model.rows.map((row) => rowCells(row, locale))];
}

function itemsTable(model: DisputeModel, locale: Locale): string {
  // One row per line, cells separated by " | " (a pipe inside a value becomes "¦").
  return tableCells(model, locale)
    .map((cells) => cells.map((c) => c.replace(/\|/g, '¦')).join(' | '))
    .join('\n');
}

function rowCells(row: DisputeRow, locale: Locale): string[] {
  const s = LETTER_STRINGS[locale];
  const cell = (v: string | undefined) => plain(v, CELL_MAX) ?? s.unknown;
  const m = (v: MoneyJson | undefined) => moneyText(v) ?? s.unknown;
  const kind = kindName(locale, row.finding.kind) + (row.role === 'first' ? s.roleFirst : row.role === 'repeat' ? s.roleRepeat : '');

  if (row.settlement) {
    const st = row.settlement;
    const received = st.received ? m(st.received) : row.finding.kind === 'settlement_missing' ? undefined : s.unknown;
    return [
      row.label,
      st.settleDate ? s.settlementDate(cell(st.settleDate)) : s.unknown,
      s.settlementAmounts(m(st.expected), received),
      s.notApplicable,
      st.count ? s.settlementCount(cell(st.count)) : s.unknown,
      s.notApplicable,
      s.notApplicable,
      s.notApplicable,
      m(row.difference),
      kind,
    ];
  }

  const tx = row.transaction;
  const multi = row.label.includes('.');
  const isFee = FEE_KINDS.has(row.finding.kind) && !multi;
  return [
    row.label,
    tx ? cell(tx.occurredAt.replace('T', ' ')) : s.unknown,
    tx ? m(tx.amount) : s.unknown,
    reference(tx, s),
    voucherBatch(tx, s),
    cardCell(tx, locale),
    m(row.charged),
    isFee ? m(row.expected) : s.notApplicable,
    multi && row.difference === undefined ? s.notApplicable : m(row.difference),
    kind,
  ];
}

function reference(tx: PortalTransaction | undefined, s: LetterStrings): string {
  const rrn = plain(tx?.rrn, CELL_MAX);
  if (rrn) return rrn;
  const order = plain(tx?.orderNo, CELL_MAX);
  return order ? s.orderNo(order) : s.unknown;
}

function voucherBatch(tx: PortalTransaction | undefined, s: LetterStrings): string {
  const voucher = plain(tx?.voucherNo, CELL_MAX);
  const batch = plain(tx?.batchNo, CELL_MAX);
  if (!voucher && !batch) return s.unknown;
  return `${voucher ?? s.unknown}/${batch ?? s.unknown}`;
}

function cardCell(tx: PortalTransaction | undefined, locale: Locale): string {
  const s = LETTER_STRINGS[locale];
  if (!tx) return s.unknown;
  const last4 = plain(tx.cardLast4, 8);
  if (tx.cardType === 'unknown' || !tx.cardType) return last4 ? `${last4} ${t(locale, 'cardType.unknown')}` : s.unknown;
  return `${last4 ?? s.unknown} ${t(locale, `cardType.${tx.cardType}`)}`;
}

// ── basis, requests, attachments ─────────────────────────────────────────────────────────

function basis(model: DisputeModel, locale: Locale, contractLabel: string | undefined): string {
  const s = LETTER_STRINGS[locale];
  const lines: string[] = [];
  if (contractLabel) lines.push(s.contractBasis(contractLabel));
  for (const f of model.findings) {
    // A settlement group can hold hundreds of transactions: its row and bank lines identify it.
    const refs = SETTLEMENT_KINDS.has(f.finding.kind) ? [] : f.transactions.map((tx) => plain(tx.rrn, 40)).filter((r): r is string => r !== undefined);
    let text = renderExplanation(locale, f.finding.explanation);
    if (f.finding.kind === 'duplicate_charge' && (f.finding.cashierIds?.length ?? 0) > 0) text += `${locale === 'en' ? ' ' : ''}${s.cashierShowsOne}`;
    lines.push(s.findingBasis({ n: f.index, kind: kindName(locale, f.finding.kind), refs, explanation: text }));
    for (const line of f.statementLines) {
      lines.push(
        s.bankLine({
          date: plain(line.bookedOn, 10) ?? s.unknown,
          amount: moneyText(isDecimalString(line.amount.amount) ? abs(line.amount) : line.amount) ?? s.unknown,
          credit: !line.amount.amount.startsWith('-'),
          description: plain(line.description, 80) ?? s.unknown,
          reference: plain(line.reference, 40),
        }),
      );
    }
  }
  return lines.length ? lines.join('\n') : s.unknown;
}

const EXTRA_FEE_KINDS: readonly FindingKind[] = ['instant_fee_unexpected', 'hidden_fee', 'deposit_deducted', 'chargeback_fee', 'fx_surcharge'];

function requests(model: DisputeModel, locale: Locale, total: string | undefined): string[] {
  const s = LETTER_STRINGS[locale];
  const kinds = new Set(model.findings.map((f) => f.finding.kind));
  const has = (...ks: FindingKind[]) => ks.some((k) => kinds.has(k));
  const out = [s.requestRefund({ total, deadline: model.deadline, days: model.deadlineDays })];
  if (has('fee_above_contract', 'debit_cap_ignored', 'wrong_card_rate', 'rate_drift')) out.push(s.requestRecalculate);
  const extra = EXTRA_FEE_KINDS.filter((k) => kinds.has(k));
  if (extra.length) out.push(s.requestRemoveFees(extra.map((k) => kindName(locale, k)).join(s.listSeparator)));
  if (has('duplicate_charge')) out.push(s.requestDuplicate);
  if (has('settlement_shortfall', 'settlement_missing', 'void_still_settled')) out.push(s.requestSettlement);
  if (has('refund_problem', 'amount_mismatch', 'status_mismatch', 'unmatched_portal_sale', 'missing_at_acquirer')) out.push(s.requestCorrect);
  if (has('mcc_jump_risk')) out.push(s.requestMcc);
  out.push(s.requestExplanation);
  return out;
}

function attachments(model: DisputeModel, locale: Locale, contractLabel: string | undefined): string[] {
  const s = LETTER_STRINGS[locale];
  const out: string[] = [];
  if (model.transactions.length) out.push(s.attachmentTransactions(model.transactions.length));
  if (model.statementLines.length) out.push(s.attachmentBank(model.statementLines.length));
  out.push(s.attachmentContract(contractLabel));
  const needsReceipts = model.findings.some((f) => f.finding.kind === 'duplicate_charge' || (f.finding.cashierIds?.length ?? 0) > 0);
  if (needsReceipts) out.push(s.attachmentReceipts);
  return out;
}

function numbered(lines: string[]): string {
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}
