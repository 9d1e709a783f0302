// From a laid-out table (headers + cell texts) to CapturedTable rows of PortalTransactions, the
// same for every table family. DESIGN.md §3 gives the shape, the id recipe and the sign rules;
// §1 rule 2 says an unreadable row is reported, never invented.
import type { CapturedColumn, CapturedRow, CapturedTable, CardType, Issue, MoneyJson, PortalTransaction, TxnKind, TxnStatus } from '../model';
import { ZERO, dec, parseAmount, toPlain } from '../money';
import { parseDateTime, parseTime, toLocalDateTime, type ParsedDateTime } from '../dates';
import { type OccurrenceCounter, stableId } from '../ids';
import { isCardNumberHeader, maskCardNumbers, normaliseCardType, readCard } from '../cards';
import {
  IDENTIFIER_ROLES,
  cardTypeFromKindText,
  classifyHeader,
  fieldOfRole,
  isChineseHeader,
  normaliseCurrencyCell,
  normaliseDirection,
  normaliseEntryMode,
  normaliseSettleCycle,
  normaliseStatus,
  normaliseTxnKind,
  roleOfField,
  type ColumnRole,
  type HeaderInfo,
  type KindReading,
} from './columns';
import { yearForMonthDay, type PageMeta } from './page-meta';
import { portalIssue, type PortalIssueKey } from '../i18n/issues-portal';
import type { IssueParams } from '../i18n/issue-core';
import type { RawRow, RawTable } from './types';

export interface ReadOptions {
  /** the portal (acquirer profile) id reported as PortalTransaction.portal; default 'generic' */
  portal?: string;
  /** the currency the portal profile states; used when a cell shows no symbol */
  currency?: string;
  /** the merchant's default-currency setting; used, with a warning, when nothing on the page says */
  defaultCurrency?: string;
  /**
   * Columns the merchant taught (issue 3 "Teach it a table"): header as shown (or `#n` for a
   * column without one) → PortalTransaction field, null = not data. Overrides what the headers
   * and values say, in every family.
   */
  columnMap?: Record<string, string | null>;
}

export interface BuildContext {
  adapter: string;
  url: string;
  now: string;
  meta: PageMeta;
  options: ReadOptions;
  /** shared by all tables of one capture, so identical rows never share an id */
  occurrences: OccurrenceCounter;
}

export type ColumnSource = 'header' | 'values' | 'taught';

/** Why a column was given its role from its values: an i18n key ('infer.…') and its params. */
export interface ColumnReason {
  key: string;
  params: Record<string, string>;
}

export interface MappedColumn {
  /** the header as shown, made unique within the table ("金额", "金额 (2)") */
  header: string;
  role: ColumnRole | null;
  info: HeaderInfo;
  /** where `role` came from; absent while the column is unplaced */
  source?: ColumnSource;
  /** 0..1: 1 for an exact header or a taught column, less for a contained synonym or values */
  confidence?: number;
  reason?: ColumnReason;
  /** for an unplaced column: the role its values suggested, too weakly or ambiguously to place it */
  guess?: ColumnRole;
}

/**
 * Gives each header its role. One column per role, preferring an exact synonym over a contained
 * one (商户订单号 over 商户订单号/交易号); occurredAt may take two columns (交易日期 + 交易时间).
 */
export function mapColumns(headers: readonly string[]): MappedColumn[] {
  const seen = new Map<string, number>();
  const cols: MappedColumn[] = headers.map((h) => {
    const header = h.trim();
    const n = (seen.get(header) ?? 0) + 1;
    seen.set(header, n);
    return { header: n > 1 && header ? `${header} (${n})` : header, role: null, info: classifyHeader(header) };
  });
  const taken = new Map<ColumnRole, number>();
  for (const pass of [true, false]) {
    cols.forEach((c) => {
      const role = c.info.role;
      if (!role || c.role || (c.info.exact ?? false) !== pass) return;
      const multi = role === 'occurredAt' || role === 'extraFee' || role === 'action' || role === 'ignore' || role === 'index';
      const count = taken.get(role) ?? 0;
      if (!multi && count >= 1) return;
      if (role === 'occurredAt' && count >= 2) return;
      taken.set(role, count + 1);
      c.role = role;
      c.source = 'header';
      // a synonym found inside a longer header ("商户订单号/交易号") is a little less certain
      c.confidence = pass ? 1 : 0.9;
    });
  }
  return cols;
}

