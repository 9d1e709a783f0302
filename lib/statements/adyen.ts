// Adyen Settlement details report (SDR), CSV or XLSX (DOMAIN.md §1.5, §3.2; corpus/README.md):
// one row per journal entry of a settlement batch — Settled, Refunded, Chargeback, Fee,
// MerchantPayout, Balancetransfer… → one PortalTransaction each.
//  - Columns by header name: the 2021 and 2022 layouts move Modification Merchant Reference and
//    add Booking Date; some workbooks start with blank rows or a blank first column.
//  - Direction from the column, never from Type: Adyen's own sample books Settled gross under
//    Gross Debit. amount = Gross Credit − Gross Debit (in the gross currency) when a gross is
//    given, else Net Credit − Net Debit; net = Net Credit − Net Debit.
//  - fee = Commission + Markup + Scheme Fees + Interchange (NC), the cost of that row (a row that
//    gives a fee back carries it negative). Fee rows are themselves the cost: amount = net < 0.
//  - MerchantPayout is the payout of the batch (kind 'payout', Net Debit → negative amount), not a
//    sale; Balancetransfer moves a balance between batches (kind 'adjustment').
//  - payoutId = Batch Number for every row, so the batch is one settlement group (§3.2: Σ net of
//    the other rows = the payout). settleDate = Booking Date when given, else the date of the
//    batch's MerchantPayout row when the file has it.
import type { CardType, Issue, PortalTransaction, StatementParseResult, TxnKind } from '../model';
import { ZERO, money, parseAmount, type Dec } from '../money';
import { parseDateTime, toLocalDateTime } from '../dates';
import { OccurrenceCounter, stableId } from '../ids';
import { normaliseCardType } from '../cards';
import { type Columns, findHeaderRow, headRows, loadTable, rejected, rowIssue } from './support/acquirer';
import { accountsOf } from './stripe';
import type { DecodedFile, StatementFormat } from './types';

/** Columns a file must have to be read as an SDR (OCA rejects a file whose identity columns are missing). */
const REQUIRED = ['Company Account', 'Merchant Account', 'Psp Reference', 'Merchant Reference', 'Creation Date', 'Type', 'Net Currency', 'Batch Number'];
const FEE_COLUMNS = ['Commission (NC)', 'Markup (NC)', 'Scheme Fees (NC)', 'Interchange (NC)'];

/** Enough SDR-specific columns to say "this is meant to be an Adyen settlement report". */
function looksLikeSdr(c: Columns): boolean {
  const specific = [
    'Gross Debit (GC)',
    'Gross Credit (GC)',
    'Net Debit (NC)',
    'Net Credit (NC)',
    'Batch Number',
    'Modification Reference',
    'Payment Method Variant',
    'Psp Reference',
  ];
  return c.has('Type') && specific.filter((n) => c.has(n)).length >= 5;
}

const TYPES: Record<string, TxnKind> = {
  settled: 'sale',
  settledbulk: 'sale',
  settledexternallywithinfo: 'sale',
  refunded: 'refund',
  refundedbulk: 'refund',
  refundedexternallywithinfo: 'refund',
  chargeback: 'chargeback',
  secondchargeback: 'chargeback',
  chargebackexternallywithinfo: 'chargeback',
  chargebackreversed: 'adjustment',
  chargebackreversedexternallywithinfo: 'adjustment',
  refundedreversed: 'adjustment',
  refundreversed: 'adjustment',
  fee: 'fee',
  misccosts: 'fee',
  paymentcost: 'fee',
  invoicededuction: 'fee',
  merchantpayout: 'payout',
  balancetransfer: 'adjustment',
  depositcorrection: 'adjustment',
  manualcorrected: 'adjustment',
  reserveadjustment: 'adjustment',
  matchedstatement: 'adjustment',
  advancementcommissionexternallysettled: 'adjustment',
  cashoutinstruction: 'adjustment',
};

