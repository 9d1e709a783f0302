// Generic bank statement tables: CSV here, XLS/XLSX through the same reader (lib/statements/xlsx.ts),
// and the personal wallet bills (alipay.ts, wechat.ts) as profiles of it.
//
// How a table is read:
//   1. split into rows (support/csv-split.ts: papaparse; the delimiter is chosen by which one gives
//      the most rows of the same width, so a preamble of key: value lines does not fool it), each
//      cell cleaned of an export's padding and wrappers (support/cells.ts);
//   2. the header is the row, among the first ones, that names the most known columns (交易日期,
//      记账日期, Date…, 金额, Amount…, 收入/支出, 借/贷…) — everything above it is preamble, kept for
//      the account number, currency and stated balances (support/bank-headers.ts);
//   3. a bank profile (ICBC, BOC, CGB…; support/bank-headers.ts) may be recognised from the header
//      and preamble: it only changes what the file itself leaves implicit (the credit-card sign
//      convention, a sign read from the description) and the reported format id (DESIGN.md §3:
//      'icbc', 'cmb'…);
//   4. every row below becomes a StatementLine, or an Issue with its 1-based line number saying what
//      was found and what was expected. Footer/summary rows (合计, 共N笔, 导出时间…) are ignored with
//      a warning. Nothing is invented: no 0 for an unreadable amount, no date from elsewhere.
import type { DateOrderDecision, IsoDate, Issue, MoneyJson, StatementAccount, StatementLine, StatementParseResult } from '../model';
import { Dec, money, parseAmount, plainAmount, toPlain } from '../money';
import { isoDate, parseDateTime, type DateParseOptions } from '../dates';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';
import { StatementLineIds, isPlaceholderReference as isPlaceholderReferenceImport } from './line-id';
import { canonicalAmount as canonicalAmountImport, plainCents as plainCentsImport } from './support/plain-decimal';
import { dateOrderBySpan, inferHeaderlessLayout, type HeaderlessLayout } from './support/headerless';
import { NO_CURRENCY } from './support/statement-lines';
import { assumedOrderIssue, orderFromDates, orderWithoutDayAbove12 } from './support/date-order';
import { makeIssue, type IssueParams } from '../i18n/issues';
import { YearlessDates } from './support/statement-period';
import { classifyNeutralMove } from './support/wallet-moves';
import { CsvLines, countFields, detectDelimiter, firstLines, splitCsv, splitCsvLines, type RawTable } from './support/csv-split';
import { cleanCell as cleanCellImport, cleanRow as cleanRowImport, isPlaceholder as isPlaceholderImport } from './support/cells';
import {
  HEADER_SCAN_ROWS,
  currencyFromHeader,
  currencyFromText as currencyFromTextImport,
  findHeader,
  normaliseHeader,
  readDirection as readDirectionImport,
  recogniseProfile,
  type Direction,
  type HeaderMatch,
  type Role,
  type TableProfile,
} from './support/bank-headers';

// Called for every row of a large file, so bound once here: where modules are compiled to
// CommonJS (tsx, vitest, the benchmarks) every use of an imported name reads it through a getter.
const canonicalAmount = canonicalAmountImport;
const plainCents = plainCentsImport;
const isPlaceholderReference = isPlaceholderReferenceImport;
const cleanCell = cleanCellImport;
const cleanRow = cleanRowImport;
const isPlaceholder = isPlaceholderImport;
const currencyFromText = currencyFromTextImport;
const readDirection = readDirectionImport;

// ───────────────────────────── cell readers ─────────────────────────────

const value = (s: string) => (isPlaceholder(s) ? '' : s);

/** Amount cells with an explanation appended, e.g. JD's '131.77(已退款89.84)': the leading number is the amount. */
function stripAnnotation(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  if (last !== 41 && last !== 0xff09) return s; // no closing bracket, no annotation
  const m = s.match(/^(.*?\d)\s*[(（][^)）]*[\u4e00-\u9fff][^)）]*[)）]$/);
  return m ? m[1]! : s;
}

// ───────────────────────────── the reader ─────────────────────────────

export interface TableReadContext {
  fileName: string;
  encoding: string;
  /** 'csv' | 'xls' | 'xlsx': reported when no profile is recognised */
  baseFormat: string;
  options?: ParseOptions;
  /** restrict profile recognition (alipay.ts / wechat.ts pass their own) */
  profiles?: TableProfile[];
  /** the format id to report regardless of profile */
  forceFormat?: string;
  /**
   * Tests only: read the way the fast paths stand in for — CsvLines split whole, the body
   * scanned before it is read, the accounts summarised from the lines alone — so a test can
   * compare the two readings (tests/unit/statements/csv-lines.test.ts).
   */
  asReference?: boolean;
}

const FOOTER =
  /^(-{3,}|={3,}|\*{3,}|合计|总计|小计|本页|人民币合计|.{0,8}合计|共\s*[:：]?\s*\d+\s*笔|以上|导出|说明|注[:：]|特别提示|total|summary|opening|closing|期初|期末|总交易单数|本期|截止|打印)/i;

const STATED_BALANCE = [
  { key: 'opening' as const, re: /^(期初余额|上期余额|起始余额|opening ?balance|previous ?balance)\s*[:：]?\s*(.*)$/i },
  { key: 'closing' as const, re: /^(期末余额|本期余额|结束余额|截止余额|closing ?balance|ending ?balance|new ?balance)\s*[:：]?\s*(.*)$/i },
];

const ACCOUNT_LABEL = /^(卡号|账号|帐号|账户|帐户|账户号码|卡号码|借记卡号|account(?: number| no\.?)?|card(?: number| no\.?)?)\s*[:：]\s*(.*)$/i;
const CURRENCY_LABEL = /^(币种|币别|货币|currency)\s*[:：]\s*(.*)$/i;

const CLOSED_STATUS = /^(交易关闭|已关闭|关闭|支付失败|交易失败|失败|已撤销|撤销|已取消|failed|closed|cancell?ed)$/i;
const REFUND = /退款/;

interface RowRecord {
  line: number;
  bookedOn: IsoDate;
  valueOn?: IsoDate;
  /** MoneyJson amount string ("-12.50") */
  amount: string;
  currency: string;
  /** the balance after the line and its currency, when the row shows a readable one */
  balanceValue?: string;
  balanceCurrency?: string;
  description: string;
  counterparty?: string;
  reference?: string;
  accountId?: string;
  direction?: Direction | null;
  /** a wallet 不计收支/其他 row read as a refund */
  neutralRefund?: boolean;
  /** the row and file state no currency */
  currencyDefaulted?: boolean;
  /** a wallet withdrawal's 服务费 (plain positive decimal), imported as a line of its own after the row's */
  fee?: string;
}

