// Cashier / POS-system exports (收银流水, 销售流水, 交班报表明细…) → CashierRecords (DESIGN.md §3:
// the merchant's own record that tells a real duplicate from two real sales, DOMAIN.md §3.1).
// Every cashier system names its columns differently. Known names are mapped by themselves
// (订单号/单号/小票号, 时间/下单时间/支付时间 or 日期 + 时间, 金额/实收/实收金额, 支付方式 现金/银行卡/
// 刷卡/微信/支付宝, 类型 销售/退款, 卡号后四位, 终端号/收银台). When they are not, the file is not
// guessed at: parsing returns the error `cashier_mapping_needed` with the header list, the UI asks
// the merchant once which column is which, remembers the answer under headerSetKey(headers), and
// reads the file with parseCashierWithMapping.
// Signs: a sale is +, a refund −, as everywhere in SettleGuard.
import type { CashierRecord, Issue, StatementParseResult } from '../model';
import { money, parseAmount, type Dec } from '../money';
import { parseDateTime, parseTime, toLocalDateTime, type ParsedDateTime } from '../dates';
import { OccurrenceCounter, hash64, stableId } from '../ids';
import { readCard } from '../cards';
import { cleanCell } from './support/cells';
import { decodeBytes } from './decode';
import { headRows, headerKey, loadTable, rejected, rowIssue, type RawTable } from './support/acquirer';
import { makeIssue } from '../i18n/issues';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

export type CashierField = 'occurredAt' | 'amount' | 'orderNo' | 'tender' | 'kind' | 'cardLast4' | 'terminalId';
export type CashierMapping = Record<string, CashierField | null>;

const SYNONYMS: Record<CashierField, string[]> = {
  occurredAt: [
    '时间',
    '日期',
    '交易时间',
    '下单时间',
    '支付时间',
    '付款时间',
    '结账时间',
    '收银时间',
    '销售时间',
    '销售日期',
    '交易日期',
    '营业日期',
    '单据日期',
    '创建时间',
    '完成时间',
    'date',
    'time',
    'datetime',
    'date/time',
    'created at',
    'paid at',
    'sale date',
    'sale time',
    'transaction date',
    'transaction time',
  ],
  amount: [
    '金额',
    '实收',
    '实收金额',
    '支付金额',
    '收款金额',
    '实付金额',
    '应收金额',
    '销售金额',
    '交易金额',
    '付款金额',
    '合计金额',
    '结账金额',
    'amount',
    'total',
    'paid',
    'amount paid',
    'total paid',
    'sale amount',
  ],
  orderNo: [
    '订单号',
    '单号',
    '小票号',
    '流水号',
    '订单编号',
    '单据号',
    '销售单号',
    '交易单号',
    '商户订单号',
    '收银单号',
    '票号',
    'order no',
    'order id',
    'order number',
    'receipt no',
    'receipt number',
    'ticket',
    'bill no',
  ],
  tender: [
    '支付方式',
    '付款方式',
    '收款方式',
    '结算方式',
    '支付类型',
    '支付渠道',
    '结账方式',
    '收银方式',
    'tender',
    'payment method',
    'payment type',
    'paid by',
  ],
  kind: ['类型', '交易类型', '单据类型', '业务类型', '销售类型', '收支类型', 'type', 'transaction type'],
  cardLast4: ['卡号后四位', '卡号', '卡尾号', '尾号', '银行卡号', 'card', 'card no', 'card last 4', 'last 4'],
  terminalId: ['终端号', '收银台', '收银机', '收银机号', 'pos机号', 'pos号', '机号', '设备号', '终端', 'terminal', 'terminal id', 'register', 'pos'],
};

const LOOKUP = new Map<string, CashierField>();
for (const [field, names] of Object.entries(SYNONYMS) as [CashierField, string[]][]) for (const n of names) LOOKUP.set(headerKey(n), field);

/** A header without its unit in brackets: 金额(元) → 金额. */
function bareKey(header: string): string {
  return headerKey(header.replace(/[（(][^）)]*[）)]\s*$/, ''));
}

/**
 * A stable key for a set of headers, to remember the merchant's mapping: the same columns in any
 * order, with any spacing or case, give the same key.
 */
export function headerSetKey(headers: readonly string[]): string {
  const keys = [...new Set(headers.map(headerKey).filter((k) => k !== ''))].sort();
  return `cashier-headers:${hash64(keys.join('\u001f'))}`;
}

