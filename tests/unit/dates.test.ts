import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseDateTime, parseTime, secondsBetween, weekday } from '../../lib/dates';

describe('parseDateTime', () => {
  const cases: { description: string; input: string; opts?: Parameters<typeof parseDateTime>[1]; expected: ReturnType<typeof parseDateTime> }[] = [
    { description: 'ISO with time', input: '2026-03-05 14:30:05', expected: { date: '2026-03-05', time: '14:30:05' } },
    { description: 'slashes, single digits', input: '2026/3/5', expected: { date: '2026-03-05' } },
    { description: 'Chinese', input: '2026年3月5日 09:01', expected: { date: '2026-03-05', time: '09:01:00' } },
    { description: 'compact', input: '20260305', expected: { date: '2026-03-05' } },
    { description: 'compact with time', input: '20260305 143005', expected: { date: '2026-03-05', time: '14:30:05' } },
    { description: 'ISO T with offset', input: '2026-03-05T14:30:05+08:00', expected: { date: '2026-03-05', time: '14:30:05' } },
    { description: 'month-day with page year', input: '03-05 14:20', opts: { defaultYear: 2026 }, expected: { date: '2026-03-05', time: '14:20:00' } },
    { description: 'month-day without a year is not guessed', input: '03-05 14:20', expected: null },
    { description: 'day first when unambiguous', input: '25/03/2026', expected: { date: '2026-03-25' } },
    { description: 'ambiguous without order', input: '05/03/2026', expected: null },
    { description: 'ambiguous with mdy', input: '05/03/2026', opts: { order: 'mdy' }, expected: { date: '2026-05-03' } },
    { description: 'February 30 is refused', input: '2016-02-30', expected: null },
    { description: 'hour 25 is refused', input: '2026-03-05 25:00', expected: null },
    { description: 'leap day', input: '2024-02-29', expected: { date: '2024-02-29' } },
    { description: 'garbage', input: 'yesterday', expected: null },
  ];
  it.each(cases)('$description', ({ input, opts, expected }) => {
    expect(parseDateTime(input, opts)).toEqual(expected);
  });
  it('reads 12-hour times', () => {
    expect(parseTime('2:30 PM')).toBe('14:30:00');
    expect(parseTime('12:05 AM')).toBe('00:05:00');
  });
});

describe('date arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2026-03-02', '2026-03-16')).toBe(14);
  });
  it('knows weekdays and seconds between local times', () => {
    expect(weekday('2026-03-07')).toBe(6);
    expect(secondsBetween('2026-03-12T19:36:12', '2026-03-12T19:36:52')).toBe(40);
  });
});
