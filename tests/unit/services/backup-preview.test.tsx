// The options page's preview of a backup (issue 14 item 6): records per store, from which schema,
// and that the merchant's settings will be replaced — in zh-CN and English — before anything is stored.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ImportPanel, type ImportActions } from '../../../components/options/ImportPanel';
import { ImportSession } from '../../../lib/services/import-session';
import type { SettleGuardDb } from '../../../lib/db';

afterEach(cleanup);

const DIR = resolve(__dirname, '../../fixtures/backups');

async function preview(name: string, locale: 'zh-CN' | 'en') {
  const session = new ImportSession(() => ({}) as SettleGuardDb); // a preview never opens the store
  const actions: ImportActions = {
    preview: (files) => Promise.all(files.map((f) => session.preview(f, {}))),
    commit: async () => [],
    mapColumns: async (p) => p,
    discard: async () => {},
  };
  render(<ImportPanel locale={locale} actions={actions} onImported={() => {}} />);
  const input = document.querySelector<HTMLInputElement>('[data-testid="sg-import-file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([readFileSync(resolve(DIR, name))], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
  return screen.findByTestId('sg-backup-preview');
}

const countsShown = (el: HTMLElement) =>
  Object.fromEntries([...el.querySelectorAll('li[data-store]')].map((li) => [li.getAttribute('data-store'), Number(li.getAttribute('data-count'))]));

describe('the preview of a backup', () => {
  it('lists every store with its records and says the settings will be replaced (zh-CN)', async () => {
    const el = await preview('schema6-full.json', 'zh-CN');
    const doc = JSON.parse(readFileSync(resolve(DIR, 'schema6-full.json'), 'utf8')) as Record<string, unknown[]>;
    expect(countsShown(el)).toEqual({
      settings: 1,
      sites: doc['sites']!.length,
      contracts: 1,
      imports: doc['imports']!.length,
      transactions: 60,
      statementLines: 17,
      cashier: 5,
      coverage: doc['coverage']!.length,
      findings: doc['findings']!.length,
      disputes: 1,
    });
    expect(el.textContent).toContain('数据库版本 6');
    expect(el.textContent).toContain('银行流水: 17');
    expect(screen.getByTestId('sg-backup-settings').textContent).toMatch(/设置.*替换/);
    expect((screen.getByTestId('sg-import-confirm') as HTMLButtonElement).disabled).toBe(false);
  });

  it('names an older backup as such (English)', async () => {
    const el = await preview('schema1-first-export.json', 'en');
    expect(el.getAttribute('data-schema')).toBe('0');
    expect(el.textContent).toContain('made by an earlier version');
    expect(el.textContent).toContain('Disputes, with their history: 2');
    expect(screen.getByTestId('sg-backup-settings').textContent).toMatch(/settings .* replaced/);
  });

  it('a contracts-only file is no backup: no per-store list', async () => {
    const session = new ImportSession(() => ({}) as SettleGuardDb);
    const p = await session.preview({ name: 'contracts-only.json', bytes: new Uint8Array(readFileSync(resolve(DIR, 'contracts-only.json'))) }, {});
    expect(p.result.restore).toBeUndefined();
    expect(p.rowCount).toBe(1);
  });
});