/**
 * DESIGN.md §3 portal tables: a transaction table has a time and an amount, plus at least one
 * more known column (type, status, fee, card, a reference…), so that a plain "date | amount"
 * list of something else is not taken for transactions.
 */
export function isTransactionTable(cols: readonly MappedColumn[]): boolean {
  const roles = new Set(cols.map((c) => c.role).filter((r): r is ColumnRole => r !== null));
  if (!roles.has('occurredAt') || !roles.has('amount')) return false;
  const others = [...roles].filter((r) => !['occurredAt', 'amount', 'action', 'index', 'ignore'].includes(r));
  return others.length >= 1 || cols.filter((c) => c.role === 'occurredAt').length >= 2;
}

/** CapturedTable.columns: DESIGN.md §3's header and field, plus where each reading came from. */
export function capturedColumns(cols: readonly MappedColumn[]): CapturedColumn[] {
  return cols.map((c, i) => {
    const out: CapturedColumn = { header: c.header || (c.role ? `#${i + 1}` : ''), field: fieldOfRole(c.role) };
    if (c.role === null || !c.source) return out;
    out.source = c.source;
    out.confidence = c.confidence ?? 1;
    if (c.reason) out.reason = c.reason;
    if (c.role === 'currency' || c.role === 'direction') out.readAs = c.role;
    return out;
  });
}

const TOTAL_ROW = /^(合计|总计|小计|汇总|本页合计|本页小计|全部合计|总交易单数|共计)|^(total|totals|subtotal|sub-total|grand total|sum)\b/i;
const PLACEHOLDER = /^(-+|—+|–+|\/|n\/a|na|null|无|空|暂无|--)$/i;

/** A cell value, or undefined for an empty/placeholder cell. WeChat bills prefix every cell with '`' (DOMAIN.md §1.4). */
function value(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const s = (text.charCodeAt(0) === 96 ? text.replace(/^`+/, '') : text).trim();
  if (s === '') return undefined;
  // a placeholder never starts with a digit: most cells skip the pattern
  const c = s.charCodeAt(0);
  return (c < 48 || c > 57) && PLACEHOLDER.test(s) ? undefined : s;
}

/**
 * Masks full card numbers before anything else reads a cell. Reference columns (订单号, 流水号,
 * 参考号…) are exempt: their 14–19 digit values are keys, not PANs, and masking would break the
 * join to cashier exports (DOMAIN.md §1.1). Date cells such as 20240305143000 are exempt when they
 * read as a date.
 */
function maskCell(text: string, role: ColumnRole | null, cardColumn: boolean): string {
  // a column whose header names a card number is always masked: the background refuses a full
  // number there (lib/cards.ts isCardNumberHeader, the one rule both sides apply)
  if (!cardColumn && role && IDENTIFIER_ROLES.has(role)) return text;
  const masked = maskCardNumbers(text);
  if (masked === text) return text;
  if (!cardColumn && (role === 'occurredAt' || role === 'settleDate') && parseDateTime(text.replace(/^`+/, ''))) return text;
  return masked;
}

interface RowDraft {
  raw: RawRow;
  cells: readonly string[];
  issues: Issue[];
  occurredAt?: ParsedDateTime;
  amount?: CellAmount;
  amountCurrency?: string;
  kindText?: string;
  kind: TxnKind;
  sign: 1 | -1 | 0;
  /** what a 收/支 column says: +1 money in, −1 money out */
  direction?: 1 | -1;
  fee?: CellAmount;
  feeCurrency?: string;
  net?: CellAmount;
  netCurrency?: string;
  extra: { label: string; value: CellAmount; currency?: string }[];
}

