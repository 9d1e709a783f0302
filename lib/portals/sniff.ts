// Columns understood from their values (issue 12 item 2): every column the headers did not place
// is read for what it holds — dates and times (split over two columns too), masked card numbers,
// 12-digit RRNs (ISO 8583 field 37), 6-digit voucher/auth/batch numbers, 8-character terminal ids
// (field 41), 15-digit 商户号, type/status/card-type/currency/收支 words (DOMAIN.md §1.1–1.2), and
// money columns by how they relate: the amount, a fee that is a small share of it, the net that
// is amount − fee. Each placement carries a confidence and its evidence; where two columns fit
// one role equally, neither is placed (ambiguity is not a guess), and below PLACE_THRESHOLD a
// column stays unplaced for the merchant to teach. Headers win: a header-mapped column is only
// re-read when its values cannot be what the header says (a "金额" column of dates).
import { parseDateTime, parseTime } from '../dates';
import { parseAmount, type Dec } from '../money';
import { normaliseCardType, readCard } from '../cards';
import { normaliseCurrencyCell, normaliseDirection, normaliseStatus, normaliseTxnKind, type ColumnRole } from './columns';
import type { ColumnReason, MappedColumn } from './transactions';
import type { RawTable } from './types';

/** Below this a column is left unplaced. */
export const PLACE_THRESHOLD = 0.5;
// a sample is enough to recognise a column, and keeps detection cheap on a 5,000-row page
const SAMPLE_ROWS = 100;
// a fee above this share of the amount is not a card fee (DOMAIN.md §2: MDRs are well under 5 %)
const MAX_FEE_SHARE = 0.05;
// fee/amount ratios of one fee column stay within this factor (0.38 %…0.6 %, tiered or capped)
const MAX_RATE_SPREAD = 4;

/** The confidence words the overlay shows for a 0..1 confidence. */
export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  return confidence >= 0.85 ? 'high' : confidence >= 0.65 ? 'medium' : 'low';
}

type Shape = 'datetime' | 'date' | 'time' | 'card' | 'money' | 'digits' | 'code' | 'words' | null;

interface Column {
  index: number;
  /** one entry per sampled row: the trimmed text, '' when empty or a placeholder */
  cells: string[];
  values: string[];
  shape: Shape;
  distinct: number;
}

interface Proposal {
  index: number;
  role: ColumnRole;
  confidence: number;
  reason: ColumnReason;
}

