// The options page shows a file's issues in the page's language (issue 15 item 6): a bank CSV with
// a bad amount on line 3 and a bad date on line 4, read by the real import session, previewed in
// zh-CN and in English — the line named once, what was expected, nothing left in the other language.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ImportPanel, type ImportActions } from '../../../components/options/ImportPanel';
import { ImportSession } from '../../../lib/services/import-session';
import type { SettleGuardDb } from '../../../lib/db';
import type { Locale } from '../../../lib/i18n/messages';

afterEach(cleanup);

const BANK = [
  '交易日期,摘要,金额,余额',
  '2024-03-01,货款,100.00,1100.00',
  '2024-03-02,手续费,abc,1100.00',
  '2024-13-45,货款,10.00,1110.00',
  '2024-03-04,货款,20.00,1120.00',
];

async function previewIssues(locale: Locale): Promise<string[]> {
  const session = new ImportSession(() => ({}) as SettleGuardDb); // preview never opens the store
  const actions: ImportActions = {
    preview: (files) => Promise.all(files.map((f) => session.preview(f, {}))),
    reparse: (p, options) => session.reparse(p.token, options, {}),
    commit: async () => [],
    mapColumns: async (p) => p,
    discard: async () => {},
  };
  render(<ImportPanel locale={locale} actions={actions} onImported={() => {}} />);
  const input = document.querySelector<HTMLInputElement>('[data-testid="sg-import-file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([BANK.join('\n')], 'bank.csv', { type: 'text/csv' })], configurable: true });
  fireEvent.change(input);
  const preview = await screen.findByTestId('sg-import-preview');
  return [...preview.querySelectorAll('ul.issues li')].map((li) => li.textContent ?? '');
}

describe('ImportPanel: issues in the page’s language', () => {
  it('zh-CN: each issue in Chinese, its line named once', async () => {
    expect(await previewIssues('zh-CN')).toEqual([
      '第 3 行：金额“abc”不是数字（应为 1234.50 这样的金额）；该行未导入',
      '第 4 行：日期“2024-13-45”不是日期（应为 2024-03-05 这样的日期）；该行未导入',
    ]);
  });

  it('en: the same issues in English', async () => {
    expect(await previewIssues('en')).toEqual([
      'Line 3: 金额 "abc" is not a number (expected e.g. 1234.50); row not imported',
      'Line 4: date "2024-13-45" is not a date (expected e.g. 2024-03-05); row not imported',
    ]);
  });
});
