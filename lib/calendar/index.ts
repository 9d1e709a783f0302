// Business days for settlement value dates (DOMAIN.md §1.3): T+1 is the next *working* day, and
// in China the working days come from the State Council's yearly holiday notice, including 调休
// make-up working days that fall on weekends (2018-04-08 was a Sunday and a working day).
//
// Data: the static table that chinese-days ships (dist/chinese-days.json). We read the table
// rather than call its isWorkday(): that function parses 'YYYY-MM-DD' as UTC but formats with
// local-time getters, so in a time zone west of UTC (a merchant's laptop in California) every
// answer shifts by a day. The table itself is exact and matches isWorkday() in UTC and UTC+8
// for every day of 2004–2026.
//
// The table covers 2004–2026 only (TOOLCHAIN.md). Outside that range the CN calendar falls back
// to Monday–Friday plus the merchant's own extra holidays, and calendarCoverage() reports it as
// an Issue so a wrong T+1 date never goes unexplained.
import table from 'chinese-days/dist/chinese-days.json';
import { addDays, weekday } from '../dates';
import type { IsoDate, Issue } from '../model';
import { makeIssue } from '../i18n/issues';

export type CalendarId = 'CN' | 'weekdays';
export type HolidayList = readonly IsoDate[] | ReadonlySet<IsoDate>;

interface DayTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const CN = table as unknown as DayTable;

function yearsOf(keys: string[]): number[] {
  return keys.map((k) => Number(k.slice(0, 4)));
}

const cnYears = [...yearsOf(Object.keys(CN.holidays)), ...yearsOf(Object.keys(CN.workdays))];
/** First and last year the CN table covers (2004 and 2026 for chinese-days 1.5.7). */
export const CN_CALENDAR_YEARS: { readonly from: number; readonly to: number } = {
  from: Math.min(...cnYears),
  to: Math.max(...cnYears),
};

/** True when the calendar knows the real holidays of the date's year (always for 'weekdays'). */
export function isCalendarCovered(date: IsoDate, calendar: CalendarId): boolean {
  if (calendar === 'weekdays') return true;
  const y = Number(date.slice(0, 4));
  return y >= CN_CALENDAR_YEARS.from && y <= CN_CALENDAR_YEARS.to;
}

function toSet(extra: HolidayList | undefined): ReadonlySet<IsoDate> {
  if (!extra) return EMPTY;
  return extra instanceof Set ? extra : new Set(extra as readonly IsoDate[]);
}
const EMPTY: ReadonlySet<IsoDate> = new Set();

function isWorkingDayIn(date: IsoDate, calendar: CalendarId, extra: ReadonlySet<IsoDate>): boolean {
  if (extra.has(date)) return false;
  if (calendar === 'CN' && isCalendarCovered(date, 'CN')) {
    if (CN.workdays[date] !== undefined) return true; // 调休: a weekend that is a working day
    if (CN.holidays[date] !== undefined) return false;
  }
  const wd = weekday(date);
  return wd >= 1 && wd <= 5;
}

/** A calendar bound to one id and one list of extra holidays, memoised for hot loops. */
export interface BusinessCalendar {
  readonly id: CalendarId;
  isWorkingDay(date: IsoDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** `date` itself when it is a working day, else the next one. */
  onOrAfter(date: IsoDate): IsoDate;
  /** n working days after `date` (n < 0: before); n = 0 gives `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

export function makeBusinessCalendar(calendar: CalendarId, extraHolidays?: HolidayList): BusinessCalendar {
  const extra = toSet(extraHolidays);
  const memo = new Map<IsoDate, boolean>();
  const isWorking = (date: IsoDate): boolean => {
    let v = memo.get(date);
    if (v === undefined) {
      v = isWorkingDayIn(date, calendar, extra);
      memo.set(date, v);
    }
    return v;
  };
  const step = (date: IsoDate, dir: 1 | -1): IsoDate => {
    let d = addDays(date, dir);
    // the longest CN run of non-working days is 9 (春节 2026); 60 guards against bad extra lists
    for (let i = 0; i < 60 && !isWorking(d); i++) d = addDays(d, dir);
    return d;
  };
  // reconcile() asks for the same few hundred dates once per row: remember the answers
  const stepMemo = [new Map<IsoDate, IsoDate>(), new Map<IsoDate, IsoDate>()];
  const memoStep = (date: IsoDate, dir: 1 | -1): IsoDate => {
    const m = stepMemo[dir === 1 ? 0 : 1]!;
    let d = m.get(date);
    if (d === undefined) {
      d = step(date, dir);
      m.set(date, d);
    }
    return d;
  };
  return {
    id: calendar,
    isWorkingDay: isWorking,
    nextWorkingDay: (date) => memoStep(date, 1),
    onOrAfter: (date) => (isWorking(date) ? date : memoStep(date, 1)),
    addWorkingDays(date, n) {
      let d = date;
      const dir = n < 0 ? -1 : 1;
      for (let i = 0; i < Math.abs(n); i++) d = memoStep(d, dir);
      return d;
    },
  };
}

export function isWorkingDay(date: IsoDate, calendar: CalendarId, extraHolidays?: HolidayList): boolean {
  return isWorkingDayIn(date, calendar, toSet(extraHolidays));
}

/** The first working day strictly after `date`: the T+1 value date of a transaction on `date`. */
export function nextWorkingDay(date: IsoDate, calendar: CalendarId, extraHolidays?: HolidayList): IsoDate {
  return makeBusinessCalendar(calendar, extraHolidays).nextWorkingDay(date);
}

/** n working days after `date` (n < 0: before); n = 0 returns `date` unchanged. */
export function addWorkingDays(date: IsoDate, n: number, calendar: CalendarId, extraHolidays?: HolidayList): IsoDate {
  return makeBusinessCalendar(calendar, extraHolidays).addWorkingDays(date, n);
}

/**
 * One warning per year among `dates` that the calendar does not know (CN before 2004 or after
 * 2026): value dates there are computed from weekends plus the merchant's extra holidays only.
 */
export function calendarCoverage(dates: Iterable<IsoDate>, calendar: CalendarId, extraHolidays?: HolidayList): Issue[] {
  if (calendar === 'weekdays') return [];
  const extra = toSet(extraHolidays);
  const years = new Set<number>();
  for (const d of dates) if (!isCalendarCovered(d, calendar)) years.add(Number(d.slice(0, 4)));
  return [...years]
    .sort((a, b) => a - b)
    .map((y) => {
      const own = [...extra].filter((d) => d.startsWith(`${y}-`)).length;
      return makeIssue(
        'warning',
        own > 0 ? 'issue.calendar_not_covered.own' : 'issue.calendar_not_covered',
        { from: CN_CALENDAR_YEARS.from, to: CN_CALENDAR_YEARS.to, year: y, own },
        { field: 'calendar', raw: String(y) },
      );
    });
}