function cardTypeOf(variant: string): CardType {
  if (/maestro|electron|debit/i.test(variant)) return 'debit';
  if (/prepaid/i.test(variant)) return 'prepaid';
  if (/credit|corporate|commercial/i.test(variant)) return 'credit';
  // 'visaclassic', 'mc', 'amex': the variant names the brand, not the funding
  const t = normaliseCardType(variant);
  return t === 'debit' || t === 'credit' || t === 'prepaid' ? t : 'unknown';
}

export function parseAdyen(file: DecodedFile): StatementParseResult {
  const sdrRows = (rows: string[][]) => findHeaderRow(rows, looksLikeSdr) !== null;
  const loaded = loadTable(file, sdrRows);
  const encoding = loaded.ok && loaded.container !== 'csv' ? 'binary' : file.encoding;
  const what = { expectedKey: 'issuePart.expected.adyen' };
  if (!loaded.ok) return rejected('adyen', encoding, 'acquirer', 'issue.unreadable_file', { ...loaded.reason, ...what });
  const { rows, lines } = loaded.table;
  const found = findHeaderRow(rows, looksLikeSdr);
  if (!found) return rejected('adyen', encoding, 'acquirer', 'issue.no_header.adyen', what);
  const cols = found.columns;
  const missing = REQUIRED.filter((n) => !cols.has(n));
  if (missing.length > 0) {
    const container =
      loaded.container === 'csv'
        ? {}
        : /\.xls$/i.test(file.name) && loaded.container === 'xlsx'
          ? { containerKey: 'issuePart.container.xlsxNamedXls' }
          : { containerKey: 'issuePart.container.workbook', format: loaded.container.toUpperCase() };
    return rejected(
      'adyen',
      encoding,
      'acquirer',
      'issue.not_adyen_settlement',
      { ...container, row: lines[found.row] ?? found.row + 1, missing: missing.join(', ') },
      cols.headers
        .filter((h) => h)
        .slice(0, 8)
        .join(','),
    );
  }

  const issues: Issue[] = [];
  const drafts: { t: PortalTransaction; batch: string }[] = [];
  const counter = new OccurrenceCounter();

  for (let i = found.row + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const line = lines[i] ?? i + 1;
    if (row.every((c) => c.trim() === '')) continue;
    const g = (...names: string[]) => cols.get(row, ...names);
    const raw = row.filter((c) => c !== '').join(',');

    const created = parseDateTime(g('Creation Date'));
    if (!created) {
      issues.push(rowIssue('error', 'issue.bad_date.adyen', line, { value: g('Creation Date') }, { field: 'occurredAt', raw: g('Creation Date') }));
      continue;
    }
    const type = g('Type');
    let kind = TYPES[type.toLowerCase().replace(/[\s_-]/g, '')];
    if (!kind) {
      kind = 'adjustment';
      issues.push(rowIssue('warning', 'issue.kind_unknown.adyen', line, { value: type }, { field: 'kind', raw: type }));
    }

    let bad = false;
    const amount = (name: string): Dec | undefined => {
      const text = g(name);
      if (!text || bad) return undefined; // one issue per row: the first unreadable amount
      const p = parseAmount(text);
      if (!p) {
        issues.push(
          rowIssue(
            'error',
            'issue.bad_amount.adyen',
            line,
            { column: name, value: text },
            {
              field: name,
              raw: text,
            },
          ),
        );
        bad = true;
        return undefined;
      }
      return p.value;
    };
    const grossDebit = amount('Gross Debit (GC)');
    const grossCredit = amount('Gross Credit (GC)');
    const netDebit = amount('Net Debit (NC)');
    const netCredit = amount('Net Credit (NC)');
    const feeParts = FEE_COLUMNS.map((n) => amount(n));
    if (bad) continue;
    const netCurrency = g('Net Currency').toUpperCase();
    const grossCurrency = g('Gross Currency').toUpperCase() || netCurrency;
    const hasGross = grossDebit !== undefined || grossCredit !== undefined;
    const hasNet = netDebit !== undefined || netCredit !== undefined;
    if (!hasGross && !hasNet) {
      issues.push(rowIssue('error', 'issue.missing_amount.adyen', line, {}, { raw }));
      continue;
    }
    if ((hasNet && !/^[A-Z]{3}$/.test(netCurrency)) || (hasGross && !/^[A-Z]{3}$/.test(grossCurrency))) {
      issues.push(rowIssue('error', 'issue.bad_currency.adyen', line, { value: hasGross ? grossCurrency : netCurrency }, { field: 'currency', raw }));
      continue;
    }
    const net = hasNet ? (netCredit ?? ZERO).minus(netDebit ?? ZERO) : undefined;
    const gross = hasGross ? (grossCredit ?? ZERO).minus(grossDebit ?? ZERO) : undefined;
    const batch = g('Batch Number');
    const psp = g('Psp Reference');
    const modRef = g('Modification Reference');
    const t: PortalTransaction = {
      id: '',
      portal: 'adyen',
      occurredAt: toLocalDateTime(created),
      kind,
      status: 'success',
      amount: gross !== undefined ? money(gross, grossCurrency) : money(net!, netCurrency),
      cardType: cardTypeOf(g('Payment Method Variant')),
      evidence: {
        url: `file:${file.name}#L${line}`,
        capturedAt: '',
        cells: cols.cells(row, ['Psp Reference', 'Modification Reference', 'Merchant Reference', 'Modification Merchant Reference', 'Batch Number']),
        sha256: '',
      },
    };
    t.id = stableId('pt', [
      'adyen',
      g('Merchant Account'),
      type.toLowerCase(),
      psp,
      modRef,
      batch,
      counter.next([g('Merchant Account'), type, psp, modRef, batch].join('|')) || undefined,
    ]);
    const signed = gross ?? net!;
    if ((kind === 'sale' && signed.isNegative()) || ((kind === 'refund' || kind === 'chargeback' || kind === 'payout') && signed.isPositive())) {
      // Adyen's own sample books Settled gross under Gross Debit (DOMAIN.md §1.5): the column is
      // what moved the money, so it is kept — and said, since it contradicts the Type.
      issues.push(
        rowIssue(
          'warning',
          signed.isNegative() ? 'issue.direction_unexpected.debit' : 'issue.direction_unexpected.credit',
          line,
          { type, column: gross !== undefined ? 'Gross' : 'Net', amount: signed.abs().toFixed() },
          { raw },
        ),
      );
    }
    if (net !== undefined) t.net = money(net, netCurrency);
    const given = feeParts.filter((f): f is Dec => f !== undefined);
    if (given.length > 0)
      t.fee = money(
        given.reduce((a, f) => a.plus(f), ZERO),
        netCurrency,
      );
    if (batch) t.payoutId = batch;
    const merchant = g('Merchant Account');
    if (merchant) t.merchantId = merchant;
    const merchantRef = g('Merchant Reference');
    if (merchantRef) t.orderNo = merchantRef;
    if (kind !== 'sale' && kind !== 'fee' && kind !== 'payout' && psp) t.originalRef = psp;
    const booking = parseDateTime(g('Booking Date'));
    if (booking) t.settleDate = booking.date;
    drafts.push({ t, batch });
  }

  // a batch's payout date, for the rows of that batch that carry no Booking Date
  const payoutDate = new Map<string, string>();
  for (const { t, batch } of drafts) if (t.kind === 'payout' && batch) payoutDate.set(batch, t.settleDate ?? t.occurredAt.slice(0, 10));
  for (const { t, batch } of drafts) {
    const d = payoutDate.get(batch);
    if (!t.settleDate && d) t.settleDate = d;
  }
  const transactions = drafts.map((d) => d.t);
  const merchants = [...new Set(transactions.map((t) => t.merchantId).filter((m): m is string => !!m))];
  const accounts = accountsOf(transactions).map((a) => (merchants.length === 1 ? { accountId: merchants[0]!, ...a } : a));
  return { format: 'adyen', encoding, accounts, kind: 'acquirer', lines: [], transactions, issues };
}

export const adyenFormat: StatementFormat = {
  id: 'adyen',
  detect(file: DecodedFile): number {
    return headRows(file, 15).some((rows) => findHeaderRow(rows, looksLikeSdr, 12)) ? 0.95 : 0;
  },
  parse: (file) => parseAdyen(file),
};