export function readBankTable(source: RawTable | CsvLines, ctx: TableReadContext): StatementParseResult {
  const readReference = ctx.asReference === true;
  const issues: Issue[] = [];
  let dateOrder: DateOrderDecision | undefined;
  const result = (lines: StatementLine[], accounts: StatementAccount[], format: string): StatementParseResult => {
    const r: StatementParseResult = { format, encoding: ctx.encoding, accounts, kind: 'bank', lines, issues };
    if (dateOrder) r.dateOrder = dateOrder;
    return r;
  };

  // CsvLines are read a row at a time (row i is line i + 1, cleaned when it is not clean); a
  // file without a header row is read from its whole table, as splitCsv gives it.
  let csvLines = source instanceof CsvLines ? source : null;
  let header = findHeader(csvLines ? csvLines.head : (source as RawTable).rows);
  if (!header || readReference) csvLines = null;
  // with CsvLines, table.rows is only its head: the header and preamble are among those rows
  const table: RawTable = csvLines ? { rows: csvLines.head, lines: [] } : source instanceof CsvLines ? source.toTable() : source;
  const rowCount = csvLines ? csvLines.length : table.rows.length;
  // A file without a header row is read only when its columns can be told from their values.
  let headerless: HeaderlessLayout | null = null;
  let headerlessProblem: IssueParams = {};
  if (!header && ctx.baseFormat === 'csv' && !ctx.forceFormat && !ctx.profiles) {
    const inferred = readHeaderless(table);
    if (inferred.ok) ({ header, layout: headerless } = inferred);
    else headerlessProblem = inferred.problem;
  }
  if (!header) {
    issues.push(
      makeIssue(
        'error',
        'issue.no_header.csv',
        { rows: Math.min(HEADER_SCAN_ROWS, table.rows.length), ...headerlessProblem },
        {
          raw: table.rows
            .slice(0, 3)
            .map((r) => r.join(','))
            .join(' | ')
            .slice(0, 200),
        },
      ),
    );
    return result([], [], ctx.forceFormat ?? ctx.baseFormat);
  }

  const preambleRows = table.rows.slice(0, Math.max(0, header.row));
  const preambleText = preambleRows.map((r) => r.map(cleanCell).join(' ')).join('\n');
  // the names of an inferred header are ours, not the bank's: they recognise no bank
  const profile = headerless ? null : recogniseProfile(header.headers, preambleText, ctx.fileName, ctx.profiles);
  const format = ctx.forceFormat ?? profile?.id ?? ctx.baseFormat;
  const col = (role: Role) => header.single.get(role);

  // What the preamble says about the whole file.
  let fileAccount: string | undefined;
  let fileCurrency: string | null = null;
  const stated: { opening?: string; closing?: string } = {};
  const scanLabels = (rows: string[][]) => {
    for (const r of rows) {
      const cells = r.map(cleanCell);
      // the next non-empty cell after each, in one pass from the right (a slice per cell was
      // quadratic: a sheet declaring 29,955 columns took 5.7 s, fuzz xlsx seed 20261208 case 13497)
      const after: string[] = new Array(cells.length);
      for (let i = cells.length - 1, seen = ''; i >= 0; i--) {
        after[i] = seen;
        if (cells[i] !== '') seen = cells[i]!;
      }
      cells.forEach((c, i) => {
        const compact = c.replace(/\s/g, '');
        const next = after[i]!;
        const acct = compact.match(ACCOUNT_LABEL);
        if (acct && !fileAccount) {
          const v = (acct[2] || next).trim();
          if (v && /\d/.test(v)) fileAccount = v;
        }
        const cur = compact.match(CURRENCY_LABEL);
        if (cur && !fileCurrency) fileCurrency = currencyFromText(cur[2] || next);
        for (const { key, re } of STATED_BALANCE) {
          const m = c.match(re);
          if (m && stated[key] === undefined) stated[key] = (m[2] || next).trim();
        }
      });
    }
  };
  scanLabels(preambleRows);
  // SPDB-style key/value rows: 账号,6217…,账户类型,借记卡 — label and value in neighbouring cells.
  for (const r of preambleRows) {
    const cells = r.map(cleanCell);
    cells.forEach((c, i) => {
      const label = normaliseHeader(c);
      const next = cells[i + 1] ?? '';
      if (!fileAccount && ['账号', '卡号', '帐号', 'accountnumber', 'account', '账户'].includes(label) && /\d/.test(next)) fileAccount = next;
      if (!fileCurrency && ['币种', '币别', '货币', 'currency'].includes(label)) fileCurrency = currencyFromText(next);
    });
  }
  const headerCurrency =
    [col('amount'), col('credit'), col('debit')].map((c) => (c === undefined ? null : currencyFromHeader(header.headers[c] ?? ''))).find((c) => c) ?? null;

  // Currency (DESIGN.md §1 rule 2): what the file says (preamble 币种, a header like 金额(元), a
  // currency column, an amount prefix); a Chinese-language export without one is in CNY; else the
  // merchant's default currency, else XXX ("no currency") — both with a warning.
  const callerCurrency = ctx.options?.defaultCurrency?.trim().toUpperCase();
  const fallback = callerCurrency && /^[A-Z]{3}$/.test(callerCurrency) ? callerCurrency : NO_CURRENCY;
  const defaultCurrency: string = fileCurrency ?? headerCurrency ?? (header.chinese ? 'CNY' : fallback);
  const currencyDefaulted = !fileCurrency && !headerCurrency && !header.chinese;

  // Day/month order for slash dates: decided once per file from any day above 12.
  const body = header.row + 1;
  const dateCols = [col('postDate'), col('txnDate'), col('valueDate')].filter((c): c is number => c !== undefined);
  // Decimal comma: European exports (';' separated, '1.234,56'). Decided per file from the amounts.
  const amountCols = [col('amount'), col('credit'), col('debit'), col('balance')].filter((c): c is number => c !== undefined);
  // Both are decided by every row of the body (scanBody). Unless the columns were inferred, the
  // rows are read once, with what the first rows say, counting the whole body's evidence on the
  // way; only when that says otherwise (rare: the first day above 12 far down a file) are they
  // read again. ctx.asReference scans first, as the reference for that.
  const speculate = !headerless && !readReference;
  const scanned = scanBody(table.rows, body, dateCols, amountCols, table.clean, speculate ? body + HEADER_SCAN_ROWS : table.rows.length);
  // Where no date has a day above 12, the order comes from the file's language and locale
  // (support/date-order.ts); an inferred header's names are ours and say nothing of the language.
  const dollars = defaultCurrency === 'USD' || table.rows.slice(body, body + HEADER_SCAN_ROWS).some((r) => amountCols.some((c) => (r[c] ?? '').includes('$')));
  const locale = { headers: headerless ? [] : header.headers, dollars, caller: ctx.options?.dateOrder };
  const decide = (t: TallyResult) => decideOrder(t, (decimalComma, dotted) => orderWithoutDayAbove12({ ...locale, decimalComma, dotted }));
  let decided = decide(scanned);
  let order = decided.order;
  let orderNote: IssueParams = {};
  if (headerless && order === null) {
    // no day above 12 anywhere: the reading under which the lines lie days, not months, apart
    const dates = table.rows
      .slice(body)
      .map((r) => cleanCell(r[dateCols[0]!]))
      .filter((t) => t !== '');
    const bySpan = dateOrderBySpan(dates, (t, o) => readDate(t, { order: o }));
    if (bySpan) {
      order = bySpan.order;
      orderNote = { orderKey: `issuePart.spanOrder.${bySpan.order}`, days: bySpan.days, otherDays: bySpan.otherDays };
      decided = {
        order,
        decision: { order, decidedBy: 'span', detail: `the lines then span ${bySpan.days} day(s) rather than ${bySpan.otherDays}`, example: scanned.example },
      };
    }
  }
  if (headerless) {
    issues.push(makeIssue('warning', 'issue.columns_inferred', { ...headerless.note, ...orderNote }));
  }

  let decimalComma = scanned.decimalComma;
  const issuesBefore = issues.length;
  const src: BodySource = {
    csvLines,
    table,
    header,
    body,
    rowCount,
    dateCols,
    amountCols,
    profile,
    defaultCurrency,
    issues,
    fileName: ctx.fileName,
    preambleText,
  };
  let read = readBody(src, order, decimalComma, speculate ? new BodyTally() : null);
  if (read.tally) {
    const whole = read.tally.result();
    const wholeDecided = decide(whole);
    if (wholeDecided.order !== order || whole.decimalComma !== decimalComma) {
      decided = wholeDecided;
      order = wholeDecided.order;
      decimalComma = whole.decimalComma;
      issues.length = issuesBefore;
      read = readBody(src, order, decimalComma, null);
    }
  }
  dateOrder = decided.decision;
  if (dateOrder && dateOrder.order !== null && dateOrder.decidedBy !== 'dates' && dateOrder.decidedBy !== 'merchant' && !headerless) {
    issues.push(assumedOrderIssue(dateOrder, { field: 'bookedOn' }));
  }
  const { lines, records, ids, seen, defaultedLines, footerCount, footerRows, wallet } = read;

  scanLabels(footerRows);
  if (footerCount > 0) {
    issues.push(makeIssue('warning', 'issue.footer_ignored', { count: footerCount }));
  }
  if (currencyDefaulted && defaultedLines > 0) {
    issues.push(
      makeIssue(
        'warning',
        defaultCurrency === NO_CURRENCY ? 'issue.currency_missing.linesNone' : 'issue.currency_missing.lines',
        { count: defaultedLines, currency: defaultCurrency },
        { field: 'currency' },
      ),
    );
  }

  // Wallet bills: a neutral (不计收支) refund duplicated by an income row of the same order is one refund.
  if (wallet) for (const r of dropDuplicateRefunds(records, issues)) lines.push(toStatementLine(r, ids, ctx.fileName));

  const accounts = summariseAccounts(lines, fileAccount, stated, decimalComma, issues, wallet || readReference ? undefined : seen);
  return result(lines, accounts, format);
}

