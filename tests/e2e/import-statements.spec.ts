// Real statement files through the options page of the built extension (issue 12 item 7): the
// day/month question is answered in the preview and the file is read again in the import worker;
// a 招商银行 credit-card export with MM/DD dates is stored with the year its title states.
import { test, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { OptionsPage, readStore } from '../support/pages';
import type { StatementLine } from '../../lib/model';

const FIXTURES = `${process.cwd()}/tests/fixtures/statements`;
let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchWithExtension();
});
test.afterAll(async () => {
  await session?.close();
});

test('a file whose dates nothing decides: the preview asks, the answer re-reads it, the lines are stored that way', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.page.getByTestId('sg-import-file').setInputFiles([`${FIXTURES}/dates/uk-bank-ambiguous.csv`]);
  const question = options.page.getByTestId('sg-date-order');
  await expect(question).toHaveAttribute('data-decided', 'none');
  await expect(options.page.getByTestId('sg-import-confirm')).toBeDisabled();
  await options.page.getByTestId('sg-date-order-dmy').click();
  await expect(question).toHaveAttribute('data-decided', 'merchant');
  await options.page.getByTestId('sg-import-confirm').click();
  await expect(options.page.getByTestId('sg-import-outcome')).toHaveAttribute('data-added', '2');
  const stored = await readStore<StatementLine>(worker, 'statementLines');
  expect(
    stored
      .filter((l) => l.source.file === 'uk-bank-ambiguous.csv')
      .map((l) => `${l.bookedOn} ${l.amount.amount}`)
      .sort(),
  ).toEqual(['2024-04-03 1234.56', '2024-06-05 -12.30']);
});

test('a 招商银行 credit-card export with MM/DD dates is stored with the year of its statement month', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([`${FIXTURES}/cn-bank/cmb-credit-202401.csv`]);
  await expect(options.page.getByTestId('sg-import-outcome')).toHaveAttribute('data-added', '8');
  const stored = await readStore<StatementLine>(worker, 'statementLines');
  const cmb = stored
    .filter((l) => l.source.file === 'cmb-credit-202401.csv')
    .map((l) => l.bookedOn)
    .sort();
  expect(cmb[0]).toBe('2023-12-21');
  expect(cmb[cmb.length - 1]).toBe('2024-01-19');
});
