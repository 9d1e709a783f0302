// CSV and HTML output for the evidence pack. Both carry page-derived text, so both are
// written defensively: CSV cells cannot start a spreadsheet formula, HTML text is escaped.

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, and tab/CR
// which some spreadsheets strip before looking.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number cannot be a formula; leaving "-12.30" unprefixed keeps amounts summable.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV cell: formula-like text gets a leading ', then RFC 4180 quoting where needed. */
export function csvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV document: rows joined with CRLF (RFC 4180), a UTF-8 BOM first so spreadsheet programs
 * open Chinese text correctly.
 */
export function toCsv(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
