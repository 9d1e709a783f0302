// Amounts in the settlement passes: whole cents (a JS number) where the data allows, else Decimal.
//
// One analysis uses one kind throughout. Cents are used only when every credit, every group's
// expected amount and the tolerance are whole cents of at most 2^50 (lib/money.ts centsOf), so
// every sum the passes form (at most three credits, a group ± tolerance or ± half of it, × 1.5)
// is an exactly represented number far below Number.MAX_SAFE_INTEGER: the same comparisons as
// Decimal. Which kind is chosen is a fact of the data (passAmounts), never a switch. A group's
// expected amount is summed in cents from the row index (centsParts) while its rows are whole cents.
import { Dec, MAX_EXACT_CENTS, ZERO, centsOf, amountOf } from '../money';
import type { StatementLine } from '../model';
import { KIND, STATUS, type RowIndex, isCancellingCode } from './row-index';
import type { Group } from './settlement-group';
import type { OriginalLookup } from './settlement-originals';

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

/** A row's expected settlement and the gross it moves, in whole cents (centsParts). */
export interface CentsParts {
  value: number;
  gross: number;
}

/**
 * contributionOf(t).value and grossOf(t) of buildGroups in whole cents, read from the row index,
 * for the common rows: a cancelled sale (0, 0); a row that states a net in its own currency; a
 * void or reversal of a sale that was not successful (0, 0) or that states its net (minus the
 * sale's net and amount). Writes `out` and returns true; false when a cents column says NaN (the
 * Decimal path decides, and throws where it throws).
 */
export function centsParts(rows: RowIndex, i: number, originals: OriginalLookup, out: CentsParts): boolean {
  const kind = rows.kind[i];
  const status = rows.status[i];
  const saleLike = kind === KIND.sale || kind === KIND.preauth_completion;
  if (isCancellingCode(kind!)) {
    const j = originals.indexOf(rows.rows[i]!);
    if (j < 0) return false;
    if (rows.status[j] !== STATUS.success) {
      out.value = 0;
      out.gross = 0;
      return true;
    }
    // contributionOf(the sale) negated: the lookup holds only sales, this one successful; its
    // stated net, never an estimate; grossOf(t) = −|the sale's amount| as written
    const net = rows.netCents[j]!;
    const gross = rows.amountCents[j]!;
    if (Number.isNaN(net) || Number.isNaN(gross)) return false;
    out.value = 0 - net;
    out.gross = 0 - gross;
    return true;
  }
  if (saleLike && (status === STATUS.voided || status === STATUS.reversed)) {
    out.value = 0;
    out.gross = 0;
    return true;
  }
  const value = rows.netCents[i]!;
  if (Number.isNaN(value)) return false;
  out.value = value;
  out.gross = 0;
  if (kind === KIND.fee || kind === KIND.adjustment) return true; // gross not used
  if (saleLike && status !== STATUS.success) return true;
  const gross = rows.amountCents[i]!;
  if (Number.isNaN(gross)) return false;
  out.gross = gross;
  return true;
}
