import { cleanCell } from '../../../lib/statements/support/cells';
// parseStatement never throws, whatever the bytes; every line it returns is well-formed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStatement, rankFormats } from '../../../lib/statements/index';
import { decodeBytes } from '../../../lib/statements/decode';
import { STATEMENT_FORMATS } from '../../../lib/statements/registry';
import { isDecimalString } from '../../../lib/money';
import { isValidYmd } from '../../../lib/dates';
import type { StatementParseResult } from '../../../lib/model';

function wellFormed(r: StatementParseResult): void {
  for (const l of r.lines) {
    const [y, m, d] = l.bookedOn.split('-').map(Number);
    expect(isValidYmd(y!, m!, d!), l.bookedOn).toBe(true);
    expect(isDecimalString(l.amount.amount), l.amount.amount).toBe(true);
    expect(l.amount.currency).toMatch(/^[A-Z]{3}$/);
    expect(l.source.line).toBeGreaterThan(0);
    expect(l.id).toMatch(/^sl:/);
  }
  for (const i of r.issues) expect(['error', 'warning']).toContain(i.level);
}

describe('parseStatement', () => {
  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('x.csv', 'x.ofx', 'x.json', 'x.xls', 'x'), async (bytes, name) => {
        const r = await parseStatement({ name, bytes });
        wellFormed(r);
        if (r.lines.length === 0 && r.format === 'unknown') expect(r.issues.some((i) => i.level === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on CSV-shaped text, and every skipped data row is reported', async () => {
    const cell = fc.oneof(
      fc.constantFrom('2024-03-01', '20240230', '1,234.50', '-12.00', 'abc', '', '收入', '支出', '¥3', '合计', '-', '/'),
      fc.string({ maxLength: 8 }).map((s) => s.replace(/["\r\n]/g, '')),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 20 }), async (rows) => {
        const text = ['交易日期,摘要,金额,收/支', ...rows].join('\n');
        const r = await parseStatement({ name: 's.csv', bytes: new TextEncoder().encode(text) });
        wellFormed(r);
        // every line that is neither a statement line, blank, nor a reported row must be a footer (reported in bulk)
        const reported = new Set([...r.lines.map((l) => l.source.line), ...r.issues.map((i) => i.line).filter((n): n is number => n !== undefined)]);
        // blank as the reader sees it: every cell empty once cleaned (a lone WeChat backtick is blank)
        const isBlankRow = (t: string) => t.split(',').every((c) => cleanCell(c.replace(/"/g, '')) === '');
        const unreported = rows.map((t, i) => ({ t, line: i + 2 })).filter(({ t, line }) => !isBlankRow(t) && !reported.has(line));
        // a file refused as a whole (an error for the file, no line stored) reports every row at once
        const refused = r.lines.length === 0 && r.issues.some((i) => i.level === 'error' && i.line === undefined);
        if (unreported.length > 0 && !refused)
          expect(
            r.issues.some((i) => i.code === 'footer_ignored'),
            JSON.stringify(unreported),
          ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('content decides the format, not the name', async () => {
    const text = '交易日期,摘要,金额\n2024-03-01,结算,100.00\n';
    const r = await parseStatement({ name: 'statement.ofx', bytes: new TextEncoder().encode(text) });
    expect(r.lines).toHaveLength(1);
    expect(r.format).toBe('csv');
  });

  it('random bytes give an error saying what the file looks like', async () => {
    const r = await parseStatement({ name: 'x.csv', bytes: Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 32) });
    expect(r.lines).toEqual([]);
    expect(r.issues.find((i) => i.level === 'error')!.message).toMatch(/binary data|expected/);
  });

  it('wraps a parser bug into an error issue', () => {
    const boom = {
      id: 'boom',
      detect: () => 1,
      parse: () => {
        throw new Error('kaput');
      },
    };
    const ranked = rankFormats(decodeBytes('x.csv', new TextEncoder().encode('a,b')), [boom, ...STATEMENT_FORMATS]);
    expect(ranked[0]!.format.id).toBe('boom');
  });
});
