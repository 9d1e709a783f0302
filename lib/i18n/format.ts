/**
 * Numbers, money, percentages, dates and times as a merchant reading each language expects —
 * the one place the UI formats them (issue 15 item 6). Catalogue placeholders use these
 * ({x:money}, {x:number}, {x:percent}, {x:date}, {x:datetime}: lib/i18n/messages.ts), and so do
 * components that show a value outside a message.
 *
 *                 zh-CN                      en
 *   money CNY     ¥1,234.50                  ¥1,234.50
 *   money USD     US$1,234.50                $1,234.50
 *   money JPY     JP¥1,234                   JP¥1,234
 *   money EUR/HKD €1,234.50 / HK$1,234.50    €1,234.50 / HK$1,234.50
 *   number        12,345                     12,345
 *   percent       0.6%                       0.6%
 *   date          2024-03-05                 2024-03-05
 *   datetime      2024-03-05 12:01:10        2024-03-05 12:01:10   (seconds only when given)
 *   month         2024-03                    2024-03
 *   instant       2024-03-05 20:01           2024-03-05 20:01      (in the browser's time zone)
 *
 * Why these: the symbols are CLDR's for each language (what Intl prints), except that yuan is
 * "¥" in English too — SettleGuard's merchants are paid in yuan by Chinese acquirers whose
 * portals, statements and our letters print "¥", where CLDR English writes "CN¥" — and yen is
 * then "JP¥" in both, so the two never look alike. Grouping is by thousands with "," and a "."
 * decimal point in both languages (CLDR's zh-CN and en agree).
 * Dates are written 2024-03-05 in both languages, not 2024年3月5日 nor "Mar 5, 2024": it is the
 * form acquirer portals, bank statements, our exports and letters print, so a date in a finding
 * reads letter for letter like the portal row and statement line it names (a merchant can search
 * the portal for it), and no English reader can take it for day/month order.
 *
 * Exactness: money is never a JS number. Intl.NumberFormat formats a decimal STRING exactly
 * (Intl.NumberFormat v3: Node 20, Chrome 106, Firefox 116), and the fraction digits shown are
 * at least the currency's and at most the string's own, so nothing is ever rounded
 * ("0.125" → "¥0.125"); a string with fewer digits than the currency's is padded ("12" → "¥12.00").
 * Dates and times: a LocalDateTime is the portal's wall-clock time, printed as written (the
 * fields are laid out in UTC and formatted in UTC, never shifted through the browser's zone);
 * only an instant (an ISO time with Z or an offset: when a file was imported, a page captured)
 * is shown in the browser's time zone, which is where the merchant is.
 * Anything that is not what a formatter expects is returned as given, never invented.
 */
import type { MoneyJson } from '../model';
import { isDecimalString } from '../money';

export type FormatLocale = 'zh-CN' | 'en';

const moneyFormats = new Map<string, Intl.NumberFormat>();
const defaultDigits = new Map<string, number | null>();

/** The currency's usual fraction digits (2 for CNY, 0 for JPY), null for a code Intl refuses. */
function currencyDigits(currency: string): number | null {
  let digits = defaultDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = null; // not a well-formed ISO 4217 code ("¥", "", "RMB1")
    }
    defaultDigits.set(currency, digits);
  }
  return digits;
}

function fractionDigits(decimal: string): number {
  const dot = decimal.indexOf('.');
  return dot < 0 ? 0 : decimal.length - dot - 1;
}

/** Symbols that differ from CLDR's for the language (see the header). */
const SYMBOL_OVERRIDES: Readonly<Record<FormatLocale, Readonly<Record<string, string>>>> = {
  'zh-CN': { CNY: '¥', JPY: 'JP¥' },
  en: { CNY: '¥', JPY: 'JP¥' },
};

/** "¥1,234.50", "-US$3.10"; an amount that is not a decimal string is shown as given. */
export function formatMoney(locale: FormatLocale, m: MoneyJson): string {
  const amount = m.amount.startsWith('+') ? m.amount.slice(1) : m.amount;
  if (!isDecimalString(amount)) return m.amount;
  const digits = currencyDigits(m.currency);
  if (digits === null) return `${m.currency} ${formatNumber(locale, amount)}`.trim();
  const max = Math.min(Math.max(digits, fractionDigits(amount)), 100);
  const key = `${locale}|${m.currency}|${max}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: max });
    moneyFormats.set(key, format);
  }
  const symbol = SYMBOL_OVERRIDES[locale][m.currency];
  // a decimal string, formatted exactly (NumberFormat v3); the lib typings only know numbers
  const value = amount as unknown as number;
  if (symbol === undefined) return format.format(value);
  return format
    .formatToParts(value)
    .map((p) => (p.type === 'currency' ? symbol : p.value))
    .join('')
    .replace(/^(-?)([^\d\s-]+)\s+/, '$1$2'); // no space after a symbol we put in ("¥ 12" in some locales)
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count or decimal with the language's grouping: 12345 → "12,345"; a decimal string exactly. */
export function formatNumber(locale: FormatLocale, value: number | string): string {
  if (typeof value === 'string' && !isDecimalString(value)) return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const digits = typeof value === 'string' ? Math.min(fractionDigits(value), 100) : 20;
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value as number);
}

/** A decimal string of percent ("0.6" = 0.6 %) → "0.6%"; kept exact, no sign for positives. */
export function formatPercent(_locale: FormatLocale, percent: string): string {
  return isDecimalString(percent) ? `${percent.replace(/^\+/, '')}%` : percent;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/** True when the fields name a real day (2024-02-30 does not: it is shown as written). */
function realDay(y: string, m: string, d: string): boolean {
  const at = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return at.getUTCFullYear() === Number(y) && at.getUTCMonth() === Number(m) - 1 && at.getUTCDate() === Number(d);
}

/** An IsoDate "2024-03-05" → "2024-03-05" in both languages (see the header). */
export function formatDate(_locale: FormatLocale, date: string): string {
  return date;
}

/** A LocalDateTime "2024-03-05T12:01:10" → "2024-03-05 12:01:10": wall-clock time as written, no zone. */
export function formatDateTime(_locale: FormatLocale, dateTime: string): string {
  const m = DATE_TIME.exec(dateTime);
  if (!m || !realDay(m[1]!, m[2]!, m[3]!)) return dateTime;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`}`;
}

/** A month "2024-03" → "2024-03" in both languages. */
export function formatMonth(_locale: FormatLocale, month: string): string {
  return month;
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant (an ISO time with Z or an offset, e.g. Date.toISOString()) in the browser's time
 * zone, to the minute: "2024-03-05 20:01". `timeZone` is a test seam. Anything else is read as
 * a LocalDateTime (formatDateTime).
 */
export function formatInstant(locale: FormatLocale, iso: string, timeZone?: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(iso)) return formatDateTime(locale, iso);
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const key = timeZone ?? '';
  let format = instantFormats.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    // en-CA lays the fields out as 2024-03-05, in whatever zone
    format = new Intl.DateTimeFormat('en-CA', timeZone === undefined ? options : { ...options, timeZone });
    instantFormats.set(key, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
