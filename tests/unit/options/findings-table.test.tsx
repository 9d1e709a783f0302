// The findings dashboard's table (issue 15 item 5): date, RRN, terminal and amount columns, sort
// by any column, filter by kind, status, certainty, dates and text, decide on many at once, and a
// window that puts only the rows in view into the DOM (10,000 findings).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { FindingsTable, ROW_HEIGHT, type FindingsTableActions } from '../../../components/options/findings/FindingsTable';
import { sortRows, toRows, visibleRange } from '../../../components/options/findings/table-model';
import type { FindingKind, Severity, StoredFinding } from '../../../lib/model';

afterEach(cleanup);

function finding(
  id: string,
  kind: FindingKind,
  severity: Severity,
  atStake: string,
  facts: StoredFinding['facts'],
  over: Partial<StoredFinding> = {},
): StoredFinding {
  return {
    id,
    kind,
    severity,
    atStake: { amount: atStake, currency: 'CNY' },
    transactionIds: [`tx:${id}`],
    statementLineIds: [],
    explanation: {
      key: 'finding.fee_above_contract',
      params: { amount: '2500.00', currency: 'CNY', percent: '0.6', expected: '15.00', charged: '17.00', difference: atStake },
    },
    status: 'open',
    firstSeenAt: '2026-03-16T00:00:00Z',
    ...(facts && { facts }),
    ...over,
  };
}

const cny = (amount: string) => ({ amount, currency: 'CNY' });
const FINDINGS = [
  finding('a', 'fee_above_contract', 'overcharge', '2.00', {
    sites: [],
    date: '2026-03-09',
    rrn: '606911745808',
    terminalId: '58120002',
    amount: cny('2500.00'),
  }),
  finding('b', 'duplicate_charge', 'suspect', '388.00', { sites: [], date: '2026-03-12', rrn: '607119242731', terminalId: '58120001', amount: cny('388.00') }),
  finding('c', 'debit_cap_ignored', 'overcharge', '20.00', {
    sites: [],
    date: '2026-03-03',
    rrn: '606316496506',
    terminalId: '58120001',
    amount: cny('8000.00'),
  }),
  finding(
    'd',
    'fee_above_contract',
    'overcharge',
    '9.50',
    { sites: [], date: '2026-03-20', rrn: '600000000001', amount: cny('100.00') },
    { status: 'dismissed' },
  ),
  finding('e', 'settlement_missing', 'overcharge', '100.00', undefined),
];

function show(findings: StoredFinding[] = FINDINGS, over: Partial<FindingsTableActions> = {}) {
  const actions: FindingsTableActions = {
    setStatuses: vi.fn(async () => {}),
    openDispute: vi.fn(),
    loadEvidence: vi.fn(async () => ({ transactions: {}, statementLines: {} })),
    ...over,
  };
  const { container } = render(<FindingsTable locale="en" findings={findings} actions={actions} />);
  return { actions, container: container as HTMLElement };
}
const ids = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('tbody > tr[data-finding-id]')].map((r) => r.dataset.findingId);
const sortBy = (c: HTMLElement, key: string) => fireEvent.click(c.querySelector(`button[data-sort="${key}"]`)!);

