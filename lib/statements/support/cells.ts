// Cleaning a table's cells (lib/statements/csv.ts and the processor-export readers): what a cell
// says once an export's padding and wrappers are taken off, and which cells are placeholders.

/**
 * A cell as a person reads it: exports pad cells with spaces and TABs (ICBC, Alipay), prefix ids
 * with a backtick or quote so Excel keeps them as text (WeChat `, BMO '…'), or wrap them in ="…".
 */
// A cell that needs more than a look: spaces to fold, a BOM, or an export's wrapper (="…", `…, '…').
// The characters of /[\s\u00a0\u3000\uFEFF`'=]/, tested by code: this runs for every cell of a file.
export function needsCleaning(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13) || c === 39 || c === 61 || c === 96) return true;
    } else if (
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff
    ) {
      return true;
    }
  }
  return false;
}

/** needsCleaning's characters below 128, by code (CsvLines looks a character at a time). */
export const NEEDS_CLEANING_ASCII = new Uint8Array(128);
for (const c of [32, 9, 10, 11, 12, 13, 39, 61, 96]) NEEDS_CLEANING_ASCII[c] = 1;
/** needsCleaning's characters from 128 on. */
export function isUncleanAbove127(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The characters needsCleaning looks for, except the line breaks between rows (no cell holds CR
 * or LF when the text is split on one kind of break, see splitCsv) and, for TAB-separated text, TAB.
 */
export const UNCLEAN = /[\t\v\f '=`\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
export const UNCLEAN_NO_TAB = /[\v\f '=`\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * needsCleaning for every cell of text[start, end) split on the one-character delimiter `dc` (which
 * is itself in no cell, so it does not count even when it is a TAB): false when no cell needs it.
 */
export function spanNeedsCleaning(text: string, start: number, end: number, dc: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c === 32 || (c >= 9 && c <= 13) || c === 39 || c === 61 || c === 96) && c !== dc) return true;
    } else if (
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff
    ) {
      return true;
    }
  }
  return false;
}

/** The row's cells cleaned (cleanCell); the row itself when no cell needs it, which is the common case. */
export function cleanRow(row: string[]): string[] {
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (typeof c !== 'string' || !cleansToItself(c)) return row.map(cleanCell);
  }
  return row;
}

export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  // most cells of a large export are plain values or words between single spaces: as they are
  if (cleansToItself(raw)) return raw;
  return cleanCellText(raw);
}

/**
 * cleanCell(s) === s, told by a look at each character: no white space other than single spaces
 * (U+0020) between other characters, and no export wrapper at the start (="…", `…, '…'). True
 * whenever needsCleaning is false; false for some text cleanCell leaves alone (e.g. "=1").
 */
export function cleansToItself(s: string): boolean {
  const first = s.charCodeAt(0);
  if (first === 61 || first === 96 || first === 39) return false;
  // a space at the start is not between characters
  let afterSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (c < 128 ? c >= 9 && c <= 13 : isUncleanAbove127(c)) return false;
  }
  // nor at the end ('' has neither)
  return !afterSpace || s.length === 0;
}

/** cleanCell's rule in full, for any text (the reference cleansToItself is tested against). */
export function cleanCellText(raw: string): string {
  let s = raw
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
  const formula = s.match(/^="(.*)"$/);
  if (formula) s = formula[1]!.trim();
  if (s.startsWith('`')) s = s.slice(1).trim();
  const quoted = s.match(/^'(.*)'$/);
  if (quoted) s = quoted[1]!.trim();
  return s;
}

/** Placeholders exports put in empty cells: '-', '--', '-------------------' (BOC), '/' (WeChat), '—'. */
export function isPlaceholder(s: string): boolean {
  if (s === '') return true;
  // only '-', '—', '–', '/', '\\' and n/a, null, none start a placeholder
  const c = s.charCodeAt(0);
  if (c !== 45 && c !== 0x2014 && c !== 0x2013 && c !== 47 && c !== 92 && c !== 110 && c !== 78) return false;
  return /^[-—–/\\]+$/.test(s) || /^(n\/a|null|none)$/i.test(s);
}
