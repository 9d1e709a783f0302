// "Your data" (issue 15 item 8): findings, portal transactions and bank lines as CSV or XLSX for
// the merchant's own spreadsheet or accountant. Money stays a decimal string end to end: in CSV
// the text as stored, in XLSX a text cell (type 's'), so no spreadsheet float ever rounds it; its
// currency is a column of its own. Dates stay ISO. Card numbers are as stored (BIN…last 4, never
// a full number: DESIGN.md), and free text is masked once more on the way out in case an older
// record predates that rule.
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { maskCardNumbersInText } from '../cards';
import type { SettleGuardDb } from '../db';
import { kindName, renderExplanation, severityName, type Locale } from '../i18n/messages';
import { t, type PagesMessageKey } from '../i18n/pages';
import type { MoneyJson, PortalTransaction, StatementLine, StoredFinding } from '../model';

export type ExportTable = 'findings' | 'transactions' | 'statementLines';
export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_TABLES: readonly ExportTable[] = ['findings', 'transactions', 'statementLines'];

/** One table as text cells: a header row of column names in the merchant's language, then rows. */
export interface Sheet {
  table: ExportTable;
  header: string[];
  rows: string[][];
}

type Column<T> = [key: string, cell: (row: T) => string | undefined];

const amount = (m: MoneyJson | undefined) => m?.amount;
const currency = (m: MoneyJson | undefined) => m?.currency;
const text = (s: string | undefined) => (s === undefined ? undefined : maskCardNumbersInText(s));
const card = (x: PortalTransaction) => [x.cardBin, x.cardLast4].filter(Boolean).join('…') || undefined;

function sheetOf<T>(locale: Locale, table: ExportTable, columns: Column<T>[], records: T[]): Sheet {
  return {
    table,
    header: columns.map(([key]) => t(locale, `export.col.${key}` as PagesMessageKey)),
    rows: records.map((r) => columns.map(([, cell]) => cell(r) ?? '')),
  };
}

export function transactionsSheet(locale: Locale, transactions: PortalTransaction[]): Sheet {
  const columns: Column<PortalTransaction>[] = [
    ['occurredAt', (x) => x.occurredAt],
    ['kind', (x) => x.kind],
    ['status', (x) => x.status],
    ['amount', (x) => amount(x.amount)],
    ['fee', (x) => amount(x.fee)],
    ['net', (x) => amount(x.net)],
    ['currency', (x) => currency(x.amount)],
    ['cardType', (x) => x.cardType],
    ['card', card],
    ['merchantId', (x) => x.merchantId],
    ['terminalId', (x) => x.terminalId],
    ['rrn', (x) => x.rrn],
    ['voucherNo', (x) => x.voucherNo],
    ['batchNo', (x) => x.batchNo],
    ['orderNo', (x) => x.orderNo],
    ['settleDate', (x) => x.settleDate],
    ['portal', (x) => x.portal],
    ['source', (x) => text(x.evidence.url)],
    ['capturedAt', (x) => x.evidence.capturedAt],
    ['sha256', (x) => x.evidence.sha256],
    ['id', (x) => x.id],
  ];
  const sorted = [...transactions].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  return sheetOf(locale, 'transactions', columns, sorted);
}

export function statementLinesSheet(locale: Locale, lines: StatementLine[]): Sheet {
  const columns: Column<StatementLine>[] = [
    ['bookedOn', (l) => l.bookedOn],
    ['valueOn', (l) => l.valueOn],
    ['amount', (l) => amount(l.amount)],
    ['currency', (l) => currency(l.amount)],
    ['description', (l) => text(l.description)],
    ['counterparty', (l) => text(l.counterparty)],
    ['reference', (l) => l.reference],
    ['balanceAfter', (l) => amount(l.balanceAfter)],
    ['accountId', (l) => text(l.accountId)],
    ['source', (l) => `${l.source.file}:${l.source.line}`],
    ['id', (l) => l.id],
  ];
  const sorted = [...lines].sort((a, b) => (a.bookedOn < b.bookedOn ? -1 : a.bookedOn > b.bookedOn ? 1 : 0));
  return sheetOf(locale, 'statementLines', columns, sorted);
}

/** The rows and bank lines a finding points at, by id (what the findings sheet reads its date, RRN, terminal from). */
export interface FindingEvidence {
  transactions: ReadonlyMap<string, PortalTransaction>;
  statementLines: ReadonlyMap<string, StatementLine>;
}

