// Square's transactions CSV (Dashboard → Transactions → Export; DOMAIN.md §1.5, §3.2):
// `$`-formatted values, fees negative (-$0.95), Date + Time + Time Zone, one row per payment or
// refund, the card part in Card, the cash part in Cash, Deposit ID/Date for the payout it went into.
//
// Decision — tenders that never pass through the acquirer: a row's card part (Card ≠ 0) becomes a
// PortalTransaction (amount = the card part, fee from Fees, net = card part − fee); its cash,
// gift-card and other-tender parts become CashierRecords (tender 'cash' / 'other'), because they
// are till records, not acquirer transactions. A cash sale imported as a transaction would sit in
// no deposit and be reported as a missing settlement (lib/reconcile/settlement.ts groups every
// settling row without a payoutId by its value date). So nothing is dropped and nothing is
// invented: the card part is what Square deposits (deposit = Σ card − Σ fees, DOMAIN.md §3.2).
import type { CashierRecord, EntryMode, Issue, PortalTransaction, StatementParseResult, TxnKind } from '../model';
import { ZERO, money, parseAmount, type Dec as DecT } from '../money';
import { parseTime, toLocalDateTime } from '../dates';
import { OccurrenceCounter, stableId } from '../ids';
import { readCard } from '../cards';
import { type Columns, findHeaderRow, hasAmbiguousSlashDate, headRows, loadTable, readDate, rejected, rowIssue, slashDateOrder } from './support/acquirer';
import { ambiguousExample } from './support/date-order';
import { accountsOf } from './stripe';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

function isSquareHeader(c: Columns): boolean {
  return (
    c.has('date') &&
    c.has('time') &&
    c.has('net total') &&
    (c.has('total collected') || c.has('gross sales')) &&
    (c.has('transaction id') || c.has('payment id'))
  );
}

/** Card Entry Methods → entry mode. "On File" is card-not-present keyed pricing at Square. */
function entryModeOf(text: string): EntryMode | undefined {
  const s = text.toLowerCase();
  if (/tap|contactless|nfc/.test(s)) return 'contactless';
  if (/dip|emv|chip/.test(s)) return 'chip';
  if (/swipe/.test(s)) return 'swipe';
  if (/keyed|on file|manual/.test(s)) return 'keyed';
  if (/online|e-?commerce|web|invoice/.test(s)) return 'online';
  return undefined;
}

/** Time zones whose exports write month first ("Pacific Time (US & Canada)", America/…). */
const MONTH_FIRST_ZONE = /\b(US|Canada|America\/|Pacific|Eastern|Central|Mountain|Alaska|Hawaii)\b/i;

