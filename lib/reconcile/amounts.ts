// Parsed money, memoised. reconcile() reads the same amount, fee and net strings many times per
// row (input checks, fee audit, settlement, several rules); parsing each time was a large share
// of the run and of its garbage. Values are Decimal instances, which are immutable, so sharing
// them is safe. Money stays Decimal throughout (lib/money.ts), never a JS number.
import { amountOf as parseAmountOf, dec as parseDec, type Dec } from '../money';
import type { MoneyJson } from '../model';

const parsed = new WeakMap<MoneyJson, { text: string; value: Dec }>();

/** amountOf() of lib/money.ts, parsed once per MoneyJson object (re-parsed if its text changed). */
export function amountOf(m: MoneyJson): Dec {
  const hit = parsed.get(m);
  if (hit && hit.text === m.amount) return hit.value;
  const value = parseAmountOf(m);
  parsed.set(m, { text: m.amount, value });
  return value;
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
