// XLS (BIFF8, OLE2) and XLSX (OOXML) bank exports — 建设银行, 中信银行, 浦发银行, WeChat Pay's
// xlsx bill — read with SheetJS (@e965/xlsx, TOOLCHAIN.md) into rows of text and then through the
// same table reader as CSV (csv.ts). Cells are taken as the sheet shows them (`w`), so amounts
// never pass through arithmetic on a JS number; date-formatted serial numbers become ISO text.
import type { Issue, StatementParseResult } from '../model';
import { sniffBinary } from './decode';
import { readBankTable } from './csv';
import { TABLE_PROFILES, findHeader, type TableProfile } from './support/bank-headers';
import { readWorkbook } from './support/workbook';
import { limitIssue, type LimitCode } from './limits';
import { makeIssue } from '../i18n/issues';
import { ALIPAY_PROFILE } from './alipay';
import { WECHAT_PROFILE } from './wechat';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

export { readWorkbook, type SheetTable } from './support/workbook';

/** Wallet bills first: their headers are more specific than a bank's. */
const XLSX_PROFILES: TableProfile[] = [WECHAT_PROFILE, ALIPAY_PROFILE, ...TABLE_PROFILES];

function isSpreadsheetZip(bytes: Uint8Array): boolean {
  // OOXML keeps its part names uncompressed in the ZIP directory: look for the workbook part.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  return head.includes('xl/workbook') || (head.includes('[Content_Types].xml') && head.includes('xl/'));
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
        format: base,
        encoding: 'binary',
        accounts: [],
        kind: 'bank',
        lines: [],
        issues: wb.limit
          ? [limitOf(wb.limit, file.name)]
          : [makeIssue('error', 'issue.unreadable_workbook', { format: base.toUpperCase(), detail: wb.message })],
      };
    }
    // The first sheet with a statement header (WeChat's 2025 xlsx has two sheets, the first one
    // with an extra Column1..Column11 row above its preamble).
    const withHeader = wb.sheets.find((s) => findHeader(s.table.rows));
    const sheet = withHeader ?? wb.sheets[0];
    if (!sheet) {
      return {
        format: base,
        encoding: 'binary',
        accounts: [],
        kind: 'bank',
        lines: [],
        issues: [makeIssue('error', 'issue.empty_workbook')],
      };
    }
    const result = readBankTable(sheet.table, { fileName: file.name, encoding: 'binary', baseFormat: base, options, profiles: XLSX_PROFILES });
    if (!withHeader && wb.sheets.length > 1) {
      const sheets = { sheetCount: wb.sheets.length, sheets: wb.sheets.map((s) => s.sheet).join(', ') };
      result.issues = result.issues.map((i) =>
        i.code === 'no_header' && i.i18n
          ? {
              ...makeIssue(i.level, 'issue.no_header.sheets', { ...i.i18n.params, ...sheets, headerKey: i.i18n.key }),
              ...(i.raw === undefined ? {} : { raw: i.raw }),
            }
          : i,
      );
    }
    return result;
  },
};

/** A limit the workbook reader found, named with the file (the reader does not know its name). */
/** The workbook reader's limit issue, now naming the file. */
function limitOf(issue: Issue, file: string): Issue {
  return limitIssue(issue.code as LimitCode, file, { ...issue.i18n.params });
}
