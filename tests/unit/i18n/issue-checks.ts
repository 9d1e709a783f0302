// Checks shared by the issue catalogue tests.
import { toPlainLine } from '../../../lib/i18n/plain-text';

/**
 * Runs of four or more English words left in a Chinese text once the file's own values, quoted
 * names (“…”, "…"), tags (<Amt>) and JSON examples are taken out: an untranslated sentence.
 * Codes and column names of English exports (RRN, MT940, "Total Collected") are shorter.
 */
export function englishSentences(text: string, rawValues: readonly string[]): string[] {
  let t = text;
  // as the renderer inserts them: one plain line
  const values = rawValues.map((v) => toPlainLine(v)).filter((v) => v !== '');
  for (const v of values.sort((a, b) => b.length - a.length)) t = t.split(v).join(' ');
  t = t
    .replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^[\]]*\]/g, ' ');
  return t.match(/[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){3,}/g) ?? [];
}
