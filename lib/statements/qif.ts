// QIF (Quicken Interchange Format): `!Type:Bank`, `!Type:CCard`, `!Type:Cash` registers become
// statement lines; investment, category, class, security and account-list sections are skipped
// with an issue. QIF states no currency and no date format, so both come from the file as a whole.
import type { DateOrderDecision, IsoDate, StatementAccount, StatementParseResult } from '../model';
import { type Dec, parseAmount } from '../money';
import { isoDate } from '../dates';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';
import { LineBuilder, fallbackCurrency, finish, guarded } from './support/statement-lines';

const BANK_TYPES = new Set(['BANK', 'CCARD', 'CASH']);

interface QifRecord {
  fields: { code: string; value: string }[];
  line: number;
  account?: string;
}

type DateOrder = 'mdy' | 'dmy' | 'ymd' | 'ydm';
const ORDERS: readonly DateOrder[] = ['mdy', 'dmy', 'ymd', 'ydm'];

/** A QIF date split into its three digit groups, as written; `apostropheYear`: the last group
 * came after a single apostrophe (Quicken's year marker). */
export type DateParts = readonly [string, string, string] & { apostropheYear?: boolean };

/** `8/12/13`, `1/ 2'98`, `2/10'2020`, `2024'01'02`, `2022-09-23`, `13/3/3` → three digit groups. */
export function splitQifDate(raw: string): DateParts | null {
  const compact = raw.trim().replace(/\s+/g, '');
  const m = /^(\d{1,4})[/.'-](\d{1,4})[/.'-](\d{1,4})$/.exec(compact);
  if (!m) return null;
  const parts: [string, string, string] & { apostropheYear?: boolean } = [m[1]!, m[2]!, m[3]!];
  if ((compact.match(/'/g) ?? []).length === 1 && /'\d{1,4}$/.test(compact)) parts.apostropheYear = true;
  return parts;
}

function year(p: string): number | null {
  if (p.length === 4) return +p;
  // two-digit years: 00–69 → 2000s, 70–99 → 1900s (Quicken marks 2000s with ' but not always)
  if (p.length === 2) return +p <= 69 ? 2000 + +p : 1900 + +p;
  return null;
}

/**
 * `shortYearFirst`: whether a 2-digit first group may be the year (YY/MM/DD). Only allowed when
 * some date in the file proves it (a 1-digit last group, which no year is written as, or a first
 * group above 31): otherwise one impossible D/M/Y date (31/02/24) would flip the whole file to Y/M/D.
 * After an apostrophe comes the year (Quicken's 1/ 2'98), so that group is never a day or month.
 */
export function qifDate(p: DateParts, order: DateOrder, shortYearFirst = true): IsoDate | null {
  const [x, y, z] = p;
  if ((order === 'ymd' || order === 'ydm') && x.length === 2 && !shortYearFirst) return null;
  if ((order === 'ymd' || order === 'ydm') && p.apostropheYear) return null;
  const small = (s: string) => s.length <= 2;
  let yr: number | null;
  let mo: string;
  let d: string;
  if (order === 'mdy' || order === 'dmy') {
    if (!small(x) || !small(y)) return null;
    yr = year(z);
    [mo, d] = order === 'mdy' ? [x, y] : [y, x];
  } else {
    if (!small(y) || !small(z)) return null;
    yr = year(x);
    [mo, d] = order === 'ymd' ? [y, z] : [z, y];
  }
  return yr === null ? null : isoDate(yr, +mo, +d);
}

/**
 * The date order of the whole file — one record cannot tell (GnuCash's fixtures). The orders that
 * read every date are candidates; one candidate decides. Several (all days ≤ 12) → the first of
 * M/D/Y, D/M/Y, Y/M/D, Y/D/M (Quicken's US default first), with a warning naming the others. No
 * common order although each date alone is readable (2024-01-25 next to 01/25/2024) → `mixed`:
 * a hard error, nothing is guessed. Dates no order reads are skipped one by one.
 */
export function detectDateOrder(dates: DateParts[]): { order: DateOrder | null; alternatives: DateOrder[]; mixed: boolean; shortYearFirst: boolean } {
  const shortYearFirst = dates.some((d) => d[0].length === 2 && (d[2].length === 1 || +d[0] > 31));
  const readable = dates.filter((d) => ORDERS.some((o) => qifDate(d, o, shortYearFirst) !== null));
  if (readable.length === 0) return { order: null, alternatives: [], mixed: false, shortYearFirst };
  const common = ORDERS.filter((o) => readable.every((d) => qifDate(d, o, shortYearFirst) !== null));
  if (common.length === 0) return { order: null, alternatives: [], mixed: true, shortYearFirst };
  return { order: common[0]!, alternatives: common.slice(1), mixed: false, shortYearFirst };
}

function parseQif(file: DecodedFile, options: ParseOptions): StatementParseResult {
  const b = new LineBuilder(file.name);
  const accounts: StatementAccount[] = [];
  if (file.text.trim() === '') {
    b.issue('error', 'issue.empty_file.qif', { file: file.name });
    return finish('qif', file.encoding, accounts, b);
  }
  const rawLines = file.text.split(/\r\n|\n|\r/);
  let section: string | null = null;
  let autoSwitch = false;
  let inAccount = false;
  let currentAccount: string | undefined;
  let sawHeader = false;
  const records: QifRecord[] = [];
  let rec: QifRecord | null = null;
  const skipped = new Map<string, { count: number; line: number }>();

  const endRecord = () => {
    if (!rec || rec.fields.length === 0) {
      rec = null;
      return;
    }
    if (inAccount) {
      const name = rec.fields.find((f) => f.code === 'N')?.value.trim();
      if (!autoSwitch && name) currentAccount = name;
      else if (autoSwitch) {
        const k = '!Account list';
        const s = skipped.get(k) ?? { count: 0, line: rec.line };
        s.count++;
        skipped.set(k, s);
      }
    } else if (section !== null && BANK_TYPES.has(section.toUpperCase())) {
      if (currentAccount !== undefined) rec.account = currentAccount;
      records.push(rec);
    } else {
      const k = section === null ? 'records before any !Type header' : `!Type:${section}`;
      const s = skipped.get(k) ?? { count: 0, line: rec.line };
      s.count++;
      skipped.set(k, s);
    }
    rec = null;
  };

  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i]!.replace(/^\uFEFF/, '');
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    if (t.startsWith('!')) {
      endRecord();
      sawHeader = true;
      const h = t.slice(1);
      if (/^option:autoswitch$/i.test(h)) autoSwitch = true;
      else if (/^clear:autoswitch$/i.test(h)) autoSwitch = false;
      else if (/^account$/i.test(h)) inAccount = true;
      else if (/^type:/i.test(h)) {
        inAccount = false;
        section = h.slice(5).trim();
      } else {
        inAccount = false;
        section = h;
      }
      continue;
    }
    if (t === '^') {
      endRecord();
      continue;
    }
    rec ??= { fields: [], line: i + 1 };
    rec.fields.push({ code: t.charAt(0).toUpperCase(), value: line.trimStart().slice(1) });
  }
  endRecord();

  if (!sawHeader) {
    b.issue('error', 'issue.qif_not_qif', { file: file.name }, 1);
    return finish('qif', file.encoding, accounts, b);
  }
  skipped.forEach((s, k) => {
    b.issue('warning', 'issue.qif_section_skipped', { count: s.count, section: k }, s.line);
  });

  // date order from every D field of the bank records
  const parts = new Map<QifRecord, DateParts | null>();
  for (const r of records) {
    const d = r.fields.find((f) => f.code === 'D');
    parts.set(r, d ? splitQifDate(d.value) : null);
  }
  const readable = records.map((r) => parts.get(r)).filter((p): p is DateParts => p !== null && p !== undefined);
  const det = detectDateOrder(readable);
  const { order, decision } = chooseOrder(det, records, options);
  if (det.mixed) {
    b.issue('error', 'issue.qif_date_format_inconsistent', {});
  } else if (det.order && det.alternatives.length > 0 && decision?.decidedBy !== 'merchant') {
    b.issue('warning', 'issue.qif_date_order_ambiguous', {
      orders: [det.order, ...det.alternatives].map((o) => o.toUpperCase()).join(' / '),
      order: det.order.toUpperCase(),
    });
  }

  let currency: string | undefined;
  const perAccount = new Map<string, StatementAccount>();
  for (const r of records) {
    const raw = r.fields.find((f) => f.code === 'D')?.value.trim();
    const p = parts.get(r);
    const bookedOn = p && order && !det.mixed ? qifDate(p, order, det.shortYearFirst) : null;
    if (!bookedOn) {
      b.issue(
        'warning',
        raw === undefined ? 'issue.date_invalid.qifMissing' : det.mixed ? 'issue.date_invalid.qifMixed' : 'issue.date_invalid.qif',
        { value: raw, order: order?.toUpperCase() },
        r.line,
        { field: 'D', raw: raw ?? '' },
      );
      continue;
    }
    const tField = r.fields.find((f) => f.code === 'T')?.value;
    const uField = r.fields.find((f) => f.code === 'U')?.value;
    const amountText = tField ?? uField;
    const parsed = amountText !== undefined ? parseAmount(amountText) : null;
    if (!parsed) {
      b.issue('warning', amountText === undefined ? 'issue.amount_invalid.qifMissing' : 'issue.amount_invalid.qif', { value: amountText }, r.line, {
        field: 'T',
        raw: amountText ?? '',
      });
      continue;
    }
    const amount: Dec = parsed.value;
    if (tField !== undefined && uField !== undefined) {
      const u = parseAmount(uField);
      if (u && !u.value.equals(amount)) b.issue('warning', 'issue.qif_amount_conflict', { t: tField, u: uField }, r.line);
    }
    currency ??= fallbackCurrency(b, options.defaultCurrency, { whatKey: 'issuePart.what.qif' }, undefined);
    const payee = r.fields.find((f) => f.code === 'P')?.value.trim();
    const memo = r.fields.find((f) => f.code === 'M')?.value.trim();
    const num = r.fields.find((f) => f.code === 'N')?.value.trim();
    // splits: S category, E memo, $ amount — kept in the description (one line per transaction)
    const splits: string[] = [];
    let cur: { cat: string; memo: string; amt: string } | null = null;
    for (const f of r.fields) {
      if (f.code === 'S') {
        if (cur) splits.push(cur.cat + (cur.amt ? ` ${cur.amt}` : '') + (cur.memo ? ` (${cur.memo})` : ''));
        cur = { cat: f.value.trim(), memo: '', amt: '' };
      } else if (f.code === 'E' && cur) cur.memo = f.value.trim();
      else if (f.code === '$' && cur) cur.amt = f.value.trim();
    }
    if (cur) splits.push(cur.cat + (cur.amt ? ` ${cur.amt}` : '') + (cur.memo ? ` (${cur.memo})` : ''));
    const description = [payee, memo, num ? `No. ${num}` : undefined, splits.length ? `split: ${splits.join('; ')}` : undefined]
      .filter((x): x is string => !!x)
      .join(' / ');
    const draft: Parameters<LineBuilder['add']>[0] = { bookedOn, amount, currency, description, line: r.line };
    if (payee) draft.counterparty = payee;
    if (r.account) draft.accountId = r.account;
    const line = b.add(draft);
    const key = r.account ?? '';
    const acc = perAccount.get(key) ?? { currency };
    if (r.account) acc.accountId = r.account;
    const from = acc.period?.from ?? line.bookedOn;
    const to = acc.period?.to ?? line.bookedOn;
    acc.period = { from: line.bookedOn < from ? line.bookedOn : from, to: line.bookedOn > to ? line.bookedOn : to };
    perAccount.set(key, acc);
  }
  perAccount.forEach((a) => accounts.push(a));
  if (records.length === 0) b.issue('warning', 'issue.qif_no_transactions', { file: file.name });
  const result = finish('qif', file.encoding, accounts, b);
  if (decision) result.dateOrder = decision;
  return result;
}