/** The automatic mapping of known headers; null entries for columns we do not know. */
export function guessCashierMapping(headers: readonly string[]): CashierMapping {
  const out: CashierMapping = {};
  const taken = new Map<CashierField, number>();
  for (const h of headers) {
    const field = LOOKUP.get(bareKey(h)) ?? null;
    if (!h) continue;
    const n = field ? (taken.get(field) ?? 0) : 0;
    // one column per field, except a date column plus a time column
    if (field && (n === 0 || (field === 'occurredAt' && n === 1))) {
      out[h] = field;
      taken.set(field, n + 1);
    } else out[h] = null;
  }
  return out;
}

function isComplete(m: CashierMapping): boolean {
  const fields = new Set(Object.values(m));
  return fields.has('occurredAt') && fields.has('amount') && fields.has('tender');
}

/** Words that say a table is a till's record even when its columns cannot all be mapped. */
const CASHIER_HINT = /收银|小票|收款方式|支付方式|付款方式|结账|cashier|receipt|tender|register|\bpos\b/i;
const ACQUIRING_HEADERS = /参考号|凭证号|批次号|授权码|清算日期|结算金额|手续费/;
const WALLET_OR_BANK_HEADERS = /^(收\/支|收支|收\/付|交易对方|对方账号|对方户名|对方账户|余额|账户余额|当前状态|balance|counterparty)$/i;

function cashierHeaderRow(rows: readonly string[][], scan = 30): { row: number; headers: string[]; complete: boolean } | null {
  let hinted: { row: number; headers: string[]; complete: boolean } | null = null;
  for (let i = 0; i < rows.length && i < scan; i++) {
    const headers = rows[i]!.map(cleanCell);
    if (headers.filter((h) => h).length < 2) continue;
    if (headers.some((h) => ACQUIRING_HEADERS.test(h))) return null; // an acquirer's file (cn-settlement)
    if (headers.some((h) => WALLET_OR_BANK_HEADERS.test(h))) return null; // a wallet bill or bank statement (收/支, 交易对方, 余额)
    const m = guessCashierMapping(headers);
    if (isComplete(m)) return { row: i, headers, complete: true };
    // partly known or unknown columns, but words only a till's export uses: the merchant maps them
    if (!hinted && headers.some((h) => CASHIER_HINT.test(h)) && headers.every((h) => !/^-?[\d,.]+$/.test(h))) hinted = { row: i, headers, complete: false };
  }
  return hinted;
}

/** 现金/银行卡/刷卡/微信/支付宝… → tender; null when the cell names none. */
export function readTender(text: string): CashierRecord['tender'] | 'mixed' | null {
  const s = text.trim().toLowerCase();
  if (!s) return null;
  const found = new Set<CashierRecord['tender']>();
  if (/现金|cash/.test(s)) found.add('cash');
  // 闪付 (QuickPass) is a contactless card; 云闪付 is UnionPay's QR wallet
  if (/银行卡|刷卡|信用卡|借记卡|储蓄卡|银联卡|pos|card|visa|master|amex|挥卡|(?<!云)闪付/.test(s)) found.add('card');
  if (/微信|支付宝|扫码|二维码|云闪付|聚合|wechat|alipay|qr/.test(s)) found.add('qr');
  if (/会员|储值|积分|券|挂账|赠送|礼品|other|gift|voucher|预付卡/.test(s)) found.add('other');
  if (found.size > 1) return 'mixed';
  return [...found][0] ?? null;
}

function readKind(text: string): 'sale' | 'refund' | null {
  const s = text.trim().toLowerCase();
  if (/退款|退货|撤销|冲正|refund|return|void/.test(s)) return 'refund';
  if (/销售|消费|收款|支付|付款|结账|sale|payment|paid/.test(s)) return 'sale';
  return null;
}

export function parseCashier(file: DecodedFile, options: ParseOptions = {}): StatementParseResult {
  const loaded = loadTable(file, (rows) => cashierHeaderRow(rows)?.complete === true);
  const encoding = loaded.ok && loaded.container !== 'csv' ? 'binary' : file.encoding;
  if (!loaded.ok) return rejected('cashier', encoding, 'cashier', 'issue.unreadable_file', { ...loaded.reason, expectedKey: 'issuePart.expected.cashier' });
  const found = cashierHeaderRow(loaded.table.rows);
  if (!found) {
    // called as a cashier export (the merchant said so) with columns we do not know: ask, never guess
    const first = loaded.table.rows.find((r) => r.filter((c) => cleanCell(c) !== '').length >= 2);
    if (first) return mappingNeeded(encoding, first.map(cleanCell));
    return rejected('cashier', encoding, 'cashier', 'issue.no_header.cashier');
  }
  if (!found.complete) return mappingNeeded(encoding, found.headers);
  return readWithMapping(encoding, loaded.table, found.row, guessCashierMapping(found.headers), options);
}

