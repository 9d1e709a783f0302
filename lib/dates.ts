// Dates as portals and statements write them. Pure: never reads the clock; a missing year must
// come from the caller (the page's query range, the file's period), never from "today".
import type { IsoDate, LocalDateTime } from './model';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function isoDate(y: number, m: number, d: number): IsoDate | null {
  return isValidYmd(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

function isValidTime(h: number, mi: number, s: number): boolean {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

export interface ParsedDateTime {
  date: IsoDate;
  /** 'HH:mm:ss' when the text had a time */
  time?: string;
}

export interface DateParseOptions {
  /** year for forms without one ("03-05 14:20"), e.g. from the page's 查询日期 range */
  defaultYear?: number;
  /** how to read ambiguous "01/02/2024": day first (Europe, HK) or month first (US) */
  order?: 'dmy' | 'mdy';
}

/**
 * Reads: 2024-03-05, 2024/3/5, 2024.03.05, 2024年3月5日, 20240305, 20240305143000,
 * "20240305 143000", ISO with T and offset, "2024-03-05 14:30[:00]", "03-05 14:30" (with
 * defaultYear), "05/03/2024" (order), "0305143000" (MMDDhhmmss with defaultYear).
 * Returns null for anything it cannot read with certainty.
 */
export function parseDateTime(text: string, opts: DateParseOptions = {}): ParsedDateTime | null {
  const s = text.trim().replace(/[\u00a0\u3000]/g, ' ').replace(/\s+/g, ' ');
  if (!s) return null;
  let m: RegExpMatchArray | null;
  let y: number, mo: number, d: number;
  let timePart = '';
  if ((m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ]\s*(.*))?$/))) {
    y = +m[1]!; mo = +m[2]!; d = +m[3]!; timePart = m[4] ?? '';
  } else if ((m = s.match(/^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(\d{2})?)?$/))) {
    y = +m[1]!; mo = +m[2]!; d = +m[3]!;
    if (m[4]) timePart = `${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  } else if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]\s*(.*))?$/))) {
    const a = +m[1]!, b = +m[2]!;
    y = +m[3]!; timePart = m[4] ?? '';
    if (a > 12 && b <= 12) { d = a; mo = b; }
    else if (b > 12 && a <= 12) { mo = a; d = b; }
    else if (opts.order === 'mdy') { mo = a; d = b; }
    else if (opts.order === 'dmy') { d = a; mo = b; }
    else if (a === b) { d = a; mo = b; }
    else return null; // ambiguous without a stated order
  } else if (opts.defaultYear !== undefined && (m = s.match(/^(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?(?:[T ]\s*(.*))?$/))) {
    y = opts.defaultYear; mo = +m[1]!; d = +m[2]!; timePart = m[3] ?? '';
  } else if (opts.defaultYear !== undefined && (m = s.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/))) {
    y = opts.defaultYear; mo = +m[1]!; d = +m[2]!; timePart = `${m[3]}:${m[4]}:${m[5]}`;
  } else {
    return null;
  }
  const date = isoDate(y, mo, d);
  if (!date) return null;
  if (!timePart.trim()) return { date };
  const time = parseTime(timePart);
  if (time === null) return null;
  return { date, time };
}

/** "14:30", "14:30:05", "143005", "14:30:05.123", "14:30:05+08:00", "2:30 PM" → 'HH:mm:ss' */
export function parseTime(text: string): string | null {
  const s = text.trim();
  let m = s.match(/^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,:]\d+)?\s*(AM|PM|am|pm)?\s*(?:Z|[+-]\d{2}:?\d{2}|\[.*\])?$/);
  if (!m) m = s.match(/^(\d{2})(\d{2})(\d{2})?()$/);
  if (!m) return null;
  let h = +m[1]!;
  const mi = +m[2]!, sec = m[3] ? +m[3] : 0;
  const ampm = m[4]?.toUpperCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
  }
  if (!isValidTime(h, mi, sec)) return null;
  return `${pad(h)}:${pad(mi)}:${pad(Math.min(sec, 59))}`;
}

export function toLocalDateTime(p: ParsedDateTime): LocalDateTime {
  return `${p.date}T${p.time ?? '00:00:00'}`;
}

/** Whole days from a to b (b − a) for IsoDates. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Day of week for an IsoDate, 0 = Sunday. */
export function weekday(date: IsoDate): number {
  return new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();
}

/** Seconds between two LocalDateTimes (b − a), both read in the same (portal) zone. */
export function secondsBetween(a: LocalDateTime, b: LocalDateTime): number {
  return Math.round((Date.parse(`${b}Z`) - Date.parse(`${a}Z`)) / 1000);
}
