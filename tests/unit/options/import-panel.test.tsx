// The import preview's day/month question (issue 12 item 7): a file whose dates like 03/04/2024
// nothing decides is not refused — the preview asks day first or month first, reads the file again
// with the answer and then imports it; a file decided by its language shows what decided, with the
// other reading one click away. Real parsing (ImportSession in place); the store is a test double.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ImportPanel, type ImportActions } from '../../../components/options/ImportPanel';
import { ImportSession } from '../../../lib/services/import-session';
import type { ImportOutcome } from '../../../lib/services/imports';
import type { SettleGuardDb } from '../../../lib/db';

afterEach(cleanup);

const GBP = ['Date,Description,Amount,Currency', '03/04/2024,Payout,1234.56,GBP', '05/06/2024,Card fee,-12.30,GBP'];
const SPANISH = [
  '"Fecha","Hora","Zona horaria","Nombre","Descripción","Estado","Divisa","Bruto","Comisión","Neto","Saldo","Id. de transacción"',
  '"03/04/2024","10:00:00","CET","Cliente 1","Pago","Completado","EUR","10,00","0,00","10,00","10,00","T1"',
  '"01/02/2024","11:00:00","CET","Cliente 2","Pago","Completado","EUR","20,00","0,00","20,00","30,00","T2"',
];

function setUp() {
  const session = new ImportSession(() => ({}) as SettleGuardDb); // preview and reparse never open the store
  const committed: string[][] = [];
  const actions: ImportActions = {
    preview: (files) => Promise.all(files.map((f) => session.preview(f, {}))),
    reparse: vi.fn((p, options) => session.reparse(p.token, options, {})),
    commit: async (previews) => {
      committed.push(previews.map((p) => `${p.name}:${p.rowCount}`));
      return previews.map(
        (p): ImportOutcome => ({
          name: p.name,
          format: p.result.format,
          encoding: p.result.encoding,
          rows: p.rowCount,
          added: p.rowCount,
          known: 0,
          contracts: 0,
          issues: [],
          stored: true,
        }),
      );
    },
    mapColumns: async (p) => p,
    discard: async () => {},
  };
  return { actions, committed };
}

async function choose(lines: string[], name: string) {
  const input = document.querySelector<HTMLInputElement>('[data-testid="sg-import-file"]')!;
  const file = new File([lines.join('\n')], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  await screen.findByTestId('sg-import-preview');
}

describe('ImportPanel: dates day first or month first', () => {
  it('asks when nothing decides, reads the file again with the answer, then imports it', async () => {
    const { actions, committed } = setUp();
    render(<ImportPanel locale="en" actions={actions} onImported={() => {}} />);
    await choose(GBP, 'bank.csv');
    const question = await screen.findByTestId('sg-date-order');
    expect(question.dataset.decided).toBe('none');
    expect(question.textContent).toContain('03/04/2024');
    expect(screen.getByTestId('sg-date-order-dmy').textContent).toBe('Day first: 03/04/2024 is 2024-04-03');
    expect(screen.getByTestId('sg-date-order-mdy').textContent).toBe('Month first: 03/04/2024 is 2024-03-04');
    // nothing readable yet: the two lines wait for the answer
    expect(screen.getByTestId<HTMLButtonElement>('sg-import-confirm').disabled).toBe(true);

    fireEvent.click(screen.getByTestId('sg-date-order-mdy'));
    await waitFor(() => expect(screen.getByTestId('sg-date-order').dataset.decided).toBe('merchant'));
    expect(actions.reparse).toHaveBeenCalledWith(expect.objectContaining({ name: 'bank.csv' }), { dateOrder: 'mdy' });
    expect(screen.getByTestId('sg-date-order').dataset.order).toBe('mdy');
    // the reason comes from the issue catalogues' parts, in the page's language
    expect(screen.getByTestId('sg-date-order').textContent).toContain('as you chose');
    expect(screen.getByTestId('sg-import-preview').textContent).toContain('2024-03-04 – 2024-05-06');
    // the other reading stays one click away
    expect(screen.getByTestId('sg-date-order-dmy')).toBeTruthy();

    fireEvent.click(screen.getByTestId<HTMLButtonElement>('sg-import-confirm'));
    await screen.findByTestId('sg-import-result');
    expect(committed).toEqual([['bank.csv:2']]);
  });

  it('in Chinese too', async () => {
    const { actions } = setUp();
    render(<ImportPanel locale="zh-CN" actions={actions} onImported={() => {}} />);
    await choose(GBP, 'bank.csv');
    expect((await screen.findByTestId('sg-date-order-dmy')).textContent).toBe('日在前：03/04/2024 即 2024-04-03');
    expect(screen.getByTestId('sg-date-order').textContent).toContain('请选择您的银行如何书写日期');
  });

  it('a Spanish PayPal export is read day first by its language; the preview says so and offers month first', async () => {
    const { actions } = setUp();
    render(<ImportPanel locale="en" actions={actions} onImported={() => {}} />);
    await choose(SPANISH, 'actividad.csv');
    const shown = await screen.findByTestId('sg-date-order');
    expect(shown.dataset).toMatchObject({ decided: 'language', order: 'dmy' });
    expect(shown.textContent).toContain('03/04/2024 read as 2024-04-03 (the column names are in a language that writes the day first)');
    expect(screen.getByTestId<HTMLButtonElement>('sg-import-confirm').disabled).toBe(false);
    fireEvent.click(screen.getByTestId('sg-date-order-mdy'));
    await waitFor(() => expect(screen.getByTestId('sg-date-order').dataset.order).toBe('mdy'));
    expect(screen.getByTestId('sg-import-preview').textContent).toContain('2024-01-02 – 2024-03-04');
  });

  it('no question when the dates decide by themselves, or the file has no such dates', async () => {
    const { actions } = setUp();
    render(<ImportPanel locale="en" actions={actions} onImported={() => {}} />);
    await choose(['Date,Description,Amount,Currency', '25/04/2024,Payout,1.00,GBP', '03/04/2024,Fee,-1.00,GBP'], 'bank.csv');
    expect(screen.queryByTestId('sg-date-order')).toBeNull();
  });
});
