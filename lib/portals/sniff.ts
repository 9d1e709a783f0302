// Columns recognised by their values, for tables whose headers we do not know (no header row,
// icons instead of titles, another language): dates, amounts, masked card numbers, 12-digit RRNs
// (ISO 8583 field 37), 8-character terminal ids (field 41), status and type words (DOMAIN.md §1.1–1.2).
// Only columns the headers left unmapped are sniffed, and a column must read the same way in
// every non-empty cell, so an id column of digits is never taken for an amount.
import { parseDateTime, parseTime } from '../dates';
import { parseAmount, type Dec } from '../money';
import { normaliseCardType, readCard } from '../cards';
import { normaliseStatus, normaliseTxnKind, type ColumnRole } from './columns';
import type { MappedColumn } from './transactions';
import type { RawTable } from './types';

const SAMPLE_ROWS = 200;

type Sniffed = Exclude<ColumnRole, 'action' | 'index' | 'ignore'>;

const MONEY_TEXT = /^[-+(]?\s*(?:[¥￥$€£]|CNY|RMB|USD)?\s*-?\d{1,3}(?:,\d{3})*(?:\.\d{1,2})\)?-?$|^[-+(]?\s*(?:[¥￥$€£]|CNY|RMB|USD)?\s*-?\d+\.\d{2}\)?-?$|^[-+(]?\s*[¥￥$€£]\s*-?\d+\)?-?$/i;

function isDateText(s: string): boolean {
  return parseDateTime(s) !== null || /^\d{1,2}[-/月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.test(s);
}

function classify(values: readonly string[]): Sniffed | 'money' | null {
  const all = (test: (s: string) => boolean): boolean => values.every(test);
  if (all(isDateText)) return 'occurredAt';
  if (all((s) => parseTime(s) !== null && /:/.test(s))) return 'occurredAt';
  if (all((s) => /[*xX•●]|尾号/.test(s) && readCard(s).last4 !== undefined)) return 'card';
  if (all((s) => MONEY_TEXT.test(s.replace(/\s/g, '')))) return 'money';
  if (all((s) => /^\d{12}$/.test(s))) return 'rrn';
  if (all((s) => /^[0-9A-Za-z]{8}$/.test(s) && /\d/.test(s))) return 'terminalId';
  if (all((s) => normaliseStatus(s) !== 'unknown') && values.some((s) => /成功|失败|中|success|fail|pend|paid/i.test(s))) return 'status';
  if (all((s) => normaliseTxnKind(s) !== null)) return 'kind';
  if (all((s) => normaliseCardType(s) !== 'unknown')) return 'cardType';
  return null;
}

/**
 * Gives roles to the unmapped columns of `raw` from their values. Of the money columns, the
 * first is the amount; a later one never above 5 % of it is the fee; one equal to amount − fee
 * is the net.
 */
export function sniffColumns(table: RawTable, cols: readonly MappedColumn[]): MappedColumn[] {
  // a sample is enough to recognise a column, and keeps detection cheap on a 5,000-row page
  const raw = { rows: table.rows.slice(0, SAMPLE_ROWS) };
  const out = cols.map((c) => ({ ...c }));
  const taken = new Set(out.map((c) => c.role).filter((r) => r !== null));
  const money: number[] = [];
  let dateCols = out.filter((c) => c.role === 'occurredAt').length;
  out.forEach((c, i) => {
    if (c.role !== null || c.info.role === 'action' || c.info.role === 'index') return;
    const values = raw.rows.map((r) => (r.cells[i] ?? '').trim()).filter((v) => v !== '' && !/^[-—–/]+$/.test(v));
    if (values.length === 0) return;
    const kind = classify(values);
    if (kind === 'money') money.push(i);
    else if (kind === 'occurredAt' && dateCols < 2) { c.role = 'occurredAt'; dateCols++; }
    else if (kind && kind !== 'occurredAt' && !taken.has(kind)) { c.role = kind; taken.add(kind); }
  });
  const amounts = (i: number): (Dec | null)[] => raw.rows.map((r) => parseAmount(r.cells[i] ?? '')?.value ?? null);
  const [first, ...rest] = money;
  if (first === undefined || taken.has('amount')) return out;
  out[first]!.role = 'amount';
  const gross = amounts(first);
  let fee: (Dec | null)[] | undefined;
  for (const i of rest) {
    const v = amounts(i);
    const pairs = v.map((x, k) => [x, gross[k]] as const).filter((p): p is readonly [Dec, Dec] => p[0] !== null && p[1] !== null);
    if (pairs.length === 0) continue;
    if (!fee && !taken.has('fee') && pairs.every(([x, g]) => x.abs().lte(g.abs().times(0.05)))) {
      out[i]!.role = 'fee';
      fee = v;
    } else if (fee && !taken.has('net') && v.every((x, k) => x === null || gross[k] === null || fee![k] === null ||
      x.abs().minus(gross[k]!.abs().minus(fee![k]!.abs())).abs().lte(0.01))) {
      out[i]!.role = 'net';
    }
  }
  return out;
}
