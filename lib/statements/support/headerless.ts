// Bank CSVs without a header row (TD Canada's export: `05/01/2023,DOLLARAMA # 845,1.96,,13.04` —
// date, description, withdrawal, deposit, balance). The columns are read from their values, and
// only when every row agrees: one column of dates in every row, one column of text, and amount
// columns whose filling says what they are. Anything less certain is left unread, with the reason,
// rather than guessed (STYLE.md: nothing is invented). Used by lib/statements/csv.ts.

export type HeaderlessRole = 'txnDate' | 'description' | 'amount' | 'debit' | 'credit' | 'balance';

export interface HeaderlessLayout {
  /** column index → role, for the columns that have one (every column has) */
  roles: HeaderlessRole[];
  /** which column is what and why the amount columns were read so, for the merchant to check:
   *  a catalogue part (`issuePart.headerless.*`) and its params, the columns' numbers by role */
  note: { layoutKey: string } & Partial<Record<HeaderlessRole, string>>;
}

export interface CellProbes {
  isDate(cell: string): boolean;
  /** the cell's amount as a MoneyJson amount string, null when it is not an amount */
  amount(cell: string): string | null;
  /** '' for empty cells and placeholders ('-', '/', 'null'…) */
  value(cell: string): string;
}

type Kind = 'date' | 'amount' | 'empty' | 'text';

/**
 * The column layout of header-less rows (cleaned cells, blank rows already left out), or why there
 * is none; `dated`: the rows have one width and one column of dates, so they look like statement lines.
 */
export function inferHeaderlessLayout(
  rows: readonly string[][],
  probe: CellProbes,
): { ok: true; layout: HeaderlessLayout } | { ok: false; reason: { problemKey: string; count?: string }; dated: boolean } {
  // why not, as a catalogue part (`issuePart.headerless.*`, lib/i18n/catalogue-issues-*.ts)
  const fail = (why: string, dated = true, count?: number) => ({
    ok: false as const,
    reason: { problemKey: `issuePart.headerless.${why}`, ...(count === undefined ? {} : { count: String(count) }) },
    dated,
  });
  if (rows.length === 0) return fail('noRows', false);
  const width = rows[0]!.length;
  if (width < 3 || rows.some((r) => r.length !== width)) return fail('widths', false);

  const kinds: Kind[] = [];
  for (let c = 0; c < width; c++) {
    const cells = rows.map((r) => probe.value(r[c] ?? ''));
    if (cells.every((s) => s === '')) kinds.push('empty');
    else if (cells.every((s) => s !== '' && probe.isDate(s))) kinds.push('date');
    else if (cells.every((s) => s === '' || probe.amount(s) !== null)) kinds.push('amount');
    else kinds.push('text');
  }
  const dateCols = kinds.flatMap((k, c) => (k === 'date' ? [c] : []));
  const textCols = kinds.flatMap((k, c) => (k === 'text' ? [c] : []));
  const moneyCols = kinds.flatMap((k, c) => (k === 'amount' || k === 'empty' ? [c] : []));
  if (dateCols.length !== 1) return fail('dateColumns', false, dateCols.length);
  if (textCols.length !== 1) return fail('textColumns', true, textCols.length);
  if (!moneyCols.some((c) => kinds[c] === 'amount')) return fail('noAmounts');

  const filled = (c: number) => rows.map((r) => probe.value(r[c] ?? '') !== '');
  const everyRow = (c: number) => filled(c).every(Boolean);
  /** in every row exactly one of the two columns is filled */
  const oneOf = (a: number, b: number) => {
    const fa = filled(a);
    const fb = filled(b);
    return fa.every((x, i) => x !== fb[i]);
  };

  const roles: HeaderlessRole[] = new Array<HeaderlessRole>(width);
  roles[dateCols[0]!] = 'txnDate';
  roles[textCols[0]!] = 'description';
  let note: string;
  const [a, b, c] = moneyCols;
  if (moneyCols.length === 1 && everyRow(a!)) {
    roles[a!] = 'amount';
    note = 'signed';
  } else if (moneyCols.length === 2 && oneOf(a!, b!)) {
    // Banks that export without a header put withdrawals before deposits (TD, CIBC, RBC).
    roles[a!] = 'debit';
    roles[b!] = 'credit';
    note = 'oneOfTwo';
  } else if (moneyCols.length === 2 && everyRow(a!) && everyRow(b!)) {
    roles[a!] = 'amount';
    roles[b!] = 'balance';
    note = 'amountBalance';
  } else if (moneyCols.length === 3 && oneOf(a!, b!) && everyRow(c!)) {
    const swap = chainBreaks(rows, probe, b!, a!, c!) < chainBreaks(rows, probe, a!, b!, c!);
    roles[a!] = swap ? 'credit' : 'debit';
    roles[b!] = swap ? 'debit' : 'credit';
    roles[c!] = 'balance';
    note = swap ? 'oneOfTwoBalanceSwapped' : 'oneOfTwoBalance';
  } else {
    return fail('amountColumns', true, moneyCols.length);
  }
  const columns: Partial<Record<HeaderlessRole, string>> = {};
  roles.forEach((r, i) => (columns[r] = String(i + 1)));
  return { ok: true, layout: { roles, note: { layoutKey: `issuePart.headerless.${note}`, ...columns } } };
}

