// SWIFT MT940 (customer statement) and MT942 (interim transaction report), as banks export them:
// with or without the SWIFT envelope `{1:…}{2:…}{4:` … `-}{5:…}`, with bank preambles (ABN's
// `ABNANL2A / 940`, ING's `0000 01INGBNL2AXXXX00001`, Rabobank's `:940:`, Danske's free text),
// one or many statements per file. Tag layout: SWIFT MT940/942 usage guidelines; the quirks are
// the corpus README's.
import type { IsoDate, MoneyJson, StatementAccount, StatementParseResult } from '../model';
import { Dec, money, plainAmount } from '../money';
import { isoDate } from '../dates';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';
import { LineBuilder, checkBalances, cleanRef, fallbackCurrency, finish, guarded } from './support/statement-lines';

interface Tag {
  tag: string;
  lines: string[];
  line: number;
}

interface RawStatement {
  tags: Tag[];
  line: number;
  /** false when tags appeared without a :20: (snippets, a :61: after a closing '-') */
  hasTag20: boolean;
}

/**
 * A tag line, /^:(\d{2}[A-Z]?):(.*)$/, read by character codes (once per line of the file): the
 * index of the colon that closes the tag (3 or 4), or 0 when the line does not start a tag —
 * including when the rest holds a line or paragraph separator, which '.' does not match
 * (`mayHoldSeparators` false: the caller knows the text has none).
 */
export function tagLength(s: string, mayHoldSeparators = true): number {
  if (s.charCodeAt(0) !== 58 || !isDigitCode(s.charCodeAt(1)) || !isDigitCode(s.charCodeAt(2))) return 0;
  const c = s.charCodeAt(3);
  const end = c === 58 ? 3 : c >= 65 && c <= 90 && s.charCodeAt(4) === 58 ? 4 : 0;
  if (end === 0 || !mayHoldSeparators) return end;
  for (let i = end + 1; i < s.length; i++) {
    const x = s.charCodeAt(i);
    if (x === 0x2028 || x === 0x2029 || x === 10 || x === 13) return 0;
  }
  return end;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Removes envelope blocks `{1:…}`, `{2:…}`, `{3:{…}}`, `{5:…}` and the `{4:` opener at the start of a line. */
function stripEnvelope(s: string): string {
  let t = s;
  while (t.startsWith('{')) {
    if (t.startsWith('{4:')) return t.slice(3);
    let depth = 0;
    let end = -1;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '{') depth++;
      else if (t[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) return '';
    t = t.slice(end + 1);
  }
  return t;
}

function continuesText(rawLines: readonly string[], from: number): boolean {
  for (let k = from; k < rawLines.length; k++) {
    const t = rawLines[k]!.trim();
    if (t === '') continue;
    return !t.startsWith(':') && !t.startsWith('{') && !t.startsWith('-');
  }
  return false;
}

/** Splits the text into statements of tags. Lines outside any tag before a :20: are preamble. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * `text.split(/\r\n|\n|\r/)`, and whether the text holds a control character other than TAB, LF
 * and CR (CONTROL), found in the same pass: most files have none, and then no line is cleaned.
 */
export function splitLines(text: string): { lines: string[]; hasControl: boolean } {
  const lines: string[] = [];
  let hasControl = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 && c !== 127) continue;
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    } else if (c !== 9) {
      hasControl = true;
    }
  }
  lines.push(text.slice(start));
  return { lines, hasControl };
}