function mappingNeeded(encoding: string, headers: string[]): StatementParseResult {
  const shown = headers.filter((h) => h);
  return rejected('cashier', encoding, 'cashier', 'issue.cashier_mapping_needed', { columns: shown.join(', ') }, JSON.stringify(shown));
}

/** The headers of a cashier export as the UI shows them for mapping (the header row SettleGuard picked). */
export function readCashierHeaders(file: { name: string; bytes: Uint8Array }): string[] | null {
  const loaded = loadTable(decodeBytes(file.name, file.bytes));
  if (!loaded.ok) return null;
  return cashierHeaderRow(loaded.table.rows)?.headers.filter((h) => h) ?? null;
}

/** Reads a cashier export with the merchant's mapping (header as shown → field; null = not used). */
export function parseCashierWithMapping(file: { name: string; bytes: Uint8Array }, mapping: CashierMapping, options: ParseOptions = {}): StatementParseResult {
  const decoded = decodeBytes(file.name, file.bytes);
  const mapped = new Map<string, CashierField | null>();
  for (const [h, f] of Object.entries(mapping)) mapped.set(headerKey(h), f);
  const wanted = [...mapped].filter(([, f]) => f !== null).map(([k]) => k);
  const accept = (rows: string[][]) => headerRowFor(rows, wanted) !== null;
  const loaded = loadTable(decoded, accept);
  const encoding = loaded.ok && loaded.container !== 'csv' ? 'binary' : decoded.encoding;
  if (!loaded.ok) return rejected('cashier', encoding, 'cashier', 'issue.unreadable_file', { ...loaded.reason, expectedKey: 'issuePart.expected.cashier' });
  const fields = new Set(mapped.values());
  if (!fields.has('occurredAt') || !fields.has('amount') || !fields.has('tender')) {
    return rejected('cashier', encoding, 'cashier', 'issue.mapping_incomplete');
  }
  const row = headerRowFor(loaded.table.rows, wanted);
  if (row === null) return rejected('cashier', encoding, 'cashier', 'issue.mapping_mismatch', { columns: wanted.join(', ') });
  const headers = loaded.table.rows[row]!.map(cleanCell);
  const m: CashierMapping = {};
  for (const h of headers) m[h] = mapped.get(headerKey(h)) ?? null;
  return readWithMapping(encoding, loaded.table, row, m, options);
}

function headerRowFor(rows: readonly string[][], wanted: readonly string[]): number | null {
  for (let i = 0; i < rows.length && i < 40; i++) {
    const keys = new Set(rows[i]!.map((c) => headerKey(cleanCell(c))));
    if (wanted.every((k) => keys.has(k))) return i;
  }
  return null;
}