/** Builds the CapturedTable for one laid-out table whose columns are already mapped. */
export function buildTable(raw: RawTable, cols: readonly MappedColumn[], ctx: BuildContext): CapturedTable {
  const steps = buildTableSteps(raw, cols, ctx, Number.POSITIVE_INFINITY);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * buildTable in steps: yields after every `sliceRows` rows read (and again while finishing), so an
 * async caller can give the main thread back between slices. The result is the same as
 * buildTable's: table-wide facts (fee sign convention, currency) are taken after every row is read.
 */
export function* buildTableSteps(raw: RawTable, cols: readonly MappedColumn[], ctx: BuildContext, sliceRows: number): Generator<number, CapturedTable> {
  const plan = planTable(cols);
  const cardColumns = cols.map((c) => isCardNumberHeader(c.header));
  const drafts: RowDraft[] = [];
  const rows: CapturedRow[] = [];
  let done = 0;
  for (const r of raw.rows) {
    const cells = cols.map((c, i) => maskCell(r.cells[i] ?? '', c.role, cardColumns[i]!));
    if (!isSkippedRow(cells, plan)) drafts.push(readDraft(r, cells, plan, ctx));
    if (++done % sliceRows === 0) yield done;
  }
  const feeNegativeIsCost = detectFeeConvention(drafts);
  const tableCurrency = currencyOfTable(drafts);
  const chinese = cols.some((c) => isChineseHeader(c.header));
  for (const d of drafts) {
    rows.push(finishRow(d, plan, ctx, { feeNegativeIsCost, tableCurrency, chinese }));
    if (++done % sliceRows === 0) yield done;
  }
  return { adapter: ctx.adapter, columns: capturedColumns(cols), rows };
}

/**
 * What a table's columns say, worked out once per table instead of once per row: where each
 * role is, which columns are data, which may hold a card number, the evidence key of each. The
 * word columns (type, status, card type…) repeat a handful of values, so each distinct text is
 * read once per table.
 */
interface TablePlan {
  cols: readonly MappedColumn[];
  /** the first column of each role (what a row's value for that role is read from) */
  at: Partial<Record<ColumnRole, number>>;
  /** columns that carry data (not 操作, not 序号) */
  data: number[];
  times: number[];
  /** evidence cell keys with their column */
  evidence: [string, number][];
  /** `role=` prefixes of the cells that make the fallback id, with their column */
  idCells: [string, number][];
  kinds: Map<string, KindReading | null>;
  statuses: Map<string, TxnStatus>;
  cardTypes: Map<string, CardType>;
}

function planTable(cols: readonly MappedColumn[]): TablePlan {
  const plan: TablePlan = { cols, at: {}, data: [], times: [], evidence: [], idCells: [], kinds: new Map(), statuses: new Map(), cardTypes: new Map() };
  cols.forEach((c, i) => {
    const role = c.role;
    if (role && plan.at[role] === undefined) plan.at[role] = i;
    if (role === 'occurredAt') plan.times.push(i);
    // a column recognised by its values may have no header: it is named by its position
    const key = c.header || (role ? `#${i + 1}` : '');
    if (key && role !== 'action') plan.evidence.push([key, i]);
    if (role === 'action' || role === 'index') return;
    plan.data.push(i);
    if (role) plan.idCells.push([`${role}=`, i]);
  });
  return plan;
}

function memo<T>(cache: Map<string, T>, key: string, read: (text: string) => T): T {
  let v = cache.get(key);
  if (v === undefined && !cache.has(key)) {
    v = read(key);
    // a hostile page could show a different word in every row: keep the cache small
    if (cache.size < 256) cache.set(key, v);
  }
  return v as T;
}

/** The name a column goes by in CapturedTable.columns, evidence cells and a taught column map. */
export function columnKey(col: MappedColumn, index: number): string {
  return col.header || `#${index + 1}`;
}

/**
 * Applies the columns the merchant taught (ReadOptions.columnMap): a taught column takes its
 * field's role, and no other column keeps a single-valued role the merchant gave elsewhere.
 */
export function applyColumnMap(cols: readonly MappedColumn[], map: Record<string, string | null> | undefined): MappedColumn[] {
  if (!map) return [...cols];
  const out = cols.map((c) => ({ ...c }));
  const taught = new Set<number>();
  out.forEach((c, i) => {
    const key = columnKey(c, i);
    if (!Object.hasOwn(map, key)) return;
    const role = roleOfField(map[key] ?? null);
    if (role === undefined) return;
    c.role = role;
    c.source = 'taught';
    c.confidence = 1;
    delete c.reason;
    taught.add(i);
  });
  const multi = new Set<ColumnRole>(['occurredAt', 'extraFee', 'action', 'index', 'ignore']);
  out.forEach((c, i) => {
    if (taught.has(i) || !c.role || multi.has(c.role)) return;
    if ([...taught].some((t) => out[t]!.role === c.role)) {
      c.role = null;
      delete c.source;
      delete c.confidence;
      delete c.reason;
    }
  });
  return out;
}

/** Rows that are not transactions and not worth an issue: empty, totals, repeated headers, placeholders. */
function isSkippedRow(cells: readonly string[], plan: TablePlan): boolean {
  let filled = 0;
  let first = '';
  let allSame = true;
  for (const i of plan.data) {
    const t = (cells[i] ?? '').trim();
    if (t === '') continue;
    if (filled === 0) first = t;
    else if (t !== first) allSame = false;
    filled++;
  }
  if (filled === 0) return true;
  if (TOTAL_ROW.test(first)) return true;
  let repeatsHeader = true;
  for (let i = 0; i < cells.length && repeatsHeader; i++) {
    const c = cells[i]!.trim();
    if (c !== '' && c !== (plan.cols[i]?.header ?? '').trim()) repeatsHeader = false;
  }
  if (repeatsHeader) return true;
  // one cell spanning the whole row: "暂无数据", "No data", a date group heading
  if (cells.length >= 3 && allSame && filled === plan.data.length) return true;
  return cells.length >= 3 && filled === 1 && !plan.cols.some((c, i) => c.role === 'amount' && value(cells[i]));
}

function readDraft(raw: RawRow, cells: readonly string[], plan: TablePlan, ctx: BuildContext): RowDraft {
  const issues: Issue[] = [];
  const line = raw.rowNumber;
  const { cols } = plan;
  const cell = (role: ColumnRole): { text: string; col: MappedColumn } | undefined => {
    const i = plan.at[role];
    const text = i === undefined ? undefined : value(cells[i]);
    return text === undefined ? undefined : { text, col: cols[i!]! };
  };
  const d: RowDraft = { raw, cells, issues, kind: 'sale', sign: 0, extra: [] };

  // When: one full date-time, or a date column plus a time column (交易日期 + 交易时间).
  let date: ParsedDateTime | undefined;
  let time: string | undefined;
  let yearless: string | undefined;
  const timeCells = plan.times.map((i) => value(cells[i])).filter((t): t is string => t !== undefined);
  for (const t of timeCells) {
    const p = readDate(t, ctx.meta);
    if (p === 'no-year') yearless ??= t;
    else if (p && !date) date = p;
    else if (!p) {
      const tm = parseTime(t);
      if (tm && !time) time = tm;
    }
  }
  if (date) d.occurredAt = date.time || !time ? date : { date: date.date, time };
  else if (yearless) issues.push(err(line, 'issue.date_without_year', 'occurredAt', yearless, { value: yearless }));
  else if (timeCells.length > 0) issues.push(err(line, 'issue.date_unreadable', 'occurredAt', timeCells.join(' '), { value: timeCells.join(' ') }));
  else issues.push(err(line, 'issue.date_missing', 'occurredAt', undefined));

  // Kind first: it decides the signs.
  const kindCell = cell('kind');
  if (kindCell) {
    d.kindText = kindCell.text;
    const k = memo(plan.kinds, kindCell.text, normaliseTxnKind);
    if (k) {
      d.kind = k.kind;
      d.sign = k.sign;
    } else {
      d.kind = 'adjustment';
      d.sign = 0;
      issues.push(warn(line, 'issue.kind_unknown', 'kind', kindCell.text, { value: kindCell.text }));
    }
  }

  const directionCell = cell('direction');
  if (directionCell) {
    const dir = normaliseDirection(directionCell.text);
    if (dir !== null) d.direction = dir;
    else issues.push(warn(line, 'issue.direction_unknown', 'direction', directionCell.text, { value: directionCell.text }));
  }

  const amountCell = cell('amount');
  if (!amountCell) {
    issues.push(err(line, 'issue.amount_missing', 'amount', undefined));
  } else {
    const a = readMoney(amountCell.text, amountCell.col);
    if (!a) issues.push(err(line, 'issue.amount_unreadable', 'amount', amountCell.text, { value: amountCell.text }));
    else {
      d.amount = a.value;
      d.amountCurrency = a.currency;
    }
  }
  if (!kindCell && d.amount) {
    // No type column: a negative amount (or one a 收/支 column says went out) is money going
    // back to the cardholder.
    const out = d.direction !== undefined ? d.direction === -1 : isNegative(d.amount);
    d.kind = out ? 'refund' : 'sale';
    d.sign = d.direction ?? 0;
  } else if (d.sign === 0 && d.direction !== undefined) {
    // a type that fixes no sign (调账 adjustments): the direction column does
    d.sign = d.direction;
  }

  const feeCell = cell('fee');
  if (feeCell) {
    const f = readMoney(feeCell.text, feeCell.col);
    if (f) {
      d.fee = f.value;
      d.feeCurrency = f.currency;
    } else issues.push(warn(line, 'issue.fee_unreadable', 'fee', feeCell.text, { value: feeCell.text }));
  }
  const netCell = cell('net');
  if (netCell) {
    const n = readMoney(netCell.text, netCell.col);
    if (n) {
      d.net = n.value;
      d.netCurrency = n.currency;
    } else issues.push(warn(line, 'issue.net_unreadable', 'net', netCell.text, { value: netCell.text }));
  }
  cols.forEach((c, i) => {
    if (c.role !== 'extraFee') return;
    const t = value(cells[i]);
    if (t === undefined) return;
    const m = readMoney(t, c);
    if (!m) issues.push(warn(line, 'issue.fee_unreadable.extra', 'extraFees', t, { column: c.header, value: t }));
    else if (!isZero(m.value)) d.extra.push({ label: c.header, value: m.value, currency: m.currency });
  });
  return d;
}

/** A date with a year, 'no-year' for "03-05 14:30" when the page gives no range, null when not a date. */
function readDate(text: string, meta: PageMeta): ParsedDateTime | 'no-year' | null {
  const direct = parseDateTime(text);
  if (direct) return direct;
  const md = text.trim().match(/^(\d{1,2})\s*[-/月]\s*(\d{1,2})\b/) ?? text.trim().match(/^(\d{2})(\d{2})\d{6}$/);
  if (!md) return null;
  const year = yearForMonthDay(Number(md[1]), Number(md[2]), meta.dateRange);
  if (year === undefined) return 'no-year';
  return parseDateTime(text, { defaultYear: year });
}

/**
 * An amount as read from a cell, kept as text: a row needs only signs and the MoneyJson string,
 * so a Decimal (lib/money.ts) is made only where a row needs arithmetic (feeOfRow) or the cell is
 * not a plain number. The text is what toPlain writes ("-1234.50"), except that a negative zero
 * keeps its sign ("-0.00"), as Decimal does.
 */
type CellAmount = string;

const PLAIN_AMOUNT = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const CANONICAL_AMOUNT = /^-?(?:0|[1-9]\d*)\.\d\d$/;

/**
 * "1,234.50", "-12.00", "0012.5": read as parseAmount reads them (thousands commas, a leading
 * minus, no currency), written as toPlain writes them. Anything else is left to parseAmount.
 */
function readPlainAmount(text: string): CellAmount | null {
  // already written as toPlain writes it ("1234.50", "-0.60"): most cells of most portals
  if (CANONICAL_AMOUNT.test(text)) return text;
  const m = PLAIN_AMOUNT.exec(text);
  if (!m) return null;
  const int = m[2]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '').padEnd(2, '0');
  return `${m[1]}${int}.${frac}`;
}