function splitStatements(text: string): RawStatement[] {
  const { lines: rawLines, hasControl } = splitLines(text);
  // asked once of the whole text rather than of every line: most files have none
  const hasSeparator = text.includes('\u2028') || text.includes('\u2029');
  const statements: RawStatement[] = [];
  let cur: RawStatement | null = null;
  let lastTag: Tag | null = null;
  for (let i = 0; i < rawLines.length; i++) {
    // control characters (a binary byte in a betterplace export) would break matching
    let s = hasControl ? rawLines[i]!.replace(CONTROL, ' ') : rawLines[i]!;
    const lineNo = i + 1;
    for (let guard = 0; guard < 10; guard++) {
      const before = s;
      s = stripEnvelope(s);
      if (s.startsWith('-}')) {
        cur = null;
        lastTag = null;
        s = s.slice(2);
      }
      if (s === before) break;
    }
    // '-' ends a statement — except inside :86:/:61: text when more text follows (ING wraps
    // `//MARF/MND` / `-` / `EV01//CSID` onto a line of its own)
    const trimmed = s.trim();
    if (trimmed === '-' && lastTag && (lastTag.tag === '86' || lastTag.tag === '61') && continuesText(rawLines, i + 1)) {
      lastTag.lines.push(s);
      continue;
    }
    if (trimmed === '-' || trimmed === '-}') {
      cur = null;
      lastTag = null;
      continue;
    }
    // Sparkasse writes a tag broken over two lines: ":" then "86:…"
    if (trimmed === ':' && /^\d{2}[A-Z]?:/.test(rawLines[i + 1] ?? '')) {
      s = `:${rawLines[i + 1]!}`;
      i++;
    }
    const tagEnd = tagLength(s, hasSeparator);
    if (tagEnd > 0) {
      const tag = s.slice(1, tagEnd);
      if (tag === '20' || !cur) {
        cur = { tags: [], line: lineNo, hasTag20: tag === '20' };
        statements.push(cur);
      }
      lastTag = { tag, lines: [s.slice(tagEnd + 1)], line: lineNo };
      cur.tags.push(lastTag);
      continue;
    }
    if (lastTag && cur) lastTag.lines.push(s);
  }
  return statements;
}