/** What readBody reads: readBankTable's table and what it found out about it. */
interface BodySource {
  /** the rows, a row at a time, or null: table.rows */
  csvLines: CsvLines | null;
  table: RawTable;
  header: HeaderMatch;
  /** the first row after the header */
  body: number;
  rowCount: number;
  dateCols: number[];
  amountCols: number[];
  profile: TableProfile | null;
  defaultCurrency: string;
  issues: Issue[];
  fileName: string;
  /** the text above the header: where a statement states its period (dates without a year) */
  preambleText: string;
}

/**
 * Rows become StatementLines as they are read; only wallet bills keep their records until the
 * duplicated refunds are dropped (ids count occurrences, so they are given in the final order).
 * With a tally, every body row's date and amount cells are counted in it as scanBody would.
 * (A module function with its table passed in, not a closure in readBankTable: code optimised for
 * a closure is specialised to the closure's variables, and thrown away when they are collected
 * after the import — every large import would start again in unoptimised code.)
 */
function readBody(src: BodySource, order: 'dmy' | 'mdy' | null, decimalComma: boolean, tally: BodyTally | null) {
  const { csvLines, table, header: hdr, body, rowCount, dateCols, amountCols, profile, defaultCurrency, issues, fileName } = src;
  // dates without a year (MM/DD) take it from the statement's stated period; month first in Chinese exports
  const yearless = new YearlessDates(src.preambleText, fileName, order === 'dmy' && !hdr.chinese);
  const wallet = profile?.wallet === true;
  const records: RowRecord[] = [];
  const lines: StatementLine[] = [];
  const ids = new StatementLineIds(rowCount - hdr.row - 1);
  const clean = table.clean;
  // plainCents of lines[i].amount.amount and lines[i].balanceAfter?.amount (NaN without one), for wallets none
  // (typed arrays of the most lines there can be: no array grown and copied in the heap on the way)
  const amountCents = new Float64Array(wallet ? 0 : Math.max(0, rowCount - body));
  const balanceCents = new Float64Array(amountCents.length);
  let defaultedLines = 0;
  let footerFrom: number | null = null;
  let footerCount = 0;
  const footerRows: string[][] = [];
  const rc = rowColumns(hdr, { decimalComma, order, profile, defaultCurrency, issues });
  const postDateCol = rc.col.postDate;
  const txnDateCol = rc.col.txnDate;
  const headerCells = hdr.headers;
  const dateOptions = { order: order ?? undefined };
  // consecutive rows mostly share their date: read each run of one date text once
  let lastDateText = '';
  let lastDate: IsoDate | null = null;
  // readRow's record, one for all rows (a wallet keeps a copy of each)
  const rec = newRowRecord();
  // LinesSeen so far
  let firstAccount: string | undefined;
  let firstCurrency = '';
  let uniform = true;
  let from = '';
  let to = '';
  let lastBookedOn = '';
  let allBalanced = true;
  // CsvLines' rows are fresh arrays (or cleanRow's), ours to give repeated cells one string
  const pools = csvLines ? new CellPools([...rc.descCols, rc.col.counterparty, rc.col.balance, rc.col.account]) : null;

  for (let i = body; i < rowCount; i++) {
    const row = csvLines ? csvLines.row(i) : table.rows[i]!;
    const line = csvLines ? i + 1 : (table.lines[i] ?? i + 1);
    const cells = (csvLines !== null ? csvLines.lastClean : clean !== undefined && clean[i] === 1) ? row : cleanRow(row);
    if (tally) {
      // cells[c] is scanBody's cell: the row's own when clean, else cleanCell's ('' when missing)
      for (let j = 0; j < dateCols.length; j++) tally.date(cells[dateCols[j]!] ?? '');
      // once one amount has a decimal point, no later one can make the file's a decimal comma
      if (tally.dot === 0) for (let j = 0; j < amountCols.length; j++) tally.amount(cells[amountCols[j]!] ?? '');
    }
    if (isBlankRow(cells)) continue;
    if (repeatsHeader(cells, headerCells)) continue; // the header repeated (page breaks)
    if (pools) pools.intern(cells);

    const dateText = cellAt(cells, postDateCol) || cellAt(cells, txnDateCol);
    let date: IsoDate | null = null;
    if (dateText === lastDateText) date = lastDate;
    else if (dateText) {
      date = readDate(dateText, dateOptions);
      lastDateText = dateText;
      lastDate = date;
    }
    // (a summary row whose first cell is 合计/共N笔… stays a footer row, whatever its date cell holds)
    if (!date && dateText && !FOOTER.test(cells.find((c) => c !== '') ?? '')) {
      const y = yearless.read(dateText);
      if (y && 'date' in y) date = lastDate = y.date;
      else if (y) {
        issues.push(
          y.problem === 'no_period'
            ? makeIssue('error', 'issue.missing_year', { value: dateText }, { line, field: 'bookedOn', raw: dateText })
            : makeIssue('error', 'issue.bad_date.notInPeriod', { value: dateText, period: y.period.said }, { line, field: 'bookedOn', raw: dateText }),
        );
        continue;
      }
    }
    if (!date) {
      const first = cells.find((c) => c !== '') ?? '';
      if (FOOTER.test(first) || FOOTER.test(dateText) || footerFrom !== null) {
        footerFrom ??= line;
        footerCount++;
        footerRows.push(row);
        continue;
      }
      if (!dateText) {
        issues.push(makeIssue('error', 'issue.missing_date', { column: headerName(hdr, 'postDate', 'txnDate') }, { line, raw: cells.join(',').slice(0, 200) }));
      } else if (order === null && isAmbiguousForm(dateText)) {
        issues.push(makeIssue('error', 'issue.ambiguous_date.line', { value: dateText }, { line, field: 'bookedOn', raw: dateText }));
      } else {
        issues.push(makeIssue('error', 'issue.bad_date', { value: dateText }, { line, field: 'bookedOn', raw: dateText }));
      }
      continue;
    }
    footerFrom = null;

    if (!readRow(cells, line, date, rc, rec)) continue;
    if (rec.currencyDefaulted) defaultedLines++;
    if (wallet) {
      records.push({ ...rec, fee: undefined });
      if (rec.fee !== undefined) records.push({ ...rec, amount: negAmount(rec.fee), fee: undefined, description: `服务费 — ${rec.description}` });
    } else {
      // what summariseAccounts needs to know of the lines, seen while each row is at hand
      const k = lines.length;
      amountCents[k] = plainCents(rec.amount);
      balanceCents[k] = rec.balanceValue !== undefined ? plainCents(rec.balanceValue) : NaN;
      if (k === 0) {
        firstAccount = rec.accountId;
        firstCurrency = rec.currency;
        from = to = rec.bookedOn;
      } else {
        uniform &&= rec.accountId === firstAccount && rec.currency === firstCurrency;
        if (rec.bookedOn !== lastBookedOn) {
          if (rec.bookedOn < from) from = rec.bookedOn;
          if (rec.bookedOn > to) to = rec.bookedOn;
        }
      }
      lastBookedOn = rec.bookedOn;
      allBalanced &&= rec.balanceValue !== undefined && rec.balanceCurrency === firstCurrency;
      lines.push(toStatementLine(rec, ids, fileName));
    }
  }
  const seen: LinesSeen = {
    count: lines.length,
    amount: amountCents.subarray(0, lines.length),
    balance: balanceCents.subarray(0, lines.length),
    uniform,
    from,
    to,
    allBalanced,
  };
  return { lines, records, ids, seen, defaultedLines, footerCount, footerRows, wallet, tally };
}

