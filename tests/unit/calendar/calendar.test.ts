import { describe, expect, it } from 'vitest';
import {
  CN_CALENDAR_YEARS,
  addWorkingDays,
  calendarCoverage,
  isCalendarCovered,
  isWorkingDay,
  makeBusinessCalendar,
  nextWorkingDay,
} from '../../../lib/calendar';

describe('isWorkingDay (CN with 调休)', () => {
  const cases: { description: string; date: string; expected: boolean }[] = [
    { description: '清明 2018 holiday (Thursday)', date: '2018-04-05', expected: false },
    { description: '2018-04-08 Sunday make-up working day', date: '2018-04-08', expected: true },
    { description: 'National Day 2025-10-08 (Wednesday) is a holiday', date: '2025-10-08', expected: false },
    { description: '2025-10-11 Saturday make-up working day', date: '2025-10-11', expected: true },
    { description: '2026-02-14 Saturday make-up working day before 春节', date: '2026-02-14', expected: true },
    { description: '2026-02-28 Saturday make-up working day', date: '2026-02-28', expected: true },
    { description: 'a plain Saturday', date: '2026-03-07', expected: false },
    { description: 'a plain Tuesday', date: '2026-03-10', expected: true },
  ];
  for (const c of cases) it(c.description, () => expect(isWorkingDay(c.date, 'CN')).toBe(c.expected));

  it('weekdays calendar ignores CN holidays and 调休', () => {
    expect(isWorkingDay('2018-04-05', 'weekdays')).toBe(true);
    expect(isWorkingDay('2018-04-08', 'weekdays')).toBe(false);
  });

  it('extra holidays are non-working in either calendar', () => {
    expect(isWorkingDay('2027-01-04', 'CN', ['2027-01-04'])).toBe(false);
    expect(isWorkingDay('2026-07-03', 'weekdays', new Set(['2026-07-03']))).toBe(false);
  });
});

describe('nextWorkingDay (T+1 value date)', () => {
  const cases: { description: string; date: string; calendar: 'CN' | 'weekdays'; expected: string }[] = [
    { description: '2018-04-04 before 清明 → Sunday 04-08 (DOMAIN §1.3)', date: '2018-04-04', calendar: 'CN', expected: '2018-04-08' },
    { description: 'a Friday → Monday', date: '2026-03-06', calendar: 'CN', expected: '2026-03-09' },
    { description: 'a Saturday → Monday', date: '2026-03-07', calendar: 'CN', expected: '2026-03-09' },
    { description: 'National Day week 2025: 09-30 → 10-09', date: '2025-09-30', calendar: 'CN', expected: '2025-10-09' },
    { description: 'inside National Day 2025: 10-03 → 10-09', date: '2025-10-03', calendar: 'CN', expected: '2025-10-09' },
    { description: 'National Day 2026: 09-30 → 10-08', date: '2026-09-30', calendar: 'CN', expected: '2026-10-08' },
    { description: '2026-10-09 Friday → Saturday 10-10 make-up day', date: '2026-10-09', calendar: 'CN', expected: '2026-10-10' },
    { description: '2026-02-13 Friday → Saturday 02-14 make-up day', date: '2026-02-13', calendar: 'CN', expected: '2026-02-14' },
    { description: '春节 2026: 02-14 → 02-24', date: '2026-02-14', calendar: 'CN', expected: '2026-02-24' },
    { description: 'weekdays calendar: Friday → Monday', date: '2026-03-06', calendar: 'weekdays', expected: '2026-03-09' },
    { description: '2027 falls back to weekends: Friday 2027-01-01 → Monday', date: '2027-01-01', calendar: 'CN', expected: '2027-01-04' },
  ];
  for (const c of cases) it(c.description, () => expect(nextWorkingDay(c.date, c.calendar)).toBe(c.expected));

  it('honours extra holidays in uncovered years', () => {
    expect(nextWorkingDay('2027-01-01', 'CN', ['2027-01-04'])).toBe('2027-01-05');
  });
});

describe('addWorkingDays', () => {
  it('0 keeps the date, n steps over holidays, negative goes back', () => {
    expect(addWorkingDays('2018-04-04', 0, 'CN')).toBe('2018-04-04');
    expect(addWorkingDays('2018-04-04', 2, 'CN')).toBe('2018-04-09');
    expect(addWorkingDays('2018-04-08', -1, 'CN')).toBe('2018-04-04');
    expect(addWorkingDays('2026-03-06', 5, 'weekdays')).toBe('2026-03-13');
  });
  it('a bound calendar gives the same answers', () => {
    const cal = makeBusinessCalendar('CN');
    expect(cal.nextWorkingDay('2018-04-04')).toBe('2018-04-08');
    expect(cal.onOrAfter('2018-04-05')).toBe('2018-04-08');
    expect(cal.onOrAfter('2018-04-04')).toBe('2018-04-04');
  });
});

describe('calendarCoverage', () => {
  it('knows 2004–2026', () => {
    expect(CN_CALENDAR_YEARS).toEqual({ from: 2004, to: 2026 });
    expect(isCalendarCovered('2026-12-31', 'CN')).toBe(true);
    expect(isCalendarCovered('2027-01-01', 'CN')).toBe(false);
    expect(isCalendarCovered('2099-01-01', 'weekdays')).toBe(true);
  });
  it('reports one calendar_not_covered issue per uncovered year', () => {
    const issues = calendarCoverage(['2026-12-30', '2027-01-01', '2027-02-01', '2003-05-01'], 'CN');
    expect(issues.map((i) => [i.code, i.raw])).toEqual([
      ['calendar_not_covered', '2003'],
      ['calendar_not_covered', '2027'],
    ]);
    expect(issues.every((i) => i.level === 'warning')).toBe(true);
    expect(calendarCoverage(['2026-12-30'], 'CN')).toEqual([]);
    expect(calendarCoverage(['2030-01-01'], 'weekdays')).toEqual([]);
  });
});
