// XLS (BIFF8) and XLSX workbooks as rows of cell text, through SheetJS (@e965/xlsx, TOOLCHAIN.md).
// Shared by the bank-statement reader (xlsx.ts) and the acquirer exports (support/acquirer.ts).
// Cells are taken as the sheet shows them (`w`), so amounts never pass through arithmetic on a JS
// number; date-formatted serials become ISO text; a key shown in scientific notation
// (4.81477E+15) becomes its digits when the stored number holds them exactly.
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';
import type { Issue } from '../../model';
import { IMPORT_LIMITS, type ImportLimits, limitIssue } from '../limits';
import { damagedCfb } from './cfb';
import type { RawTable } from './csv-split';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface SheetTable {
  sheet: string;
  table: RawTable;
}

/**
 * Every sheet as rows of cell text; line numbers are sheet row numbers (1-based). `maxRows` reads a
 * head only. A sheet past the row or cell limits (../limits.ts) is refused before its cells are
 * visited: the reader walks the whole declared range, and a range can claim 17 billion cells.
 */
export function readWorkbook(
  bytes: Uint8Array,
  maxRows = Infinity,
  limits: ImportLimits = IMPORT_LIMITS,
): { ok: true; sheets: SheetTable[] } | { ok: false; message: string; limit?: Issue } {
  let wb: XLSX.WorkBook;
  try {
    const container = soundContainer(bytes);
    if (typeof container === 'string') return { ok: false, message: container };
    // one row past the limit, so a longer sheet is seen to be longer without reading it all
    restoreFormats();
    wb = XLSX.read(container, { type: 'array', cellDates: false, cellNF: true, cellText: true, dense: false, sheetRows: Math.min(maxRows, limits.rows + 1) });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  } finally {
    restoreFormats();
  }
  const sheets: SheetTable[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const ref = ws?.['!ref'];
    if (!ws || !ref) continue;
    const range = XLSX.utils.decode_range(ref);
    const rowCount = range.e.r - range.s.r + 1;
    const cells = rowCount * (range.e.c - range.s.c + 1);
    if (rowCount > limits.rows || cells > limits.sheetCells) {
      const message = `the sheet ${name} spans ${ref} (${cells.toLocaleString('en')} cells), more than the ${limits.rows.toLocaleString('en')} rows and ${limits.sheetCells.toLocaleString('en')} cells SettleGuard reads in one sheet`;
      return {
        ok: false,
        message,
        limit: limitIssue('sheet_range_too_large', '', {
          sheet: name,
          range: ref,
          declaredRows: String(rowCount),
          declaredColumns: String(range.e.c - range.s.c + 1),
          rows: String(limits.rows),
          cells: String(limits.sheetCells),
        }),
      };
    }
    const rows: string[][] = [];
    const lines: number[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: string[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) row.push(cellText(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
      rows.push(row);
      lines.push(r + 1);
    }
    sheets.push({ sheet: name, table: { rows, lines } });
  }
  return { ok: true, sheets };
}

/**
 * An XLSX (a ZIP) unpacked by fflate and packed again with its parts stored, before SheetJS reads
 * it: SheetJS's own ZIP reader never returns on some damaged containers (found by the fuzzer,
 * tests/unit/fuzz/regressions.test.ts), while fflate refuses them at once. SheetJS then inflates
 * nothing. An XLS whose sector chains loop is refused too; any other bytes are passed through; a
 * damaged container gives the message.
 */
function soundContainer(bytes: Uint8Array): Uint8Array | string {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    // an XLS: SheetJS reads the compound file's sector chains without bounding them (./cfb.ts)
    const damaged = damagedCfb(bytes);
    return damaged ? `its OLE2 container is damaged: ${damaged}` : bytes;
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return bytes; // not 'PK'
  try {
    return zipSync(unzipSync(bytes), { level: 0 });
  } catch (e) {
    return `its ZIP container is damaged: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * SheetJS keeps number formats in one table for the whole process, and reading an XLS adds the
 * file's own formats to it for good: the next file naming a format it does not define is shown in
 * the last file's format, and every workbook written later carries them all (the fuzzer's generated
 * workbooks grew to 436 KB after 30,000 cases; xlsx target, seed 20261208, case 30832). The table
 * is put back as SheetJS first built it around each read; cells keep their format string (`z`).
 */
const FORMATS: Record<string, string> = { ...(XLSX.SSF.get_table() as Record<string, string>) };

function restoreFormats(): void {
  const table = XLSX.SSF.get_table() as Record<string, string>;
  for (const id of Object.keys(table)) if (!Object.hasOwn(FORMATS, id)) delete table[id];
  Object.assign(table, FORMATS);
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.t === 'e') return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
      // a date serial: its ISO form, not the sheet's display format ('m/d/yy' would lose the century)
      const d = XLSX.SSF.parse_date_code(cell.v);
      if (d) {
        const date = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
        return d.H || d.M || d.S ? `${date} ${pad(d.H)}:${pad(d.M)}:${pad(Math.floor(d.S))}` : date;
      }
    }
    if (typeof cell.w === 'string' && /e\+?\d+$/i.test(cell.w) && Number.isSafeInteger(cell.v)) return BigInt(cell.v).toString();
  }
  if (cell.w !== undefined) return cell.w;
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  return cell.v === undefined ? '' : String(cell.v);
}