/** D/M/YYYY whose day and month could be either way round (both ≤ 12). */
function isAmbiguousForm(text: string): boolean {
  const m = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/);
  return m !== null && +m[1]! <= 12 && +m[2]! <= 12;
}

function headerName(h: HeaderMatch, ...roles: Role[]): string {
  for (const r of roles) {
    const c = h.single.get(r);
    if (c !== undefined) return h.headers[c] ?? r;
  }
  return roles[0] ?? '';
}

const HEADERLESS_NAMES = { txnDate: 'Date', description: 'Description', amount: 'Amount', debit: 'Withdrawal', credit: 'Deposit', balance: 'Balance' } as const;

/**
 * A header-less table (every row data, no row naming its columns) as a HeaderMatch over columns
 * inferred from the values (support/headerless.ts), with row -1: the body starts at row 0.
 */
function readHeaderless(table: RawTable): { ok: true; header: HeaderMatch; layout: HeaderlessLayout } | { ok: false; problem: IssueParams } {
  const rows = table.rows.map(cleanRow).filter((r) => !isBlankRow(r));
  const inferred = inferHeaderlessLayout(rows, {
    isDate: (s) => readDate(s, {}) !== null || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(s),
    amount: (s) => readAmountText(stripAnnotation(s), false)?.value ?? null,
    value,
  });
  // A problem is worth telling only for a table that looks like statement lines (rows of one
  // width with a date in every row); for other text the no-header message says enough.
  if (!inferred.ok) return { ok: false, problem: inferred.dated ? inferred.reason : {} };
  const single = new Map<Role, number>();
  const multi = new Map<Role, number[]>();
  inferred.layout.roles.forEach((role, col) => {
    if (role === 'description') multi.set('description', [col]);
    else single.set(role, col);
  });
  const headers = inferred.layout.roles.map((r) => HEADERLESS_NAMES[r]);
  return { ok: true, header: { row: -1, single, multi, headers, chinese: false }, layout: inferred.layout };
}

function toStatementLine(r: RowRecord, ids: StatementLineIds, file: string): StatementLine {
  const amount: MoneyJson = { amount: r.amount, currency: r.currency };
  const source = { file, line: r.line };
  // The line is built first and given its id after: its own fields are the id's parts (accountId,
  // bookedOn, amount, reference or description), so the id table keeps the line, not a copy of them.
  // The keys in the order the general case below adds them. A bank export with counterparty,
  // reference and balance columns is built in one literal: one object shape, no property store.
  if (!r.valueOn && !r.accountId && r.counterparty && r.reference && r.balanceValue !== undefined) {
    const line: StatementLine = {
      id: '',
      bookedOn: r.bookedOn,
      amount,
      description: r.description,
      source,
      counterparty: r.counterparty,
      reference: r.reference,
      balanceAfter: { amount: r.balanceValue, currency: r.balanceCurrency! },
    };
    line.id = ids.next(line);
    return line;
  }
  const line: StatementLine = { id: '', bookedOn: r.bookedOn, amount, description: r.description, source };
  if (r.valueOn) line.valueOn = r.valueOn;
  if (r.counterparty) line.counterparty = r.counterparty;
  if (r.reference) line.reference = r.reference;
  if (r.balanceValue !== undefined) line.balanceAfter = { amount: r.balanceValue, currency: r.balanceCurrency! };
  if (r.accountId) line.accountId = r.accountId;
  line.id = ids.next(line);
  return line;
}

/**
 * One string for each repeated value of the columns whose cells a StatementLine keeps as they are
 * (description and memo, counterparty, balance, account): every line holds its cells until the
 * import is done, and exports repeat these on line after line (a few descriptions, one
 * counterparty per merchant). A column whose cells mostly differ (seen over its first
 * POOL_TRIAL cells) is left alone, as is a long cell. A pool is a cache, not a set: a value can
 * be kept twice (two strings) but never changes.
 */
class CellPools {
  private readonly cols: number[];
  /** column j's slots are seen[j * POOL_SLOTS …]: the last cell placed in each */
  private readonly seen: string[];
  private readonly active: boolean[];
  private readonly hits: number[];
  private readonly looks: number[];
  constructor(cols: number[]) {
    this.cols = [...new Set(cols.filter((c) => c >= 0))];
    this.seen = new Array<string>(this.cols.length * POOL_SLOTS).fill('');
    this.active = this.cols.map(() => true);
    this.hits = this.cols.map(() => 0);
    this.looks = this.cols.map(() => 0);
  }
  /**
   * Each pooled cell of the row replaced by the equal string last seen in its slot, if any. The
   * slot is chosen by the cell's length and first and last two characters: a few character reads
   * and one comparison, where a Map would hash the whole new string.
   */
  intern(cells: string[]): void {
    const { cols, seen } = this;
    for (let j = 0; j < cols.length; j++) {
      if (!this.active[j]) continue;
      const c = cols[j]!;
      const s = cells[c];
      if (s === undefined) continue;
      const n = s.length;
      if (n === 0 || n > POOL_MAX_LENGTH) continue;
      const h = Math.imul(n * 31 + s.charCodeAt(0), 0x9e3779b1) ^ Math.imul(s.charCodeAt(n - 1) * 131 + s.charCodeAt(n - (n > 1 ? 2 : 1)), 0x85ebca6b);
      const slot = j * POOL_SLOTS + ((h ^ (h >>> 16)) & (POOL_SLOTS - 1));
      const before = seen[slot]!;
      if (before === s) {
        cells[c] = before;
        this.hits[j]!++;
      } else {
        seen[slot] = s;
      }
      if (++this.looks[j]! === POOL_TRIAL && this.hits[j]! * 4 < POOL_TRIAL) this.active[j] = false;
    }
  }
}
const POOL_TRIAL = 1000;
const POOL_SLOTS = 512;
const POOL_MAX_LENGTH = 32;

/** Everything readRow needs that is the same for every row of a table, column indices resolved once (-1: no such column). */
interface RowColumns {
  col: Record<Role, number>;
  headers: string[];
  /** description then memo columns, in the order their text is joined */
  descCols: number[];
  decimalComma: boolean;
  order: 'dmy' | 'mdy' | null;
  profile: TableProfile | null;
  defaultCurrency: string;
  issues: Issue[];
}

