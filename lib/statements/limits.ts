// How big an imported file may be, checked before any parser runs (issue 14 item 3). A review found
// a 1.6 KB workbook declaring A1:XFD1048576 (17 billion cells) keep the reader busy for 300 s, and a
// 1 MB XLSX inflating to 1 GiB take 148 s and 2.1 GB. The figures are sized for the largest file a
// merchant would bring: a year of a busy shop's acquirer export or bank statement.
import { Inflate } from 'fflate';
import { makeIssue } from '../i18n/issues';
import type { Issue } from '../model';

export type LimitCode = 'file_too_large' | 'too_many_rows' | 'decompressed_too_large' | 'sheet_range_too_large' | 'read_timeout';
import { sniffBinary } from './decode';

export interface ImportLimits {
  /** bytes of the file as chosen */
  bytes: number;
  /** bytes of a SettleGuard backup (JSON): every store of the database in one file */
  backupBytes: number;
  /** the sizes a ZIP (XLSX) says its parts inflate to, added up — and what they really inflate to */
  decompressedBytes: number;
  /** lines of a text file, rows of a sheet (declared or read) */
  rows: number;
  /** cells a sheet declares (rows × columns of its range): the workbook reader visits each */
  sheetCells: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  // 64 MiB: a year of 1,000 card sales a day is ~365,000 lines of ~160 bytes (58 MB) in a CSV
  // export; bank statements are a hundredth of that. The worker holds the bytes, their text
  // (two bytes a character) and the rows: ~10× the file in memory.
  bytes: 64 * 1024 * 1024,
  // 512 MiB: a backup holds every captured row with its evidence (~1.2 KB of indented JSON each),
  // ~400,000 rows; past it the text no longer fits in one JavaScript string (V8: 2^29 characters).
  backupBytes: 512 * 1024 * 1024,
  // 256 MiB: a sheet's XML is 5–10× its CSV (each cell tagged, styles), so a 64 MiB-equivalent
  // export inflates to ~256 MiB at most; a real XLSX of that size compresses to ~10–25 MiB.
  decompressedBytes: 256 * 1024 * 1024,
  // 1,048,576: Excel's own sheet limit, ~2,900 rows a day for a year; nothing a bank or acquirer
  // exports to a merchant is longer. Counted as lines only in delimited text (CSV, MT940, QIF):
  // XML and JSON spread one record over many lines and are bounded by their bytes.
  rows: 1_048_576,
  // 1,048,576 rows of 20 columns: a bank export has 8–20 columns, an acquirer's up to ~40 on
  // fewer rows; each cell becomes a string in the reader.
  sheetCells: 20 * 1_048_576,
};

const MiB = 1024 * 1024;
const size = (n: number) => (n >= MiB ? `${(n / MiB).toFixed(n % MiB ? 1 : 0)} MiB` : `${n} bytes`);

/**
 * The first limit `file` is over, as an error Issue naming the file and the limit, or null. Reads
 * only the ZIP directory and each part's inflated bytes counted against the limit (stopping at
 * it), never the whole file as text.
 */
export function checkImportLimits(file: { name: string; bytes: Uint8Array }, limits: ImportLimits = IMPORT_LIMITS): Issue | null {
  const { name, bytes } = file;
  const first = firstTextByte(bytes);
  const backup = first === 0x7b && new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).includes('"settleguard"');
  const maxBytes = backup ? limits.backupBytes : limits.bytes;
  if (bytes.length > maxBytes) {
    return limitIssue('file_too_large', name, { size: size(bytes.length), limit: size(maxBytes) });
  }
  const kind = sniffBinary(bytes);
  if (kind === 'zip') return checkZip(name, bytes, limits);
  if (kind === 'ole2' || kind === 'pdf') return null; // XLS rows and cells are checked by the workbook reader
  if (first === 0x3c || first === 0x7b || first === 0x5b) return null; // XML, JSON: bounded by bytes
  const lines = countLines(bytes, limits.rows + 1);
  if (lines > limits.rows) {
    return limitIssue('too_many_rows', name, { limit: String(limits.rows) });
  }
  return null;
}

/** The first byte that is not a BOM, whitespace or a UTF-16 zero byte: '<', '{', '[' or a delimited file's first character. */
function firstTextByte(bytes: Uint8Array): number {
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) {
    const c = bytes[i]!;
    if (c === 0 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xef || c === 0xbb || c === 0xbf || c === 0xfe || c === 0xff) continue;
    return c;
  }
  return -1;
}

/** Line breaks (LF, or CR not before LF) plus one, counted up to `stopAt`. UTF-16 text counts its LF bytes too. */
function countLines(bytes: Uint8Array, stopAt: number): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) {
      if (++lines >= stopAt) return lines;
    }
  }
  return lines;
}

