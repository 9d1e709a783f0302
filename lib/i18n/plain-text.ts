// Page-derived text (merchant names, terminal ids, fee labels, bank memos) reaches our drafts
// and UI strings. Drafts are plain text pasted into someone else's form, so we never build
// markup from it; we only make it safe to read: no control characters that could hide or
// reorder text (bidi overrides), no line breaks that would break a one-line field.

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, LRM/RLM/ALM, line/paragraph
// separators and the BOM.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * One line of plain text: every control character becomes a space (so "a\nb" stays two words),
 * runs of spaces collapse, ends are trimmed. `maxLength` (in UTF-16 units) cuts with "…".
 */
export function toPlainLine(text: string, maxLength?: number): string {
  const line = text
    .replace(CONTROL, ' ')
    .replace(/[ \u00a0\u3000]{2,}/g, ' ')
    .trim();
  if (maxLength === undefined || line.length <= maxLength) return line;
  // never cut a surrogate pair in half
  let cut = maxLength - 1;
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${line.slice(0, Math.max(cut, 0))}…`;
}

/** True when the text has nothing left once control characters and spaces are removed. */
export function isBlank(text: string | undefined | null): boolean {
  return text === undefined || text === null || toPlainLine(text) === '';
}