/**
 * The order QIF dates are read in. Where every date reads both month-first and day-first
 * (03/04/2024), QIF's own convention (Quicken writes month first) decides unless the merchant
 * answered the import preview's question (ParseOptions.dateOrder); the decision goes to the
 * preview, which offers the other order.
 */
function chooseOrder(
  det: ReturnType<typeof detectDateOrder>,
  records: readonly QifRecord[],
  options: ParseOptions,
): { order: DateOrder | null; decision?: DateOrderDecision } {
  const both = det.order ? [det.order, ...det.alternatives] : [];
  if (det.mixed || !det.order || !both.includes('dmy') || !both.includes('mdy') || (det.order !== 'dmy' && det.order !== 'mdy')) return { order: det.order };
  const example = records
    .map((r) => r.fields.find((f) => f.code === 'D')?.value.trim())
    .find((d) => {
      const p = d ? splitQifDate(d) : null;
      return p !== null && p !== undefined && qifDate(p, 'dmy', det.shortYearFirst) !== qifDate(p, 'mdy', det.shortYearFirst);
    });
  const answer = options.dateOrder;
  if (answer === 'dmy' || answer === 'mdy') {
    return { order: answer, decision: { order: answer, decidedBy: 'merchant', detail: 'the merchant chose', ...(example ? { example } : {}) } };
  }
  return {
    order: det.order,
    decision: { order: det.order, decidedBy: 'format', detail: 'QIF (Quicken) writes the month first', ...(example ? { example } : {}) },
  };
}

export const qifFormat: StatementFormat = {
  id: 'qif',
  detect(file) {
    for (const l of file.text.slice(0, 4096).split(/\r\n|\n|\r/)) {
      const t = l.replace(/^\uFEFF/, '').trim();
      if (t === '' || t.startsWith('#')) continue;
      return /^!(type:|account\b|option:|clear:)/i.test(t) ? 0.9 : 0;
    }
    return 0;
  },
  parse(file, options) {
    return guarded('qif', file.encoding, file.name, () => parseQif(file, options ?? {}));
  },
};