/** A file refused before it is read: the catalogue's `import.limit.<code>` names the file and the limit. */
export function limitIssue(code: LimitCode, file: string, params: Record<string, string>): Issue {
  return makeIssue('error', `import.limit.${code}`, { ...params, file }, { code });
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

/**
 * A ZIP's central directory (APPNOTE.TXT 4.3.12–4.3.16): the parts, their compression and the
 * sizes they say they inflate to, read before inflating anything. Null when it has none that
 * reads (the workbook reader then reports the file as damaged).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-directory record is in the last 22 + 65,535 (comment) bytes
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    let compressed = view.getUint32(at + 20, true);
    let declared = view.getUint32(at + 24, true);
    let localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 (4.5.3): a 0xFFFFFFFF field's real value is in the extra field, in this order
    const extra = at + 46 + nameLength;
    for (let x = extra; x + 4 <= extra + extraLength && x + 4 <= bytes.length; ) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let f = x + 4;
        const big = () => {
          const v = Number(view.getBigUint64(f, true));
          f += 8;
          return v;
        };
        if (declared === 0xffffffff && f + 8 <= x + 4 + len) declared = big();
        if (compressed === 0xffffffff && f + 8 <= x + 4 + len) compressed = big();
        if (localOffset === 0xffffffff && f + 8 <= x + 4 + len) localOffset = big();
      }
      x += 4 + len;
    }
    entries.push({ name, method: view.getUint16(at + 10, true), compressed, declared, localOffset });
    at = extra + extraLength + view.getUint16(at + 32, true);
  }
  return entries;
}

function checkZip(name: string, bytes: Uint8Array, limits: ImportLimits): Issue | null {
  const entries = readZipDirectory(bytes);
  if (!entries) return null;
  const declared = entries.reduce((sum, e) => sum + e.declared, 0);
  const tooBig = (total: number) => limitIssue('decompressed_too_large', name, { size: size(total), limit: size(limits.decompressedBytes) });
  if (declared > limits.decompressedBytes) return tooBig(declared);
  // A directory can understate: inflate each part once, counting, and stop at the first byte past
  // what it declared (SheetJS would inflate it all before comparing).
  let total = 0;
  for (const entry of entries) {
    const head: Uint8Array[] = [];
    const inflated = inflateCounted(bytes, entry, Math.min(entry.declared, limits.decompressedBytes - total), head);
    if (inflated === null) return tooBig(total + entry.declared + 1);
    total += inflated;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      const issue = checkDeclaredRange(name, entry.name, head, limits);
      if (issue) return issue;
    }
  }
  return null;
}

const HEAD_BYTES = 4096;

/**
 * Inflates one part, keeping its first HEAD_BYTES in `head`; the byte count, or null as soon as
 * it passes `allowed`. Null too when the part cannot be read: the workbook reader says what.
 */
function inflateCounted(bytes: Uint8Array, entry: ZipEntry, allowed: number, head: Uint8Array[]): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return 0;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressed));
  let kept = 0;
  const keep = (chunk: Uint8Array) => {
    if (kept < HEAD_BYTES) {
      head.push(chunk.subarray(0, HEAD_BYTES - kept));
      kept += Math.min(chunk.length, HEAD_BYTES - kept);
    }
  };
  if (entry.method === 0) {
    if (data.length > allowed) return null;
    keep(data);
    return data.length;
  }
  if (entry.method !== 8) return 0; // not deflate: SheetJS refuses it by itself
  let out = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    out += chunk.length;
    if (out > allowed) over = true;
    else keep(chunk);
  });
  // small input steps: deflate expands at most ~1,032×, so one step yields at most ~16 MiB
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < data.length && !over; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch {
    return over ? null : 0; // a damaged stream: the workbook reader reports it
  }
  return over ? null : out;
}

/** A worksheet's <dimension ref="A1:XFD1048576"/> (ECMA-376 18.3.1.35), checked against rows and cells. */
function checkDeclaredRange(file: string, part: string, head: Uint8Array[], limits: ImportLimits): Issue | null {
  const text = new TextDecoder('latin1').decode(concat(head));
  const ref = text.match(/<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/i);
  if (!ref) return null;
  const rows = Number(ref[4] ?? ref[2]) - Number(ref[2]) + 1;
  const cols = columnNumber(ref[3] ?? ref[1]!) - columnNumber(ref[1]!) + 1;
  const sheet = part.replace(/^.*\//, '').replace(/\.xml$/i, '');
  const range = ref[3] ? `${ref[1]}${ref[2]}:${ref[3]}${ref[4]}` : `${ref[1]}${ref[2]}`;
  if (rows > limits.rows || rows * cols > limits.sheetCells) {
    return limitIssue('sheet_range_too_large', file, {
      sheet,
      range,
      declaredRows: String(rows),
      declaredColumns: String(cols),
      rows: String(limits.rows),
      cells: String(limits.sheetCells),
    });
  }
  return null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