const ROLES: Role[] = [
  'postDate',
  'txnDate',
  'valueDate',
  'amount',
  'credit',
  'debit',
  'direction',
  'balance',
  'currency',
  'description',
  'memo',
  'counterparty',
  'reference',
  'account',
  'status',
  'category',
  'method',
];

function rowColumns(header: HeaderMatch, c: Omit<RowColumns, 'col' | 'headers' | 'descCols'>): RowColumns {
  const col = {} as Record<Role, number>;
  for (const r of ROLES) col[r] = header.single.get(r) ?? -1;
  const descCols = [...(header.multi.get('description') ?? []), ...(header.multi.get('memo') ?? [])];
  return { ...c, col, headers: header.headers, descCols };
}

/** A cleaned cell of the row, '' for a missing column or a placeholder ('-', '/', 'null'…). */
function cellAt(cells: string[], c: number): string {
  return c < 0 ? '' : value(cells[c] ?? '');
}

/** Every cell empty (holes, as Array#every, do not count). */
function isBlankRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== undefined && c !== '') return false;
  }
  return true;
}

function repeatsHeader(cells: string[], headers: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== undefined && c !== (headers[i] ?? '')) return false;
  }
  return true;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isDateSep = (c: number) => c === 45 || c === 47 || c === 46; // - / .

/**
 * parseDateTime(text, opts)?.date. The form almost every large export uses ('2024-03-05',
 * '2024/3/5', '2024.03.05', nothing after it) is read here by character codes; anything else goes
 * to parseDateTime.
 */
