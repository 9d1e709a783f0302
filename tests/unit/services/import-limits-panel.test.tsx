// Issue 14 item 3: a file refused by the import limits is shown in the preview in the page's
// language (zh-CN / en), naming the file and the limit; nothing of it can be confirmed.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ImportPanel, type ImportActions } from '../../../components/options/ImportPanel';
import { ImportSession } from '../../../lib/services/import-session';
import { IMPORT_LIMITS } from '../../../lib/statements/limits';
import type { SettleGuardDb } from '../../../lib/db';

afterEach(cleanup);

function actions(): ImportActions {
  // rows lowered to 2, passed in: a three-line CSV is past it
  const session = new ImportSession(() => ({}) as SettleGuardDb, { ...IMPORT_LIMITS, rows: 2 });
  return {
    preview: (files) => Promise.all(files.map((f) => session.preview(f, {}))),
    commit: async () => [],
    mapColumns: async (p) => p,
    discard: async () => {},
  };
}

async function choose(name: string) {
  const input = document.querySelector<HTMLInputElement>('[data-testid="sg-import-file"]')!;
  Object.defineProperty(input, 'files', {
    value: [new File(['交易日期,金额\n2024-01-02,1.00\n2024-01-03,2.00'], name, { type: 'text/csv' })],
    configurable: true,
  });
  fireEvent.change(input);
  return screen.findByTestId('sg-import-preview');
}

describe('ImportPanel: a file past the import limits', () => {
  it.each([
    ['zh-CN', '“long.csv”超过 2 行，这是结算卫士单个文件可读取的上限。'],
    ['en', '"long.csv" has more than 2 lines, the most SettleGuard reads in one file.'],
  ] as const)('is explained in %s, naming the file and the limit', async (locale, text) => {
    render(<ImportPanel locale={locale} actions={actions()} onImported={() => {}} />);
    const preview = await choose('long.csv');
    expect(preview.textContent).toContain(text);
    expect(screen.getByTestId<HTMLButtonElement>('sg-import-confirm').disabled).toBe(true);
  });
});