const isNegative = (a: CellAmount): boolean => a.startsWith('-');
const isZero = (a: CellAmount): boolean => a === '0.00' || a === '-0.00';
const negOf = (a: CellAmount): CellAmount => (isNegative(a) ? a.slice(1) : `-${a}`);
const absOf = (a: CellAmount): CellAmount => (isNegative(a) ? a.slice(1) : a);

/** MoneyJson of a cell amount: the string money() would write (a negative zero is "0.00"). */
function moneyOf(a: CellAmount, currency: string): MoneyJson {
  return { amount: a === '-0.00' ? '0.00' : a, currency };
}

/** An amount cell, in major units: headers marked (分) hold minor units (DOMAIN.md §1.1, §1.7). */
function readMoney(text: string, col: MappedColumn): { value: CellAmount; currency?: string } | null {
  if (col.info.unit !== 'fen') {
    const plain = readPlainAmount(text);
    if (plain !== null) return { value: plain, currency: col.info.currency };
  }
  const p = parseAmount(text);
  if (!p) return null;
  const value = col.info.unit === 'fen' ? p.value.div(100) : p.value;
  return { value: (value.isNegative() ? '-' : '') + toPlain(value.abs()), currency: p.currency ?? col.info.currency };
}

/**
 * Which way the fee column counts. Most CN portals show the fee as a positive cost; Square-style
 * tables show it negative (-$0.95, DOMAIN.md §1.5). A negative fee on a sale says the table
 * counts costs as negatives, so every fee of that table is flipped.
 */
