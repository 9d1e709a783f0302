// PayPal activity and statement CSVs (corpus/README.md "PayPal"; DESIGN.md §3: kind 'bank').
// The PayPal balance is an account, one per currency: each row moves it by Net, and the Balance
// column is the balance after that row.
//  - "activity" (Date, Time, TimeZone, Name, Type, Status, Currency, Gross, Fee, Net, …, Balance)
//    and "statement" (Date, Time, Time Zone, Description, Currency, Gross, Fee, Net, Balance, …),
//    in English or localised (Spanish: Fecha, Bruto, Comisión, Neto, Saldo; decimal comma).
//  - Dates are DD/MM/YYYY or M/D/YYYY depending on the account's locale: decided per file from a
//    day above 12, else from the file's language and locale (support/date-order.ts), else from the
//    order the rows are in (PayPal lists each currency by date); else the merchant is asked.
//  - Decision (as OCA's importer does): a row with a fee gives two lines, the Gross and the fee,
//    so that the fee PayPal kept is a line of its own that reconciliation can see; their sum is
//    the row's Net and the Balance stays on the last of the two.
//  - Every currency is kept (an account each); OCA imports one currency per journal instead.
//  - A file with a header and no rows is an error: there is nothing to import (OCA raises too).
//  - Denied/failed/cancelled rows moved no money: reported, not imported.
import type { DateOrderDecision, MoneyJson, StatementAccount, StatementLine, StatementParseResult } from '../model';
import { money, parseAmount, type Dec as DecT } from '../money';
import { LineBuilder } from './support/statement-lines';
import { type Columns, findHeaderRow, headRows, loadTable, readDate, rejected } from './support/acquirer';
import { ambiguousExample, assumedOrderIssue, countSlashDates, orderFromDates, orderWithoutDayAbove12 } from './support/date-order';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

const C = {
  date: ['date', 'fecha', 'datum', 'data'],
  time: ['time', 'hora', 'uhrzeit', 'heure', 'ora'],
  name: ['name', 'nombre', 'nom', 'nome'],
  type: ['type', 'description', 'tipo', 'descripción', 'typ', 'beschreibung', 'descrizione'],
  status: ['status', 'estado', 'état', 'stato'],
  currency: ['currency', 'divisa', 'moneda', 'währung', 'devise', 'valuta'],
  gross: ['gross', 'bruto', 'brutto', 'avant commission', 'lordo'],
  fee: ['fee', 'comisión', 'tarifa', 'gebühr', 'commission', 'tariffa'],
  net: ['net', 'neto', 'netto'],
  balance: ['balance', 'saldo', 'guthaben', 'solde'],
  id: ['transaction id', 'id. de transacción', 'id de transacción', 'transaktionscode', 'numéro de transaction', 'codice transazione'],
  subject: ['subject', 'asunto', 'betreff', 'objet', 'oggetto'],
  itemTitle: ['item title', 'título del objeto', 'artikelbezeichnung'],
};

function isPaypalHeader(c: Columns): boolean {
  return c.has(...C.date) && c.has(...C.currency) && c.has(...C.gross) && c.has(...C.fee) && c.has(...C.net) && c.has(...C.id);
}

const NO_MONEY_MOVED =
  /^(denied|declined|failed|cancell?ed|expired|voided|rechazad[oa]|denegad[oa]|cancelad[oa]|fallid[oa]|abgelehnt|storniert|refusé|annulé)$/i;

