// Chinese card-acquiring 对账单 / 结算明细 (拉卡拉, 银联商务, 通联… DOMAIN.md §1.1, §1.2), CSV
// (UTF-8 or GBK) or XLS/XLSX → PortalTransactions.
//
// The columns are the ones the acquirer's portal shows, so every row goes through the very code
// that reads the portal's table (lib/portals/transactions.ts: mapColumns → buildTable): the same
// header synonyms, 交易类型 → kind and sign, 交易日期 + 交易时间, fee conventions, card masking,
// 秒到手续费 as an extra fee, and — what matters most — the same DESIGN.md §3 id recipe
// (rrn + date; terminalId + batchNo + voucherNo; orderNo; hash + occurrence). A row captured on
// the portal and the same row imported from the 对账单 therefore get the same id and are stored once.
//
// File-only facts, decided here:
//  - a preamble (商户名称：…, 商户号：…, 清算日期：2024-03-01 至 2024-03-31, 单位：元/分) gives the page
//    meta the portal reader would have read from the page;
//  - amounts are 元 unless the header says (分), the preamble says 单位：分, or the file is an
//    integer-cents file (no money cell has a decimal point and either a fee is non-zero — fees in 元
//    always show 分 — or amounts are zero-padded like UnionPay's 000000012300): then 分, with a warning;
//  - 合计/总计 rows are not transactions: skipped with one warning naming their lines.
import type { Issue, PortalTransaction, StatementParseResult } from '../model';
import { OccurrenceCounter } from '../ids';
import { parseDateTime } from '../dates';
import { buildTable, isTransactionTable, mapColumns, type MappedColumn } from '../portals/transactions';
import type { PageMeta } from '../portals/page-meta';
import type { RawRow } from '../portals/types';
import { cleanCell } from './support/cells';
import { headRows, loadTable, rejected, type RawTable } from './support/acquirer';
import { makeIssue, withLineWord } from '../i18n/issues';
import { accountsOf } from './stripe';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

/** Columns only an acquirer's settlement file has (a bank statement has none or one of them). */
const ACQUIRING_ROLES = new Set(['terminalId', 'merchantId', 'rrn', 'batchNo', 'voucherNo', 'authCode']);
const DETAIL_ROLES = new Set(['fee', 'net', 'card', 'cardType', 'settleDate', 'extraFee']);
const MONEY_ROLES = new Set(['amount', 'fee', 'net', 'extraFee']);

/**
 * Whether a cell can name a column at all: every header synonym (lib/portals/columns.ts) has a
 * letter or a CJK character, so cells of ASCII digits, spaces and punctuation only — the dates,
 * times and amounts of data rows — name none (tests/unit/statements/cn-settlement.test.ts).
 */
