// Stripe reports (DOMAIN.md §1.5, §3.2) → PortalTransactions:
//  - the payout reconciliation itemized report (payout_reconciliation.itemized.*): every balance
//    transaction that went into an automatic payout, with automatic_payout_id;
//  - the balance change from activity itemized report (balance_change_from_activity.itemized.*)
//    and the Dashboard's Balance/"balance history" export (id, Type, Amount, Fee, Net, Created (UTC)).
// Reports give amounts in major units, signed from the balance's point of view (a refund's gross
// is negative), the currency in lower case, and an optional UTF-8 BOM with CRLF (corpus README).
// One row → one transaction; its id comes from balance_transaction_id (txn_…) alone, so the same
// balance transaction read from either report, or re-imported, is the same transaction.
import type { CardType, Issue, PortalTransaction, StatementParseResult, TxnKind } from '../model';
import { money, parseAmount, type Dec } from '../money';
import { parseDateTime, toLocalDateTime } from '../dates';
import { stableId } from '../ids';
import { normaliseCardType } from '../cards';
import { type Columns, findHeaderRow, headRows, loadTable, rejected, rowIssue } from './support/acquirer';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

const C = {
  id: ['balance_transaction_id', 'id', 'balance transaction id'],
  created: ['created', 'created (utc)', 'created_utc', 'created (local)'],
  available: ['available_on', 'available on', 'available_on_utc', 'available on (utc)'],
  payoutAt: ['automatic_payout_effective_at', 'automatic_payout_effective_at_utc'],
  payoutId: ['automatic_payout_id', 'payout_id', 'transfer', 'payout'],
  currency: ['currency'],
  gross: ['gross', 'amount'],
  fee: ['fee'],
  net: ['net'],
  category: ['reporting_category', 'reporting category', 'type'],
  source: ['source_id', 'source'],
  charge: ['charge_id'],
  paymentIntent: ['payment_intent_id'],
  description: ['description'],
  brand: ['card_brand', 'card brand'],
  funding: ['card_funding', 'card funding'],
  country: ['card_country', 'card country'],
  methodType: ['payment_method_type', 'payment method type'],
  status: ['status'],
};

/** A Stripe report names its balance transaction and its gross/net by these headers. */
function isStripeHeader(c: Columns): boolean {
  const itemized = c.has('balance_transaction_id') && c.has('gross') && c.has('net') && c.has('reporting_category');
  const dashboard = c.has('id') && c.has('amount') && c.has('fee') && c.has('net') && c.has('created (utc)') && c.has('type');
  return itemized || dashboard;
}

/**
 * reporting_category (reports) or type (Dashboard) → kind. Stripe's list
 * (docs "Reporting categories"): charge, refund, dispute, dispute_reversal, fee, payout,
 * payout_reversal, transfer, other_adjustment, … — anything else is an adjustment with a warning.
 */
const KINDS: Record<string, TxnKind> = {
  charge: 'sale',
  payment: 'sale',
  refund: 'refund',
  payment_refund: 'refund',
  dispute: 'chargeback',
  dispute_reversal: 'adjustment',
  fee: 'fee',
  stripe_fee: 'fee',
  network_cost: 'fee',
  tax: 'fee',
  contribution: 'fee',
  application_fee: 'fee',
  payout: 'payout',
  transfer: 'payout',
  payout_reversal: 'adjustment',
  payout_cancel: 'adjustment',
  payout_failure: 'adjustment',
  refund_failure: 'adjustment',
  charge_failure: 'adjustment',
  partial_capture_reversal: 'adjustment',
  other_adjustment: 'adjustment',
  adjustment: 'adjustment',
  risk_reserved_funds: 'adjustment',
  risk_reserved_funds_release: 'adjustment',
  topup: 'adjustment',
  topup_reversal: 'adjustment',
  platform_earning: 'adjustment',
  platform_earning_refund: 'adjustment',
  connect_reserved_funds: 'adjustment',
  connect_collection_transfer: 'adjustment',
  unreconciled_customer_funds: 'adjustment',
  anticipation_repayment: 'adjustment',
  climate_order_purchase: 'fee',
  climate_order_refund: 'adjustment',
};

export interface StripeOptions extends ParseOptions {
  /**
   * The Stripe account's country (ISO 3166 alpha-2). The reports do not state it; when the caller
   * knows it, a card issued elsewhere is typed 'foreign' (cross-border fees, DOMAIN.md §2.3).
   */
  accountCountry?: string;
}

