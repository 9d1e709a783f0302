// Money never touches a JS number (DESIGN.md §1 rule 1). Everything goes through Decimal and
// crosses boundaries as MoneyJson with a plain signed decimal string; the one exception is Cents
// (below), whole cents as an exact integer, for the hot paths of reconcile().
import Decimal from 'decimal.js';
import type { MoneyJson } from './model';

// A private constructor so our rounding settings never leak into other users of decimal.js.
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/**
 * True when `s` is a plain decimal string as MoneyJson requires ("-12.30", no separators): an
 * optional sign, then digits with an optional point and more digits, at least one digit in all
 * (/^[+-]?(\d+\.?\d*|\.\d+)$/, as a loop: it is called for every amount of every row).
 */
export function isDecimalString(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (n > 0 && (s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45)) i = 1; // '+' '-'
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot)
      dot = true; // '.'
    else return false;
  }
  return digits > 0;
}

export function dec(value: string | Dec): Dec {
  if (typeof value !== 'string') return value;
  if (!isDecimalString(value)) throw new Error(`not a decimal string: ${JSON.stringify(value)}`);
  return new Dec(value);
}

const constants = new Map<string, Dec>();
/** Bounded: meant for contract numbers (rates, caps, fixed fees), a handful of distinct strings. */
const MAX_CONSTANTS = 4096;

/**
 * dec() for strings repeated across rows (contract rates, caps, tolerances): each parsed once.
 * Decimal instances are immutable, so sharing them is safe. Not for amounts: a table of every
 * row's amount would hold a Decimal per row for the whole run.
 */
export function decOf(value: string | Dec): Dec {
  if (typeof value !== 'string') return value;
  let d = constants.get(value);
  if (d === undefined) {
    d = dec(value);
    if (constants.size >= MAX_CONSTANTS) constants.clear();
    constants.set(value, d);
  }
  return d;
}

/** Constants for hot comparisons: `x.greaterThan(0)` would build a Decimal from 0 on every call. */
export const HUNDRED = new Dec(100);
export const ONE_HUNDREDTH = new Dec('0.01');

