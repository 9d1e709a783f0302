// Statement import entry point (DESIGN.md §3 "Statements"): bytes in, StatementParseResult out.
// Sniff the encoding (decode.ts), ask every registered format how sure it is (content first, the
// file name only breaks ties), parse with the best. Never throws for bad input: a file nobody can
// read comes back with `lines: []` and an error issue saying what the file looks like and what was
// expected (STYLE.md: expected bad input → Issue; throw is for bugs).
import type { Issue, StatementAccount, StatementLine, StatementParseResult } from '../model';
import { maskCardNumbersInText, maskStatementLine } from '../cards';
import { decodeBytes, sniffBinary } from './decode';
import { STATEMENT_FORMATS } from './registry';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';
import { makeIssue, type IssueParams } from '../i18n/issues';

/** What SettleGuard reads, for "expected …" in error messages (a catalogue part). */
const EXPECTED = 'issuePart.expected.statement';

export type { DecodedFile, ParseOptions, StatementFormat } from './types';
export { decodeBytes } from './decode';
export { STATEMENT_FORMATS } from './registry';

/** Formats ordered by score; the file-name extension adds a small bonus so it only breaks ties. */
export function rankFormats(file: DecodedFile, formats: StatementFormat[] = STATEMENT_FORMATS): { format: StatementFormat; score: number }[] {
  const ranked: { format: StatementFormat; score: number }[] = [];
  for (const format of formats) {
    let score = 0;
    try {
      score = format.detect(file);
    } catch {
      score = 0; // a detector bug must not stop the other formats from being tried
    }
    if (!(score > 0)) continue;
    if (nameSuggests(file.name, format.id)) score += 0.001;
    ranked.push({ format, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

function nameSuggests(name: string, id: string): boolean {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (!ext) return false;
  if (id.startsWith('camt')) return ext === 'xml';
  if (id === 'mt940' || id === 'mt942') return ['sta', 'mt940', 'swi', 'txt', '940'].includes(ext);
  if (id === 'settleguard') return ext === 'json';
  return ext === id;
}

export async function parseStatement(file: { name: string; bytes: Uint8Array }, options: ParseOptions = {}): Promise<StatementParseResult> {
  return parseStatementSync(file, options);
}

/** The same as parseStatement, synchronously (all parsing is synchronous; tests and benches use it). */
export function parseStatementSync(file: { name: string; bytes: Uint8Array }, options: ParseOptions = {}): StatementParseResult {
  let decoded: DecodedFile;
  try {
    decoded = decodeBytes(file.name, file.bytes);
  } catch (e) {
    return unreadable('?', file, [bug('decode', e)]);
  }
  const encodingIssues: Issue[] = decoded.encodingGuessed ? [makeIssue('warning', 'issue.encoding_guessed', { encoding: decoded.encoding })] : [];

  if (file.bytes.length === 0) {
    return unreadable(decoded.encoding, file, [makeIssue('error', 'issue.empty_file', { file: file.name, expectedKey: EXPECTED })]);
  }

  const ranked = rankFormats(decoded);
  const best = ranked[0];
  if (!best) {
    return unreadable(decoded.encoding, file, [
      ...encodingIssues,
      makeIssue('error', 'issue.unrecognised_format', { file: file.name, ...describe(decoded), expectedKey: EXPECTED }),
    ]);
  }
  try {
    const result = maskCardNumbersInResult(best.format.parse(decoded, options));
    return { ...result, encoding: result.encoding || decoded.encoding, issues: [...encodingIssues, ...result.issues] };
  } catch (e) {
    return unreadable(decoded.encoding, file, [...encodingIssues, bug(best.format.id, e)], best.format.id);
  }
}

/**
 * Full card numbers masked (first 6 + last 4, README "Privacy") in the free text of a parse
 * result, once here rather than in each parser: a bank line's description, counterparty and
 * account id (a credit-card statement's account is the card), the accounts, the issues (their
 * raw line is stored with the import), and the bank lines of a backup written before this rule.
 * Keys are left alone: a line's `reference` is the bank's own key and its id is a hash. Acquirer
 * rows and cashier records mask their own cells, where the column says what is a key
 * (support/acquirer.ts Columns.cells). Luhn and the card lengths decide (maskCardNumbersInText).
 */
export function maskCardNumbersInResult(result: StatementParseResult): StatementParseResult {
  const backupLines = result.backup?.['statementLines'] as StatementLine[] | undefined;
  return {
    ...result,
    accounts: mapChanged(result.accounts, maskAccount),
    lines: mapChanged(result.lines, maskStatementLine),
    issues: mapChanged(result.issues, maskIssue),
    ...(result.backup && backupLines ? { backup: { ...result.backup, statementLines: mapChanged(backupLines, maskBackupLine) } } : {}),
  };
}

/** A backup's line as the file holds it, before its checks: only an object has text to mask. */
function maskBackupLine(line: StatementLine): StatementLine {
  return typeof line === 'object' && line !== null && !Array.isArray(line) ? maskStatementLine(line) : line;
}

function maskAccount(account: StatementAccount): StatementAccount {
  if (account.accountId === undefined) return account;
  const accountId = maskCardNumbersInText(account.accountId);
  return accountId === account.accountId ? account : { ...account, accountId };
}

function maskIssue(issue: Issue): Issue {
  const message = maskCardNumbersInText(issue.message);
  const raw = issue.raw === undefined ? undefined : maskCardNumbersInText(issue.raw);
  // the catalogue params carry cells of the file too ("value", "description"…)
  let params: Record<string, string> | undefined;
  for (const [name, value] of Object.entries(issue.i18n?.params ?? {})) {
    const masked = maskCardNumbersInText(value);
    if (masked !== value) (params ??= { ...issue.i18n!.params })[name] = masked;
  }
  if (message === issue.message && raw === issue.raw && params === undefined) return issue;
  return { ...issue, message, ...(raw === undefined ? {} : { raw }), ...(params && issue.i18n ? { i18n: { key: issue.i18n.key, params } } : {}) };
}

/** `items` mapped, the same array when nothing changed (a 100,000-line file is not copied for nothing). */
function mapChanged<T>(items: T[], f: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const mapped = f(item);
    if (mapped !== item) (out ??= items.slice())[i] = mapped;
  }
  return out ?? items;
}

function unreadable(encoding: string, file: { name: string }, issues: Issue[], format = 'unknown'): StatementParseResult {
  void file;
  return { format, encoding, accounts: [], kind: 'bank', lines: [], issues };
}

function bug(where: string, e: unknown): Issue {
  return makeIssue('error', 'issue.parser_failed', { reader: where, detail: e instanceof Error ? e.message : String(e) });
}

/** What an unrecognised file looks like, as a catalogue part (`issuePart.looks.*`) and its params. */
export function describe(file: DecodedFile): IssueParams {
  switch (sniffBinary(file.bytes)) {
    case 'pdf':
      return { looksKey: 'issuePart.looks.pdf' };
    case 'zip':
      return { looksKey: 'issuePart.looks.zip' };
    case 'ole2':
      return { looksKey: 'issuePart.looks.ole2' };
    default:
      break;
  }
  const text = file.text;
  let control = 0;
  const sample = text.slice(0, 2000);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (sample.length > 0 && control > sample.length * 0.02) return { looksKey: 'issuePart.looks.binary' };
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  if (!firstLine) return { looksKey: 'issuePart.looks.emptyText' };
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length;
  return { looksKey: 'issuePart.looks.text', lines, start: firstLine.trim().slice(0, 60) };
}