export function parsePaypal(file: DecodedFile, options: ParseOptions = {}): StatementParseResult {
  const loaded = loadTable(file);
  const encoding = loaded.ok && loaded.container !== 'csv' ? 'binary' : file.encoding;
  const expected = { expectedKey: 'issuePart.expected.paypal' };
  if (!loaded.ok) return rejected('paypal', encoding, 'bank', 'issue.unreadable_file', { ...loaded.reason, ...expected });
  const { rows, lines } = loaded.table;
  const found = findHeaderRow(rows, isPaypalHeader);
  if (!found) return rejected('paypal', encoding, 'bank', 'issue.no_header.paypal', expected);
  const cols = found.columns;
  const body: { row: string[]; line: number }[] = [];
  for (let i = found.row + 1; i < rows.length; i++) {
    if (rows[i]!.some((c) => c.trim() !== '')) body.push({ row: rows[i]!, line: lines[i] ?? i + 1 });
  }
  const b = new LineBuilder(file.name);
  if (body.length === 0) {
    b.issue('error', 'issue.no_transactions.paypal', { file: file.name });
    return { format: 'paypal', encoding, accounts: [], kind: 'bank', lines: [], issues: b.issues };
  }

  const g = (row: string[], names: string[]) => cols.get(row, ...names);
  const moneyTexts = body.flatMap(({ row }) => [g(row, C.gross), g(row, C.fee), g(row, C.net), g(row, C.balance)]);
  const decimalComma = moneyTexts.some((s) => /\d,\d{2}$/.test(s)) && !moneyTexts.some((s) => /\d\.\d{2}$/.test(s));
  const dates = body.map(({ row }) => g(row, C.date));
  const counts = countSlashDates(dates);
  // The order of dates like 03/04/2024 (support/date-order.ts): a day above 12, else the merchant's
  // answer, the headers' language, the decimal comma, US dollars; last, PayPal's own row order.
  let dateOrder: DateOrderDecision | undefined;
  const byDates = orderFromDates(counts.first, counts.second);
  if (byDates) {
    if (counts.ambiguous > 0) dateOrder = byDates;
  } else if (counts.ambiguous > 0) {
    const dollars = body.every(({ row }) => g(row, C.currency).toUpperCase() === 'USD');
    dateOrder = orderWithoutDayAbove12({ headers: rows[found.row]!, decimalComma, dollars, caller: options.dateOrder });
    if (dateOrder.order === null) {
      const byRows = orderFromRowOrder(body.map(({ row }) => ({ date: g(row, C.date), currency: g(row, C.currency) })));
      if (byRows) dateOrder = { order: byRows, decidedBy: 'row_order', detail: 'only this order puts each currency’s rows in date order' };
    }
    if (dateOrder.order === null) {
      b.issue('error', 'issue.ambiguous_date.file', { example: dates.find((d) => d) });
      return {
        format: 'paypal',
        encoding,
        accounts: [],
        kind: 'bank',
        lines: [],
        issues: b.issues,
        dateOrder: { ...dateOrder, example: ambiguousExample(dates) },
      };
    }
    if (dateOrder.decidedBy !== 'merchant') b.issues.push(assumedOrderIssue(dateOrder));
  }
  const order = dateOrder?.order ?? byDates?.order ?? null;

  const firstBalance = new Map<string, { balance: DecT; net: DecT }>();
  const lastBalance = new Map<string, MoneyJson>();
  for (const { row, line } of body) {
    const raw = row.join(',');
    const date = readDate(g(row, C.date), order);
    if (!date) {
      b.issue('error', 'issue.bad_date.paypal', { value: g(row, C.date) }, line, {
        field: 'bookedOn',
        raw,
      });
      continue;
    }
    const status = g(row, C.status);
    if (NO_MONEY_MOVED.test(status)) {
      b.issue('warning', 'issue.not_completed', { value: status }, line, { raw });
      continue;
    }
    const currency = g(row, C.currency).toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) {
      b.issue('error', 'issue.bad_currency.paypal', { value: g(row, C.currency) }, line, {
        field: 'currency',
        raw,
      });
      continue;
    }
    const read = (names: string[], what: string): DecT | null | undefined => {
      const text = g(row, names);
      if (!text) return undefined;
      const p = parseAmount(text, { decimalComma });
      if (!p) {
        b.issue('error', 'issue.bad_amount.paypal', { column: what, value: text }, line, {
          field: what,
          raw: text,
        });
        return null;
      }
      return p.value;
    };
    const gross = read(C.gross, 'Gross');
    const fee = read(C.fee, 'Fee');
    const net = read(C.net, 'Net');
    if (gross === null || fee === null || net === null) continue;
    if (gross === undefined && net === undefined) {
      b.issue('error', 'issue.missing_amount.paypal', {}, line, { raw });
      continue;
    }
    const balanceText = g(row, C.balance);
    const balance = balanceText ? parseAmount(balanceText, { decimalComma }) : null;
    if (balanceText && !balance)
      b.issue('warning', 'issue.bad_balance.paypal', { value: balanceText }, line, {
        field: 'balanceAfter',
        raw: balanceText,
      });
    const base = gross ?? net!;
    const feeValue = gross !== undefined ? (fee ?? (net !== undefined ? net.minus(gross) : undefined)) : undefined;
    if (gross !== undefined && fee !== undefined && net !== undefined && !gross.plus(fee).equals(net)) {
      b.issue('warning', 'issue.net_mismatch.paypal', { gross: g(row, C.gross), fee: g(row, C.fee), net: g(row, C.net) }, line, { raw });
    }
    const moved = feeValue !== undefined ? base.plus(feeValue) : base;
    if (balance && !firstBalance.has(currency)) firstBalance.set(currency, { balance: balance.value, net: moved });
    const balanceAfter = balance ? money(balance.value, currency) : undefined;
    if (balanceAfter) lastBalance.set(currency, balanceAfter);

    const type = g(row, C.type);
    const name = g(row, C.name);
    const subject = g(row, C.subject) || g(row, C.itemTitle);
    const description = [type, subject].filter((s) => s).join(' — ') || status || 'PayPal';
    const reference = g(row, C.id);
    const hasFeeLine = feeValue !== undefined && !feeValue.isZero();
    b.add({
      accountId: `paypal:${currency}`,
      bookedOn: date.date,
      amount: base,
      currency,
      description,
      counterparty: name || undefined,
      reference: reference || undefined,
      balanceAfter: hasFeeLine ? undefined : balanceAfter,
      line,
    });
    if (hasFeeLine) {
      b.add({
        accountId: `paypal:${currency}`,
        bookedOn: date.date,
        amount: feeValue,
        currency,
        description: `PayPal fee — ${description}`,
        reference: reference ? `${reference}-fee` : undefined,
        balanceAfter,
        line,
      });
    }
  }

  const accounts: StatementAccount[] = [];
  const byCurrency = new Map<string, StatementLine[]>();
  for (const l of b.lines) {
    const group = byCurrency.get(l.amount.currency);
    if (group) group.push(l);
    else byCurrency.set(l.amount.currency, [l]);
  }
  for (const [currency, ls] of byCurrency) {
    const dates2 = ls.map((l) => l.bookedOn).sort();
    const a: StatementAccount = { accountId: `paypal:${currency}`, currency, period: { from: dates2[0]!, to: dates2[dates2.length - 1]! } };
    const first = firstBalance.get(currency);
    if (first) a.openingBalance = money(first.balance.minus(first.net), currency);
    const last = lastBalance.get(currency);
    if (last) a.closingBalance = last;
    accounts.push(a);
  }
  const result: StatementParseResult = { format: 'paypal', encoding, accounts, kind: 'bank', lines: b.lines, issues: b.issues };
  if (dateOrder) result.dateOrder = { ...dateOrder, example: ambiguousExample(dates) };
  return result;
}