/** Decimal → plain string with at least `minScale` fraction digits ("12" → "12.00"). */
export function toPlain(d: Dec, minScale = 2): string {
  const dp = Math.max(d.decimalPlaces(), minScale);
  const s = d.toFixed(dp);
  return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

export function money(amount: string | Dec, currency: string): MoneyJson {
  return { amount: toPlain(dec(amount)), currency };
}

export function amountOf(m: MoneyJson): Dec {
  return dec(m.amount);
}

/** amountOf(m).greaterThan(0) without building a Decimal; throws like amountOf on a malformed amount. */
export function isPositive(m: MoneyJson): boolean {
  return decimalSign(m.amount) > 0;
}

/**
 * A key equal for equal absolute amounts ("25", "25.00", "-25.0" → "25"): the digits of the
 * plain decimal string without sign, leading or trailing zeros. Same grouping as
 * amountOf(m).abs().toString(), without building a Decimal per row. Validates like amountOf.
 */
export function absAmountKey(m: MoneyJson): string {
  if (!isDecimalString(m.amount)) throw new Error(`not a decimal string: ${JSON.stringify(m.amount)}`);
  let s = m.amount;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  let i = 0;
  while (i < int.length - 1 && int[i] === '0') i++;
  int = int.slice(i) || '0';
  let j = frac.length;
  while (j > 0 && frac[j - 1] === '0') j--;
  frac = frac.slice(0, j);
  return frac ? `${int}.${frac}` : int;
}

/** Round half-up to `scale` places (the acquirer rounding assumed in DOMAIN.md §3.3). */
export function round(d: Dec, scale = 2): Dec {
  return d.toDecimalPlaces(scale, Dec.ROUND_HALF_UP);
}

export function add(a: MoneyJson, b: MoneyJson): MoneyJson {
  assertSameCurrency(a, b);
  return money(amountOf(a).plus(amountOf(b)), a.currency);
}

export function sub(a: MoneyJson, b: MoneyJson): MoneyJson {
  assertSameCurrency(a, b);
  return money(amountOf(a).minus(amountOf(b)), a.currency);
}

export function neg(a: MoneyJson): MoneyJson {
  return money(amountOf(a).neg(), a.currency);
}

export function abs(a: MoneyJson): MoneyJson {
  return money(amountOf(a).abs(), a.currency);
}

export function sum(items: MoneyJson[], currency: string): MoneyJson {
  let total = ZERO;
  for (const m of items) {
    if (m.currency !== currency) throw new Error(`currency mismatch: ${m.currency} vs ${currency}`);
    total = total.plus(amountOf(m));
  }
  return money(total, currency);
}

export function isZero(m: MoneyJson): boolean {
  return amountOf(m).isZero();
}

export function compare(a: MoneyJson, b: MoneyJson): number {
  assertSameCurrency(a, b);
  return amountOf(a).comparedTo(amountOf(b));
}

function assertSameCurrency(a: MoneyJson, b: MoneyJson): void {
  if (a.currency !== b.currency) throw new Error(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

/**
 * Fixed display form, the same in every language: "¥1,234.50" / "-$3.10" — what dispute letters
 * print (lib/disputes). Screens use lib/i18n/format formatMoney(locale, m), which follows the
 * UI language ("US$3.10" in zh-CN). Never parse either back.
 */
export function formatMoney(m: MoneyJson): string {
  const d = amountOf(m);
  const sign = d.isNegative() ? '-' : '';
  const [int = '0', frac] = toPlain(d.abs()).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = CURRENCY_SYMBOLS[m.currency] ?? `${m.currency} `;
  return `${sign}${symbol}${grouped}${frac ? `.${frac}` : ''}`;
}

export interface ParsedAmount {
  value: Dec;
  currency?: string;
}

/**
 * Read an amount as people write it on portals and statements: "1,234.50", "¥1,234.50",
 * "-12.00", "(12.00)", "12.00-", "+5", "1.234,56" (decimal comma), "￥ 12", "$-3.10",
 * "12.00元", "RMB 3.00". Returns null when the text is not an amount; never guesses.
 * `decimalComma`: force the European reading of "1.234,56"; otherwise it is inferred.
 */
export function parseAmount(text: string, opts: { decimalComma?: boolean } = {}): ParsedAmount | null {
  let s = text.replace(/[\s\u00a0\u3000`'’]/g, '');
  if (s === '') return null;
  let currency: string | undefined;
  let negative = false;
  // currency markers may sit before or after a sign: "-¥12", "¥-12"
  for (let i = 0; i < 3; i++) {
    const m = s.match(/^(-|\+|\()?(CNY|RMB|USD|EUR|GBP|HKD|JPY|US\$|HK\$|[¥￥$€£])/i);
    if (m) {
      currency = normaliseCurrency(m[2]!);
      s = (m[1] ?? '') + s.slice(m[0].length);
      continue;
    }
    const t = s.match(/(CNY|RMB|USD|EUR|GBP|HKD|JPY|元|圆)(\)|-)?$/i);
    if (t) {
      currency = normaliseCurrency(t[1]!);
      s = s.slice(0, s.length - t[0].length) + (t[2] ?? '');
      continue;
    }
    break;
  }
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.endsWith('-') && s.length > 1) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  // currency after the sign: "-¥12.00", "-$0.95"
  const after = s.match(/^(US\$|HK\$|[¥￥$€£])/);
  if (after) {
    currency = normaliseCurrency(after[1]!);
    s = s.slice(after[0].length);
  }
  if (s === '') return null;
  let normal: string;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) && !opts.decimalComma) normal = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && (opts.decimalComma || s.includes(','))) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(s) || (opts.decimalComma && /^\d+(,\d+)?$/.test(s))) normal = s.replace(',', '.');
  else if (/^\d+(\.\d+)?$/.test(s) || /^\d+\.$/.test(s) || /^\.\d+$/.test(s)) normal = s;
  else if (/^\d+,\d{3}$/.test(s))
    normal = s.replace(',', ''); // "1,234" thousands
  else return null;
  if (normal.endsWith('.')) normal = normal.slice(0, -1);
  const value = new Dec(normal);
  return { value: negative ? value.neg() : value, currency };
}

/**
 * The common case of parseAmount without building a Decimal: a plain amount ("1234.50", "-12.00",
 * "1,234.50", "007") read with a decimal point, returned as the MoneyJson amount string that
 * `toPlain(parseAmount(text).value)` gives ("1234.50", "-12.00", "1234.50", "7.00"). null for
 * anything else (currency marks, spaces, decimal comma, brackets…): the caller then uses
 * parseAmount. Large statement files are almost all plain amounts, and a Decimal per cell is
 * most of their reading time.
 */
export function plainAmount(text: string): string | null {
  const n = text.length;
  let i = 0;
  const negative = n > 0 && text.charCodeAt(0) === 45; // '-'
  if (negative) i = 1;
  const intStart = i;
  let commas = 0;
  let group = 0; // digits since the last comma (or the start)
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) group++;
    else if (c === 44) {
      // "1,234": 1–3 digits before the first comma, exactly 3 between commas
      if (group === 0 || group > 3 || (commas > 0 && group !== 3)) return null;
      commas++;
      group = 0;
    } else break;
  }
  if (group === 0 || (commas > 0 && group !== 3)) return null;
  const intEnd = i;
  let fracEnd = i;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return null; // '.'
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    if (n === intEnd + 1) return null; // "12." is parseAmount's business
    fracEnd = n;
  }
  let int = commas > 0 ? text.slice(intStart, intEnd).replace(/,/g, '') : text.slice(intStart, intEnd);
  let lead = 0;
  while (lead < int.length - 1 && int.charCodeAt(lead) === 48) lead++;
  if (lead > 0) int = int.slice(lead);
  // fraction without trailing zeros, then at least two places (toPlain's minScale)
  let end = fracEnd;
  while (end > intEnd + 1 && text.charCodeAt(end - 1) === 48) end--;
  let frac = end > intEnd + 1 ? text.slice(intEnd + 1, end) : '';
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  const zero = int === '0' && end <= intEnd + 1;
  return negative && !zero ? `-${int}.${frac}` : `${int}.${frac}`;
}

export function normaliseCurrency(symbol: string): string {
  const s = symbol.toUpperCase();
  if (s === '¥' || s === '￥' || s === 'RMB' || s === '元' || s === '圆' || s === 'CNY') return 'CNY';
  if (s === '$' || s === 'US$' || s === 'USD') return 'USD';
  if (s === '€') return 'EUR';
  if (s === '£') return 'GBP';
  if (s === 'HK$') return 'HKD';
  return s;
}

/** The sign of a plain decimal string (-1, 0, 1) without building a Decimal ("-0.00" → 0); throws like dec() on anything else. */
export function decimalSign(s: string): -1 | 0 | 1 {
  if (!isDecimalString(s)) throw new Error(`not a decimal string: ${JSON.stringify(s)}`);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 49 && c <= 57) return s.charCodeAt(0) === 45 ? -1 : 1; // a digit 1–9
  }
  return 0;
}

/**
 * The one exact integer representation of money beside Decimal: a whole number of cents
 * (hundredths of the unit) as a JS number, |v| ≤ MAX_EXACT_CENTS. A number is used only where it
 * is provably exact: at most 2^50 in magnitude (far inside Number.MAX_SAFE_INTEGER), callers add
 * only a few of them or check Number.isSafeInteger on a running sum. Anything else (a third
 * decimal, a larger amount) is Decimal's business: centsOf says undefined and the caller uses Dec.
 */
export type Cents = number;

/** Largest |cents| centsOf() returns: 2^50, so a sum of up to eight such values is still a safe integer (exact). */
export const MAX_EXACT_CENTS = 2 ** 50;

/**
 * The Cents parser, for hot sums and comparisons: "-12.3" → -1230, "7" → 700. undefined when the
 * string is not a plain decimal string, has more than two fraction digits or is larger than
 * MAX_EXACT_CENTS — the caller then uses Decimal.
 */
export function centsOf(s: string): Cents | undefined {
  const n = s.length;
  if (n === 0 || n > 18) return undefined;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1; // '-' '+'
  let v = 0;
  let dot = -1;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c === 46) {
      if (dot >= 0) return undefined;
      dot = j;
    } else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else return undefined;
  }
  // at most 16 digits: every step above stayed below 10^16 < 2^54, exact up to 2^53
  const fl = dot < 0 ? 0 : n - dot - 1;
  if (dot < 0 ? n === i : fl > 2 || (dot === i && fl === 0)) return undefined;
  if (v > MAX_EXACT_CENTS) return undefined;
  v *= fl === 0 ? 100 : fl === 1 ? 10 : 1;
  if (v > MAX_EXACT_CENTS) return undefined;
  return c0 === 45 && v !== 0 ? -v : v;
}

/** A Decimal as Cents, or undefined when it has more than two decimal places or is beyond MAX_EXACT_CENTS. */
export function decToCents(d: Dec): Cents | undefined {
  if (d.decimalPlaces() > 2) return undefined;
  const c = d.times(100);
  return c.abs().lessThanOrEqualTo(MAX_EXACT_CENTS) ? c.toNumber() : undefined;
}

/** The Decimal for a whole number of cents (centsOf()'s inverse): 1230 → 12.3, exact for any safe integer. */
export function fromCents(v: Cents): Dec {
  if (!Number.isSafeInteger(v)) throw new Error(`not a whole number of cents: ${v}`);
  return v === 0 ? ZERO : new Dec(v).times(CENT);
}
const CENT = new Dec('0.01');
