// Shared plumbing of the processor-export readers (stripe, square, adyen, paypal, cn-settlement,
// cashier): one table out of a CSV or a workbook, headers looked up by name (exports move columns
// around between versions — Adyen's 2021 and 2022 layouts differ, corpus/README.md), evidence
// cells, and issues with line numbers. Not a format: lib/statements/registry.ts lists formats only.
import { readWorkbook } from './workbook';
import { makeIssue, type IssueKey, type IssueParams } from '../../i18n/issues';
import type { Issue, StatementParseResult } from '../../model';
import { maskCardNumbers } from '../../cards';
import { parseDateTime } from '../../dates';
import { firstLines, splitCsv, type RawTable } from './csv-split';
import { cleanCell } from './cells';
import { sniffBinary } from '../decode';
import type { DecodedFile } from '../types';

export type { RawTable } from './csv-split';

/** Header text as a lookup key: lower case, no BOM/quotes/spaces/underscores, full-width brackets folded. */
export function headerKey(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s\u00a0\u3000"'`_]/g, '')
    .replace(/[:：*]$/, '')
    .toLowerCase();
}

/** Column positions by header name; the first of several names that is present wins. */
export class Columns {
  readonly headers: string[];
  private readonly index = new Map<string, number>();

  constructor(headerRow: readonly string[]) {
    this.headers = headerRow.map((h) => cleanCell(h));
    this.headers.forEach((h, i) => {
      const k = headerKey(h);
      if (k && !this.index.has(k)) this.index.set(k, i);
    });
  }

  private readonly resolved = new Map<string, number | undefined>();

  col(...names: string[]): number | undefined {
    const memo = names.join('\u001f');
    if (this.resolved.has(memo)) return this.resolved.get(memo);
    let found: number | undefined;
    for (const n of names) {
      found = this.index.get(headerKey(n));
      if (found !== undefined) break;
    }
    this.resolved.set(memo, found);
    return found;
  }

  has(...names: string[]): boolean {
    return this.col(...names) !== undefined;
  }

  /** The cleaned cell under the first present header of `names`; '' when absent or empty. */
  get(row: readonly string[], ...names: string[]): string {
    const i = this.col(...names);
    return i === undefined ? '' : cleanCell(row[i]);
  }

  /**
   * header → cell text for the evidence (DESIGN.md §3), full card numbers masked — except in the
   * reference columns named by `keys` (a 16-digit Adyen Psp Reference is a key, not a PAN).
   */
  cells(row: readonly string[], keys: readonly string[] = []): Record<string, string> {
    const keep = new Set(keys.map(headerKey));
    const out: Record<string, string> = {};
    this.headers.forEach((h, i) => {
      if (h && !(h in out)) out[h] = keep.has(headerKey(h)) ? cleanCell(row[i]) : maskCardNumbers(cleanCell(row[i]));
    });
    return out;
  }
}

/** The first row among the first `scan` whose headers satisfy `accept`. */
export function findHeaderRow(rows: readonly string[][], accept: (c: Columns) => boolean, scan = 40): { row: number; columns: Columns } | null {
  for (let i = 0; i < rows.length && i < scan; i++) {
    const c = new Columns(rows[i]!);
    if (accept(c)) return { row: i, columns: c };
  }
  return null;
}

export type LoadedTable =
  | { ok: true; table: RawTable; sheet?: string; container: 'csv' | 'xlsx' | 'xls' }
  | { ok: false; reason: { reasonKey: IssueKey; detail?: string } };

/**
 * The rows of a CSV, or of the first sheet of a workbook that `wanted` accepts (else the first
 * sheet). Workbook cells are taken as shown, except long integers that the sheet displays in
 * exponent form (Adyen's Psp Reference "4.81477E+15"): those keep all their digits, since they
 * are keys, not quantities.
 */
