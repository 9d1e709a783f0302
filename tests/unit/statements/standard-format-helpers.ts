// Helpers shared by the standard-format statement tests (OFX, CAMT, MT940, QIF).
import { expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { StatementParseResult } from '../../../lib/model';
import type { DecodedFile } from '../../../lib/statements/types';
import { isDecimalString } from '../../../lib/money';
import { isoDate } from '../../../lib/dates';

export function decoded(text: string, name = 'test.txt'): DecodedFile {
  const bytes = new TextEncoder().encode(text);
  return { name, bytes, text, encoding: 'utf-8', encodingGuessed: false };
}

export function decodedBytes(bytes: Uint8Array, name: string): DecodedFile {
  let text: string;
  let encoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { name, bytes, text, encoding, encodingGuessed: encoding !== 'utf-8' };
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDate(+m[1]!, +m[2]!, +m[3]!) === s;
}

/** Invariants every parse result must keep, whatever the input. */
export function expectWellFormed(r: StatementParseResult): void {
  expect(Array.isArray(r.lines)).toBe(true);
  expect(Array.isArray(r.issues)).toBe(true);
  const ids = new Set<string>();
  for (const l of r.lines) {
    expect(isIsoDate(l.bookedOn), `bookedOn ${l.bookedOn}`).toBe(true);
    if (l.valueOn !== undefined) expect(isIsoDate(l.valueOn), `valueOn ${l.valueOn}`).toBe(true);
    expect(isDecimalString(l.amount.amount), `amount ${l.amount.amount}`).toBe(true);
    expect(l.amount.currency).toMatch(/^[A-Z]{3}$/);
    expect(l.source.line).toBeGreaterThanOrEqual(1);
    expect(ids.has(l.id), `duplicate id ${l.id}`).toBe(false);
    ids.add(l.id);
    if (l.reference !== undefined) expect(l.reference.toUpperCase()).not.toBe('NONREF');
  }
  for (const i of r.issues) {
    expect(['error', 'warning']).toContain(i.level);
    expect(i.message.length).toBeGreaterThan(0);
  }
}

/** Deterministic line-level edits of a real file, for property tests. */
export function mutate(text: string, seed: number[]): string {
  const lines = text.split('\n');
  for (let k = 0; k + 2 < seed.length; k += 3) {
    const op = seed[k]! % 5;
    const at = seed[k + 1]! % Math.max(1, lines.length);
    const n = seed[k + 2]!;
    if (op === 0) lines.splice(at, 1);
    else if (op === 1) lines.splice(at, 0, lines[(at + n) % lines.length] ?? '');
    else if (op === 2) lines[at] = (lines[at] ?? '').slice(0, n % 40);
    else if (op === 3) lines[at] = (lines[at] ?? '') + String.fromCharCode(n % 256);
    else lines[at] = (lines[at] ?? '').replace(/\d/g, (d) => String((+d + n) % 10));
  }
  return lines.join('\n');
}

/**
 * Whole-file fixtures (STYLE.md): every file in tests/fixtures/statements/<dir>/ has a
 * `<file>.expected.json` next to it with the format, accounts, lines (without ids, with their
 * source line) and issues (level, code, line) that the real entry point must produce.
 */
export function fixtureCases(dir: string): { file: string; path: string; expected: unknown }[] {
  const base = path.resolve(__dirname, '../../fixtures/statements', dir);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((f) => !f.endsWith('.expected.json'))
    .map((f) => ({ file: f, path: path.join(base, f), expected: JSON.parse(readFileSync(path.join(base, `${f}.expected.json`), 'utf8')) as unknown }));
}

export function summarise(r: StatementParseResult): unknown {
  return {
    format: r.format,
    accounts: r.accounts,
    lines: r.lines.map(({ id: _id, source, ...l }) => ({ ...l, line: source.line })),
    issues: r.issues.map((i) => ({ level: i.level, code: i.code, line: i.line })),
  };
}