export function parseStripe(file: DecodedFile, options: StripeOptions = {}): StatementParseResult {
  const loaded = loadTable(file);
  const encoding = loaded.ok && loaded.container !== 'csv' ? 'binary' : file.encoding;
  if (!loaded.ok) return rejected('stripe', encoding, 'acquirer', 'issue.unreadable_file', { ...loaded.reason, expectedKey: 'issuePart.expected.stripe' });
  const { rows, lines } = loaded.table;
  const found = findHeaderRow(rows, isStripeHeader);
  if (!found) {
    return rejected('stripe', encoding, 'acquirer', 'issue.no_header.stripe');
  }
  const cols = found.columns;
  const issues: Issue[] = [];
  const transactions: PortalTransaction[] = [];
  const accountCountry = options.accountCountry?.trim().toUpperCase();
  const seen = new Map<string, number>();

  for (let i = found.row + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const line = lines[i] ?? i + 1;
    if (row.every((c) => c.trim() === '')) continue;
    const g = (names: string[]) => cols.get(row, ...names);
    const raw = row.join(',');

    const txnId = g(C.id);
    if (!txnId) {
      issues.push(rowIssue('error', 'issue.missing_id', line, {}, { raw }));
      continue;
    }
    const created = parseDateTime(g(C.created));
    if (!created) {
      issues.push(rowIssue('error', 'issue.bad_date.stripe', line, { value: g(C.created) }, { field: 'occurredAt', raw: g(C.created) }));
      continue;
    }
    const currencyText = g(C.currency);
    if (!/^[A-Za-z]{3}$/.test(currencyText)) {
      issues.push(
        rowIssue(
          'error',
          'issue.bad_currency.stripe',
          line,
          { value: currencyText },
          {
            field: 'currency',
            raw: currencyText,
          },
        ),
      );
      continue;
    }
    const currency = currencyText.toUpperCase();
    const amounts: Partial<Record<'gross' | 'fee' | 'net', Dec>> = {};
    let bad = false;
    for (const k of ['gross', 'fee', 'net'] as const) {
      const text = g(C[k]);
      if (!text) {
        if (k === 'gross') {
          issues.push(rowIssue('error', 'issue.missing_amount.stripe', line, {}, { field: 'amount' }));
          bad = true;
        }
        continue;
      }
      const p = parseAmount(text);
      if (!p) {
        issues.push(
          rowIssue(
            'error',
            'issue.bad_amount.stripe',
            line,
            { column: k, value: text },
            {
              field: k === 'gross' ? 'amount' : k,
              raw: text,
            },
          ),
        );
        bad = true;
        continue;
      }
      amounts[k] = p.value;
    }
    if (bad || !amounts.gross) continue;

    const category = g(C.category).toLowerCase().replace(/\s+/g, '_');
    let kind = KINDS[category];
    if (!kind) {
      kind = 'adjustment';
      issues.push(rowIssue('warning', 'issue.kind_unknown.stripe', line, { value: category }, { field: 'kind', raw: category }));
    }

    const cells = cols.cells(row, [...C.id, ...C.source, ...C.charge, ...C.paymentIntent, ...C.payoutId]);
    const occurrence = seen.get(txnId) ?? 0;
    seen.set(txnId, occurrence + 1);
    const t: PortalTransaction = {
      // a repeated txn_ id within one file (a report concatenated twice) stays two rows
      id: stableId('pt', ['stripe', txnId, occurrence || undefined]),
      portal: 'stripe',
      occurredAt: toLocalDateTime(created),
      kind,
      status: 'success',
      amount: money(amounts.gross, currency),
      cardType: 'unknown',
      evidence: { url: `file:${file.name}#L${line}`, capturedAt: '', cells, sha256: '' },
    };
    const status = g(C.status).toLowerCase();
    if (status === 'pending') t.status = 'pending';
    // Stripe's fee is already the cost to the merchant (positive; negative when Stripe gives a fee back)
    if (amounts.fee) t.fee = money(amounts.fee, currency);
    if (amounts.net) t.net = money(amounts.net, currency);
    else if (amounts.fee) t.net = money(amounts.gross.minus(amounts.fee), currency);

    const funding = g(C.funding);
    const country = g(C.country).toUpperCase();
    let cardType: CardType = funding ? normaliseCardType(funding) : 'unknown';
    if (/^[A-Z]{2}$/.test(country)) {
      t.cardCountry = country;
      if (accountCountry && /^[A-Z]{2}$/.test(accountCountry) && country !== accountCountry) cardType = 'foreign';
    }
    t.cardType = cardType;
    const method = g(C.methodType).toLowerCase();
    if (method === 'card') t.entryMode = 'online';

    const payoutId = g(C.payoutId);
    if (payoutId) t.payoutId = payoutId;
    const settle = parseDateTime(g(C.payoutAt)) ?? parseDateTime(g(C.available));
    if (settle) t.settleDate = settle.date;
    const charge = g(C.charge);
    const source = g(C.source);
    const intent = g(C.paymentIntent);
    if (kind === 'sale') {
      const order = intent || charge || source;
      if (order) t.orderNo = order;
    } else if (kind === 'refund' || kind === 'chargeback' || kind === 'adjustment') {
      const ref = charge || (/^(ch|py)_/.test(source) ? source : '');
      if (ref) t.originalRef = ref;
    }
    if (kind === 'payout' && !t.payoutId && /^po_/.test(source)) t.payoutId = source;
    transactions.push(t);
  }
  return { format: 'stripe', encoding, accounts: accountsOf(transactions), kind: 'acquirer', lines: [], transactions, issues };
}

/** One account per currency, with the period the rows cover. */
export function accountsOf(txns: readonly PortalTransaction[]): StatementParseResult['accounts'] {
  const byCurrency = new Map<string, string[]>();
  for (const t of txns) {
    const dates = byCurrency.get(t.amount.currency);
    if (dates) dates.push(t.occurredAt.slice(0, 10));
    else byCurrency.set(t.amount.currency, [t.occurredAt.slice(0, 10)]);
  }
  return [...byCurrency].map(([currency, dates]) => {
    dates.sort();
    return { currency, period: { from: dates[0]!, to: dates[dates.length - 1]! } };
  });
}

export const stripeFormat: StatementFormat = {
  id: 'stripe',
  detect(file: DecodedFile): number {
    return headRows(file, 20).some((rows) => findHeaderRow(rows, isStripeHeader, 10)) ? 0.95 : 0;
  },
  parse: (file, options) => parseStripe(file, options),
};
