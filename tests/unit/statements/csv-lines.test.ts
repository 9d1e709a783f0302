// Two fast paths of reading a bank table against the general ones they stand in for:
//  - csvFormat reads a clean file's rows one at a time (CsvLines, splitCsvLines) instead of
//    splitting the whole table first (splitCsv);
//  - readBankTable decides day/month order and decimal commas from the first rows and checks that
//    against the whole body while reading it, instead of scanning the body first (TableReadContext.asReference).
// Each must give exactly what the reference gives, on every statement fixture and on generated
// tables (day/month order, decimal commas, footers, bad rows, every delimiter and break).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBankTable, type TableReadContext } from '../../../lib/statements/csv';
import { CsvLines, splitCsv, splitCsvLines } from '../../../lib/statements/support/csv-split';
import { decodeBytes } from '../../../lib/statements/decode';

const ctx: TableReadContext = { fileName: 'test.csv', encoding: 'utf-8', baseFormat: 'csv' };
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));

/**
 * Both readings of `text`: the reference splits the whole table and scans its body before reading
 * it; `fast` is csvFormat's reading (`lazy`: through CsvLines). `eager` is the whole table read
 * with the scan done while reading.
 */
function bothWays(text: string, c: TableReadContext = ctx) {
  const split = splitCsvLines(text);
  const fast = readBankTable(split, c);
  const eager = readBankTable(splitCsv(text), c);
  const asReference = { ...c, asReference: true };
  return {
    lazy: split instanceof CsvLines,
    fast,
    eager,
    reference: readBankTable(splitCsv(text), asReference),
    referenceFromLines: readBankTable(splitCsvLines(text), asReference),
  };
}
const expectSame = (r: ReturnType<typeof bothWays>, what?: string) => {
  expect(r.fast, what).toEqual(r.reference);
  expect(r.eager, what).toEqual(r.reference);
  expect(r.referenceFromLines, what).toEqual(r.reference);
};

describe('splitCsvLines = splitCsv', () => {
  it('gives splitCsv’s table, row for row', () => {
    // (the last two: more and shorter lines than CsvLines first makes room for)
    const short = Array.from({ length: 1000 }, (_, i) => `${i % 10},x`);
    for (const text of [
      '',
      'a',
      'a,b\n',
      'a,b\nc,d',
      'a;b\r\nc;d\r\n',
      'x\n\n\ny,z,\n',
      '交易日期\t金额\n2024-03-05\t12.50',
      short.join('\n'),
      '\n'.repeat(500),
    ]) {
      const split = splitCsvLines(text);
      const table = split instanceof CsvLines ? split.toTable() : split;
      expect(table).toEqual(splitCsv(text));
      for (let i = 0; i < table.rows.length; i++) if (split instanceof CsvLines) expect(split.row(i)).toEqual(table.rows[i]);
    }
  });

  it('leaves text with quotes, a BOM or mixed breaks to splitCsv', () => {
    for (const text of ['a,"b"\n1,2', '\ufeffa,b\n1,2', 'a,b\r\n1,2\n3,4', 'a,b\r1,2']) {
      expect(splitCsvLines(text)).not.toBeInstanceOf(CsvLines);
    }
  });

  it('marks the rows that need cleaning as splitCsv does', () => {
    for (const text of ['a, b\n1,2', "a,'1\n1,2", 'a,=1\n1,2', 'a\tb\n1\t 2\n3\t4', 'x,`y\r\n\u3000z,w\r\n1,2\u00a0', 'a,b\u2009c\n\ufeffd,e']) {
      const split = splitCsvLines(text);
      expect(split).toBeInstanceOf(CsvLines);
      const table = (split as CsvLines).toTable();
      expect(table).toEqual(splitCsv(text));
      expect([...table.clean!]).toContain(0);
    }
  });
});