/** YYMMDD → IsoDate; null when not a real date (160230 is not clamped to Feb 29). */
export function parseSwiftDate(yymmdd: string): IsoDate | null {
  if (yymmdd.length !== 6) return null;
  let n = 0;
  for (let i = 0; i < 6; i++) {
    const c = yymmdd.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  const yy = Math.floor(n / 10000);
  return isoDate(yy <= 79 ? 2000 + yy : 1900 + yy, Math.floor(n / 100) % 100, n % 100);
}

/** SWIFT amount: digits with a decimal comma ('500,', '000000009265,12', '0,'); old Rabobank
 * files write a decimal point ('000000001000.12'), which is accepted too. */
export function parseSwiftAmount(raw: string): Dec | null {
  const plain = swiftAmountText(raw);
  return plain === null ? null : new Dec(plain);
}

/** parseSwiftAmount as a MoneyJson amount string ('000000009265,12' → '9265.12'), without a Decimal. */
function swiftAmountText(raw: string): string | null {
  const m = /^(\d+)(?:[,.](\d*))?$/.exec(raw.trim());
  if (!m) return null;
  return plainAmount(`${m[1]!}.${m[2] || '0'}`);
}

interface Balance {
  money: MoneyJson;
  date: IsoDate | null;
}

function parseBalance(value: string): Balance | null {
  const m = /^([CD])(\d{6})([A-Z]{3})(\d+[,.]?\d*)\s*$/.exec(value.trim());
  if (!m) return null;
  const amt = parseSwiftAmount(m[4]!);
  if (!amt) return null;
  return { money: money(m[1] === 'D' ? amt.neg() : amt, m[3]!), date: parseSwiftDate(m[2]!) };
}

/**
 * The entry (booking) date MMDD carries no year: take the year that puts it closest to the value
 * date, so a value date of 31 Dec booked on 2 Jan lands in the next year (and the reverse).
 */
export function entryDateNear(valueOn: IsoDate, mmdd: string): IsoDate | null {
  const mo = +mmdd.slice(0, 2);
  const d = +mmdd.slice(2, 4);
  const y = +valueOn.slice(0, 4);
  // Same or neighbouring month: the value date's year is under two months away, and the other
  // two years over ten, so it wins without measuring (most lines are booked within days).
  // (valueOn is an IsoDate: its month is the two digits at 5 and 6)
  if (Math.abs(mo - ((valueOn.charCodeAt(5) - 48) * 10 + valueOn.charCodeAt(6) - 48)) <= 1) {
    const c = isoDate(y, mo, d);
    if (c) return c;
  }
  let best: IsoDate | null = null;
  let bestDist = Infinity;
  for (const cy of [y - 1, y, y + 1]) {
    const c = isoDate(cy, mo, d);
    if (!c) continue;
    const dist = Math.abs(Date.parse(c) - Date.parse(valueOn));
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  return best;
}

/** No lines (shared, never written to). */
const NO_INFO: readonly string[] = [];

export interface Field61 {
  valueDate: string;
  entryDate?: string;
  mark: 'C' | 'D' | 'RC' | 'RD' | 'EC' | 'ED';
  amount: string;
  typeCode?: string;
  customerRef: string;
  bankRef?: string;
  supplementary?: string;
}

/**
 * :61: = value date YYMMDD, [entry date MMDD], mark (C, D, RC, RD; EC/ED in MT942), [funds code
 * letter], amount, [type code N/S/F + 3], customer ref [//bank ref], [newline supplementary].
 * Danske's `CR`/`DR` is C/D with funds code R — a reversal is written RC/RD, mark first.
 */
export function parseField61(lines: readonly string[]): Field61 | null {
  const first = lines[0] ?? '';
  const re = /^(\d{6})(\d{4}|\s{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,.]*)(.*)$/;
  let m = re.exec(first);
  let restLines = lines.length > 1 ? lines.slice(1) : NO_INFO;
  // a line broken inside :61: (Sparkasse: "1811261126CR" / "30,00N062NONREF")
  if (!m && lines.length > 1) {
    m = re.exec(first + (lines[1] ?? ''));
    restLines = lines.slice(2);
  }
  if (!m) return null;
  let rest = m[6]!;
  let typeCode: string | undefined;
  if (!/^NONREF/i.test(rest)) {
    const t = /^([NSF][A-Z0-9]{3})/.exec(rest);
    if (t) {
      typeCode = t[1]!;
      rest = rest.slice(4);
    }
  }
  const slash = rest.indexOf('//');
  const customerRef = (slash >= 0 ? rest.slice(0, slash) : rest).trim();
  const bankRef = slash >= 0 ? rest.slice(slash + 2).trim() : undefined;
  const supplementary =
    restLines.length === 0
      ? ''
      : restLines
          .map((l) => l.trim())
          .filter((l) => l !== '')
          .join(' ');
  const f: Field61 = { valueDate: m[1]!, mark: m[3] as Field61['mark'], amount: m[5]!, customerRef };
  if (m[2] !== undefined && m[2].trim() !== '') f.entryDate = m[2];
  if (typeCode !== undefined) f.typeCode = typeCode;
  if (bankRef) f.bankRef = bankRef;
  if (supplementary) f.supplementary = supplementary;
  return f;
}

export interface Details86 {
  description: string;
  counterparty?: string;
}

/** Joins :86: lines: a line filled to 65 characters was hard-wrapped mid-word, others end a phrase. */
function joinWrapped(lines: readonly string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (i === 0) out = l;
    else out += (lines[i - 1]!.length >= 65 ? '' : ' ') + l;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Subfield keys of Dutch SEPA :86: text (`/TRTP/…/NAME/…/REMI/…`). */
const SEPA_KEYS = new Set([
  'TRTP',
  'IBAN',
  'BIC',
  'NAME',
  'REMI',
  'EREF',
  'MARF',
  'CSID',
  'ORDP',
  'BENM',
  'ADDR',
  'ISDT',
  'RTRN',
  'PREF',
  'KREF',
  'OCMT',
  'CHGS',
  'ULTC',
  'ULTD',
  'PURP',
  'FX',
  'CDTRREF',
  'CDTRREFTP',
  'CD',
  'SCOR',
  'ISSR',
  'ID',
  'NRTX',
]);

/** SEPA_KEYS by length, so that a part of the text is compared in place rather than cut out. */
const SEPA_KEYS_BY_LENGTH: string[][] = [];
for (const k of SEPA_KEYS) (SEPA_KEYS_BY_LENGTH[k.length] ??= []).push(k);

/** The SEPA key that text[start, end) spells, or ''. */
function sepaKeyAt(text: string, start: number, end: number): string {
  const keys = SEPA_KEYS_BY_LENGTH[end - start];
  if (keys === undefined) return '';
  for (const k of keys) if (text.startsWith(k, start)) return k;
  return '';
}

/**
 * :86: information to the account owner. Kept whole as the description unless it is structured:
 * German GVC subfields (`166?00…?20…?29…?32…?33`) give the booking text + remittance (?00, ?20–?29)
 * and the counterparty (?32 ?33); Dutch SEPA `/TRTP/…/NAME/…/REMI/…` gives NAME and REMI.
 */
export function parseField86(lines: readonly string[]): Details86 {
  const raw = lines.join('');
  const gvc = /^(\d{3})?\s*\?\d{2}/.test(raw) || /^\d{3}\?/.test(raw);
  if (gvc) {
    const fields = new Map<string, string>();
    const re = /\?(\d{2})([^?]*)/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) fields.set(m[1]!, (fields.get(m[1]!) ?? '') + m[2]!);
    const text = [
      fields.get('00')?.trim() ?? '',
      ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63']
        .map((k) => fields.get(k) ?? '')
        .join('')
        .trim(),
    ]
      .filter((p) => p !== '')
      .join(' ');
    const name = `${fields.get('32') ?? ''}${fields.get('33') ?? ''}`.replace(/\s+/g, ' ').trim();
    const d: Details86 = { description: text || joinWrapped(lines) };
    if (name) d.counterparty = name;
    return d;
  }
  const trimmedRaw = raw.trim();
  if (/^\/[A-Z]{2,4}\//.test(trimmedRaw)) {
    // The text without trailing '/', split at '/' into parts; a part that is a key starts that
    // subfield, the parts after it up to the next key are its value joined by '/' (empty parts at
    // its start dropped), and a key that repeats continues its value. Only REMI and NAME are used,
    // so other values are never cut out of the text.
    let end = trimmedRaw.length;
    while (end > 0 && trimmedRaw.charCodeAt(end - 1) === 47) end--;
    let key = '';
    let remiValue = '';
    let nameValue = '';
    for (let start = 0; ; ) {
      let slash = trimmedRaw.indexOf('/', start);
      if (slash < 0 || slash > end) slash = end;
      const k = sepaKeyAt(trimmedRaw, start, slash);
      if (k !== '') key = k;
      else if (key === 'REMI') {
        const p = trimmedRaw.slice(start, slash);
        remiValue = remiValue ? `${remiValue}/${p}` : p;
      } else if (key === 'NAME') {
        const p = trimmedRaw.slice(start, slash);
        nameValue = nameValue ? `${nameValue}/${p}` : p;
      }
      if (slash >= end) break;
      start = slash + 1;
    }
    const remi = remiValue.trim();
    const name = nameValue.trim();
    const d: Details86 = { description: remi.replace(/^(USTD|STRD)\/\/?/, '').trim() || joinWrapped(lines) };
    if (name) d.counterparty = name;
    return d;
  }
  return { description: joinWrapped(lines) };
}

/** `1567.50.961EUR`, `3462.483.153 EUR`, `NL10BUNQ2290325473 EUR` → the account without the currency. */
function stripCurrency(account: string, currency: string | undefined): string {
  const a = account.trim();
  const m = /^(.*[0-9])\s*([A-Z]{3})$/.exec(a);
  if (m && (m[2] === currency || /^(EUR|USD|GBP|CHF|PLN|CZK|HUF|DKK|NOK|SEK|CNY|HKD|JPY|TRY|RON|MKD|NGN)$/.test(m[2]!))) return m[1]!.trim();
  return a;
}

// detect() of MT940 and of MT942 and then parse ask this of the same file: scan its text once
const mt942Files = new WeakMap<DecodedFile, boolean>();
function isMt942Text(file: DecodedFile): boolean {
  let answer = mt942Files.get(file);
  if (answer === undefined) {
    answer = /\{2:[IO]942/.test(file.text) || /^:(13D|34F|90D|90C):/m.test(file.text);
    mt942Files.set(file, answer);
  }
  return answer;
}

function parseMt(file: DecodedFile, format: 'mt940' | 'mt942', options: ParseOptions): StatementParseResult {
  const b = new LineBuilder(file.name);
  const statements = splitStatements(file.text);
  const accounts: StatementAccount[] = [];
  if (statements.length === 0) {
    b.issue('error', 'issue.mt940_no_statement', { file: file.name });
    return finish(format, file.encoding, accounts, b);
  }
  let previousCurrency: string | undefined;
  let mt942Text: boolean | undefined; // the whole file is scanned once, when first asked
  // consecutive lines mostly share their dates: each run of one value/entry date is read once
  let lastValueText = '';
  let lastValueOn: IsoDate | null = null;
  let lastEntryText = '';
  let lastEntryValueOn: IsoDate | null = null;
  let lastEntryOn: IsoDate | null = null;
  for (const st of statements) {
    const account: StatementAccount = {};
    const stLines: ReturnType<LineBuilder['add']>[] = [];
    let opening: Balance | null = null;
    let closing: Balance | null = null;
    let currency: string | undefined;
    let accountRaw: string | undefined;
    let lastWasTxn = false;
    // info: the :86: lines after the :61:, shared with the tag while there is one :86: (no copy)
    const txns: { f61: Field61; info: readonly string[]; line: number }[] = [];
    let sawTxn = false;

    if (!st.hasTag20) {
      b.issue('warning', 'issue.mt940_missing_20', {}, st.line);
    }
    for (const t of st.tags) {
      const v = t.lines[0] ?? '';
      switch (t.tag) {
        case '20':
        case '21':
        case '28':
        case '28C':
        case '64':
        case '65':
        case '13':
        case '13D':
        case '90D':
        case '90C':
          lastWasTxn = false;
          break;
        case '25':
          if (sawTxn) {
            b.issue('error', 'issue.mt940_tag_out_of_order', {}, t.line, { raw: v });
          } else {
            accountRaw = t.lines
              .map((l) => l.trim())
              .filter((l) => l !== '')
              .join(' ');
          }
          lastWasTxn = false;
          break;
        case '34F': {
          const c = /^([A-Z]{3})/.exec(v.trim());
          if (c && !currency) currency = c[1]!;
          lastWasTxn = false;
          break;
        }
        case '60F':
        case '60M': {
          const bal = parseBalance(v);
          if (!bal)
            b.issue('warning', 'issue.balance_invalid.mt940Opening', { tag: t.tag, value: v.trim() }, t.line, {
              field: t.tag,
              raw: v,
            });
          else if (!bal.date)
            b.issue('warning', 'issue.balance_invalid.mt940OpeningDate', { tag: t.tag, value: v.trim().slice(1, 7) }, t.line, {
              field: t.tag,
              raw: v,
            });
          if (bal && !opening) opening = bal;
          if (bal) currency = currency ?? bal.money.currency;
          lastWasTxn = false;
          break;
        }
        case '62F':
        case '62M': {
          const bal = parseBalance(v);
          if (!bal)
            b.issue('warning', 'issue.balance_invalid.mt940Closing', { tag: t.tag, value: v.trim() }, t.line, {
              field: t.tag,
              raw: v,
            });
          if (bal) {
            closing = bal;
            currency = currency ?? bal.money.currency;
          }
          lastWasTxn = false;
          break;
        }
        case '61': {
          sawTxn = true;
          const f = parseField61(t.lines);
          if (!f) {
            b.issue('warning', 'issue.mt940_61_invalid', { value: `:61:${v}` }, t.line, { field: '61', raw: t.lines.join(' ') });
            lastWasTxn = false;
            break;
          }
          txns.push({ f61: f, info: NO_INFO, line: t.line });
          lastWasTxn = true;
          break;
        }
        case '86':
          if (lastWasTxn) {
            const txn = txns[txns.length - 1]!;
            txn.info = txn.info.length === 0 ? t.lines : [...txn.info, ...t.lines];
          }
          break;
        default:
          b.issue('warning', 'issue.mt940_unknown_tag', { tag: t.tag }, t.line, {
            raw: v,
          });
          lastWasTxn = false;
      }
    }

    if (!currency && accountRaw) {
      const c = /[0-9]\s*([A-Z]{3})$/.exec(accountRaw);
      if (c) currency = c[1]!;
    }
    if (!currency && !st.hasTag20 && previousCurrency) {
      currency = previousCurrency;
      b.issue('warning', 'issue.currency_inherited', { currency }, st.line);
    }
    if (!currency) {
      currency =
        txns.length > 0 || !st.hasTag20 ? fallbackCurrency(b, options.defaultCurrency, { whatKey: 'issuePart.what.mt940Statement' }, st.line) : undefined;
    }
    if (currency) previousCurrency = currency;
    const accountId = accountRaw !== undefined ? stripCurrency(accountRaw, currency) : undefined;
    if (accountRaw === undefined && st.hasTag20) b.issue('warning', 'issue.mt940_missing_25', {}, st.line);

    for (const t of txns) {
      const f = t.f61;
      if (f.valueDate !== lastValueText) {
        lastValueOn = parseSwiftDate(f.valueDate);
        lastValueText = f.valueDate;
      }
      const valueOn = lastValueOn;
      if (!valueOn) {
        // Decision: an impossible date (160230 = 30 Feb) is skipped and reported, not clamped to the
        // 29th as wolph/mt940 does: a guessed date could match the wrong settlement (mt940-rs rejects it too).
        b.issue('warning', 'issue.date_invalid.mt940Value', { value: f.valueDate }, t.line, {
          field: '61',
          raw: f.valueDate,
        });
        continue;
      }
      let bookedOn: IsoDate = valueOn;
      if (f.entryDate !== undefined) {
        if (f.entryDate !== lastEntryText || valueOn !== lastEntryValueOn) {
          lastEntryOn = entryDateNear(valueOn, f.entryDate);
          lastEntryText = f.entryDate;
          lastEntryValueOn = valueOn;
        }
        const e = lastEntryOn;
        if (!e) {
          b.issue('warning', 'issue.date_invalid.mt940Entry', { value: f.entryDate }, t.line, {
            field: '61',
            raw: f.entryDate,
          });
          continue;
        }
        bookedOn = e;
      }
      const amt = swiftAmountText(f.amount);
      if (amt === null) {
        b.issue('warning', 'issue.amount_invalid.mt940', { value: f.amount }, t.line, { field: '61', raw: f.amount });
        continue;
      }
      if (!/[,.]/.test(f.amount))
        b.issue('warning', 'issue.amount_no_decimal_comma', { value: f.amount }, t.line, {
          field: '61',
          raw: f.amount,
        });
      // RD = reversal of a debit (money back in), RC = reversal of a credit (money out): the sign
      // follows the money, as Actual Budget and mt940-js read them.
      const credit = f.mark === 'C' || f.mark === 'RD' || f.mark === 'EC';
      const details = t.info.length > 0 ? parseField86(t.info) : null;
      const draft: Parameters<LineBuilder['add']>[0] = {
        bookedOn,
        amount: credit || amt === '0.00' ? amt : `-${amt}`,
        currency: currency ?? 'XXX',
        description: details?.description || [f.supplementary, cleanRef(f.customerRef), f.typeCode].filter((p): p is string => !!p).join(' '),
        line: t.line,
      };
      draft.valueOn = valueOn;
      if (accountId) draft.accountId = accountId;
      if (details?.counterparty) draft.counterparty = details.counterparty;
      // only the bank's reference (after //) identifies the booking; the customer reference is the
      // account owner's own and is usually NONREF (DESIGN.md §3)
      if (f.bankRef) draft.reference = f.bankRef;
      stLines.push(b.add(draft));
    }

    if (accountId) account.accountId = accountId;
    if (currency) account.currency = currency;
    if (opening) account.openingBalance = opening.money;
    if (closing) account.closingBalance = closing.money;
    if (opening?.date && closing?.date && opening.date <= closing.date) account.period = { from: opening.date, to: closing.date };
    else if (stLines.length > 0) {
      const dates = stLines.map((l) => l.bookedOn).sort();
      account.period = { from: dates[0]!, to: dates[dates.length - 1]! };
    }
    if (format === 'mt940' && st.hasTag20 && !st.tags.some((t) => t.tag === '62F' || t.tag === '62M') && !(mt942Text ??= isMt942Text(file))) {
      b.issue('warning', 'issue.mt940_missing_62', {}, st.line);
    }
    checkBalances(b, { whereKey: 'issuePart.where.mt940Statement', account: accountId }, opening?.money, closing?.money, stLines, st.line);
    accounts.push(account);
  }
  return finish(format, file.encoding, accounts, b);
}

// detect() of MT940 and of MT942 both ask this of the same file
const mtScores = new WeakMap<DecodedFile, number>();
function mtScore(file: DecodedFile): number {
  let score = mtScores.get(file);
  if (score === undefined) mtScores.set(file, (score = scoreMt(file)));
  return score;
}

function scoreMt(file: DecodedFile): number {
  const t = file.text.slice(0, 200_000);
  const has61 = /^:61:\d{6}/m.test(t);
  const has20 = /^(\{4:\s*)?:20:/m.test(t) || /\{4:\s*:20:/.test(t);
  const hasBal = /^:6[02][FM]:[CD]\d{6}/m.test(t);
  if (has20 && (hasBal || has61 || /^:25:/m.test(t))) return 0.95;
  if (has61 || hasBal) return 0.7;
  return /\.(sta|940|mt940|swi)$/i.test(file.name) ? 0.1 : 0;
}

export const mt940Format: StatementFormat = {
  id: 'mt940',
  detect(file) {
    const s = mtScore(file);
    return s > 0 && isMt942Text(file) ? s - 0.05 : s;
  },
  parse(file, options) {
    return guarded('mt940', file.encoding, file.name, () => parseMt(file, 'mt940', options ?? {}));
  },
};

/** MT942 interim reports: same tags, no 60/62 balances, :13D: / :34F: / :90D: / :90C: instead. */
export const mt942Format: StatementFormat = {
  id: 'mt942',
  detect(file) {
    const s = mtScore(file);
    return s > 0 && isMt942Text(file) ? Math.min(1, s + 0.01) : 0;
  },
  parse(file, options) {
    return guarded('mt942', file.encoding, file.name, () => parseMt(file, 'mt942', options ?? {}));
  },
};