function mayNameColumn(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/** Columns a settlement header names at least: a time, an amount, two acquiring and one detail column. */
const MIN_NAMED_COLUMNS = 5;

function settlementHeader(rows: readonly string[][], scan = 40): { row: number; cols: MappedColumn[] } | null {
  for (let i = 0; i < rows.length && i < scan; i++) {
    const cells = rows[i]!.map(cleanCell);
    if (!cells.some((c) => /[\u4e00-\u9fff]/.test(c))) continue;
    // mapColumns is the costly step; a data row (dates, amounts) cannot name enough columns
    let naming = 0;
    for (const c of cells) if (mayNameColumn(c)) naming++;
    if (naming < MIN_NAMED_COLUMNS) continue;
    const cols = mapColumns(cells);
    if (!isTransactionTable(cols)) continue;
    const roles = new Set(cols.map((c) => c.role));
    const acquiring = [...roles].filter((r) => r && ACQUIRING_ROLES.has(r)).length;
    const detail = [...roles].filter((r) => r && DETAIL_ROLES.has(r)).length;
    if (acquiring >= 2 && detail >= 1) return { row: i, cols };
  }
  return null;
}

/** 商户号：…, 商户名称：…, dates with a year, 单位：元/分 from the lines above the header. */
function readPreamble(rows: readonly string[][]): { meta: PageMeta; unit?: 'fen' | 'yuan'; acquirer?: string } {
  const meta: PageMeta = {};
  let unit: 'fen' | 'yuan' | undefined;
  const text = rows
    .map((r) =>
      r
        .map(cleanCell)
        .filter((c) => c)
        .join(' '),
    )
    .join('\n');
  const label = (re: RegExp) => text.match(re)?.[1]?.trim();
  const mid = label(/(?:商户号|商户编号|商户代码)\s*[:：]\s*([0-9A-Za-z]+)/);
  if (mid) meta.merchantId = mid;
  const name = label(/(?:商户名称|商户名)\s*[:：]\s*([^\s,，]+)/);
  if (name) meta.merchantName = name;
  const dates = [...text.matchAll(/(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\b\d{8}\b)/g)]
    .map((m) => parseDateTime(m[1]!)?.date)
    .filter((d): d is string => !!d)
    .sort();
  if (dates.length > 0) meta.dateRange = { from: dates[0]!, to: dates[dates.length - 1]! };
  const u = label(/(?:金额)?单位\s*[:：]\s*(\S+)/);
  if (u && /分/.test(u)) unit = 'fen';
  else if (u && /元/.test(u)) unit = 'yuan';
  const acquirer = /拉卡拉|lakala/i.test(text) ? 'lakala' : /银联商务|chinaums/i.test(text) ? 'chinaums' : /通联|allinpay/i.test(text) ? 'allinpay' : undefined;
  return acquirer ? { meta, unit, acquirer } : { meta, unit };
}

/** No money cell has a decimal point, and a non-zero fee or a zero-padded amount says 分. */
function isIntegerCentsFile(body: readonly string[][], cols: readonly MappedColumn[]): boolean {
  const moneyCols = cols.map((c, i) => (c.role && MONEY_ROLES.has(c.role) && !c.info.unit ? i : -1)).filter((i) => i >= 0);
  if (moneyCols.length === 0) return false;
  let evidence = false;
  let seen = 0;
  for (const r of body) {
    for (const i of moneyCols) {
      const s = cleanCell(r[i]).replace(/^`/, '');
      if (s === '' || /^[-—/]+$/.test(s)) continue;
      if (!/^[-+]?\d+$/.test(s)) return false;
      seen++;
      if (/^0\d{3,}$/.test(s)) evidence = true;
      if (cols[i]!.role === 'fee' && !/^[-+]?0+$/.test(s)) evidence = true;
    }
  }
  return seen > 0 && evidence;
}

/**
 * The portal code wants an Element per row (where data-sg-row would go); a file row has none. A
 * plain object stands in, only as an identity that maps each captured row back to its file line.
 */
function fileRowRef(line: number): Element {
  return { sgFileLine: line } as unknown as Element;
}

export function parseCnSettlement(file: DecodedFile, options: ParseOptions = {}): StatementParseResult {
  const loaded = loadTable(file, (rows) => settlementHeader(rows) !== null);
  const encoding = loaded.ok && loaded.container !== 'csv' ? 'binary' : file.encoding;
  const expected = { expectedKey: 'issuePart.expected.cnSettlement' };
  if (!loaded.ok) return rejected('cn-settlement', encoding, 'acquirer', 'issue.unreadable_file', { ...loaded.reason, ...expected });
  const table: RawTable = loaded.table;
  const header = settlementHeader(table.rows);
  if (!header) return rejected('cn-settlement', encoding, 'acquirer', 'issue.no_header.cnSettlement', expected);
  const { meta, unit, acquirer } = readPreamble(table.rows.slice(0, header.row));
  const issues: Issue[] = [];
  const body = table.rows.slice(header.row + 1);
  const cols = header.cols;

  const fen = unit === 'fen' || (unit === undefined && isIntegerCentsFile(body, cols));
  if (fen) {
    for (const c of cols) if (c.role && MONEY_ROLES.has(c.role) && !c.info.unit) c.info = { ...c.info, unit: 'fen', currency: 'CNY' };
    if (unit !== 'fen') issues.push(makeIssue('warning', 'issue.amounts_in_fen'));
  }
  // A domestic acquirer settles in CNY; a (USD)-style header or a ¥/$ in the cell still wins.
  const currency = meta.currency ?? 'CNY';

  const rawRows: RawRow[] = [];
  const lineOf = new Map<Element, number>();
  body.forEach((r, i) => {
    const line = table.lines[header.row + 1 + i] ?? header.row + 2 + i;
    const element = fileRowRef(line);
    lineOf.set(element, line);
    rawRows.push({ element, cells: cols.map((_, c) => cleanCell(r[c])), rowNumber: line });
  });
  const captured = buildTable({ root: fileRowRef(0), headers: cols.map((c) => c.header), rows: rawRows }, cols, {
    adapter: 'cn-settlement',
    url: `file:${file.name}`,
    now: '',
    meta,
    options: { portal: acquirer ?? 'cn-settlement', currency, ...(options.defaultCurrency ? { defaultCurrency: options.defaultCurrency } : {}) },
    occurrences: new OccurrenceCounter(),
  });

  const transactions: PortalTransaction[] = [];
  const used = new Set<number>();
  const hasStatus = cols.some((c) => c.role === 'status');
  for (const row of captured.rows) {
    const line = lineOf.get(row.element) ?? 0;
    used.add(line);
    for (const i of row.issues) issues.push(withLineWord(i, 'Row', 'line'));
    if (row.transaction) {
      row.transaction.evidence.url = `file:${file.name}#L${line}`;
      // a 对账单/结算明细 lists what the acquirer cleared: without a 交易状态 column, a row is a success
      if (!hasStatus) row.transaction.status = 'success';
      transactions.push(row.transaction);
    } else if (!row.issues.some((i) => i.level === 'error')) {
      issues.push(makeIssue('error', 'issue.row_unreadable', {}, { line }));
    }
  }
  // rows the table reader passes over: totals (合计), repeated headers, one-cell notes
  const skipped = rawRows.filter((r) => !used.has(r.rowNumber) && r.cells.some((c) => c.trim() !== '')).map((r) => r.rowNumber);
  if (skipped.length > 0) {
    issues.push(
      makeIssue('warning', 'issue.summary_ignored.lines', {
        count: skipped.length,
        lines: `${skipped.slice(0, 10).join(', ')}${skipped.length > 10 ? '…' : ''}`,
      }),
    );
  }
  const accounts = accountsOf(transactions).map((a) => (meta.merchantId ? { accountId: meta.merchantId, ...a } : a));
  return { format: 'cn-settlement', encoding, accounts, kind: 'acquirer', lines: [], transactions, issues };
}

export const cnSettlementFormat: StatementFormat = {
  id: 'cn-settlement',
  detect(file: DecodedFile): number {
    // below the WeChat/Alipay merchant bills (0.95), above the generic bank table (0.6–0.7)
    return headRows(file, 40).some((rows) => settlementHeader(rows) !== null) ? 0.85 : 0;
  },
  parse: (file, options) => parseCnSettlement(file, options),
};