function detectFeeConvention(drafts: readonly RowDraft[]): boolean {
  return drafts.some((d) => d.fee !== undefined && isNegative(d.fee) && (d.kind === 'sale' || d.kind === 'preauth_completion'));
}

/** The one currency symbol the table's amounts show, if they agree. */
function currencyOfTable(drafts: readonly RowDraft[]): string | undefined {
  const seen = new Set<string>();
  for (const d of drafts) for (const c of [d.amountCurrency, d.feeCurrency, d.netCurrency]) if (c) seen.add(c);
  return seen.size === 1 ? [...seen][0] : undefined;
}

interface TableFacts {
  feeNegativeIsCost: boolean;
  tableCurrency?: string;
  chinese: boolean;
}

function finishRow(d: RowDraft, plan: TablePlan, ctx: BuildContext, facts: TableFacts): CapturedRow {
  const { raw, cells, issues } = d;
  const line = raw.rowNumber;
  // Currency: the cell's symbol, the header's unit, the table, the page, the portal profile,
  // then the merchant's default (DESIGN.md §1 rule 2) — the last two with a warning.
  const currencyText = plan.at.currency === undefined ? undefined : value(cells[plan.at.currency]);
  const currencyCell = currencyText === undefined ? undefined : normaliseCurrencyCell(currencyText);
  if (currencyText !== undefined && !currencyCell) issues.push(warn(line, 'issue.currency_unknown', 'currency', currencyText, { value: currencyText }));
  let currency =
    d.amountCurrency ??
    currencyCell ??
    (plan.at.amount === undefined ? undefined : plan.cols[plan.at.amount]!.info.currency) ??
    facts.tableCurrency ??
    ctx.meta.currency ??
    ctx.options.currency;
  const unreadable = issues.some((i) => i.level === 'error');
  if (!currency && !unreadable) {
    const fallback = ctx.options.defaultCurrency ?? (facts.chinese ? 'CNY' : undefined);
    if (fallback) {
      currency = fallback;
      issues.push(
        warn(line, ctx.options.defaultCurrency ? 'issue.currency_defaulted.setting' : 'issue.currency_defaulted.chineseColumns', 'amount', undefined, {
          currency: fallback,
        }),
      );
    } else {
      issues.push(err(line, 'issue.currency_missing', 'amount', undefined));
    }
  }
  if (unreadable || !d.occurredAt || !d.amount || !currency) {
    return { element: raw.element, transaction: null, issues };
  }
  const evidenceCells: Record<string, string> = {};
  for (const [key, i] of plan.evidence) evidenceCells[key] = cells[i] ?? '';

  const signed = (v: CellAmount, sign: 1 | -1 | 0): CellAmount => (sign === 1 ? absOf(v) : sign === -1 ? negOf(absOf(v)) : v);
  const amount = signed(d.amount, d.sign);
  const cur = currency;
  const m = (v: CellAmount, c: string | undefined, what: string): MoneyJson => {
    if (c && c !== cur)
      issues.push(
        warn(line, what === 'fee' || what === 'net' ? `issue.currency_mixed.${what}` : 'issue.currency_mixed.extra', what, c, {
          label: what,
          currency: c,
          amountCurrency: cur,
        }),
      );
    return moneyOf(v, c ?? cur);
  };
  const get = (role: ColumnRole): string | undefined => {
    const i = plan.at[role];
    return i === undefined ? undefined : value(cells[i]);
  };

  const txn: PortalTransaction = {
    id: '',
    portal: ctx.options.portal ?? 'generic',
    occurredAt: toLocalDateTime(d.occurredAt),
    kind: d.kind,
    status: 'unknown',
    amount: moneyOf(amount, cur),
    cardType: 'unknown',
    evidence: { url: ctx.url, capturedAt: ctx.now, cells: evidenceCells, sha256: '' },
  };
  // a refund's or void's settlement takes money back: a positive net shown on such a row is an outflow
  const net = d.net && (d.sign === -1 && !isNegative(d.net) ? negOf(d.net) : d.net);
  if (net) txn.net = m(net, d.netCurrency, 'net');
  // fee: always the cost to the merchant (DESIGN.md §3), negative when given back
  if (d.fee) txn.fee = m(feeOfRow(d, amount, net, facts.feeNegativeIsCost), d.feeCurrency, 'fee');
  if (d.extra.length) {
    txn.extraFees = d.extra.map((e) => ({ label: e.label, amount: m(facts.feeNegativeIsCost ? negOf(e.value) : e.value, e.currency, e.label) }));
  }

  const status = get('status');
  if (status !== undefined) {
    txn.status = memo(plan.statuses, status, normaliseStatus);
    if (txn.status === 'unknown') issues.push(warn(line, 'issue.status_unknown', 'status', status, { value: status }));
  }

  const cardText = get('card');
  if (cardText !== undefined) {
    const card = readCard(cardText);
    if (card.bin) txn.cardBin = card.bin;
    if (card.last4) txn.cardLast4 = card.last4;
  }
  // a card split over two columns (卡号前六位 + 卡号后四位)
  const binText = get('cardBin')?.replace(/\s/g, '');
  if (binText !== undefined && !txn.cardBin && /^\d{6}(\d{2})?$/.test(binText)) txn.cardBin = binText.slice(0, 6);
  const cardTypeText = get('cardType');
  let cardType = cardTypeText !== undefined ? memo(plan.cardTypes, cardTypeText, normaliseCardType) : 'unknown';
  if (cardType === 'unknown' && cardText !== undefined) cardType = normaliseCardType(cardText);
  if (cardType === 'unknown' && d.kindText) cardType = cardTypeFromKindText(d.kindText) ?? 'unknown';
  txn.cardType = cardType;
  const country = get('cardCountry');
  if (country && /^[A-Za-z]{2}$/.test(country)) txn.cardCountry = country.toUpperCase();
  const entry = get('entryMode');
  const entryMode = entry !== undefined ? normaliseEntryMode(entry) : undefined;
  if (entryMode) txn.entryMode = entryMode;

  const merchantId = get('merchantId') ?? ctx.meta.merchantId;
  if (merchantId) txn.merchantId = merchantId;
  const merchantName = get('merchantName') ?? ctx.meta.merchantName;
  if (merchantName) txn.merchantName = merchantName;
  const terminalId = get('terminalId') ?? ctx.meta.terminalId;
  if (terminalId) txn.terminalId = terminalId;
  for (const key of ['rrn', 'voucherNo', 'batchNo', 'authCode', 'orderNo', 'originalRef', 'payoutId'] as const) {
    const v = get(key);
    if (v !== undefined) txn[key] = v;
  }
  const settle = get('settleDate');
  if (settle !== undefined) {
    const p = readDate(settle, ctx.meta);
    if (p && p !== 'no-year') txn.settleDate = p.date;
    else issues.push(warn(line, 'issue.settle_date_unreadable', 'settleDate', settle, { value: settle }));
  }
  const cycle = get('settleCycle');
  const settleCycle = cycle !== undefined ? normaliseSettleCycle(cycle) : undefined;
  if (settleCycle) txn.settleCycle = settleCycle;

  txn.id = transactionId(txn, plan.idCells, cells, ctx.occurrences);
  return { element: raw.element, transaction: txn, issues };
}

