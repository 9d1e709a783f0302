// Splitting a statement table's text into rows of cells (lib/statements/csv.ts reads them): the
// delimiter chosen by which one gives the most rows of the same width, so that a preamble of
// key: value lines does not fool it; rows split by papaparse, or here when the text has no quotes
// and one kind of line break.
import Papa from 'papaparse';
import {
  NEEDS_CLEANING_ASCII as NEEDS_CLEANING_ASCII_IMPORT,
  UNCLEAN,
  UNCLEAN_NO_TAB,
  isUncleanAbove127 as isUncleanAbove127Import,
  spanNeedsCleaning as spanNeedsCleaningImport,
} from './cells';
import { HEADER_SCAN_ROWS } from './bank-headers';

// Used for every row (and every character of CsvLines' rows) of a large file, so bound once here
// (see lib/statements/csv.ts: an imported name may be read through a getter at each use).
const NEEDS_CLEANING_ASCII = NEEDS_CLEANING_ASCII_IMPORT;
const isUncleanAbove127 = isUncleanAbove127Import;
const spanNeedsCleaning = spanNeedsCleaningImport;

/** Rows of cells with the 1-based source line (CSV) or sheet row (XLS/XLSX) each came from. */
export interface RawTable {
  rows: string[][];
  lines: number[];
  /**
   * clean[i] === 1: no cell of rows[i] needs cleanCell (its source line has none of the characters
   * it looks for), known from one pass over the line; absent or 0: not known.
   */
  clean?: Uint8Array;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter that gives the most lines of one common width (≥ 2 fields); ',' when nothing does. */
export function detectDelimiter(text: string): string {
  const sample = firstLines(text, 200).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const widths = new Map<number, number>();
    for (const line of sample) {
      const w = countFields(line, d);
      if (w >= 2) widths.set(w, (widths.get(w) ?? 0) + 1);
    }
    let score = 0;
    for (const [w, n] of widths) score = Math.max(score, n * Math.log2(w));
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

export function countFields(line: string, d: string): number {
  const dc = d.charCodeAt(0);
  let n = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34)
      quoted = !quoted; // '"'
    else if (c === dc && !quoted) n++;
  }
  return n;
}

/** `text.split(/\r\n|\n|\r/).slice(0, limit)`, reading only as far as those lines: files can be large. */
export function firstLines(text: string, limit: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    out.push(text.slice(start, i));
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  if (out.length < limit) out.push(text.slice(start));
  return out;
}

export function splitCsv(text: string, delimiter = detectDelimiter(text)): RawTable {
  // Without a quote character papaparse splits on its one line break and every row is one source
  // line; when that break is '\n' with no '\r' anywhere, or '\r\n' with no CR or LF on its own
  // (Windows exports), row i is line i + 1. That case (most large exports) skips the per-row step
  // callback and the line counting below, and papaparse itself: what it does then (its "fast mode":
  // text.split(linebreak), each row .split(delimiter)) is done here without holding every line's
  // text until the end (papaparse's rows.split array) — unless a BOM would make it strip one first.
  const plan = plainSplit(text, delimiter);
  if (plan === 'empty') return { rows: [], lines: [] }; // papaparse: no input, no rows
  if (plan) {
    const rows: string[][] = [];
    const flags: number[] = [];
    const { linebreak, dc } = plan;
    // one search over the whole text first: most large exports hold none of those characters
    const allClean = dc >= 0 && !(dc === 9 ? UNCLEAN_NO_TAB : UNCLEAN).test(text);
    const step = linebreak.length;
    let start = 0;
    for (;;) {
      let end = text.indexOf(linebreak, start);
      const last = end < 0;
      if (last) end = text.length;
      rows.push(text.slice(start, end).split(delimiter));
      flags.push(allClean || (dc >= 0 && !spanNeedsCleaning(text, start, end, dc)) ? 1 : 0);
      if (last) break;
      start = end + step;
    }
    const lines = new Array<number>(rows.length);
    for (let i = 0; i < lines.length; i++) lines[i] = i + 1;
    return { rows, lines, clean: Uint8Array.from(flags) };
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let pos = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (res) => {
      const end = res.meta.cursor;
      rows.push(res.data);
      lines.push(line);
      for (let i = pos; i < end && i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      pos = end;
    },
  });
  return { rows, lines };
}

/**
 * When splitCsv may split `text` itself (see there): its one line break and the delimiter's code
 * (-1 unless one character). 'empty' for '', null when papaparse must split.
 */
function plainSplit(text: string, delimiter: string): { linebreak: '\n' | '\r\n'; dc: number } | 'empty' | null {
  if (text.includes('"') || text.charCodeAt(0) === 0xfeff) return null;
  const crlf = text.includes('\r');
  if (crlf && !breaksAreAllCrlf(text)) return null;
  const linebreak = crlf ? '\r\n' : '\n';
  if (text === '') return 'empty';
  // (without a CR papaparse's guess is '\n': no need to count)
  if (crlf && papaLinebreak(text) !== linebreak) return null;
  return { linebreak, dc: delimiter.length === 1 ? delimiter.charCodeAt(0) : -1 };
}