function readDate(text: string, opts: DateParseOptions): IsoDate | null {
  const n = text.length;
  if (
    n >= 8 &&
    n <= 10 &&
    isDigitCode(text.charCodeAt(0)) &&
    isDigitCode(text.charCodeAt(1)) &&
    isDigitCode(text.charCodeAt(2)) &&
    isDigitCode(text.charCodeAt(3)) &&
    isDateSep(text.charCodeAt(4))
  ) {
    let i = 5;
    let mo = 0;
    while (i < n && i < 7 && isDigitCode(text.charCodeAt(i))) mo = mo * 10 + text.charCodeAt(i++) - 48;
    if (i > 5 && i < n && isDateSep(text.charCodeAt(i))) {
      const dStart = ++i;
      let d = 0;
      while (i < n && i < dStart + 2 && isDigitCode(text.charCodeAt(i))) d = d * 10 + text.charCodeAt(i++) - 48;
      if (i > dStart && i === n) {
        const y = (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
        return isoDate(y, mo, d);
      }
    }
  }
  return parseDateTime(text, opts)?.date ?? null;
}

/** A money cell read: its MoneyJson amount string and its currency mark if any. */
interface AmountRead {
  value: string;
  currency: string | undefined;
}

/** A money cell as a MoneyJson amount string (plainAmount, else parseAmount), with its currency mark if any. */
function readAmountText(text: string, decimalComma: boolean): { value: string; currency?: string } | null {
  const out: AmountRead = { value: '', currency: undefined };
  if (!readAmountInto(text, decimalComma, out)) return null;
  return out.currency === undefined ? { value: out.value } : { value: out.value, currency: out.currency };
}

/** readAmountText into `out` (readRow's own, reused row after row: no object per cell); false when the text is not an amount. */
function readAmountInto(text: string, decimalComma: boolean, out: AmountRead): boolean {
  if (!decimalComma) {
    const plain = canonicalAmount(text) ?? plainAmount(text);
    if (plain !== null) {
      out.value = plain;
      out.currency = undefined;
      return true;
    }
  }
  const parsed = parseAmount(text, { decimalComma });
  if (!parsed) return false;
  out.value = toPlain(parsed.value);
  out.currency = parsed.currency;
  return true;
}

// Sign operations on MoneyJson amount strings ("-12.50", zero is always "0.00").
const isZeroAmount = (a: string) => a === '0.00';
const absAmount = (a: string) => (a.charCodeAt(0) === 45 ? a.slice(1) : a);
const negAmount = (a: string) => (a.charCodeAt(0) === 45 ? a.slice(1) : a === '0.00' ? a : `-${a}`);

// readRow's helpers are module functions, not closures: it runs once per row of a large file.
/** The row as text for an issue. */
const rawRow = (cells: string[]) => cells.join(',').slice(0, 300);
const columnName = (c: RowColumns, r: Role) => c.headers[c.col[r]] ?? r;

/** The money cell of `role` (in `column`) read into `out`: 1, or 0 when it is empty, or -1 when it is not an amount (an issue says so). */
function readMoneyCell(cells: string[], line: number, c: RowColumns, role: Role, column: number, out: AmountRead): 1 | 0 | -1 {
  // (the role's column passed in: c.col[role] with a role that varies is a slow keyed lookup)
  const text = cellAt(cells, column);
  if (!text) return 0;
  if (!readAmountInto(stripAnnotation(text), c.decimalComma, out)) {
    c.issues.push(makeIssue('error', 'issue.bad_amount', { column: columnName(c, role), value: text }, { line, field: role, raw: text }));
    return -1;
  }
  return 1;
}

// readRow's money cells, read into these and copied out as strings before the next row
const CREDIT: AmountRead = { value: '', currency: undefined };
const DEBIT: AmountRead = { value: '', currency: undefined };
const AMOUNT: AmountRead = { value: '', currency: undefined };
const BALANCE: AmountRead = { value: '', currency: undefined };

/** A RowRecord for readRow to fill, every field present (one object shape). */
function newRowRecord(): RowRecord {
  return {
    line: 0,
    bookedOn: '',
    valueOn: undefined,
    amount: '',
    currency: '',
    balanceValue: undefined,
    balanceCurrency: undefined,
    description: '',
    counterparty: undefined,
    reference: undefined,
    accountId: undefined,
    direction: undefined,
    neutralRefund: false,
    currencyDefaulted: false,
    fee: undefined,
  };
}

/**
 * The row read into `rec` (every field written; the caller's record, reused row after row), or
 * false when it is not imported (an issue says why).
 */
function readRow(cells: string[], line: number, bookedOn: IsoDate, c: RowColumns, rec: RowRecord): boolean {
  const { col, issues, profile } = c;

  // Amount: a signed column, or separate money-in / money-out columns.
  let amount: string | null = null;
  let amountCurrency: string | undefined;
  if (col.credit >= 0 || col.debit >= 0) {
    const credit = col.credit >= 0 ? readMoneyCell(cells, line, c, 'credit', col.credit, CREDIT) : 0;
    const debit = col.debit >= 0 ? readMoneyCell(cells, line, c, 'debit', col.debit, DEBIT) : 0;
    if (credit < 0 || debit < 0) return false;
    const cr = credit === 0 ? null : CREDIT;
    const dr = debit === 0 ? null : DEBIT;
    if (cr && dr && !isZeroAmount(cr.value) && !isZeroAmount(dr.value)) {
      issues.push(
        makeIssue(
          'error',
          'issue.both_amounts',
          { credit: columnName(c, 'credit'), creditValue: cellAt(cells, col.credit), debit: columnName(c, 'debit'), debitValue: cellAt(cells, col.debit) },
          { line, raw: rawRow(cells) },
        ),
      );
      return false;
    }
    if (cr && (!dr || !isZeroAmount(cr.value))) {
      amount = absAmount(cr.value);
      amountCurrency = cr.currency;
    } else if (dr) {
      amount = negAmount(absAmount(dr.value));
      amountCurrency = dr.currency;
    } else if (col.amount >= 0) {
      // some exports carry both layouts; fall through to the signed column
    } else {
      issues.push(
        makeIssue(
          'error',
          'issue.missing_amount.creditDebit',
          { columns: [columnName(c, 'credit'), columnName(c, 'debit')].filter(Boolean).join(' / ') },
          { line, raw: rawRow(cells) },
        ),
      );
      return false;
    }
  }
  if (amount === null) {
    const a = readMoneyCell(cells, line, c, 'amount', col.amount, AMOUNT);
    if (a < 0) return false;
    if (a === 0) {
      issues.push(makeIssue('error', 'issue.missing_amount', { column: columnName(c, 'amount') }, { line, raw: rawRow(cells) }));
      return false;
    }
    amount = AMOUNT.value;
    amountCurrency = AMOUNT.currency;
  }

  // Direction from its own column (收/支, 借 Dr / 贷 Cr, Credit/Debit); wallets have their own rules.
  let direction: Direction | null | undefined;
  let neutralRefund = false;
  const status = cellAt(cells, col.status);
  if (col.direction >= 0) {
    const dirText = cells[col.direction] ?? '';
    direction = readDirection(dirText);
    if (direction === null) {
      issues.push(
        makeIssue('error', 'issue.bad_direction', { column: columnName(c, 'direction'), value: dirText }, { line, field: 'direction', raw: dirText }),
      );
      return false;
    }
  }
  const description = describeRow(cells, c.descCols);
  const counterparty = cellAt(cells, col.counterparty) || undefined;

  let fee: string | undefined;
  if (profile?.wallet || (direction === 'neutral' && col.status >= 0)) {
    // Wallet bills (DOMAIN.md §1.4; Alipay's own note 5: 充值提现、账户转存… 记为不计收支类):
    //  - a closed/failed order moved no money: not imported (warning);
    //  - 收入 +, 支出 −;
    //  - 不计收支/其他/'/' rows: refunds come back to the payer (+); other neutral rows are money
    //    moving into or out of the wallet's own funds (withdrawals, top-ups, 零钱通, 余额宝, card
    //    repayments), signed by which way it went (support/wallet-moves.ts); a move that does not
    //    say which way, or stays inside the wallet, is reported, not imported.
    if (CLOSED_STATUS.test(status)) {
      issues.push(makeIssue('warning', 'issue.closed_not_imported', { value: status }, { line, raw: rawRow(cells) }));
      return false;
    }
    if (direction === 'neutral' || direction === undefined) {
      const isRefund = REFUND.test(status) || REFUND.test(cellAt(cells, col.category)) || /^退款/.test(description);
      if (isRefund) {
        direction = 'in';
        neutralRefund = true;
      } else {
        const move = classifyNeutralMove([cellAt(cells, col.category), description, counterparty ?? ''].join(' '), cellAt(cells, col.method));
        const shown = (cells[col.direction] ?? '') || '/';
        if (move.kind === 'unknown' || move.kind === 'internal') {
          issues.push(
            move.kind === 'internal'
              ? makeIssue('warning', 'issue.internal_move', { value: shown, moveKey: `issuePart.internalMove.${move.what}` }, { line, raw: rawRow(cells) })
              : makeIssue('warning', 'issue.neutral_not_imported', { value: shown }, { line, raw: rawRow(cells) }),
          );
          return false;
        }
        direction = move.kind;
        if (move.kind === 'out' && move.fee !== undefined) {
          const net = new Dec(absAmount(amount)).minus(move.fee);
          if (net.isNegative()) {
            issues.push(makeIssue('warning', 'issue.fee_above_amount', { fee: move.fee, amount: absAmount(amount) }, { line, raw: rawRow(cells) }));
          } else {
            amount = toPlain(net);
            fee = move.fee;
          }
        }
      }
    }
  }
  if (direction === 'in') amount = absAmount(amount);
  else if (direction === 'out') amount = negAmount(absAmount(amount));
  else if (profile?.signFromDescription && col.credit < 0 && col.debit < 0) {
    const sign = profile.signFromDescription(description);
    if (sign === null) {
      issues.push(makeIssue('error', 'issue.unknown_sign', { value: description, bank: profile.label }, { line, raw: rawRow(cells) }));
      return false;
    }
    amount = sign < 0 ? negAmount(absAmount(amount)) : absAmount(amount);
  } else if (profile?.spendingPositive && col.credit < 0 && col.debit < 0) {
    amount = negAmount(amount);
  }

  // Currency: the row's own column, else the amount's prefix (CNY 123.18, ¥28.16), else the file's.
  const currencyText = cellAt(cells, col.currency);
  let currency = currencyText ? currencyFromText(currencyText) : null;
  if (currencyText && !currency) {
    issues.push(makeIssue('error', 'issue.bad_currency', { value: currencyText }, { line, field: 'currency', raw: currencyText }));
    return false;
  }
  // A posted amount's own prefix wins over a transaction-currency column (BOCOM: JPY 1000 → CNY 49.85).
  const currencyDefaulted = !amountCurrency && !currency;
  currency = amountCurrency ?? currency ?? c.defaultCurrency;

  let balanceValue: string | undefined;
  let balanceCurrency: string | undefined;
  const balanceText = cellAt(cells, col.balance);
  if (balanceText) {
    if (readAmountInto(balanceText, c.decimalComma, BALANCE)) {
      balanceValue = BALANCE.value;
      balanceCurrency = BALANCE.currency ?? currency;
    } else
      issues.push(
        makeIssue('warning', 'issue.bad_balance', { column: columnName(c, 'balance'), value: balanceText }, { line, field: 'balanceAfter', raw: balanceText }),
      );
  }

  const valueText = cellAt(cells, col.valueDate);
  const valueOn = valueText ? (readDate(valueText, { order: c.order ?? undefined }) ?? undefined) : undefined;
  // A transaction-date column next to a posting date is not the value date; only 起息日/Value date is.
  const refText = cellAt(cells, col.reference);
  const reference = refText && !isPlaceholderReference(refText) ? refText : undefined;
  const accountText = cellAt(cells, col.account);

  rec.line = line;
  rec.bookedOn = bookedOn;
  rec.valueOn = valueOn;
  rec.amount = amount;
  rec.currency = currency;
  rec.balanceValue = balanceValue;
  rec.balanceCurrency = balanceCurrency;
  rec.description = description || counterparty || '';
  rec.counterparty = counterparty;
  rec.reference = reference;
  rec.accountId = accountText || undefined;
  rec.direction = direction;
  rec.neutralRefund = neutralRefund;
  rec.currencyDefaulted = currencyDefaulted;
  rec.fee = fee;
  return true;
}

/** The description and memo cells, placeholders and repeats left out, joined by a space. */
function describeRow(cells: string[], cols: number[]): string {
  if (cols.length === 1) return value(cells[cols[0]!] ?? '');
  const parts: string[] = [];
  for (const i of cols) {
    const s = value(cells[i] ?? '');
    if (s !== '' && !parts.includes(s)) parts.push(s);
  }
  return parts.join(' ');
}

/**
 * What the rows from `from` on say about the whole file, in one pass (a large file's rows are
 * scattered through memory: each pass over them costs a cache miss per row):
 *  - order: do their D/M/YYYY dates (in `dateCols`) say day first or month first?
 *  - decimalComma: do their amounts (in `amountCols`) end in ',' and 1–2 digits, and none in '.'?
 */
function scanBody(rows: string[][], from: number, dateCols: number[], amountCols: number[], clean: Uint8Array | undefined, to = rows.length): TallyResult {
  const tally = new BodyTally();
  for (let i = from; i < rows.length && i < to; i++) {
    const r = rows[i]!;
    const isClean = clean !== undefined && clean[i] === 1;
    for (let j = 0; j < dateCols.length; j++) tally.date(isClean ? (r[dateCols[j]!] ?? '') : cleanCell(r[dateCols[j]!]));
    for (let j = 0; j < amountCols.length; j++) tally.amount(isClean ? (r[amountCols[j]!] ?? '') : cleanCell(r[amountCols[j]!]));
  }
  return tally.result();
}

/** scanBody's counts, a cell at a time (readBody counts while it reads). */
class BodyTally {
  dmy = 0;
  mdy = 0;
  slashDates = 0;
  dotted = 0;
  /** D/M/YYYY dates that read differently day-first and month-first (both parts ≤ 12, not equal) */
  ambiguous = 0;
  /** the first of them, as written */
  example = '';
  comma = 0;
  dot = 0;
  date(s: string): void {
    // only a digit then a separator within the first three characters can start D/M/YYYY
    if (!isDigitCode(s.charCodeAt(0)) || !(isDateSep(s.charCodeAt(1)) || (isDigitCode(s.charCodeAt(1)) && isDateSep(s.charCodeAt(2))))) return;
    const m = s.match(/^(\d{1,2})([/.-])(\d{1,2})[/.-]\d{4}/);
    if (!m) return;
    this.slashDates++;
    if (m[2] === '.') this.dotted++;
    const a = +m[1]!;
    const b = +m[3]!;
    // (both above 12, as 13/45/2024, is no date at all: it says nothing of the order)
    if (a > 12 && b <= 12) this.dmy++;
    if (b > 12 && a <= 12) this.mdy++;
    if (a <= 12 && b <= 12 && a !== b && this.ambiguous++ === 0) this.example = m[0];
  }
  amount(s: string): void {
    const sep = decimalSeparator(s);
    if (sep === 44)
      this.comma++; // "12,50" — never thousands, which have 3 digits
    else if (sep === 46) this.dot++;
  }
  result(): TallyResult {
    return {
      order: slashOrder(this.dmy, this.mdy, this.slashDates, this.dotted),
      decimalComma: this.comma > 0 && this.dot === 0,
      dmy: this.dmy,
      mdy: this.mdy,
      ambiguous: this.ambiguous,
      example: this.example,
      dotted: this.dotted === this.slashDates,
    };
  }
}

/** What the body's date and amount cells say (BodyTally.result). */
interface TallyResult {
  /** the order the dates alone decide (or irrelevant: 'dmy' without slash dates); null when they do not */
  order: 'dmy' | 'mdy' | null;
  decimalComma: boolean;
  dmy: number;
  mdy: number;
  ambiguous: number;
  example: string;
  /** every slash date is written with dots */
  dotted: boolean;
}

/**
 * The order to read D/M/YYYY dates in, and what decided it when the file has dates the two orders
 * read differently: a day above 12 in one place only; else the locale (`byLocale`: the merchant's
 * answer, dots, the headers' language, a decimal comma, US dollars); else null, and the preview asks.
 * Dates above 12 in both places disagree with each other: those rows are read as they are, the
 * others reported (no decision to ask about).
 */
function decideOrder(
  t: TallyResult,
  byLocale: (decimalComma: boolean, dotted: boolean) => DateOrderDecision,
): { order: 'dmy' | 'mdy' | null; decision?: DateOrderDecision } {
  if (t.ambiguous === 0) return { order: t.order };
  const byDates = orderFromDates(t.dmy, t.mdy);
  if (byDates) return { order: byDates.order, decision: { ...byDates, example: t.example } };
  if (t.dmy > 0 && t.mdy > 0) return { order: null };
  const decision = { ...byLocale(t.decimalComma, t.dotted), example: t.example };
  return { order: decision.order, decision };
}

function slashOrder(dmy: number, mdy: number, slashDates: number, dotted: number): 'dmy' | 'mdy' | null {
  if (slashDates === 0) return 'dmy'; // irrelevant: no such dates
  if (dmy > 0 && mdy === 0) return 'dmy';
  // DD.MM.YYYY is the continental European form; no bank writes month-first with dots.
  if (mdy === 0 && dotted === slashDates) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return null;
}

/** The code of ',' or '.' when `s` ends in a digit, that separator and 1–2 digits (/\d[,.]\d{1,2}$/); else 0. */
function decimalSeparator(s: string): number {
  const n = s.length;
  if (n < 3 || !isDigitCode(s.charCodeAt(n - 1))) return 0;
  const a = s.charCodeAt(n - 2);
  if ((a === 44 || a === 46) && isDigitCode(s.charCodeAt(n - 3))) return a;
  if (n >= 4 && isDigitCode(a)) {
    const b = s.charCodeAt(n - 3);
    if ((b === 44 || b === 46) && isDigitCode(s.charCodeAt(n - 4))) return b;
  }
  return 0;
}

/**
 * Alipay's 2021 电子客户回单 lists a refund twice: once as 其他 (neutral) and once as 收入, same
 * order, amount and day. The income row is kept; the neutral twin is dropped with a warning.
 */
function dropDuplicateRefunds(records: RowRecord[], issues: Issue[]): RowRecord[] {
  const key = (r: RowRecord) => `${r.reference ?? ''}|${r.bookedOn}|${r.amount}`;
  const income = new Set(records.filter((r) => !r.neutralRefund && r.direction === 'in').map(key));
  return records.filter((r) => {
    if (!r.neutralRefund || !income.has(key(r))) return true;
    issues.push(makeIssue('warning', 'issue.duplicate_refund', { amount: r.amount }, { line: r.line }));
    return false;
  });
}

/**
 * What readBody saw of the (non-wallet) lines it made, in order, so that summariseAccounts need not
 * walk them again (a large file's lines are scattered through memory: a cache miss per line).
 */
interface LinesSeen {
  /** how many lines this describes (summariseAccounts uses it only for exactly these lines) */
  count: number;
  /** plainCents of each line's amount and balance (NaN without one), index for index */
  amount: Float64Array;
  balance: Float64Array;
  /** every line has the first line's accountId and currency */
  uniform: boolean;
  /** the earliest and latest bookedOn */
  from: string;
  to: string;
  /** every line has a balance in the first line's currency */
  allBalanced: boolean;
}

/**
 * One account per (accountId, currency). Period from the lines' dates. With a running balance, the
 * opening balance is the first line's balance minus its amount and the closing balance the last
 * line's — in the file's chronological direction, which is decided by the dates (files are often
 * newest-first) and, where dates tie, by which direction the balances chain in. A chain that
 * breaks is reported with the difference; a stated 期初/期末 balance is checked against the lines.
 */
function summariseAccounts(
  lines: StatementLine[],
  fileAccount: string | undefined,
  stated: { opening?: string; closing?: string },
  decimalComma: boolean,
  issues: Issue[],
  /** what readBody saw of the lines while making them */
  known?: LinesSeen,
): StatementAccount[] {
  // (only while they are all the lines it made)
  const seen = known !== undefined && known.count === lines.length ? known : undefined;
  const groups = new Map<string, StatementLine[]>();
  // Most files are one account in one currency: then the lines are the one group, not copied into it.
  let uniform = lines.length > 0;
  const firstAccount = lines[0]?.accountId;
  const firstCurrency = lines[0]?.amount.currency;
  if (seen) uniform &&= seen.uniform;
  else for (let i = 1; i < lines.length && uniform; i++) uniform = lines[i]!.accountId === firstAccount && lines[i]!.amount.currency === firstCurrency;
  if (uniform) groups.set(`${firstAccount ?? fileAccount ?? ''}\u0000${firstCurrency}`, lines);
  // consecutive lines are almost always of one account: reuse the last group without a key lookup
  let lastAccount: string | undefined;
  let lastCurrency: string | undefined;
  let lastGroup: StatementLine[] | undefined;
  for (const l of uniform ? [] : lines) {
    if (lastGroup && l.accountId === lastAccount && l.amount.currency === lastCurrency) {
      lastGroup.push(l);
      continue;
    }
    const key = `${l.accountId ?? fileAccount ?? ''}\u0000${l.amount.currency}`;
    let group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, (group = [l]));
    lastAccount = l.accountId;
    lastCurrency = l.amount.currency;
    lastGroup = group;
  }
  const accounts: StatementAccount[] = [];
  for (const [key, group] of groups) {
    const [accountId, currency] = key.split('\u0000') as [string, string];
    let from = group[0]!.bookedOn;
    let to = from;
    let allBalanced = true;
    // the one group of a uniform file is `lines`, whose dates and balances readBody saw
    if (seen && group === lines) ({ from, to, allBalanced } = seen);
    else {
      for (let i = 0; i < group.length; i++) {
        const l = group[i]!;
        if (l.bookedOn < from) from = l.bookedOn;
        if (l.bookedOn > to) to = l.bookedOn;
        if (!l.balanceAfter || l.balanceAfter.currency !== currency) allBalanced = false;
      }
    }
    const account: StatementAccount = { currency, period: { from, to } };
    if (accountId) account.accountId = accountId;
    if (allBalanced) {
      const chron = chronological(group);
      const firstLine = chron[0]!;
      const lastLine = chron[chron.length - 1]!;
      account.openingBalance = money(new Dec(firstLine.balanceAfter!.amount).minus(firstLine.amount.amount), currency);
      account.closingBalance = { ...lastLine.balanceAfter! };
      let reported = 0;
      // Each step in integer cents when the amounts are plain 2-place decimals (exact: plainCents),
      // else in Decimal; a break is described in Decimal, as only the first five are.
      // chron is `lines` itself, forwards or reversed, when the file is one group: its cents are known
      const known = seen !== undefined && group === lines ? seen : undefined;
      const n = chron.length;
      const forwards = chron === group;
      let prevCents = known ? known.balance[forwards ? 0 : n - 1]! : plainCents(firstLine.balanceAfter!.amount);
      for (let i = 1; i < chron.length; i++) {
        const prev = chron[i - 1]!;
        const cur = chron[i]!;
        const at = forwards ? i : n - 1 - i;
        const shownCents = known ? known.balance[at]! : plainCents(cur.balanceAfter!.amount);
        const amountCents = known ? known.amount[at]! : plainCents(cur.amount.amount);
        const fits = !Number.isNaN(prevCents) && !Number.isNaN(shownCents) && !Number.isNaN(amountCents);
        const previous = prevCents;
        prevCents = shownCents;
        if (fits ? previous + amountCents === shownCents : new Dec(prev.balanceAfter!.amount).plus(cur.amount.amount).equals(cur.balanceAfter!.amount))
          continue;
        if (reported < 5) {
          const expected = new Dec(prev.balanceAfter!.amount).plus(cur.amount.amount);
          const shown = new Dec(cur.balanceAfter!.amount);
          issues.push(
            makeIssue(
              'warning',
              'issue.balance_chain',
              {
                balance: toPlain(shown),
                previousLine: prev.source.line,
                previous: prev.balanceAfter!.amount,
                amount: cur.amount.amount,
                expected: toPlain(expected),
                difference: toPlain(shown.minus(expected)),
                currency,
              },
              { line: cur.source.line, field: 'balanceAfter' },
            ),
          );
        }
        reported++;
      }
      if (reported > 5) issues.push(makeIssue('warning', 'issue.balance_chain.more', { count: reported - 5, currency }));
    }
    if (groups.size === 1) {
      const opening = stated.opening ? parseAmount(stated.opening, { decimalComma }) : null;
      const closing = stated.closing ? parseAmount(stated.closing, { decimalComma }) : null;
      if (opening) account.openingBalance = money(opening.value, currency);
      if (closing) account.closingBalance = money(closing.value, currency);
      if (opening && closing) {
        let total = new Dec(0);
        for (const l of group) total = total.plus(l.amount.amount);
        const diff = closing.value.minus(opening.value.plus(total));
        if (!diff.isZero()) {
          issues.push(
            makeIssue(
              'warning',
              'issue.balance_mismatch',
              {
                opening: toPlain(opening.value),
                lines: toPlain(total),
                total: toPlain(opening.value.plus(total)),
                closing: toPlain(closing.value),
                difference: toPlain(diff),
                currency,
              },
              { field: 'closingBalance' },
            ),
          );
        }
      }
    }
    accounts.push(account);
  }
  return accounts;
}

