// Issue 14 item 3: files past the import limits are refused before they are read, quickly, with an
// Issue naming the file and the limit. Times are printed, not asserted (STYLE.md: tests assert
// behaviour); each case builds its hostile file at test time (./hostile-files.ts).
import { describe, expect, it } from 'vitest';
import { checkImportLimits, IMPORT_LIMITS, readZipDirectory } from '../../../lib/statements/limits';
import { parseStatementSync } from '../../../lib/statements/index';
import { readWorkbook } from '../../../lib/statements/support/workbook';
import { hugeRangeXlsx, xlsxWith, zipBomb, zipOf } from './hostile-files';

function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const out = run();
  console.log(`[limits] ${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return out;
}

describe('checkImportLimits', () => {
  it('a real small XLSX, CSV and OFX pass', () => {
    expect(checkImportLimits({ name: 'ok.xlsx', bytes: xlsxWith() })).toBeNull();
    expect(checkImportLimits({ name: 'ok.csv', bytes: new TextEncoder().encode('交易日期,金额\n2024-01-02,1.00\n') })).toBeNull();
    expect(parseStatementSync({ name: 'ok.xlsx', bytes: xlsxWith() }).lines).toHaveLength(1);
  });

  it('a few-KB workbook declaring A1:XFD1048576 is refused on its declared range', () => {
    const bytes = hugeRangeXlsx();
    expect(bytes.length).toBeLessThan(10_000);
    const issue = timed(`declared A1:XFD1048576 (${bytes.length} bytes)`, () => checkImportLimits({ name: 'range.xlsx', bytes }));
    expect(issue).toMatchObject({
      level: 'error',
      code: 'sheet_range_too_large',
      i18n: { key: 'import.limit.sheet_range_too_large', params: { file: 'range.xlsx', range: 'A1:XFD1048576' } },
    });
    expect(issue!.message).toMatch(/"range\.xlsx" declares its sheet sheet1 as A1:XFD1048576 \(1,048,576 rows × 16,384 columns\)/);
  });

  it('the workbook reader refuses the same range by itself (parsers called without the import check)', () => {
    const result = timed('parseStatementSync of the declared range', () => parseStatementSync({ name: 'range.xlsx', bytes: hugeRangeXlsx() }));
    expect(result.lines).toEqual([]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'sheet_range_too_large',
        message: expect.stringMatching(/^"range\.xlsx" declares its sheet Sheet1 as A1:XFD1048576 \(1,048,576 rows × 16,384 columns\)/),
      }),
    );
    // a range within the limits is read as before
    const wide = readWorkbook(xlsxWith((x) => x.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:Z1000"/>')));
    expect(wide.ok).toBe(true);
  });

  it('a 1 GiB zip bomb whose directory says so is refused from the directory, before inflating', () => {
    const bytes = zipBomb(1024 ** 3);
    expect(readZipDirectory(bytes)?.at(-1)).toMatchObject({ name: 'xl/media/image1.bin', declared: 1024 ** 3 });
    const issue = timed(`1 GiB declared (${(bytes.length / 1e6).toFixed(1)} MB file)`, () => checkImportLimits({ name: 'bomb.xlsx', bytes }));
    expect(issue).toMatchObject({ code: 'decompressed_too_large', i18n: { params: { file: 'bomb.xlsx', limit: '256 MiB' } } });
    expect(issue!.message).toMatch(/"bomb\.xlsx" would expand to 1024(\.\d)? MiB or more when opened, more than the 256 MiB/);
    // the directory alone decides: a part declared at 1 GiB is refused without a byte of it inflated
    const declaredOnly = zipOf([{ name: '[Content_Types].xml', data: new Uint8Array(8), method: 8, declared: 1024 ** 3 }]);
    expect(checkImportLimits({ name: 'declared.xlsx', bytes: declaredOnly })).toMatchObject({ code: 'decompressed_too_large' });
  });

  it('a zip bomb whose directory understates it (1 KiB declared, 1 GiB inside) is stopped once it inflates past what it declared', () => {
    const bytes = zipBomb(1024 ** 3, 1024);
    const issue = timed('1 GiB behind a 1 KiB declaration', () => checkImportLimits({ name: 'liar.xlsx', bytes }));
    expect(issue).toMatchObject({ code: 'decompressed_too_large', i18n: { params: { file: 'liar.xlsx' } } });
  });

  it(`a file over ${IMPORT_LIMITS.bytes / 2 ** 20} MiB is refused on its size`, () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.bytes + 1);
    const issue = timed('64 MiB + 1 byte', () => checkImportLimits({ name: 'year.csv', bytes }));
    expect(issue).toMatchObject({ code: 'file_too_large', i18n: { params: { file: 'year.csv', limit: '64 MiB' } } });
  });

  it('a SettleGuard backup is bounded by its bytes (512 MiB), not by lines: pretty-printed JSON and XML spread a record over many', () => {
    const lines = (head: string, line: string, n: number) => new TextEncoder().encode(head + line.repeat(n));
    const backup = lines('{\n  "settleguard": 1,\n  "transactions": [\n', '    {},\n', IMPORT_LIMITS.rows + 10);
    expect(checkImportLimits({ name: 'settleguard-backup.json', bytes: backup })).toBeNull();
    const camt = lines('<?xml version="1.0"?>\n<Document>\n', '<Ntry/>\n', IMPORT_LIMITS.rows + 10);
    expect(checkImportLimits({ name: 'camt053.xml', bytes: camt })).toBeNull();
    const big = new Uint8Array(IMPORT_LIMITS.bytes + 1).fill(0x20);
    big.set(new TextEncoder().encode('{"settleguard": 1, "transactions": []}'));
    expect(checkImportLimits({ name: 'settleguard-backup.json', bytes: big })).toBeNull();
    expect(checkImportLimits({ name: 'settleguard-backup.json', bytes: big }, { ...IMPORT_LIMITS, backupBytes: IMPORT_LIMITS.bytes })).toMatchObject({
      code: 'file_too_large',
      i18n: { params: { limit: '64 MiB' } },
    });
  });

  it(`a CSV of more than ${IMPORT_LIMITS.rows.toLocaleString('en')} lines is refused; one of exactly that many passes`, () => {
    const line = new TextEncoder().encode('2024-01-02,1.00\n');
    const csv = (lines: number) => {
      const out = new Uint8Array(line.length * lines);
      for (let i = 0; i < lines; i++) out.set(line, i * line.length);
      return out.subarray(0, out.length - 1); // no break after the last line
    };
    const issue = timed(`${IMPORT_LIMITS.rows + 1} lines`, () => checkImportLimits({ name: 'long.csv', bytes: csv(IMPORT_LIMITS.rows + 1) }));
    expect(issue).toMatchObject({ code: 'too_many_rows', i18n: { params: { file: 'long.csv', limit: '1048576' } } });
    expect(issue!.message).toContain('more than 1,048,576 lines');
    expect(checkImportLimits({ name: 'long.csv', bytes: csv(IMPORT_LIMITS.rows) })).toBeNull();
    // a lowered limit, passed in
    expect(checkImportLimits({ name: 'short.csv', bytes: csv(11) }, { ...IMPORT_LIMITS, rows: 10 })).toMatchObject({ code: 'too_many_rows' });
  });
});