export function loadTable(file: DecodedFile, wanted?: (rows: string[][]) => boolean): LoadedTable {
  const bin = sniffBinary(file.bytes);
  if (bin === 'pdf') return { ok: false, reason: { reasonKey: 'issuePart.unreadable.pdf' } };
  if (bin === 'zip' || bin === 'ole2') {
    const sheets = readSheets(file.bytes);
    if (!sheets.ok)
      return { ok: false, reason: { reasonKey: bin === 'ole2' ? 'issuePart.unreadable.xls' : 'issuePart.unreadable.xlsx', detail: sheets.message } };
    const pick = (wanted && sheets.sheets.find((s) => wanted(s.table.rows))) ?? sheets.sheets[0];
    if (!pick) return { ok: false, reason: { reasonKey: 'issuePart.unreadable.noSheet' } };
    return { ok: true, table: pick.table, sheet: pick.sheet, container: bin === 'ole2' ? 'xls' : 'xlsx' };
  }
  return { ok: true, table: splitCsv(file.text), container: 'csv' };
}

/** Rows of the first `maxRows` of a CSV or of every sheet, for detect(): cheap and never throws. */
export function headRows(file: DecodedFile, maxRows = 40): string[][][] {
  try {
    const bin = sniffBinary(file.bytes);
    if (bin === 'zip' || bin === 'ole2') {
      const s = readSheets(file.bytes, maxRows);
      return s.ok ? s.sheets.map((x) => x.table.rows) : [];
    }
    if (bin === 'pdf' || !file.text) return [];
    // the head only: detect() runs for every format on every file, whatever its size
    const lines = firstLines(file.text.slice(0, 256 * 1024), maxRows + 1).join('\n');
    return [splitCsv(lines).rows];
  } catch {
    return [];
  }
}

/** The workbook's sheets as text rows (support/workbook.ts); `maxRows` reads a head only. */
export function readSheets(bytes: Uint8Array, maxRows = Infinity): ReturnType<typeof readWorkbook> {
  return readWorkbook(bytes, maxRows);
}

/** An empty result of a given kind with one error issue (a file that is not what the reader expects). */
export function rejected(
  format: string,
  encoding: string,
  kind: StatementParseResult['kind'],
  key: IssueKey,
  params: IssueParams = {},
  raw?: string,
): StatementParseResult {
  const issue = makeIssue('error', key, params, raw === undefined ? {} : { raw: raw.slice(0, 200) });
  return {
    format,
    encoding,
    accounts: [],
    kind,
    lines: [],
    ...(kind === 'cashier' ? { cashier: [] } : kind === 'acquirer' ? { transactions: [] } : {}),
    issues: [issue],
  };
}

export function rowIssue(level: Issue['level'], key: IssueKey, line: number, params: IssueParams = {}, extra: { field?: string; raw?: string } = {}): Issue {
  const raw = extra.raw === undefined ? undefined : extra.raw.length > 200 ? `${extra.raw.slice(0, 200)}…` : extra.raw;
  return makeIssue(level, key, params, { line, ...(extra.field === undefined ? {} : { field: extra.field }), ...(raw === undefined ? {} : { raw }) });
}

/**
 * Day/month order for slash dates, decided once per file: a first number above 12 means day
 * first, a second above 12 month first. null when the file never says (every day ≤ 12) or says
 * both; 'dmy'/'mdy' is then the caller's call, from what else the file tells.
 */
export function slashDateOrder(texts: Iterable<string>): 'dmy' | 'mdy' | null {
  let dmy = 0;
  let mdy = 0;
  for (const t of texts) {
    const m = t.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/);
    if (!m) continue;
    if (+m[1]! > 12) dmy++;
    if (+m[2]! > 12) mdy++;
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return null;
}

/** True when some slash date in `texts` reads differently day-first and month-first. */
export function hasAmbiguousSlashDate(texts: Iterable<string>): boolean {
  for (const t of texts) {
    const m = t.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/);
    if (m && m[1] !== m[2] && +m[1]! <= 12 && +m[2]! <= 12) return true;
  }
  return false;
}

/** "1/15/19" → "1/15/2019": two-digit years as exports print them (20xx). */
export function expandShortYear(text: string): string {
  return text.trim().replace(/^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?=$|[ T,])/, (_m, a: string, s: string, b: string, y: string) => `${a}${s}${b}${s}20${y}`);
}

/** A date (and time) read with the file's slash-date order. */
export function readDate(text: string, order: 'dmy' | 'mdy' | null): ReturnType<typeof parseDateTime> {
  const t = expandShortYear(text);
  return parseDateTime(t, order ? { order } : {});
}