/**
 * splitCsv's table of a text it splits itself, with each row split only when it is read: a large
 * file's rows then die young one by one instead of all living (and being copied by the garbage
 * collector) until the last line is read. Row i holds the cells of
 * `text.slice(starts[i], starts[i + 1] - step).split(delimiter)` and is line i + 1, as in
 * splitCsv; whether it is clean (splitCsv's RawTable.clean) is known once it is split
 * (lastClean). `head` holds the first rows split, for the header search and the preamble.
 */
export class CsvLines {
  readonly head: string[][];
  private readonly headClean: boolean[] = [];
  /** the row last returned by row() holds none of the characters cleanCell looks for */
  lastClean = true;
  /** the delimiter's code: CsvLines are only made for a one-character delimiter */
  private readonly dc: number;
  constructor(
    readonly text: string,
    readonly delimiter: string,
    /** where each row starts, then text.length + step */
    readonly starts: Int32Array,
    readonly step: number,
  ) {
    this.dc = delimiter.charCodeAt(0);
    const n = Math.min(this.length, HEADER_SCAN_ROWS);
    this.head = [];
    for (let i = 0; i < n; i++) {
      this.head.push(this.split(i));
      this.headClean.push(this.lastClean);
    }
  }
  get length(): number {
    return this.starts.length - 1;
  }
  row(i: number): string[] {
    if (i >= this.head.length) return this.split(i);
    this.lastClean = this.headClean[i]!;
    return this.head[i]!;
  }
  /**
   * The cells of row i, as `line.split(delimiter)` gives them, sliced from the text directly: no
   * string for the whole line, and no call into the runtime's split per row.
   */
  private split(i: number): string[] {
    const text = this.text;
    const dc = this.dc;
    const end = this.starts[i + 1]! - this.step;
    const cells: string[] = [];
    let at = this.starts[i]!;
    let clean = true;
    for (let p = at; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c === dc) {
        cells.push(text.slice(at, p));
        at = p + 1;
      } else if (clean && (c < 128 ? NEEDS_CLEANING_ASCII[c] === 1 : c < 0x3001 ? isUncleanAbove127(c) : c === 0xfeff)) {
        clean = false; // spanNeedsCleaning's test, a character at a time
      }
    }
    cells.push(text.slice(at, end));
    this.lastClean = clean;
    return cells;
  }
  /** The whole table, as splitCsv gives it. */
  toTable(): RawTable {
    const n = this.length;
    const rows: string[][] = new Array<string[]>(n);
    const lines = new Array<number>(n);
    const clean = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      rows[i] = this.row(i);
      lines[i] = i + 1;
      clean[i] = this.lastClean ? 1 : 0;
    }
    return { rows, lines, clean };
  }
}

/** splitCsv's table as CsvLines when splitCsv would split the text itself on a one-character delimiter; else splitCsv's table. */
export function splitCsvLines(text: string, delimiter = detectDelimiter(text)): CsvLines | RawTable {
  const plan = plainSplit(text, delimiter);
  if (!plan || plan === 'empty' || plan.dc < 0) return splitCsv(text, delimiter);
  const { linebreak } = plan;
  const step = linebreak.length;
  // one pass, into room for a line per 32 characters (grown when lines are shorter)
  let starts = new Int32Array((text.length >> 5) + 16);
  let n = 1;
  for (let i = text.indexOf(linebreak); i >= 0; i = text.indexOf(linebreak, i + step)) {
    if (n + 1 >= starts.length) {
      const more = new Int32Array(starts.length * 2);
      more.set(starts);
      starts = more;
    }
    starts[n++] = i + step;
  }
  starts[n] = text.length + step;
  return new CsvLines(text, delimiter, starts.subarray(0, n + 1), step);
}

/**
 * The line break papaparse 5 guesses for text without quotes (ParserHandle.guessLineEndings): from
 * its first MiB, '\n' when there is no CR or an LF comes before the first CR, else '\r\n' when at
 * least half of the pieces between CRs start with an LF, else '\r'. Counted here, not split.
 */
export function papaLinebreak(text: string): '\n' | '\r\n' | '\r' {
  const n = Math.min(text.length, 1024 * 1024);
  let crs = 0;
  let crlfs = 0;
  let firstCr = -1;
  let firstLf = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (firstCr < 0) firstCr = i;
      crs++;
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) crlfs++;
    } else if (c === 10 && firstLf < 0) {
      firstLf = i;
    }
  }
  if (crs === 0 || (firstLf >= 0 && firstLf < firstCr)) return '\n';
  // the pieces of split('\r') are crs + 1; those after the first start with '\n' when a CR is followed by LF
  return crlfs >= (crs + 1) / 2 ? '\r\n' : '\r';
}

/** Every CR is followed by an LF and every LF follows a CR. */
export function breaksAreAllCrlf(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== 13) return false;
  return true;
}
