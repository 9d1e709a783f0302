// Dates as portals and statements write them. Pure: never reads the clock; a missing year must
// come from the caller (the page's query range, the file's period), never from "today".
import type { IsoDate, LocalDateTime } from './model';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!;
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
  const s = text
    .trim()
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s+/g, ' ');
  if (!s) return null;
  let m: RegExpMatchArray | null;
  let y: number, mo: number, d: number;
  let timePart = '';
  if ((m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ]\s*(.*))?$/))) {
    y = +m[1]!;
    mo = +m[2]!;
    d = +m[3]!;
    timePart = m[4] ?? '';
  } else if ((m = s.match(/^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(\d{2})?)?$/))) {
    y = +m[1]!;
    mo = +m[2]!;
    d = +m[3]!;
    if (m[4]) timePart = `${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  } else if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]\s*(.*))?$/))) {
    const a = +m[1]!,
      b = +m[2]!;
    y = +m[3]!;
    timePart = m[4] ?? '';
    if (a > 12 && b <= 12) {
      d = a;
      mo = b;
    } else if (b > 12 && a <= 12) {
      mo = a;
      d = b;
    } else if (opts.order === 'mdy') {
      mo = a;
      d = b;
    } else if (opts.order === 'dmy') {
      d = a;
      mo = b;
    } else if (a === b) {
      d = a;
      mo = b;
    } else return null; // ambiguous without a stated order
  } else if (opts.defaultYear !== undefined && (m = s.match(/^(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?(?:[T ]\s*(.*))?$/))) {
    y = opts.defaultYear;
    mo = +m[1]!;
    d = +m[2]!;
    timePart = m[3] ?? '';
  } else if (opts.defaultYear !== undefined && (m = s.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/))) {
    y = opts.defaultYear;
    mo = +m[1]!;
    d = +m[2]!;
    timePart = `${m[3]}:${m[4]}:${m[5]}`;
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
  const mi = +m[2]!,
    sec = m[3] ? +m[3] : 0;
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
  return Math.round((localDateTimeMs(b) - localDateTimeMs(a)) / 1000);
}

/**
 * Date.parse(dt + 'Z'): a LocalDateTime read as UTC, in ms (NaN when unreadable). The common
 * form 'YYYY-MM-DDTHH:mm:ss' with an existing date and time is computed directly (reconcile()
 * reads a few hundred thousand of them per run); anything else goes to Date.parse, so the result
 * is the same for every string.
 */
export function localDateTimeMs(dt: string): number {
  if (
    dt.length === 19 &&
    dt.charCodeAt(4) === 45 &&
    dt.charCodeAt(7) === 45 &&
    dt.charCodeAt(10) === 84 &&
    dt.charCodeAt(13) === 58 &&
    dt.charCodeAt(16) === 58
  ) {
    const y = digits(dt, 0, 4);
    const mo = digits(dt, 5, 7);
    const d = digits(dt, 8, 10);
    const h = digits(dt, 11, 13);
    const mi = digits(dt, 14, 16);
    const s = digits(dt, 17, 19);
    // NaN (a non-digit) fails every range test and falls through
    if (y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59) {
      return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000;
    }
  }
  return Date.parse(`${dt}Z`);
}

/** The decimal number written by s[from, to) in ASCII digits; NaN if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
