// The Your data tab (issue 15 item 8): storage used and records per store are shown; deleting first
// lists what goes and what stays with their counts, the setup kept unless ticked, and only the
// confirm button deletes (with the choice the merchant made).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPanel, type DataActions } from '../../../components/options/data/DataPanel';

afterEach(cleanup);

const COUNTS = {
  transactions: 60,
  statementLines: 17,
  cashier: 5,
  contracts: 1,
  findings: 4,
  disputes: 1,
  imports: 3,
  sites: 1,
  settings: 1,
  coverage: 2,
  unchecked: 0,
};

function setUp() {
  const actions: DataActions = {
    counts: vi.fn(async () => ({ ...COUNTS })),
    estimate: async () => ({ usage: 3.5 * 1024 * 1024, quota: 10 * 1024 ** 3 }),
    exportFile: vi.fn(async (format, tables) => `settleguard-${tables.join('+')}.${format}`),
    exportBackup: vi.fn(async () => undefined),
    deleteData: vi.fn(async (withSetup: boolean) =>
      Object.fromEntries(Object.entries(COUNTS).map(([s, n]) => [s, !withSetup && ['settings', 'contracts', 'sites'].includes(s) ? n : 0])),
    ),
  };
  return actions;
}

const listed = (testId: string) =>
  Array.from(screen.getByTestId(testId).querySelectorAll('li')).map((li) => `${li.getAttribute('data-store')}=${li.getAttribute('data-count')}`);

describe('DataPanel', () => {
  it('shows storage used and the records of every store', async () => {
    render(<DataPanel locale="en" actions={setUp()} onChanged={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('sg-data-usage').textContent).toContain('3.5 MB'));
    expect(screen.getByTestId('sg-data-usage').textContent).toContain('10 GB');
    const rows = screen.getByTestId('sg-data-counts').querySelectorAll('tbody tr');
    expect(rows.length).toBe(Object.keys(COUNTS).length);
    expect(screen.getByTestId('sg-data-counts').textContent).toContain('Portal transactions60');
  });

  it('the confirmation lists what goes and what stays; the setup goes only when ticked; confirm deletes with that choice', async () => {
    const actions = setUp();
    const changed = vi.fn();
    render(<DataPanel locale="zh-CN" actions={actions} onChanged={changed} />);
    fireEvent.click(await screen.findByTestId('sg-data-delete'));
    expect(actions.deleteData).not.toHaveBeenCalled();
    expect(listed('sg-data-delete-goes')).toEqual(['transactions=60', 'statementLines=17', 'cashier=5', 'findings=4', 'disputes=1', 'imports=3', 'coverage=2']);
    expect(listed('sg-data-delete-stays')).toEqual(['contracts=1', 'sites=1', 'settings=1']);
    expect(screen.getByTestId('sg-data-delete-confirm').textContent).toBe('删除 92 条记录');

    fireEvent.click(screen.getByTestId('sg-data-delete-setup'));
    expect(listed('sg-data-delete-goes')).toContain('settings=1');
    expect(screen.queryByTestId('sg-data-delete-stays')).toBeNull();
    expect(screen.getByTestId('sg-data-delete-confirm').textContent).toBe('删除 95 条记录');

    fireEvent.click(screen.getByTestId('sg-data-delete-setup'));
    fireEvent.click(screen.getByTestId('sg-data-delete-confirm'));
    await waitFor(() => expect(actions.deleteData).toHaveBeenCalledWith(false));
    await waitFor(() => expect(screen.getByTestId('sg-data-status').textContent).toBe('已删除。剩余 3 条记录。'));
    expect(changed).toHaveBeenCalled();
  });

  it('export buttons ask for the table and format', async () => {
    const actions = setUp();
    render(<DataPanel locale="en" actions={actions} onChanged={() => {}} />);
    fireEvent.click(await screen.findByTestId('sg-export-findings-csv'));
    await waitFor(() => expect(actions.exportFile).toHaveBeenCalledWith('csv', ['findings'], 'en'));
    fireEvent.click(screen.getByTestId('sg-export-all-xlsx'));
    await waitFor(() => expect(actions.exportFile).toHaveBeenLastCalledWith('xlsx', ['findings', 'transactions', 'statementLines'], 'en'));
    expect(await screen.findByTestId('sg-data-status')).toHaveProperty('textContent', 'Saved settleguard-findings+transactions+statementLines.xlsx.');
  });
});