export function parseSquare(file: DecodedFile, options: ParseOptions = {}): StatementParseResult {
  const loaded = loadTable(file);
  const encoding = loaded.ok && loaded.container !== 'csv' ? 'binary' : file.encoding;
  if (!loaded.ok) return rejected('square', encoding, 'acquirer', 'issue.unreadable_file', { ...loaded.reason, expectedKey: 'issuePart.expected.square' });
  const { rows, lines } = loaded.table;
  const found = findHeaderRow(rows, isSquareHeader);
  if (!found) {
    return rejected('square', encoding, 'acquirer', 'issue.no_header.square');
  }
  const cols = found.columns;
  const body = rows.slice(found.row + 1);
  const issues: Issue[] = [];
  const transactions: PortalTransaction[] = [];
  const cashier: CashierRecord[] = [];

  const dates = body.map((r) => cols.get(r, 'date'));
  let order = slashDateOrder(dates);
  if (!order && hasAmbiguousSlashDate(dates)) {
    const zone = body.map((r) => cols.get(r, 'time zone')).find((z) => z !== '') ?? '';
    // the merchant's answer first (the preview asks when nothing else decides), then the time zone
    if (options.dateOrder) order = options.dateOrder;
    else if (MONTH_FIRST_ZONE.test(zone)) order = 'mdy';
    else {
      const r = rejected('square', encoding, 'acquirer', 'issue.ambiguous_date.square', { example: dates.find((d) => d), zone });
      r.dateOrder = { order: null, decidedBy: 'none', detail: `no day above 12 and the time zone "${zone}" does not tell`, example: ambiguousExample(dates) };
      return r;
    }
  }
  // Currency: the amounts' symbol ($, £, €); '$' is read as USD unless the caller's default says
  // otherwise (CAD/AUD sellers see '$' too).
  const callerCurrency = options.defaultCurrency?.trim().toUpperCase();
  const counter = new OccurrenceCounter();

  for (let i = 0; i < body.length; i++) {
    const row = body[i]!;
    const line = lines[found.row + 1 + i] ?? found.row + 2 + i;
    if (row.every((c) => c.trim() === '')) continue;
    const g = (...names: string[]) => cols.get(row, ...names);
    const raw = row.join(',');

    const date = readDate(g('date'), order);
    const time = g('time') ? parseTime(g('time')) : null;
    if (!date || (g('time') && !time)) {
      issues.push(
        rowIssue('error', 'issue.bad_date.square', line, { value: `${g('date')} ${g('time')}` }, { field: 'occurredAt', raw: `${g('date')} ${g('time')}` }),
      );
      continue;
    }
    const occurredAt = toLocalDateTime(time ? { date: date.date, time } : date);

    let bad = false;
    let symbol: string | undefined;
    const amount = (...names: string[]): DecT | undefined => {
      const text = g(...names);
      if (!text || bad) return undefined; // one issue per row: the first unreadable amount
      const p = parseAmount(text);
      if (!p) {
        issues.push(
          rowIssue(
            'error',
            'issue.bad_amount.square',
            line,
            { column: names[0], value: text },
            {
              field: names[0]!,
              raw: text,
            },
          ),
        );
        bad = true;
        return undefined;
      }
      symbol ??= p.currency;
      return p.value;
    };
    const total = amount('total collected');
    const card = amount('card');
    const cash = amount('cash');
    const giftCard = amount('square gift card');
    const other = amount('other tender');
    const fees = amount('fees');
    const netTotal = amount('net total');
    if (bad) continue;
    if (total === undefined && card === undefined && cash === undefined) {
      issues.push(rowIssue('error', 'issue.missing_amount.square', line, {}, { raw }));
      continue;
    }
    const currency =
      symbol === 'USD' && callerCurrency && /^[A-Z]{3}$/.test(callerCurrency) && callerCurrency !== 'USD' ? callerCurrency : (symbol ?? callerCurrency);
    if (!currency) {
      issues.push(rowIssue('error', 'issue.currency_missing.square', line, {}, { raw }));
      continue;
    }

    const event = g('event type', 'transaction type');
    const isRefund = /refund/i.test(event) || (total ?? card ?? cash ?? ZERO).isNegative();
    const kind: TxnKind = isRefund ? 'refund' : 'sale';
    const txnId = g('transaction id');
    const paymentId = g('payment id');
    const key = [txnId, paymentId, kind, occurredAt].join('|');
    const occurrence = counter.next(key);
    const status = g('transaction status');
    const cells = cols.cells(row, ['Transaction ID', 'Payment ID', 'Deposit ID', 'Customer ID', 'Customer Reference ID']);
    const signed = (v: DecT) => (isRefund ? v.abs().neg() : v.abs());

    // the card part: what the acquirer processed. Without a Card column, a row with a card brand is all card.
    const cardPart = card ?? (g('card brand') || g('pan suffix') ? total : undefined);
    const nonCard = [cash, giftCard, other].reduce<DecT>((a, v) => a.plus(v ?? ZERO), ZERO);
    if (cardPart !== undefined && !cardPart.isZero()) {
      const t: PortalTransaction = {
        id: stableId('pt', ['square', txnId, paymentId, kind, occurredAt, occurrence || undefined]),
        portal: 'square',
        occurredAt,
        kind,
        status: !status || /complete/i.test(status) ? 'success' : /pending/i.test(status) ? 'pending' : /fail|declin/i.test(status) ? 'failed' : 'unknown',
        amount: money(signed(cardPart), currency),
        cardType: 'unknown', // Square names the brand, never the funding (credit/debit)
        evidence: { url: `file:${file.name}#L${line}`, capturedAt: '', cells, sha256: '' },
      };
      if (fees !== undefined) {
        // Fees are printed negative as a cost; ours is positive as a cost (a refunded fee is negative)
        t.fee = money(fees.neg(), currency);
        t.net = money(nonCard.isZero() && netTotal !== undefined ? netTotal : signed(cardPart).plus(fees), currency);
      } else if (netTotal !== undefined && nonCard.isZero()) {
        t.net = money(netTotal, currency);
      }
      const last4 = readCard(g('pan suffix')).last4;
      if (last4) t.cardLast4 = last4;
      const entry = entryModeOf(g('card entry methods'));
      if (entry) t.entryMode = entry;
      const payoutId = g('deposit id');
      if (payoutId) t.payoutId = payoutId;
      const depositDate = g('deposit date') ? readDate(g('deposit date'), order) : null;
      if (depositDate) t.settleDate = depositDate.date;
      else if (g('deposit date'))
        issues.push(
          rowIssue(
            'warning',
            'issue.settle_date_unreadable.square',
            line,
            { value: g('deposit date') },
            {
              field: 'settleDate',
              raw: g('deposit date'),
            },
          ),
        );
      if (paymentId || txnId) t.orderNo = paymentId || txnId;
      const device = g('device name');
      if (device) t.terminalId = device;
      const location = g('location');
      if (location) t.merchantName = location;
      transactions.push(t);
    }
    // the parts that never reach the acquirer: till records
    const tills: [DecT | undefined, CashierRecord['tender'], string][] = [
      [cash, 'cash', 'cash'],
      [giftCard, 'other', 'gift'],
      [other, 'other', 'other'],
    ];
    for (const [value, tender, label] of tills) {
      if (value === undefined || value.isZero()) continue;
      const c: CashierRecord = {
        id: stableId('cr', ['square', txnId, paymentId, label, kind, occurredAt, occurrence || undefined]),
        occurredAt,
        amount: money(signed(value), currency),
        kind: isRefund ? 'refund' : 'sale',
        tender,
      };
      if (paymentId || txnId) c.orderNo = paymentId || txnId;
      const device = g('device name');
      if (device) c.terminalId = device;
      cashier.push(c);
    }
    if ((cardPart === undefined || cardPart.isZero()) && nonCard.isZero()) {
      const zero = total === undefined || total.isZero();
      issues.push(rowIssue('warning', zero ? 'issue.zero_amount' : 'issue.tender_unknown.square', line, { total: g('total collected') || '0' }, { raw }));
    }
  }
  return { format: 'square', encoding, accounts: accountsOf(transactions), kind: 'acquirer', lines: [], transactions, cashier, issues };
}

export const squareFormat: StatementFormat = {
  id: 'square',
  detect(file: DecodedFile): number {
    return headRows(file, 10).some((rows) => findHeaderRow(rows, isSquareHeader, 5)) ? 0.95 : 0;
  },
  parse: (file, options) => parseSquare(file, options),
};