describe('findings table', () => {
  it('shows date, RRN, terminal, amount, kind, status and money at stake; open findings, most money first', () => {
    const { container } = show();
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
      '',
      'Date',
      'Reference (RRN)',
      'Terminal',
      'Amount',
      'Type',
      'Status',
      'At stake ▼',
      'Actions',
    ]);
    expect(ids(container)).toEqual(['b', 'e', 'c', 'a']);
    const row = container.querySelector('tr[data-finding-id="c"]')!;
    expect([...row.querySelectorAll('td')].slice(1, 8).map((td) => td.textContent)).toEqual([
      '2026-03-03',
      '606316496506',
      '58120001',
      '¥8,000.00',
      'Debit card cap ignored',
      'Open',
      '¥20.00',
    ]);
    // a finding with no row behind it still lists, with dashes
    expect(container.querySelector('tr[data-finding-id="e"] td:nth-child(2)')?.textContent).toBe('—');
    expect(screen.getByTestId('sg-findings-shown').textContent).toBe('4 of 5 findings');
  });

  it('sorts by any column, both ways; rows without the value last', () => {
    const { container } = show();
    sortBy(container, 'date');
    expect(ids(container)).toEqual(['b', 'a', 'c', 'e']);
    sortBy(container, 'date');
    expect(ids(container)).toEqual(['c', 'a', 'b', 'e']);
    expect(container.querySelector('th[aria-sort="ascending"] button')?.getAttribute('data-sort')).toBe('date');
    sortBy(container, 'amount');
    expect(ids(container)).toEqual(['c', 'a', 'b', 'e']);
    sortBy(container, 'rrn');
    expect(ids(container)).toEqual(['c', 'a', 'b', 'e']);
    sortBy(container, 'terminal');
    expect(ids(container)).toEqual(['b', 'c', 'a', 'e']);
  });

  it('money sorts as decimals, not as text', () => {
    const rows = toRows(
      [finding('x', 'hidden_fee', 'overcharge', '100.00', undefined), finding('y', 'hidden_fee', 'overcharge', '9.50', undefined)],
      (k) => k,
      () => '',
    );
    expect(sortRows(rows, { key: 'atStake', dir: 'desc' }).map((r) => r.finding.id)).toEqual(['x', 'y']);
  });

  it('filters by kind, status, certainty, date range and text', () => {
    const { container } = show();
    const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
    change('sg-filter-kind', 'fee_above_contract');
    expect(ids(container)).toEqual(['a']);
    change('sg-filter-status', '');
    expect(ids(container)).toEqual(['d', 'a']);
    change('sg-filter-kind', '');
    change('sg-filter-severity', 'suspect');
    expect(ids(container)).toEqual(['b']);
    change('sg-filter-severity', '');
    change('sg-filter-from', '2026-03-09');
    change('sg-filter-to', '2026-03-12');
    expect(ids(container)).toEqual(['b', 'a']);
    change('sg-filter-from', '');
    change('sg-filter-to', '');
    fireEvent.input(screen.getByTestId('sg-filter-text'), { target: { value: '5812000' } });
    expect(ids(container)).toEqual(['b', 'c', 'a']);
    fireEvent.input(screen.getByTestId('sg-filter-text'), { target: { value: 'no such thing' } });
    expect(container.textContent).toContain('No finding matches these filters.');
  });

  it('acts on the selected findings at once: dismiss, mark disputed, reopen', async () => {
    const { container, actions } = show();
    const check = (id: string) => fireEvent.click(container.querySelector(`tr[data-finding-id="${id}"] input[type=checkbox]`)!);
    check('a');
    check('b');
    expect(screen.getByTestId('sg-findings-selected').textContent).toBe('2 selected');
    fireEvent.click(screen.getByTestId('sg-bulk-dismiss'));
    await waitFor(() => expect(actions.setStatuses).toHaveBeenCalledWith(['a', 'b'], 'dismissed'));
    await waitFor(() => expect(screen.getByTestId('sg-findings-selected').textContent).toBe('0 selected'));
    fireEvent.click(screen.getByTestId('sg-select-all'));
    expect(screen.getByTestId('sg-findings-selected').textContent).toBe('4 selected');
    fireEvent.click(screen.getByTestId('sg-bulk-disputed'));
    await waitFor(() => expect(actions.setStatuses).toHaveBeenLastCalledWith(expect.arrayContaining(['a', 'b', 'c', 'e']), 'disputed'));
    fireEvent.change(screen.getByTestId('sg-filter-status'), { target: { value: 'dismissed' } });
    fireEvent.click(screen.getByTestId('sg-select-all'));
    fireEvent.click(screen.getByTestId('sg-bulk-restore'));
    await waitFor(() => expect(actions.setStatuses).toHaveBeenLastCalledWith(['d'], 'open'));
  });

  it('opens one finding with its explanation and loads its evidence only then', async () => {
    const { container, actions } = show();
    expect(actions.loadEvidence).not.toHaveBeenCalled();
    fireEvent.click(container.querySelector('tr[data-finding-id="a"] button[aria-expanded]')!);
    await waitFor(() => expect(actions.loadEvidence).toHaveBeenCalledWith(FINDINGS[0]));
    expect(screen.getByTestId('sg-finding-detail').textContent).toContain('¥17.00');
  });

  it('10,000 findings: only the rows in view are in the DOM, and scrolling moves the window', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      finding(`f${String(i).padStart(5, '0')}`, 'fee_above_contract', 'overcharge', '1.00', {
        sites: [],
        date: '2026-03-01',
        rrn: String(600000000000 + i),
        amount: cny('100.00'),
      }),
    );
    const { container } = show(many);
    const rendered = () => [...container.querySelectorAll<HTMLElement>('tbody > tr[data-finding-id]')];
    expect(rendered().length).toBeLessThanOrEqual(Math.ceil(560 / ROW_HEIGHT) + 12);
    expect(rendered()[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(container.querySelector('table')?.getAttribute('aria-rowcount')).toBe('10001');
    const scroller = container.querySelector<HTMLElement>('.findings-scroll')!;
    scroller.scrollTop = 5000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    const first = Number(rendered()[0]?.getAttribute('aria-rowindex'));
    expect(first).toBeGreaterThan(4990);
    expect(first).toBeLessThanOrEqual(5002);
    expect(rendered().length).toBeLessThanOrEqual(Math.ceil(560 / ROW_HEIGHT) + 12);
    // the spacers keep the full height, so the scrollbar stays true to 10,000 rows
    const spacers = [...container.querySelectorAll<HTMLElement>('tr.spacer td')].reduce((s, td) => s + Number.parseFloat(td.style.height), 0);
    expect(spacers + rendered().length * ROW_HEIGHT).toBe(10_000 * ROW_HEIGHT);
  });

  it('visibleRange keeps a few rows either side and never leaves the list', () => {
    expect(visibleRange(0, 400, 40, 1000)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(4000, 400, 40, 1000)).toEqual({ start: 94, end: 116 });
    expect(visibleRange(39_900, 400, 40, 1000)).toEqual({ start: 991, end: 1000 });
    expect(visibleRange(0, 400, 40, 3)).toEqual({ start: 0, end: 3 });
  });
});
