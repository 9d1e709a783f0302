// Amounts in the settlement passes: whole cents (a JS number) where the data allows, else Decimal.
//
// One analysis uses one kind throughout. Cents are used only when every credit, every group's
// expected amount and the tolerance are whole cents of at most 2^50 (lib/money.ts centsOf), so
// every sum the passes form (at most three credits, a group ± tolerance or ± half of it, × 1.5)
// is an exactly represented number far below Number.MAX_SAFE_INTEGER: the same comparisons as
// Decimal. Which kind is chosen is a fact of the data (passAmounts), never a switch.
import { Dec, MAX_EXACT_CENTS, ZERO, centsOf, amountOf } from '../money';
import type { StatementLine } from '../model';
import type { Group } from './settlement-groups';

export type Amt = number | Dec;

export const lt = (a: Amt, b: Amt): boolean => (typeof a === 'number' ? a < (b as number) : a.lessThan(b as Dec));
export const gt = (a: Amt, b: Amt): boolean => (typeof a === 'number' ? a > (b as number) : a.greaterThan(b as Dec));
export const le = (a: Amt, b: Amt): boolean => !gt(a, b);
export const ge = (a: Amt, b: Amt): boolean => !lt(a, b);
export const eq = (a: Amt, b: Amt): boolean => (typeof a === 'number' ? a === b : a.equals(b as Dec));
export const cmpAmt = (a: Amt, b: Amt): number => (typeof a === 'number' ? (a < (b as number) ? -1 : a > (b as number) ? 1 : 0) : a.comparedTo(b as Dec));
export const plus = (a: Amt, b: Amt): Amt => (typeof a === 'number' ? a + (b as number) : a.plus(b as Dec));
export const minus = (a: Amt, b: Amt): Amt => (typeof a === 'number' ? a - (b as number) : a.minus(b as Dec));
export const absAmt = (a: Amt): Amt => (typeof a === 'number' ? Math.abs(a) : a.abs());
/** a × k for k = 0.5 or 1.5: exact on cents (half-cents of numbers below 2^52 are representable) */
export const timesAmt = (a: Amt, k: 0.5 | 1.5): Amt => (typeof a === 'number' ? a * k : a.times(k));
export const maxAmt = (a: Amt, b: Amt): Amt => (gt(b, a) ? b : a);

/** What the passes read as amounts: the tolerance, each group's expected amount, each line's amount, all of one kind. */
export interface PassAmounts {
  readonly tolerance: Amt;
  readonly zero: Amt;
  /** below this a short or over credit is still looked for (¥500: small groups vary a lot in relative terms) */
  readonly slackFloor: Amt;
  expectedOf(g: Group): Amt;
  /** the amount of lines[i] */
  lineAmount(i: number): Amt;
}

const SLACK_FLOOR = new Dec(500);

/** The passes on Decimals: right for any amounts (the only choice when some amount is not whole cents). */
export function decimalAmounts(lines: readonly StatementLine[], tolerance: Dec): PassAmounts {
  return { tolerance, zero: ZERO, slackFloor: SLACK_FLOOR, expectedOf: (g) => g.expected, lineAmount: (i) => amountOf(lines[i]!.amount) };
}

/**
 * The passes on whole cents when the tolerance, every line and every group's expected amount
 * are whole cents (each group's then noted in its `ac`); else on Decimals.
 */
export function passAmounts(groups: readonly Group[], lines: readonly StatementLine[], toleranceText: string, tolerance: Dec): PassAmounts {
  const tolCents = centsOf(toleranceText);
  if (tolCents === undefined) return decimalAmounts(lines, tolerance);
  const lineCents = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const c = centsOf(lines[i]!.amount.amount);
    if (c === undefined) return decimalAmounts(lines, tolerance);
    lineCents[i] = c;
  }
  // a group whose totals went Decimal (an estimated fee, a third decimal on some row) may still
  // expect a whole number of cents
  for (const g of groups) {
    const c = g.inCents ? g.ec : decimalCents(g.expected);
    if (c === undefined) return decimalAmounts(lines, tolerance);
    g.ac = c;
  }
  return { tolerance: tolCents, zero: 0, slackFloor: 50_000, expectedOf: (g) => g.ac, lineAmount: (i) => lineCents[i]! };
}

/** A Decimal as whole cents when it is one of at most 2^50 (exact), else undefined. */
export function decimalCents(d: Dec): number | undefined {
  if (d.decimalPlaces() > 2 || d.abs().greaterThan(MAX_EXACT_CENTS_DEC)) return undefined;
  return Number(d.times(100).toFixed(0));
}
const MAX_EXACT_CENTS_DEC = new Dec(MAX_EXACT_CENTS).dividedBy(100);