describe('readBankTable(splitCsvLines(text)) = readBankTable(splitCsv(text))', () => {
  it('on every statement fixture', () => {
    let lazy = 0;
    for (const f of walk('tests/fixtures/statements')) {
      const file = decodeBytes(f, new Uint8Array(readFileSync(f)));
      if (!file.text) continue;
      const r = bothWays(file.text, { ...ctx, fileName: f });
      if (r.lazy) lazy++;
      expectSame(r, f);
    }
    expect(lazy).toBeGreaterThan(0);
  });

  it('on a table with a preamble, both slash-date orders, decimal commas, footers and bad rows', () => {
    const rows = [
      '账号:6217000012345678,币种:人民币',
      '交易日期;摘要;金额;余额;流水号',
      '05/03/2024;消费;-12,50;987,50;R1',
      '13/03/2024;退款;2,00;989,50;R2',
      '14/03/2024;;x;989,50;R3',
      ';;1,00;;R4',
      '1/2/2024;消费;-1,00;988,50;',
      // read as 1234.00 only because the file's amounts have decimal commas
      '15/03/2024;消费;-1.234;;R5',
      '合计;;-11,50;;',
    ];
    // month first: 3/13 has no month 13
    const mdy = ['Date,Description,Amount,Balance', '3/13/2024,Coffee,-4.50,95.50', '1/2/2024,Refund,1.234,96.734'];
    for (const text of [mdy.join('\n'), rows.join('\n'), rows.join('\r\n') + '\r\n', rows.join('\n').replace(/;/g, '\t'), rows.join('\n').replace(/;/g, '|')]) {
      const r = bothWays(text);
      expect(r.lazy).toBe(true);
      expect(r.fast.lines.length).toBeGreaterThan(1);
      expectSame(r);
    }
  });

  it('when the first rows say nothing about day/month order or decimal commas and a row far below does', () => {
    const head = ['Date;Description;Amount;Balance'];
    // days and months 1–12 and different (ambiguous); amounts without two decimals (no evidence)
    const ambiguous = Array.from({ length: 150 }, (_, i) => `0${(i % 9) + 1}/0${((i + 1) % 9) + 1}/2024;Coffee${i};${i % 10 ? '-4' : '1.234'};100`);
    for (const late of ['13/02/2024;Late;-1,50;98,50', '02/13/2024;Late;-1.50;98.50', '02/03/2024;Late;-1,50;98,50', '02/03/2024;Late;-1.50;98.50']) {
      for (const at of [1, 90, 150]) {
        const rows = [...head, ...ambiguous.slice(0, at), late, ...ambiguous.slice(at)];
        const r = bothWays(rows.join('\n') + '\n');
        expect(r.lazy).toBe(true);
        expectSame(r, `${late} after ${at} rows`);
      }
    }
    // and what it gives: day first and decimal commas, from the last row
    const r = bothWays([...head, ...ambiguous, '13/02/2024;Late;-1,50;98,50'].join('\n'));
    expect(r.fast.lines.slice(0, 2).map((l) => `${l.bookedOn} ${l.amount.amount}`)).toEqual(['2024-02-01 1234.00', '2024-03-02 -4.00']);
    expect(r.fast.lines.at(-1)!.bookedOn).toBe('2024-02-13');
    expect(r.fast.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('on generated tables', () => {
    const cell = fc.constantFrom(
      '交易日期',
      '记账日期',
      'Date',
      '交易时间',
      '金额',
      'Amount',
      '收入',
      '支出',
      'Debit',
      'Credit',
      '余额',
      'Balance',
      '摘要',
      'Description',
      '对方户名',
      '流水号',
      'Reference',
      '币种',
      'Currency',
      '收/支',
      '交易状态',
      '账号',
      '2024-03-05',
      '2024/3/5',
      '2024.03.05',
      '05/03/2024',
      '3/13/2024',
      '13.03.2024',
      '1/2/2024',
      '2024-02-30',
      '2024-03-05 10:00:00',
      '20240305',
      '12.50',
      '-7.20',
      '1234.5',
      '1,234.00',
      '1.234,56',
      '12,5',
      '-0.00',
      '0.00',
      '007.10',
      'CNY 3.00',
      '¥28.16',
      '131.77(已退款89.84)',
      'x',
      '',
      '-',
      '--',
      '/',
      'null',
      'NONREF',
      '0000',
      'R1',
      'R1',
      '消费',
      '结算款',
      '收入',
      '支出',
      '不计收支',
      '交易关闭',
      'USD',
      '人民币',
      '合计',
      '共2笔',
      '导出时间',
      // cells to clean: padded, wrapped for Excel, full-width or no-break spaces
      ' 12.50 ',
      '="R1"',
      '`R2',
      "'3'",
      '消费 ',
      '\u3000收入',
      '1 234,56',
      '2024-03-05\u00a0',
      '对方 户名',
    );
    const date = fc.constantFrom(
      '2024-03-05',
      '2024/3/5',
      '05/03/2024',
      '3/13/2024',
      '13.03.2024',
      '1/2/2024',
      '2024-02-30',
      '2024-03-05 10:00:00',
      '',
      'x',
      '合计',
    );
    const amount = fc.constantFrom(
      '12.50',
      '-7.20',
      '1234.5',
      '1.234,56',
      '12,5',
      '1,234',
      '1.234',
      '-0.00',
      '0.00',
      '007.10',
      'CNY 3.00',
      '¥28.16',
      '131.77(已退款89.84)',
      '',
      '-',
      'x',
    );
    // a row shaped like the header's columns: date, text, amount, amount, text, text
    const lineRow = fc.tuple(date, cell, amount, amount, cell, cell).map((r) => [...r]);
    const table = fc.record({
      rows: fc.array(fc.oneof(fc.array(cell, { minLength: 1, maxLength: 7 }), lineRow, lineRow), { minLength: 0, maxLength: 25 }),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      linebreak: fc.constantFrom('\n', '\r\n'),
      trailing: fc.boolean(),
      header: fc.constantFrom(0, 1, 2),
    });
    let lazy = 0;
    let read = 0;
    fc.assert(
      fc.property(table, ({ rows, delimiter, linebreak, trailing, header }) => {
        // most tables get a header row so that rows are read, not just rejected for lack of one
        const head = [['交易日期', '摘要', '金额', '余额', '流水号'], ['Date', 'Description', 'Debit', 'Credit', 'Balance', 'Currency'], []][header]!;
        const all = head.length ? [...rows.slice(0, 2), head, ...rows.slice(2)] : rows;
        const text = all.map((r) => r.join(delimiter)).join(linebreak) + (trailing ? linebreak : '');
        const r = bothWays(text);
        if (r.lazy) lazy++;
        if (r.fast.lines.length > 0) read++;
        expectSame(r);
        const split = splitCsvLines(text);
        if (split instanceof CsvLines) expect(split.toTable()).toEqual(splitCsv(text));
      }),
      { numRuns: 1500 },
    );
    expect(lazy).toBeGreaterThan(500);
    expect(read).toBeGreaterThan(100);
  });
});
