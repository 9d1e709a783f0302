// Loose keys for comparing ids across sources (terminal ids, merchant ids, references).

/** trim() then toUpperCase(): how two sources' ids are compared. */
export const trimUpper = (s: string | undefined): string => (s ?? '').trim().toUpperCase();

/**
 * trimUpper() without a copy for a string already in its form: ASCII with no character ≤ U+0020
 * (spaces, tabs, line breaks, controls) and no a–z is unchanged by trim() and toUpperCase(), so
 * it is returned as it is; any other string goes through trimUpper().
 */
export function trimUpperFast(s: string | undefined): string {
  if (s === undefined) return '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return trimUpper(s);
  }
  return s;
}