/**
 * How many rows' balances do not follow from the row before when column `debit` is money out and
 * `credit` money in — in the better of the two row orders (exports list newest or oldest first).
 * Compared in integer cents; rows whose numbers are not plain 2-place amounts count as breaks.
 */
function chainBreaks(rows: readonly string[][], probe: CellProbes, debit: number, credit: number, balance: number): number {
  const cents = (s: string) => {
    const a = s === '' ? '0.00' : probe.amount(s);
    const m = a === null ? null : /^(-?)(\d+)\.(\d{2})$/.exec(a);
    return m ? (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3])) : NaN;
  };
  const amounts = rows.map((r) => cents(probe.value(r[credit] ?? '')) - Math.abs(cents(probe.value(r[debit] ?? ''))));
  const balances = rows.map((r) => cents(probe.value(r[balance] ?? '')));
  let forward = 0;
  let backward = 0;
  for (let i = 1; i < rows.length; i++) {
    if (!(balances[i - 1]! + amounts[i]! === balances[i])) forward++;
    if (!(balances[i]! + amounts[i - 1]! === balances[i - 1])) backward++;
  }
  return Math.min(forward, backward);
}

/**
 * Day/month order of D/M/YYYY dates that never show a day above 12, from the rows of a header-less
 * file: the reading whose dates span a clearly shorter period (at most a quarter of the other's) —
 * consecutive statement lines are days apart, not months. null when neither reading is clearly so.
 */
export function dateOrderBySpan(
  dates: readonly string[],
  read: (text: string, order: 'dmy' | 'mdy') => string | null,
): { order: 'dmy' | 'mdy'; days: number; otherDays: number } | null {
  const span = (order: 'dmy' | 'mdy') => {
    let from = '';
    let to = '';
    for (const t of dates) {
      const d = read(t, order);
      if (d === null) return null;
      if (from === '' || d < from) from = d;
      if (to === '' || d > to) to = d;
    }
    return from === '' ? null : (Date.parse(to) - Date.parse(from)) / 86_400_000;
  };
  const dmy = span('dmy');
  const mdy = span('mdy');
  if (dmy === null || mdy === null) return null;
  if (mdy * 4 <= dmy && dmy > 0) return { order: 'mdy', days: mdy, otherDays: dmy };
  if (dmy * 4 <= mdy && mdy > 0) return { order: 'dmy', days: dmy, otherDays: mdy };
  return null;
}