/** The slash-date order under which each currency's rows are in date order (either direction), or null. */
function orderFromRowOrder(rows: { date: string; currency: string }[]): 'dmy' | 'mdy' | null {
  const breaks = (order: 'dmy' | 'mdy') => {
    const byCurrency = new Map<string, string[]>();
    for (const r of rows) {
      const d = readDate(r.date, order);
      if (!d) return Infinity;
      const dates = byCurrency.get(r.currency);
      if (dates) dates.push(d.date);
      else byCurrency.set(r.currency, [d.date]);
    }
    let n = 0;
    for (const ds of byCurrency.values()) {
      let up = 0;
      let down = 0;
      for (let i = 1; i < ds.length; i++) {
        if (ds[i]! < ds[i - 1]!) down++;
        if (ds[i]! > ds[i - 1]!) up++;
      }
      n += Math.min(up, down);
    }
    return n;
  };
  const dmy = breaks('dmy');
  const mdy = breaks('mdy');
  if (dmy < mdy) return 'dmy';
  if (mdy < dmy) return 'mdy';
  return null;
}

export const paypalFormat: StatementFormat = {
  id: 'paypal',
  detect(file: DecodedFile): number {
    return headRows(file, 10).some((rows) => findHeaderRow(rows, isPaypalHeader, 5)) ? 0.9 : 0;
  },
  parse: (file, options) => parsePaypal(file, options),
};
