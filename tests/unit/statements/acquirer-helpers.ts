// Helpers shared by the processor-export tests (stripe, square, adyen, paypal, cn-settlement,
// cashier): read a fixture through the real entry point, and project a result onto the fields its
// `<fixture>.expected.json` states (no ids or evidence cells — those have tests of their own).
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PortalTransaction, StatementParseResult } from '../../../lib/model';
import { isDecimalString } from '../../../lib/money';
import { parseStatementSync } from '../../../lib/statements/index';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/statements');

export function fixture(rel: string): { name: string; bytes: Uint8Array } {
  return { name: path.basename(rel), bytes: new Uint8Array(readFileSync(path.join(FIXTURES, rel))) };
}

export function readFixture(rel: string): StatementParseResult {
  return parseStatementSync(fixture(rel));
}

export function expectedFor(rel: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${rel}.expected.json`), 'utf8')) as unknown;
}

export function text(name: string, lines: string[]): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(lines.join('\n') + '\n') };
}

/** A transaction without its id and evidence, plus the file line its evidence points to. */
export function projectTransaction(t: PortalTransaction): Record<string, unknown> {
  const { id, evidence, ...rest } = t;
  void id;
  return { ...rest, line: Number(evidence.url.match(/#L(\d+)$/)?.[1] ?? NaN) };
}

export function project(r: StatementParseResult): Record<string, unknown> {
  const out: Record<string, unknown> = { format: r.format, kind: r.kind, accounts: r.accounts };
  if (r.transactions) out.transactions = r.transactions.map(projectTransaction);
  if (r.cashier) out.cashier = r.cashier.map(({ id: _id, ...c }) => c);
  if (r.lines.length) out.lines = r.lines.map(({ id: _id, source, ...l }) => ({ ...l, line: source.line }));
  out.issues = r.issues.map((i) => (i.line === undefined ? { level: i.level, code: i.code } : { level: i.level, code: i.code, line: i.line }));
  return out;
}

/** What every acquirer/cashier result keeps, whatever the input. */
export function expectWellFormedAcquirer(r: StatementParseResult): void {
  const ids = new Set<string>();
  for (const t of r.transactions ?? []) {
    expect(t.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    for (const m of [t.amount, t.fee, t.net, ...(t.extraFees ?? []).map((e) => e.amount)]) {
      if (!m) continue;
      expect(isDecimalString(m.amount), m.amount).toBe(true);
      expect(m.currency).toMatch(/^[A-Z]{3}$/);
    }
    expect(ids.has(t.id), `duplicate id ${t.id}`).toBe(false);
    ids.add(t.id);
    expect(t.evidence.url).toMatch(/^file:/);
    for (const [h, v] of Object.entries(t.evidence.cells)) if (/卡号|card|pan/i.test(h)) expect(v, h).not.toMatch(/(?<![\d*])\d{13,19}(?![\d*])/);
  }
  for (const c of r.cashier ?? []) {
    expect(isDecimalString(c.amount.amount)).toBe(true);
    expect(ids.has(c.id), `duplicate id ${c.id}`).toBe(false);
    ids.add(c.id);
  }
  for (const i of r.issues) {
    expect(['error', 'warning']).toContain(i.level);
    expect(i.message.length).toBeGreaterThan(0);
  }
}
