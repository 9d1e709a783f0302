// XLS (BIFF8, OLE2) and XLSX (OOXML) bank exports — 建设银行, 中信银行, 浦发银行, WeChat Pay's
// xlsx bill — read with SheetJS (@e965/xlsx, TOOLCHAIN.md) into rows of text and then through the
// same table reader as CSV (csv.ts). Cells are taken as the sheet shows them (`w`), so amounts
// never pass through arithmetic on a JS number; date-formatted serial numbers become ISO text.
import * as XLSX from '@e965/xlsx';
import type { StatementParseResult } from '../model';
import { sniffBinary } from './decode';
import { TABLE_PROFILES, findHeader, readBankTable, type RawTable, type TableProfile } from './csv';
import { ALIPAY_PROFILE } from './alipay';
import { WECHAT_PROFILE } from './wechat';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface SheetTable {
  sheet: string;
  table: RawTable;
}

/** Every sheet as rows of cell text; line numbers are sheet row numbers (1-based). */
export function readWorkbook(bytes: Uint8Array): { ok: true; sheets: SheetTable[] } | { ok: false; message: string } {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: true, cellText: true, dense: false });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const sheets: SheetTable[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const ref = ws?.['!ref'];
    if (!ws || !ref) continue;
    const range = XLSX.utils.decode_range(ref);
    const rows: string[][] = [];
    const lines: number[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: string[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        row.push(cellText(cell));
      }
      rows.push(row);
      lines.push(r + 1);
    }
    sheets.push({ sheet: name, table: { rows, lines } });
  }
  return { ok: true, sheets };
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.t === 'e') return '';
  if (cell.t === 'n' && typeof cell.v === 'number' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
    // A date serial: its ISO form, not the sheet's display format ('m/d/yy' would lose the century).
    const d = XLSX.SSF.parse_date_code(cell.v);
    if (d) {
      const date = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
      return d.H || d.M || d.S ? `${date} ${pad(d.H)}:${pad(d.M)}:${pad(Math.floor(d.S))}` : date;
    }
  }
  if (cell.w !== undefined) return cell.w;
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  return cell.v === undefined ? '' : String(cell.v);
}

/** Wallet bills first: their headers are more specific than a bank's. */
const XLSX_PROFILES: TableProfile[] = [WECHAT_PROFILE, ALIPAY_PROFILE, ...TABLE_PROFILES];

function isSpreadsheetZip(bytes: Uint8Array): boolean {
  // OOXML keeps its part names uncompressed in the ZIP directory: look for the workbook part.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  return head.includes('xl/workbook') || head.includes('[Content_Types].xml') && head.includes('xl/');
}

export const xlsxFormat: StatementFormat = {
  id: 'xlsx',
  detect(file: DecodedFile): number {
    const kind = sniffBinary(file.bytes);
    if (kind === 'zip') return isSpreadsheetZip(file.bytes) ? 0.5 : 0;
    if (kind === 'ole2') return 0.4;
    return 0;
  },
  parse(file: DecodedFile, options?: ParseOptions): StatementParseResult {
    const base = sniffBinary(file.bytes) === 'ole2' ? 'xls' : 'xlsx';
    const wb = readWorkbook(file.bytes);
    if (!wb.ok) {
      return {
        format: base, encoding: 'binary', accounts: [], kind: 'bank', lines: [],
        issues: [{ level: 'error', code: 'unreadable_workbook', message: `this ${base.toUpperCase()} file could not be opened (${wb.message}); expected an Excel export of a bank statement` }],
      };
    }
    // The first sheet with a statement header (WeChat's 2025 xlsx has two sheets, the first one
    // with an extra Column1..Column11 row above its preamble).
    const withHeader = wb.sheets.find((s) => findHeader(s.table.rows));
    const sheet = withHeader ?? wb.sheets[0];
    if (!sheet) {
      return {
        format: base, encoding: 'binary', accounts: [], kind: 'bank', lines: [],
        issues: [{ level: 'error', code: 'empty_workbook', message: 'the workbook has no sheet with any cells; expected an Excel export of a bank statement' }],
      };
    }
    const result = readBankTable(sheet.table, { fileName: file.name, encoding: 'binary', baseFormat: base, options, profiles: XLSX_PROFILES });
    if (!withHeader && wb.sheets.length > 1) {
      for (const i of result.issues) if (i.code === 'no_header') i.message = `none of the ${wb.sheets.length} sheets (${wb.sheets.map((s) => s.sheet).join(', ')}) has a statement header: ${i.message}`;
    }
    return result;
  },
};