/**
 * The fee as a cost. Many portals print a void or refund row in absolute values (388.00 | 2.33 |
 * 385.67): there the positive fee is the fee given back, i.e. a negative cost. Some acquirers
 * instead charge a fee on refunds (DOMAIN.md §7 item 3), so when the row shows its net the sign
 * that makes amount − fee − extra fees = net wins.
 */
function feeOfRow(d: RowDraft, amount: CellAmount, net: CellAmount | undefined, feeNegativeIsCost: boolean): CellAmount {
  const fee = feeNegativeIsCost ? negOf(d.fee!) : d.fee!;
  const shownAbsolute = d.sign === -1 && d.amount !== undefined && !isNegative(d.amount);
  if (!shownAbsolute || isNegative(fee)) return fee;
  if (net) {
    const extra = d.extra.reduce((acc, e) => acc.plus(dec(feeNegativeIsCost ? negOf(e.value) : e.value)), ZERO);
    const fits = (f: CellAmount): boolean => dec(amount).minus(dec(f)).minus(extra).minus(dec(net)).abs().lte(0.01);
    if (fits(fee) && !fits(negOf(fee))) return fee;
  }
  return negOf(fee);
}

/**
 * DESIGN.md §3 id recipe, first that applies: rrn + date; terminalId + batchNo + voucherNo;
 * orderNo; else a hash of the cells plus an occurrence index. The kind is part of every key
 * because a refund or void often repeats the sale's 订单号/参考号 (DOMAIN.md §1.4); an orderNo
 * key also takes the time and amount, since partial refunds share one 订单号. No portal, url or
 * page position goes in, so the same row captured again (another page, another sort) keeps its id.
 */
