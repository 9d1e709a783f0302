// Money helpers for the hot paths of reconcile(): contract numbers (rates, caps, fixed fees)
// parsed once, Decimal constants for comparisons, amount keys without a Decimal. Decimal
// instances are immutable, so sharing them is safe. Money stays Decimal throughout
// (lib/money.ts), never a JS number.
import { Dec, ZERO, amountOf as parseAmountOf, dec as parseDec } from '../money';
import type { MoneyJson } from '../model';

/**
 * amountOf() of lib/money.ts. Not memoised on purpose: a per-run cache of every row's amount, fee
 * and net saved little time but held a Decimal per MoneyJson for the whole run — at 100k rows
 * reconcile() then ran out of a 380 MB heap that is enough without the cache (inputs: 126 MB).
 */
export function amountOf(m: MoneyJson): Dec {
  return parseAmountOf(m);
}

const constants = new Map<string, Dec>();
/** Bounded: meant for contract numbers (rates, caps, fixed fees), a handful of distinct strings. */
const MAX_CONSTANTS = 4096;

/** dec() of lib/money.ts for strings repeated across rows (contract rates, caps, tolerances). */
export function dec(value: string | Dec): Dec {
  if (typeof value !== 'string') return value;
  let d = constants.get(value);
  if (d === undefined) {
    d = parseDec(value);
    if (constants.size >= MAX_CONSTANTS) constants.clear();
    constants.set(value, d);
  }
  return d;
}

/** Constants for hot comparisons: `x.greaterThan(0)` would build a Decimal from 0 on every call. */
export const HUNDRED = new Dec(100);
export const ONE_HUNDREDTH = new Dec('0.01');
export { ZERO };

/**
 * A key equal for equal absolute amounts ("25", "25.00", "-25.0" → "25"): the digits of the
 * plain decimal string without sign, leading or trailing zeros. Same grouping as
 * amountOf(m).abs().toString(), without building a Decimal per row. Validates like amountOf.
 */
export function absAmountKey(m: MoneyJson): string {
  // throws on a malformed amount, as amountOf does (without building a Decimal)
  if (!isPlainDecimal(m.amount)) throw new Error(`not a decimal string: ${JSON.stringify(m.amount)}`);
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

/** amountOf(m).greaterThan(0) without building a Decimal; throws like amountOf on a malformed amount. */
export function isPositive(m: MoneyJson): boolean {
  const s = m.amount;
  if (!isPlainDecimal(s)) throw new Error(`not a decimal string: ${JSON.stringify(s)}`);
  if (s.charCodeAt(0) === 45) return false; // '-'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 49 && c <= 57) return true; // a digit 1–9
  }
  return false;
}

/**
 * money.ts isDecimalString (/^[+-]?(\d+\.?\d*|\.\d+)$/) as a loop over the characters: an
 * optional sign, then digits with an optional point and more digits, at least one digit in all.
 * Called for every amount of every row; the regular expression was a tenth of some passes.
 */
export function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (n > 0 && (s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45)) i = 1; // '+' '-'
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true; // '.'
    else return false;
  }
  return digits > 0;
}