export function findingsSheet(locale: Locale, findings: StoredFinding[], evidence: FindingEvidence): Sheet {
  const txs = (f: StoredFinding) => f.transactionIds.map((id) => evidence.transactions.get(id)).filter((x) => x !== undefined);
  const lines = (f: StoredFinding) => f.statementLineIds.map((id) => evidence.statementLines.get(id)).filter((x) => x !== undefined);
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v) => v))].join(' ') || undefined;
  // the day of the finding: its first row, else its first bank line
  const date = (f: StoredFinding) => txs(f)[0]?.occurredAt.slice(0, 10) ?? lines(f)[0]?.bookedOn;
  const columns: Column<StoredFinding>[] = [
    ['date', date],
    ['kindName', (f) => kindName(locale, f.kind)],
    ['kindCode', (f) => f.kind],
    ['severity', (f) => severityName(locale, f.severity)],
    ['findingStatus', (f) => t(locale, `findings.status.${f.status}`)],
    ['atStake', (f) => amount(f.atStake)],
    ['currency', (f) => currency(f.atStake ?? f.expected ?? f.actual)],
    ['expected', (f) => amount(f.expected)],
    ['actual', (f) => amount(f.actual)],
    ['rrn', (f) => unique(txs(f).map((x) => x.rrn ?? x.voucherNo ?? x.orderNo))],
    ['terminalId', (f) => unique(txs(f).map((x) => x.terminalId))],
    ['txAmount', (f) => unique(txs(f).map((x) => x.amount.amount))],
    ['bankLines', (f) => unique(lines(f).map((l) => `${l.bookedOn} ${l.amount.amount}`))],
    ['explanation', (f) => text(renderExplanation(locale, f.explanation))],
    ['id', (f) => f.id],
  ];
  const sorted = [...findings].sort((a, b) => (date(a) ?? '').localeCompare(date(b) ?? '') || a.id.localeCompare(b.id));
  return sheetOf(locale, 'findings', columns, sorted);
}

// A spreadsheet runs a cell starting with = + - @ (or a tab/CR before one) as a formula: text read
// from a portal or a bank file could carry one ("=HYPERLINK(…)"). Such a cell gets a leading ' —
// except a plain signed number, which must stay the amount it is (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]\d+(\.\d+)?$/;
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** UTF-8 with a BOM (Excel reads BOM-less UTF-8 as the legacy code page: 中文 would be garbled), CRLF lines. */
export function toCsv(sheet: Sheet): Uint8Array {
  const body = Papa.unparse([sheet.header, ...sheet.rows.map((r) => r.map(neutraliseFormula))], { newline: '\r\n', quotes: false });
  return new TextEncoder().encode(`\uFEFF${body}\r\n`);
}

/** One worksheet per table, every cell a text cell: a money string is never turned into a float. */
export function toXlsx(sheets: Sheet[], locale: Locale): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet([sheet.header, ...sheet.rows]);
    // aoa_to_sheet already writes strings as type 's'; the text format '@' also keeps Excel from
    // reading a cell the merchant edits later as a number or date
    for (const cell of Object.values(ws)) if (cell && typeof cell === 'object' && 't' in cell) (cell as XLSX.CellObject).z = '@';
    XLSX.utils.book_append_sheet(book, ws, t(locale, `export.table.${sheet.table}`).slice(0, 31));
  }
  return XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/** Reads what each table sheet needs from the database, in one read transaction. */
export async function loadSheets(db: SettleGuardDb, tables: readonly ExportTable[], locale: Locale): Promise<Sheet[]> {
  const [findings, transactions, statementLines] = await db.transaction('r', [db.findings, db.transactions, db.statementLines], () =>
    Promise.all([db.findings.toArray(), db.transactions.toArray(), db.statementLines.toArray()]),
  );
  const evidence: FindingEvidence = {
    transactions: new Map(transactions.map((x) => [x.id, x])),
    statementLines: new Map(statementLines.map((l) => [l.id, l])),
  };
  return tables.map((table) =>
    table === 'findings'
      ? findingsSheet(locale, findings, evidence)
      : table === 'transactions'
        ? transactionsSheet(locale, transactions)
        : statementLinesSheet(locale, statementLines),
  );
}

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * The file the merchant downloads: CSV holds one table (CSV has no sheets); XLSX holds every
 * table asked for, one worksheet each. `day` (YYYY-MM-DD) names the file.
 */
export async function exportData(db: SettleGuardDb, format: ExportFormat, tables: readonly ExportTable[], locale: Locale, day: string): Promise<ExportFile> {
  const sheets = await loadSheets(db, tables, locale);
  if (format === 'csv') {
    const sheet = sheets[0]!;
    return { name: `settleguard-${fileStem(sheet.table)}-${day}.csv`, mime: 'text/csv;charset=utf-8', bytes: toCsv(sheet) };
  }
  const stem = tables.length === 1 ? fileStem(tables[0]!) : 'data';
  return { name: `settleguard-${stem}-${day}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: toXlsx(sheets, locale) };
}

function fileStem(table: ExportTable): string {
  return table === 'statementLines' ? 'bank-lines' : table;
}