function transactionId(
  txn: PortalTransaction,
  idCells: readonly (readonly [string, number])[],
  cells: readonly string[],
  occurrences: OccurrenceCounter,
): string {
  const date = txn.occurredAt.slice(0, 10);
  // A reference is meant to be unique, but a page or file can still repeat one (a garbled export,
  // a portal that reuses 参考号): the second row must not collapse into the first, so a repeat
  // within one read gets an occurrence index. The first keeps the plain id, stable across reads.
  const keyed = (parts: string[]): string => {
    const ref = stableId('ref', parts);
    const n = occurrences.next(ref);
    // the first occurrence's id hashes the same parts as its key: reuse that hash
    return n === 0 ? `pt${ref.slice(3)}` : stableId('pt', [...parts, n]);
  };
  if (txn.rrn) return keyed(['rrn', txn.rrn, date, txn.kind]);
  if (txn.terminalId && txn.batchNo && txn.voucherNo) return keyed(['tbv', txn.terminalId, txn.batchNo, txn.voucherNo, txn.kind]);
  if (txn.orderNo) return keyed(['order', txn.orderNo, txn.kind, txn.occurredAt, txn.amount.amount]);
  // only the cells that carry data: 序号 and 操作 change with paging
  const data = idCells.map(([prefix, i]) => prefix + (cells[i] ?? ''));
  const key = stableId('cells', data);
  return stableId('pt', ['cells', key, occurrences.next(key)]);
}

function err(line: number, key: PortalIssueKey, field: string, raw: string | undefined, params: IssueParams = {}): Issue {
  return portalIssue('error', key, params, raw === undefined ? { line, field } : { line, field, raw });
}

function warn(line: number, key: PortalIssueKey, field: string, raw: string | undefined, params: IssueParams = {}): Issue {
  return portalIssue('warning', key, params, raw === undefined ? { line, field } : { line, field, raw });
}