const PLACEHOLDER = /^(-+|—+|–+|\/|n\/a|na|null|无|空|暂无)$/i;
const MONEY = /^([-+(]?)((?:[¥￥$€£]|CNY|RMB|USD|EUR|HKD|GBP)?)(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(元|CNY|RMB|USD)?\)?-?$/i;
const MONTH_DAY = /^\d{1,2}\s*[-/月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CARD_MASK = /[*xX•●·#]|尾号/;

/** An amount as portals print one: 2 decimals, or a currency mark; never a bare integer (an id, a count). */
export function isMoneyText(text: string): boolean {
  const m = MONEY.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!m) return false;
  const marked = m[2] !== '' || m[6] !== undefined;
  const frac = m[5];
  return marked ? frac === undefined || frac.length === 3 : frac !== undefined && frac.length === 3;
}

function dateShape(s: string): 'datetime' | 'date' | 'time' | null {
  const p = parseDateTime(s);
  if (p) return p.time ? 'datetime' : 'date';
  if (MONTH_DAY.test(s)) return /:/.test(s) ? 'datetime' : 'date';
  return /:/.test(s) && parseTime(s) !== null ? 'time' : null;
}

function shapeOf(values: readonly string[]): Shape {
  const all = (test: (s: string) => boolean): boolean => values.every(test);
  const first = dateShape(values[0]!);
  if (first && all((s) => dateShape(s) === first)) return first;
  if (all((s) => CARD_MASK.test(s) && readCard(s).last4 !== undefined)) return 'card';
  if (all(isMoneyText)) return 'money';
  const len = values[0]!.length;
  if (all((s) => s.length === len && /^\d+$/.test(s))) return 'digits';
  if (all((s) => s.length === len && /^[0-9A-Za-z]+$/.test(s) && /\d/.test(s))) return 'code';
  return 'words';
}

/** The sampled values of each column; only `wanted` columns are read and shaped, the others stay empty. */
function sampleColumns(table: RawTable, width: number, wanted: (index: number) => boolean): Column[] {
  const rows = table.rows.slice(0, SAMPLE_ROWS);
  return Array.from({ length: width }, (_, index) => {
    if (!wanted(index)) return { index, cells: [], values: [], shape: null, distinct: 0 };
    const cells = rows.map((r) => {
      const t = (r.cells[index] ?? '').replace(/^`+/, '').trim();
      return PLACEHOLDER.test(t) ? '' : t;
    });
    const values = cells.filter((v) => v !== '');
    return { index, cells, values, shape: values.length ? shapeOf(values) : null, distinct: new Set(values).size };
  });
}

/** Few rows make any reading less sure: one row alone never places a column. */
function sampleFactor(n: number): number {
  return n >= 5 ? 0 : n >= 3 ? 0.1 : n === 2 ? 0.2 : 0.4;
}

function reason(key: string, params: Record<string, string> = {}): ColumnReason {
  return { key: `infer.${key}`, params };
}

/** A header role its values make impossible: a money column without one amount, a time column without one date. */
function isImpossible(role: ColumnRole, col: Column): boolean {
  if (col.values.length < 2) return false;
  if (role === 'amount' || role === 'fee' || role === 'net' || role === 'extraFee') {
    return col.values.every((v) => parseAmount(v) === null || dateShape(v) !== null);
  }
  if (role === 'occurredAt' || role === 'settleDate') return col.values.every((v) => dateShape(v) === null && !/\d{8}/.test(v));
  return false;
}

const WORD_ROLES: [ColumnRole, (s: string) => boolean][] = [
  ['currency', (s) => normaliseCurrencyCell(s) !== undefined],
  ['direction', (s) => normaliseDirection(s) !== null],
  ['status', (s) => normaliseStatus(s) !== 'unknown'],
  ['cardType', (s) => normaliseCardType(s) !== 'unknown'],
  ['kind', (s) => normaliseTxnKind(s) !== null],
];

function wordProposal(col: Column): Proposal | null {
  for (const [role, test] of WORD_ROLES) {
    if (!col.values.every(test)) continue;
    // status words must include one that only a status says (成功, 失败, 处理中…)
    if (role === 'status' && !col.values.some((s) => /成功|失败|中|success|fail|pend|paid|declin/i.test(s))) continue;
    const examples = [...new Set(col.values)]
      .slice(0, 3)
      .map((s) => s.slice(0, 12))
      .join(', ');
    return { index: col.index, role, confidence: role === 'currency' ? 0.9 : 0.85, reason: reason('words', { examples }) };
  }
  return null;
}

const isMonotone = (values: readonly string[]): boolean => {
  const n = values.map(Number);
  return n.every((v, i) => i === 0 || v > n[i - 1]!) || n.every((v, i) => i === 0 || v < n[i - 1]!);
};

/** What an identifier-looking column (digits, codes, card parts) may be, best first. */
function idProposals(col: Column, cols: readonly Column[], headers: readonly string[], taken: ReadonlySet<ColumnRole>): Proposal[] {
  const { index, values } = col;
  const n = values.length;
  const unique = col.distinct === n;
  const rows = String(n);
  const len = values[0]!.length;
  const header = headers[index] ?? '';
  const next = cols[index + 1];
  const prev = cols[index - 1];
  const isLast4 = (c: Column | undefined) => c?.shape === 'digits' && c.values[0]!.length === 4;
  const isBin = (c: Column | undefined) => c?.shape === 'digits' && c.values[0]!.length === 6 && c.values.every((v) => /^[3-6]/.test(v));
  const out: Proposal[] = [];
  const add = (role: ColumnRole, confidence: number, key: string, params: Record<string, string> = { rows }) =>
    out.push({ index, role, confidence, reason: reason(key, params) });
  if (col.shape === 'digits' && len === 4) {
    // 卡号后四位: named so by its header, or right after a column of card BINs
    if (/卡|card|后四|后4|尾号|last/i.test(header)) add('card', 0.85, 'cardSplit', { other: headers[index - 1] ?? '' });
    else if (isBin(prev)) add('card', 0.65, 'cardSplit', { other: headers[index - 1] ?? '' });
    return out;
  }
  if (col.shape === 'digits' && len === 6 && isBin(col) && (/卡|card|bin|前六|前6/i.test(header) || isLast4(next))) {
    add('cardBin', /卡|card|bin|前六|前6/i.test(header) ? 0.85 : 0.65, 'cardSplit', { other: headers[index + 1] ?? '' });
    return out;
  }
  if (col.shape === 'digits' && len === 12) add('rrn', unique ? 0.9 : 0.35, 'rrn');
  else if (col.shape === 'digits' && len === 15) add('merchantId', col.distinct <= Math.max(1, n / 2) ? 0.85 : 0.55, 'merchantId');
  else if (len === 8) add('terminalId', col.distinct <= Math.max(1, n / 2) ? 0.85 : 0.65, 'terminalId');
  else if (len === 6 && col.shape === 'code') add('authCode', 0.7, 'authCode');
  else if (len === 6) {
    if (n >= 4 && col.distinct <= n / 4) add('batchNo', 0.6, 'batchNo', { rows, distinct: String(col.distinct) });
    // beside a known 凭证号 the other 6-digit column is the 授权码, and the other way round
    else if (unique && taken.has('voucherNo')) add('authCode', 0.7, 'authCode');
    else if (unique && taken.has('authCode')) add('voucherNo', 0.7, 'voucherNo');
    else if (unique) {
      add('voucherNo', isMonotone(values) ? 0.75 : 0.6, 'voucherNo');
      add('authCode', 0.55, 'authCode');
    }
  }
  return out;
}

/** The time columns: one date-time, or a date and a time column (交易日期 + 交易时间). */
function timeProposals(cols: readonly Column[], mapped: readonly MappedColumn[]): Proposal[] {
  const free = cols.filter((c) => mapped[c.index]!.role === null);
  const headerTimes = cols.filter((c) => mapped[c.index]!.role === 'occurredAt');
  const dates = free.filter((c) => c.shape === 'date');
  const times = free.filter((c) => c.shape === 'time');
  const datetimes = free.filter((c) => c.shape === 'datetime');
  const p = (c: Column, confidence: number, key: string, params: Record<string, string> = { rows: String(c.values.length) }): Proposal => ({
    index: c.index,
    role: 'occurredAt',
    confidence,
    reason: reason(key, params),
  });
  const name = (c: Column | undefined) => (c ? mapped[c.index]!.header || `#${c.index + 1}` : '');
  if (headerTimes.length >= 2) return [];
  if (headerTimes.length === 1) {
    // the header gave a date only (or a time only): an unplaced time (or date) column completes it
    const h = headerTimes[0]!;
    const other = h.shape === 'date' ? times : h.shape === 'time' ? dates : [];
    return other.length === 1 ? [p(other[0]!, 0.9, 'dateAndTime', { other: name(h) })] : [];
  }
  if (datetimes.length >= 1) return [p(datetimes[0]!, datetimes.length === 1 ? 0.95 : 0.75, 'dateTime')];
  if (dates.length === 1 && times.length === 1) {
    return [p(dates[0]!, 0.9, 'dateAndTime', { other: name(times[0]) }), p(times[0]!, 0.9, 'dateAndTime', { other: name(dates[0]) })];
  }
  if (dates.length >= 1) return [p(dates[0]!, dates.length === 1 ? 0.8 : 0.6, 'date')];
  return [];
}

type Amounts = (Dec | null)[];

/** The money columns: amount, fee, net and extra fees from how their values relate, row by row. */
/**
 * More unplaced money columns than any portal shows: a cell spanning 1,000 columns (dom.ts lays it
 * out in each) or a page built to stall the reader. Comparing them in pairs, row by row, is
 * quadratic: one `<td colspan="1000">1.00</td>` made a 4-row table take seconds (found by the
 * fuzzer, tests/unit/fuzz/regressions.test.ts). Past this many, values place no money column.
 */
const MAX_MONEY_COLUMNS = 32;

function moneyProposals(cols: readonly Column[], mapped: readonly MappedColumn[]): Proposal[] {
  const at = (role: ColumnRole) => mapped.findIndex((c) => c.role === role);
  const money = cols.filter((c) => mapped[c.index]!.role === null && c.shape === 'money');
  if (money.length > MAX_MONEY_COLUMNS) return [];
  const abs = (c: Column): Amounts => c.cells.map((t) => (t ? (parseAmount(t)?.value.abs() ?? null) : null));
  const out: Proposal[] = [];
  const free = new Map(money.map((c) => [c.index, abs(c)]));
  let amountAt = at('amount');
  if (amountAt < 0) {
    if (money.length === 0) return out;
    // the gross is the largest amount on (nearly) every row; the first such column on a tie
    const wins = money.map(
      (c) =>
        free.get(c.index)!.filter(
          (v, r) =>
            v !== null &&
            money.every((o) => {
              const w = free.get(o.index)![r];
              return w === null || w === undefined || v.gte(w);
            }),
        ).length,
    );
    const best = wins.indexOf(Math.max(...wins));
    const c = money[best]!;
    amountAt = c.index;
    const always = wins[best] === c.values.length;
    out.push({
      index: c.index,
      role: 'amount',
      confidence: money.length === 1 ? 0.75 : always ? 0.8 : 0.6,
      reason: reason('amount', { rows: String(c.values.length) }),
    });
    free.delete(c.index);
  }
  const gross = mapped[amountAt]!.role === 'amount' ? abs(cols[amountAt]!) : (free.get(amountAt) ?? abs(cols[amountAt]!));
  const name = (i: number) => mapped[i]!.header || `#${i + 1}`;
  // every row where all the given columns have a value satisfies `test`, and there is such a row
  const holds = (series: Amounts[], test: (v: Dec[]) => boolean): boolean => {
    let seen = 0;
    for (let r = 0; r < gross.length; r++) {
      const v = [gross[r], ...series.map((s) => s[r])];
      if (v.some((x) => x === null || x === undefined)) continue;
      seen++;
      if (!test(v as Dec[])) return false;
    }
    return seen > 0;
  };
  const near = (a: Dec, b: Dec) => a.minus(b).abs().lte(0.01);
  const nonZero = (s: Amounts) => s.some((v) => v !== null && !v.isZero());
  let feeAt = at('fee');
  let netAt = at('net');
  const place = (i: number, role: ColumnRole, confidence: number, key: string, params: Record<string, string>) => {
    out.push({ index: i, role, confidence, reason: reason(key, params) });
    free.delete(i);
  };
  const series = (i: number) => free.get(i) ?? abs(cols[i]!);
  // two columns that add up to the amount: the smaller is the fee, the other the net
  if (feeAt < 0 && netAt < 0) {
    const pairs: [number, number][] = [];
    const ids = [...free.keys()];
    for (const x of ids) for (const y of ids) if (x < y && holds([free.get(x)!, free.get(y)!], ([g, a, b]) => near(a!.plus(b!), g!))) pairs.push([x, y]);
    if (pairs.length === 1) {
      const [x, y] = pairs[0]!;
      const [fee, net] = holds([free.get(x)!, free.get(y)!], ([, a, b]) => a!.lte(b!)) ? [x, y] : [y, x];
      if (nonZero(free.get(fee)!)) {
        place(fee, 'fee', 0.95, 'feeNet', { fee: name(fee), net: name(net) });
        place(net, 'net', 0.95, 'feeNet', { fee: name(fee), net: name(net) });
        feeAt = fee;
        netAt = net;
      }
    }
  }
  const only = (test: (s: Amounts) => boolean): number | undefined => {
    const hits = [...free.keys()].filter((i) => test(free.get(i)!));
    return hits.length === 1 ? hits[0] : undefined; // two that fit equally: neither
  };
  if (feeAt >= 0 && netAt < 0) {
    const fee = series(feeAt);
    const i = only((s) => holds([fee, s], ([g, f, x]) => near(g!.minus(f!), x!)));
    if (i !== undefined) {
      place(i, 'net', 0.95, 'net', { fee: name(feeAt) });
      netAt = i;
    }
  } else if (netAt >= 0 && feeAt < 0) {
    const net = series(netAt);
    const i = only((s) => nonZero(s) && holds([net, s], ([g, n, x]) => near(g!.minus(n!), x!)));
    if (i !== undefined) {
      place(i, 'fee', 0.95, 'feeFromNet', { net: name(netAt) });
      feeAt = i;
    }
  }
  if (feeAt < 0) {
    // a small share of the amount, in proportion to it: not a rate column, not a fixed charge
    const ratios = (s: Amounts): Dec[] => s.flatMap((x, r) => (x && !x.isZero() && gross[r] && !gross[r]!.isZero() ? [x.div(gross[r]!)] : []));
    const isFee = (s: Amounts): boolean => {
      if (!nonZero(s) || !holds([s], ([g, x]) => x!.lte(g!.times(MAX_FEE_SHARE)))) return false;
      const rs = ratios(s);
      if (rs.length === 0 || new Set(s.filter((x) => x !== null).map(String)).size < 2) return false;
      const lo = rs.reduce((a, b) => (b.lt(a) ? b : a));
      const hi = rs.reduce((a, b) => (b.gt(a) ? b : a));
      return hi.lte(lo.times(MAX_RATE_SPREAD));
    };
    const i = only(isFee);
    if (i !== undefined) {
      const max = ratios(free.get(i)!).reduce((a, b) => (b.gt(a) ? b : a));
      place(i, 'fee', 0.8, 'fee', { max: `${max.times(100).toDecimalPlaces(2).toString()}%` });
      feeAt = i;
    }
  }
  if (netAt < 0) {
    const i = only((s) => !holds([s], ([g, x]) => near(g!, x!)) && holds([s], ([g, x]) => x!.lte(g!) && g!.minus(x!).lte(g!.times(MAX_FEE_SHARE))));
    if (i !== undefined) place(i, 'net', 0.6, 'netClose', { rows: String(cols[i]!.values.length) });
  } else if (feeAt >= 0) {
    // amount − fee − this = net: an extra per-row fee (秒到费)
    const fee = series(feeAt),
      net = series(netAt);
    for (const i of [...free.keys()]) {
      if (nonZero(free.get(i)!) && holds([fee, net, free.get(i)!], ([g, f, n, x]) => near(g!.minus(f!).minus(x!), n!)))
        place(i, 'extraFee', 0.9, 'extraFee', {});
    }
  }
  return out;
}

const MULTI = new Set<ColumnRole>(['occurredAt', 'extraFee']);

/**
 * Gives roles to the columns of `table` the headers did not place (and to header-mapped ones
 * whose values make the header impossible), each with its confidence and evidence. Roles the
 * headers or the merchant gave are never given to a second column.
 */
export function inferColumns(table: RawTable, mapped: readonly MappedColumn[]): MappedColumn[] {
  const out = mapped.map((c) => ({ ...c }));
  if (table.rows.length === 0) return out;
  // values matter for open columns, and for the header roles they can contradict or complete
  const checked = new Set<ColumnRole | null>([null, 'amount', 'fee', 'net', 'extraFee', 'occurredAt', 'settleDate']);
  const cols = sampleColumns(table, out.length, (i) => checked.has(out[i]!.role));
  out.forEach((c, i) => {
    if (c.role && c.source === 'header' && isImpossible(c.role, cols[i]!)) {
      c.role = null;
      delete c.source;
      delete c.confidence;
    }
  });
  const open = (i: number) => out[i]!.role === null && out[i]!.info.role !== 'action' && out[i]!.info.role !== 'index';
  const headers = out.map((c) => c.header);
  const proposals: Proposal[] = [...timeProposals(cols, out), ...moneyProposals(cols, out)];
  const taken = new Set(out.map((c) => c.role).filter((r): r is ColumnRole => r !== null && !MULTI.has(r)));
  for (const col of cols) {
    if (!open(col.index) || col.shape === null || col.shape === 'money' || col.shape === 'date' || col.shape === 'datetime' || col.shape === 'time') continue;
    if (col.shape === 'card') proposals.push({ index: col.index, role: 'card', confidence: 0.95, reason: reason('card', { rows: String(col.values.length) }) });
    else if (col.shape === 'words') {
      const w = wordProposal(col);
      if (w) proposals.push(w);
    } else proposals.push(...idProposals(col, cols, headers, taken));
  }
  // best first; a role two columns fit equally well goes to neither
  const scored = proposals
    .filter((p) => open(p.index))
    .map((p) => ({ ...p, confidence: Math.max(0, p.confidence - sampleFactor(cols[p.index]!.values.length)) }))
    .sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const placed = new Set<number>();
  for (const p of scored) {
    if (placed.has(p.index) || p.confidence < PLACE_THRESHOLD || taken.has(p.role)) continue;
    if (!MULTI.has(p.role)) {
      const rival = scored.some((q) => q !== p && q.role === p.role && !placed.has(q.index) && Math.abs(q.confidence - p.confidence) < 0.05);
      if (rival) {
        taken.add(p.role);
        continue;
      }
      taken.add(p.role);
    }
    placed.add(p.index);
    Object.assign(out[p.index]!, { role: p.role, source: 'values', confidence: Math.round(p.confidence * 100) / 100, reason: p.reason });
  }
  // what an unplaced column most looked like: enough to tell the merchant a table may be transactions
  for (const p of scored) if (!placed.has(p.index) && out[p.index]!.guess === undefined) out[p.index]!.guess = p.role;
  return out;
}