function readWithMapping(encoding: string, table: RawTable, headerRow: number, mapping: CashierMapping, options: ParseOptions): StatementParseResult {
  const headers = table.rows[headerRow]!.map(cleanCell);
  const colsOf = (f: CashierField) => headers.map((h, i) => (h && mapping[h] === f ? i : -1)).filter((i) => i >= 0);
  const first = (f: CashierField) => colsOf(f)[0];
  const chinese = headers.some((h) => /[\u4e00-\u9fff]/.test(h));
  const amountHeader = headers[first('amount') ?? -1] ?? '';
  const headerCurrency = /[（(]\s*(元|人民币|rmb|cny)\s*[）)]/i.test(amountHeader) ? 'CNY' : undefined;
  const fallback = options.defaultCurrency?.trim().toUpperCase();
  const issues: Issue[] = [];
  const cashier: CashierRecord[] = [];
  const counter = new OccurrenceCounter();
  let defaulted = 0;

  for (let i = headerRow + 1; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    const line = table.lines[i] ?? i + 1;
    const cells = row.map(cleanCell);
    if (cells.every((c) => c === '')) continue;
    const raw = cells.join(',');
    const cell = (f: CashierField) => {
      const c = first(f);
      const v = c === undefined ? '' : (cells[c] ?? '');
      return /^[-—/]+$/.test(v) ? '' : v;
    };
    if (/^(合计|总计|小计|汇总|total)/i.test(cells.find((c) => c) ?? '')) {
      issues.push(rowIssue('warning', 'issue.summary_ignored', line, { value: cells.find((c) => c) }, { raw }));
      continue;
    }

    // when: one date-time column, or a date column plus a time column
    const timeTexts = colsOf('occurredAt')
      .map((c) => cells[c] ?? '')
      .filter((t) => t);
    let date: ParsedDateTime | null = null;
    let time: string | null = null;
    for (const t of timeTexts) {
      const d = parseDateTime(t);
      if (d && !date) date = d;
      else if (!d && !time) time = parseTime(t);
    }
    if (!date) {
      issues.push(rowIssue('error', 'issue.bad_date.cashier', line, { value: timeTexts.join(' ') }, { field: 'occurredAt', raw }));
      continue;
    }
    const occurredAt = toLocalDateTime(date.time || !time ? date : { date: date.date, time });

    const amountText = cell('amount');
    const parsed = amountText ? parseAmount(amountText) : null;
    if (!parsed) {
      issues.push(
        rowIssue(
          'error',
          amountText ? 'issue.bad_amount.cashier' : 'issue.missing_amount.cashier',
          line,
          { value: amountText },
          { field: 'amount', raw: amountText || raw },
        ),
      );
      continue;
    }
    let currency = parsed.currency ?? headerCurrency ?? (chinese ? 'CNY' : undefined);
    if (!currency) {
      if (fallback && /^[A-Z]{3}$/.test(fallback)) {
        currency = fallback;
        defaulted++;
      } else {
        issues.push(rowIssue('error', 'issue.currency_missing.cashier', line, { value: amountText }, { field: 'amount', raw: amountText }));
        continue;
      }
    }

    const tenderText = cell('tender');
    const tender = readTender(tenderText);
    if (tender === null) {
      issues.push(rowIssue('error', 'issue.tender_unknown', line, { value: tenderText }, { field: 'tender', raw: tenderText || raw }));
      continue;
    }
    if (tender === 'mixed') {
      issues.push(rowIssue('warning', 'issue.tender_mixed', line, { value: tenderText }, { field: 'tender', raw: tenderText }));
    }

    const kindText = cell('kind');
    let kind: 'sale' | 'refund' = parsed.value.isNegative() ? 'refund' : 'sale';
    if (kindText) {
      const k = readKind(kindText);
      if (k) kind = k;
      else
        issues.push(
          rowIssue(
            'warning',
            kind === 'refund' ? 'issue.kind_unknown.cashierRefund' : 'issue.kind_unknown.cashierSale',
            line,
            { value: kindText },
            { field: 'kind', raw: kindText },
          ),
        );
    }
    const value: Dec = kind === 'refund' ? parsed.value.abs().neg() : parsed.value.abs();
    const amount = money(value, currency);
    const orderNo = cell('orderNo');
    const key = orderNo ? ['order', orderNo, kind, occurredAt, amount.amount] : ['cells', ...cells];
    const occurrence = counter.next(key.join('\u001f'));
    const rec: CashierRecord = {
      id: stableId('cr', ['cashier', ...key, occurrence || undefined]),
      occurredAt,
      amount,
      kind,
      tender: tender === 'mixed' ? 'other' : tender,
    };
    if (orderNo) rec.orderNo = orderNo;
    const last4 = readCard(cell('cardLast4')).last4;
    if (last4) rec.cardLast4 = last4;
    const terminal = cell('terminalId');
    if (terminal) rec.terminalId = terminal;
    cashier.push(rec);
  }
  if (defaulted > 0) issues.push(makeIssue('warning', 'issue.currency_defaulted.cashier', { count: defaulted, currency: fallback }));
  const dates = cashier.map((c) => c.occurredAt.slice(0, 10)).sort();
  const currencies = [...new Set(cashier.map((c) => c.amount.currency))];
  const accounts = dates.length ? currencies.map((currency) => ({ currency, period: { from: dates[0]!, to: dates[dates.length - 1]! } })) : [];
  return { format: 'cashier', encoding, accounts, kind: 'cashier', lines: [], cashier, issues };
}

export const cashierFormat: StatementFormat = {
  id: 'cashier',
  detect(file: DecodedFile): number {
    for (const rows of headRows(file, 30)) {
      const found = cashierHeaderRow(rows);
      if (found?.complete) return 0.8;
      // partly known, with cashier words: ours to ask the merchant for the mapping
      if (found) return 0.3;
    }
    return 0;
  },
  parse: (file, options) => parseCashier(file, options),
};
