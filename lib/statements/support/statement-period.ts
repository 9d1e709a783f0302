// Dates without a year (招商银行 credit-card exports: 交易日 "12/29", 记账日 "12/30") take it from
// what the file says of its period — never from today (lib/dates.ts: a missing year comes from the
// caller). A statement covers about a month and ends on or before its statement date, so a date
// whose month and day fall after the period's end belongs to the year before: "12/29" in the
// January 2024 statement (账单周期 2023/12/20-2024/01/19, or a title saying 2024年01月) is
// 2023-12-29. A file that states no period gets an Issue on each such line, not a guessed year.
import type { IsoDate } from '../../model';
import { daysInMonth, isoDate } from '../../dates';

export interface StatementPeriod {
  /** the last day the statement covers (a statement month: its last day) */
  to: { y: number; m: number; d: number };
  /** what the file said, for messages ("账单周期 2023/12/20-2024/01/19", "2024年01月") */
  said: string;
}

const FULL_DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const RANGE = new RegExp(`${FULL_DATE}\\s*(?:-|~|～|至|到|—|–|－)\\s*${FULL_DATE}`);
const STATEMENT_DAY = new RegExp(`(?:账单日|账单日期|对账日|statement date)\\s*[:：]?\\s*${FULL_DATE}`, 'i');
/** 2024年01月 / 2024年1月 not followed by a day (账单月份, titles such as 招商银行信用卡账单(2024年01月)) */
const MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/;
const MONTH_LABELLED = /(?:账单月份?|账期|statement month)\s*[:：]?\s*(\d{4})[-/.]?(\d{1,2})(?!\d)/i;

/** The period stated in the preamble or title, else in the file name; null when neither states one. */
export function statedPeriod(preamble: string, fileName: string): StatementPeriod | null {
  for (const text of [preamble, fileName]) {
    const range = text.match(RANGE);
    if (range) {
      const to = ymd(+range[4]!, +range[5]!, +range[6]!);
      if (to && ymd(+range[1]!, +range[2]!, +range[3]!)) return { to, said: range[0].trim() };
    }
    const day = text.match(STATEMENT_DAY);
    if (day) {
      const to = ymd(+day[1]!, +day[2]!, +day[3]!);
      if (to) return { to, said: day[0].trim() };
    }
    const month = text.match(MONTH) ?? text.match(MONTH_LABELLED);
    if (month) {
      const y = +month[1]!;
      const m = +month[2]!;
      if (m >= 1 && m <= 12 && isoDate(y, m, 1)) return { to: { y, m, d: daysInMonth(y, m) }, said: month[0].trim() };
    }
  }
  return null;
}

function ymd(y: number, m: number, d: number): { y: number; m: number; d: number } | null {
  return isoDate(y, m, d) ? { y, m, d } : null;
}

/** "12/29", "12-29", "12/29 14:30", "12月29日": month then day (day then month when `dayFirst`), no year; null for anything else. */
export function yearlessParts(text: string, dayFirst: boolean): { m: number; d: number } | null {
  const m = text.trim().match(/^(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/);
  if (!m) return null;
  const a = +m[1]!;
  const b = +m[2]!;
  return dayFirst && !/月/.test(text) ? { m: b, d: a } : { m: a, d: b };
}

/**
 * The date of a month and day in the statement ending `period.to`; null when that day does not
 * exist in that year. A month and day more than a month after the end is of the year before (a
 * few days after it are allowed: a posting date can follow a statement date stated as a title).
 */
export function dateInPeriod(parts: { m: number; d: number }, period: StatementPeriod): IsoDate | null {
  const { to } = period;
  const daysAfterEnd = (parts.m - to.m) * 31 + (parts.d - to.d);
  return isoDate(daysAfterEnd > 31 ? to.y - 1 : to.y, parts.m, parts.d);
}

export type YearlessRead = { date: IsoDate; period: StatementPeriod } | { problem: 'no_period' } | { problem: 'not_a_date'; period: StatementPeriod };

/** Reads a table's dates without a year against the period its preamble or file name states (found once, when first needed). */
export class YearlessDates {
  private period: StatementPeriod | null | undefined;
  constructor(
    private readonly preamble: string,
    private readonly fileName: string,
    private readonly dayFirst: boolean,
  ) {}

  /** null when `text` is not a month and day without a year. */
  read(text: string): YearlessRead | null {
    const parts = yearlessParts(text, this.dayFirst);
    if (!parts) return null;
    if (this.period === undefined) this.period = statedPeriod(this.preamble, this.fileName);
    const period = this.period;
    if (!period) return { problem: 'no_period' };
    const date = dateInPeriod(parts, period);
    return date ? { date, period } : { problem: 'not_a_date', period };
  }
}
