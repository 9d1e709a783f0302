// Imports bounded (issue 14 item 3), in the built extension: hostile workbooks chosen with a real
// statement in the options page are refused in the import worker, each naming its limit, while the
// statement beside them is read and stored. The files are built at test time.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { OptionsPage, readStore } from '../support/pages';
import type { StatementLine } from '../../lib/model';
import { hugeRangeXlsx, zipBomb } from '../unit/statements/hostile-files';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchWithExtension();
});
test.afterAll(async () => {
  await session?.close();
});

test('a declared A1:XFD1048576 and a 1 GiB zip bomb are refused with their limits; the statement chosen with them is stored', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  const start = Date.now();
  await options.page.getByTestId('sg-import-file').setInputFiles([
    { name: 'range.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(hugeRangeXlsx()) },
    { name: 'bomb.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(zipBomb(1024 ** 3)) },
    { name: 'bank-statement.csv', mimeType: 'text/csv', buffer: readFileSync(`${process.cwd()}/tests/fixtures/demo/bank-statement.csv`) },
  ]);
  const preview = options.page.getByTestId('sg-import-preview');
  await expect(preview).toContainText(/range\.xlsx.{1,4}(declares its sheet sheet1 as A1:XFD1048576|声明其工作表 sheet1 的范围为 A1:XFD1048576)/);
  await expect(preview).toContainText(/bomb\.xlsx.{1,4}(would expand to 1024\.0 MiB or more|打开后将膨胀到 1024\.0 MiB 以上)/);
  console.log(`[limits] e2e: three files previewed (two refused) in ${Date.now() - start} ms`);
  await options.page.getByTestId('sg-import-confirm').click();
  await expect(options.page.getByTestId('sg-import-result')).toBeVisible();
  const outcomes = await options.outcomes();
  expect(outcomes.filter((o) => o.added > 0).map((o) => o.added)).toEqual([17]);
  const stored = await readStore<StatementLine>(worker, 'statementLines');
  expect(stored.map((l) => l.source.file)).toEqual(Array(17).fill('bank-statement.csv'));
});