function chronological(group: StatementLine[]): StatementLine[] {
  const first = group[0]!.bookedOn;
  const last = group[group.length - 1]!.bookedOn;
  if (first < last) return group;
  if (first > last) return [...group].reverse();
  // Same first and last date: take the direction in which the balances chain.
  const breaks = (seq: StatementLine[]) =>
    seq.slice(1).filter((l, i) => !new Dec(seq[i]!.balanceAfter!.amount).plus(l.amount.amount).equals(l.balanceAfter!.amount)).length;
  const reversed = [...group].reverse();
  return breaks(reversed) < breaks(group) ? reversed : group;
}

// ───────────────────────────── the format ─────────────────────────────

function looksDelimited(text: string): boolean {
  const sample = firstLines(text, 50).filter((l) => l.trim() !== '');
  if (sample.length === 0) return false;
  const d = detectDelimiter(text.slice(0, 20000));
  return sample.filter((l) => countFields(l, d) >= 2).length >= Math.max(1, sample.length / 2);
}

function isProbablyText(text: string): boolean {
  if (!text) return false;
  const sample = text.slice(0, 4000);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control <= sample.length * 0.02;
}

export const csvFormat: StatementFormat = {
  id: 'csv',
  detect(file: DecodedFile): number {
    if (!isProbablyText(file.text)) return 0;
    const head = file.text.slice(0, 40000);
    if (/^\s*</.test(head) || /^\s*[{[]/.test(head)) return 0; // XML/HTML/JSON are other formats
    const table = splitCsv(head);
    const header = findHeader(table.rows);
    const byName = /\.(csv|txt|tsv)$/i.test(file.name) ? 0.05 : 0;
    if (header) {
      const preamble = table.rows
        .slice(0, header.row)
        .map((r) => r.map(cleanCell).join(' '))
        .join('\n');
      return (recogniseProfile(header.headers, preamble, file.name) ? 0.7 : 0.6) + byName;
    }
    // Delimited text without a recognisable header: ours to explain what is missing.
    return looksDelimited(head) ? 0.05 + byName : 0;
  },
  parse(file: DecodedFile, options?: ParseOptions): StatementParseResult {
    return readBankTable(splitCsvLines(file.text), { fileName: file.name, encoding: file.encoding, baseFormat: 'csv', options });
  },
};

// V8 optimises code for the hidden classes of the objects it sees, and forgets a hidden class —
// throwing that code away ('weak objects' in --trace-deopt) — once no object of it is alive. Each
// import's CsvLines, CellPools, BodyTally and RowColumns die with it, so every import of a session
// began again in unoptimised code. One of each, kept here, keeps the first import's optimised code
// for the next ones (a session imports many files; the benchmarks repeat one). A first import is
// unaffected. (Exported so that it stays reachable: a module compiled to CommonJS would otherwise
// let an unused module-level constant go.)
export const KEPT_FOR_THEIR_HIDDEN_CLASSES: readonly unknown[] = [
  new CsvLines('a,b\nc,d', ',', new Int32Array([0, 4, 8]), 1),
  new CellPools([0]),
  new BodyTally(),
  rowColumns(
    { row: 0, single: new Map(), multi: new Map(), headers: [], chinese: false },
    { decimalComma: false, order: null, profile: null, defaultCurrency: NO_CURRENCY, issues: [] },
  ),
];
