// Cases the fuzzer (tests/fuzz, `npm run fuzz`) found, each kept as a test once fixed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applyMutations, type MutationOp } from '../../fuzz/mutate';
import { CORPUS_DIR, statementWorkbook } from '../../fuzz/seeds';

const read = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@e965/xlsx', async (original) => {
  const real = await original<typeof import('@e965/xlsx')>();
  return {
    ...real,
    read: (...args: Parameters<typeof real.read>) => {
      read.calls++;
      return real.read(...args);
    },
  };
});

const { readWorkbook } = await import('../../../lib/statements/support/workbook');
const { STATEMENT_FORMATS, decodeBytes, parseStatementSync } = await import('../../../lib/statements');
const { readPortalTables } = await import('../../../lib/portals');
const { currencyFromText } = await import('../../../lib/statements/support/bank-headers');
const { readBankTable } = await import('../../../lib/statements/csv');

describe('fuzz regressions', () => {
  // stripe, seed 1360451544, case 97: a mutated workbook (lines swapped, bytes inserted) whose ZIP
  // SheetJS's reader never finished reading (60 s and more, in every acquirer detector that looks
  // into workbooks). fflate refuses the container at once, so SheetJS never sees it.
  const ops: MutationOp[] = [
    { op: 'swapLines', a: 834798, b: 180864 },
    { op: 'insertToken', at: 557153, token: '\u{f6825}' },
    { op: 'replaceNumber', nth: 110, token: '余额' },
    { op: 'swapLines', a: 3641, b: 544340 },
    { op: 'truncate', at: 59619 },
    { op: 'insertBytes', at: 118338, bytes: [207, 14, 20, 94, 168] },
  ];

  it('a damaged ZIP workbook is refused by fflate before SheetJS reads it', () => {
    const damaged = applyMutations(statementWorkbook([['2024-01-02', '货款', '1000.00', '', '5000.00', '']]), ops, []);
    expect(damaged[0]).toBe(0x50); // still starts 'PK'
    read.calls = 0;
    const wb = readWorkbook(damaged);
    expect(wb).toMatchObject({ ok: false, message: expect.stringMatching(/ZIP container is damaged/) });
    expect(read.calls).toBe(0);
    // a sound workbook, even with its parts stored rather than deflated, is still read
    const sound = readWorkbook(statementWorkbook([['2024-01-02', '货款', '1000.00', '', '5000.00', '']]));
    expect(sound.ok && sound.sheets[0]!.table.rows[1]).toEqual(['2024-01-02', '货款', '1000.00', '', '5000.00', '']);
  });

  const corpusFile = join(CORPUS_DIR, 'acquirer/oca_adyen_INVALID.xls');
  it.runIf(existsSync(corpusFile))('the case itself (from the shared corpus): every format reads it in well under a second', () => {
    const bytes = applyMutations(new Uint8Array(readFileSync(corpusFile)), ops, []);
    const decoded = decodeBytes('x.xls', bytes);
    const start = performance.now();
    for (const f of STATEMENT_FORMATS) {
      f.detect(decoded);
      expect(f.parse(decoded, { defaultCurrency: 'USD', dateOrder: 'mdy' }).issues.length).toBeGreaterThan(0);
    }
    expect(parseStatementSync({ name: 'x.xls', bytes }).lines).toEqual([]);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  // vxe-table, seed 20261207, case 210: a page whose nested plain table had one amount cell
  // spanning 1,000 columns. Laid out, that is 1,000 money columns, and inferring fee/net from values
  // compared them in pairs on every row: seconds for a 4-row table. Past 32 such columns no money
  // column is placed from values.
  it('one amount cell spanning 1,000 columns is read at once, and places no money column from its copies', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<tr><td>2024-03-05 10:${String(i).padStart(2, '0')}:00</td><td colspan="1000">${i + 1}.00</td></tr>`);
    const doc = new DOMParser().parseFromString(`<table><tbody>${rows.join('')}</tbody></table>`, 'text/html');
    const start = performance.now();
    const tables = readPortalTables(doc, 'https://portal.example/trade', '2024-03-10T00:00:00.000Z', { defaultCurrency: 'CNY' });
    const ms = performance.now() - start;
    const placed = tables.flatMap((t) => t.columns.filter((c) => c.source === 'values' && c.field !== null));
    expect(placed.filter((c) => ['amount', 'fee', 'net'].includes(c.field!))).toEqual([]);
    // quadratic before: ~16 s here; milliseconds now (the bound leaves room for a loaded machine)
    expect(ms).toBeLessThan(5_000);
  });

  // xlsx, seed 20261208, case 13497: one flipped byte in a corpus XLS made its sheet declare
  // A1:ARHC25 (29,955 columns). The preamble scan looked for the next non-empty cell after each cell
  // with a slice of the rest of the row: quadratic in the row's width, 5.7 s for that file.
  it('a preamble row 20,000 cells wide is scanned at once', () => {
    const wide = Array.from({ length: 20_000 }, (_, i) => (i === 0 ? '账号：' : i === 19_999 ? '31050161373600000123' : ''));
    const rows = [wide, wide, wide, ['交易日期', '摘要', '收入金额', '支出金额', '余额'], ['2024-01-02', '货款', '1000.00', '', '5000.00']];
    const start = performance.now();
    const result = readBankTable({ rows, lines: rows.map((_, i) => i + 1) }, { fileName: 'wide.xls', encoding: 'binary', baseFormat: 'xls' });
    const ms = performance.now() - start;
    expect(result.lines).toHaveLength(1);
    expect(result.accounts[0]?.accountId).toBe('31050161373600000123');
    // ~12 s before (3 rows × 20,000²/2 cells copied, 49 s at 40,000); milliseconds now, with room for a loaded machine
    expect(ms).toBeLessThan(3_000);
  });

  // xlsx, seed 20261208, case 30832: a generated workbook of 17,950 bytes came out 436,523 bytes
  // after 30,000 cases. Reading an XLS left its number formats in SheetJS's process-wide table,
  // where the next file that names a format without defining it would use them, and every
  // workbook written after copied them.
  it("reading an XLS leaves SheetJS's shared number formats as they were", async () => {
    const XLSX = await import('@e965/xlsx');
    const clean = statementWorkbook([['2024-01-02', '货款', '1000.00', '', '5000.00', '']]);
    const ws = XLSX.utils.aoa_to_sheet([['金额'], [1.5]]);
    ws['A2']!.z = `0.00"${'元'.repeat(5000)}"`;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const xls = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }));
    readWorkbook(clean); // an XLSX read starts SheetJS's table afresh (writing the XLS filled it)
    const formats = JSON.stringify(XLSX.SSF.get_table());
    const read = readWorkbook(xls);
    expect(read.ok && read.sheets[0]!.table.rows[1]![0]).toBe(`1.50${'元'.repeat(5000)}`); // the cell keeps its format
    expect(JSON.stringify(XLSX.SSF.get_table())).toBe(formats);
    expect(statementWorkbook([['2024-01-02', '货款', '1000.00', '', '5000.00', '']]).length).toBe(clean.length);
  });

  // wechat-merchant, seed 20261208, case 46437: a currency cell reading "__proto__" was looked up
  // in a plain object of currency words and gave Object.prototype as the currency ({}).
  it('a currency cell reading __proto__ or constructor is not a currency', () => {
    expect(currencyFromText('__proto__')).toBeNull();
    expect(currencyFromText('constructor')).toBeNull();
    expect(currencyFromText('人民币')).toBe('CNY');
    expect(currencyFromText('rmb')).toBe('CNY');
  });
});
