// Issue 15 item 9 on the page: while a file is read or stored the import tab shows a progress bar
// with lines read / rows stored instead of "加载中…", and a Cancel; a cancel says what it left.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel, type ImportActions } from '../../../components/options/ImportPanel';
import { ImportCancelled, type OnProgress, type PreviewSummary } from '../../../lib/services/import-session';

afterEach(cleanup);

const preview: PreviewSummary = {
  token: 't1',
  name: 'big.csv',
  size: 2_000_000,
  sha256: 'x',
  rowCount: 20_000,
  readable: true,
  result: { format: 'csv', encoding: 'utf-8', accounts: [], kind: 'bank', issues: [] },
};

function choose(name: string) {
  const input = document.querySelector<HTMLInputElement>('[data-testid="sg-import-file"]')!;
  Object.defineProperty(input, 'files', { value: [new File(['x'], name, { type: 'text/csv' })], configurable: true });
  fireEvent.change(input);
}

describe('ImportPanel progress and cancel', () => {
  it('shows lines while reading and rows stored of all while storing; cancel while storing says nothing of the file was stored', async () => {
    let report: OnProgress = () => {};
    let stop: (e: Error) => void = () => {};
    const cancel = vi.fn(() => stop(new ImportCancelled([])));
    const actions: ImportActions = {
      preview: (_files, onProgress) => {
        onProgress?.({ phase: 'reading', file: 'big.csv', lines: 20_001, bytes: 2_000_000 });
        return Promise.resolve([preview]);
      },
      commit: (_p, onProgress) =>
        new Promise((_resolve, reject) => {
          report = onProgress!;
          stop = reject;
        }),
      mapColumns: async (p) => p,
      discard: async () => {},
      cancel,
    };
    const imported = vi.fn();
    render(<ImportPanel locale="zh-CN" actions={actions} onImported={imported} />);
    choose('big.csv');
    fireEvent.click(await screen.findByTestId('sg-import-confirm'));
    await screen.findByTestId('sg-import-progress');
    report({ phase: 'storing', file: 'big.csv', stored: 12_000, total: 20_000 });
    await waitFor(() => expect(screen.getByTestId('sg-import-progress-text').textContent).toBe('正在保存 big.csv：12,000 / 20,000 条'));
    const bar = screen.getByTestId('sg-import-progress').querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['12000', '20000']);
    expect(screen.queryByText('加载中…')).toBeNull();

    fireEvent.click(screen.getByTestId('sg-import-cancel'));
    expect(cancel).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('sg-import-cancelled').textContent).toBe('已取消：big.csv 的内容均未保存。'));
    expect(screen.queryByTestId('sg-import-progress')).toBeNull();
    expect(screen.queryByTestId('sg-import-preview')).toBeNull();
  });

  it('a cancel while findings are checked after the last file also takes that file back; files stored before are named as kept', async () => {
    let report: OnProgress = () => {};
    let stop: (e: Error) => void = () => {};
    const actions: ImportActions = {
      preview: async () => [preview, { ...preview, token: 't0', name: 'small.csv' }],
      commit: (_p, onProgress) =>
        new Promise((_resolve, reject) => {
          report = onProgress!;
          stop = reject;
        }),
      mapColumns: async (p) => p,
      discard: async () => {},
      cancel: () => stop(new ImportCancelled(['small.csv'])),
    };
    render(<ImportPanel locale="en" actions={actions} onImported={() => {}} />);
    choose('big.csv');
    fireEvent.click(await screen.findByTestId('sg-import-confirm'));
    await screen.findByTestId('sg-import-progress');
    report({ phase: 'storing', file: 'small.csv', stored: 0, total: 3 });
    report({ phase: 'stored', file: 'small.csv', added: 3 });
    report({ phase: 'storing', file: 'big.csv', stored: 0, total: 20_000 });
    report({ phase: 'stored', file: 'big.csv', added: 20_000 });
    report({ phase: 'checking' });
    await waitFor(() => expect(screen.getByTestId('sg-import-progress-text').textContent).toBe('Checking for findings…'));
    fireEvent.click(screen.getByTestId('sg-import-cancel'));
    await waitFor(() =>
      expect(screen.getByTestId('sg-import-cancelled').textContent).toBe(
        'Cancelled: nothing of big.csv was stored.Stored before you cancelled, and kept: small.csv.',
      ),
    );
  });

  it('reading shows the file’s lines; a cancel then says nothing was stored; files stored before a cancel are named', async () => {
    let reject: (e: Error) => void = () => {};
    const actions: ImportActions = {
      preview: (_files, onProgress) => {
        onProgress?.({ phase: 'reading', file: 'big.csv', lines: 20_001, bytes: 2_000_000 });
        return new Promise((_r, no) => {
          reject = no;
        });
      },
      commit: async () => [],
      mapColumns: async (p) => p,
      discard: async () => {},
      cancel: () => reject(new ImportCancelled([])),
    };
    render(<ImportPanel locale="en" actions={actions} onImported={() => {}} />);
    choose('big.csv');
    await waitFor(() => expect(screen.getByTestId('sg-import-progress-text').textContent).toBe('Reading big.csv: 20,001 lines…'));
    fireEvent.click(screen.getByTestId('sg-import-cancel'));
    await waitFor(() => expect(screen.getByTestId('sg-import-cancelled').textContent).toBe('Cancelled while reading: nothing was stored.'));
  });
});
