// The terminal health chart (issue 13 item 4) on the findings tab: one month of a shop's
// terminals, each with its four problem rates beside the shop's average, the terminal the rule
// finds out of line highlighted, labels in zh-CN and English.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { TerminalHealthChart } from '../../../components/charts/TerminalHealthChart';
import { FindingsPanel } from '../../../components/options/FindingsPanel';
import { terminalHealthViews } from '../../../lib/reconcile/terminal-stats';
import { txn } from '../../fixtures/scenarios/builders';
import type { PortalTransaction } from '../../../lib/model';

afterEach(cleanup);

/** One month (March 2026) of four terminals with 200 sales each: 10010003 has 16 reversals, the others 2. */
function month(): PortalTransaction[] {
  const out: PortalTransaction[] = [];
  let n = 0;
  for (const terminalId of ['10010001', '10010002', '10010003', '10010004']) {
    const reversals = terminalId === '10010003' ? 16 : 2;
    for (let i = 0; i < 200; i++) {
      const id = `s${++n}`;
      const occurredAt = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(n % 60).padStart(2, '0')}:00`;
      out.push(txn({ id, amount: '50.00', occurredAt, terminalId, rrn: `R${n}`, status: i < reversals ? 'reversed' : 'success' }));
    }
  }
  return out;
}

const [view] = terminalHealthViews(month(), new Set());

describe('TerminalHealthChart', () => {
  it('highlights the terminal out of line, and only its reversals column', () => {
    render(<TerminalHealthChart view={view!} locale="en" />);
    const chart = screen.getByTestId('sg-terminal-health');
    const rows = [...chart.querySelectorAll('[data-terminal]')];
    expect(rows.map((r) => [r.getAttribute('data-terminal'), r.getAttribute('data-out-of-line')])).toEqual([
      ['10010001', 'false'],
      ['10010002', 'false'],
      ['10010003', 'true'],
      ['10010004', 'false'],
    ]);
    const sick = chart.querySelector('[data-terminal="10010003"]')!;
    expect([...sick.querySelectorAll('g[data-metric][data-out-of-line="true"]')].map((g) => g.getAttribute('data-metric'))).toEqual(['reversals']);
    expect(sick.textContent).toContain('8.00%');
    expect(sick.textContent).toContain('out of line: check it');
    expect(chart.textContent).toContain('out of line: have this POS checked');
    expect(chart.querySelector('[data-terminal="10010001"]')!.textContent).toContain('200 transactions');
    // the shop's average (22 of 800 = 2.75 %) is drawn across each column and named on hover
    expect(chart.querySelector('[data-shop-average="reversals"] title')!.textContent).toBe('shop average · reversals 2.75%');
    expect(sick.querySelector('g[data-metric="reversals"] title')!.textContent).toBe('10010003 · reversals 8.00% (16/200) · shop average 2.75%');
  });

  it('labels in English and in Chinese', () => {
    const headers = () => [...screen.getByTestId('sg-terminal-health').querySelectorAll(':scope > text[data-metric]')].map((x) => x.textContent);
    render(<TerminalHealthChart view={view!} locale="en" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Terminal health, merchant 898100000000001, 2026-03: problem transactions per terminal');
    expect(headers()).toEqual(['duplicate swipes', 'reversals', 'voids', 'failed or declined']);
    expect(screen.getByTestId('sg-terminal-health').textContent).toContain('shop average');
    cleanup();
    render(<TerminalHealthChart view={view!} locale="zh-CN" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('终端健康（商户 898100000000001），2026-03：各终端异常交易比例');
    expect(headers()).toEqual(['重复刷卡', '冲正', '撤销', '失败或被拒']);
    const chart = screen.getByTestId('sg-terminal-health');
    expect(chart.textContent).toContain('本店平均');
    expect(chart.querySelector('[data-terminal="10010003"]')!.textContent).toContain('偏高：请检查');
    expect(chart.textContent).toContain('明显偏高：请检查这台POS机');
  });

  it('shows every terminal healthy when none is out of line', () => {
    const [even] = terminalHealthViews(
      month().map((t) => ({ ...t, status: 'success' as const })),
      new Set(),
    );
    render(<TerminalHealthChart view={even!} locale="en" />);
    expect(screen.getByTestId('sg-terminal-health').querySelectorAll('[data-out-of-line="true"]')).toHaveLength(0);
  });

  it('is shown in the charts view of the findings tab', async () => {
    render(
      <FindingsPanel
        locale="en"
        findings={[]}
        contracts={[]}
        actions={{
          setStatuses: async () => {},
          openDispute: () => {},
          loadEvidence: async () => ({ transactions: {}, statementLines: {} }),
          loadCharts: async () => ({ rates: [], terminals: [view!], settlements: [] }),
        }}
      />,
    );
    expect(screen.queryByTestId('sg-terminal-health')).toBeNull();
    fireEvent.click(screen.getByTestId('sg-findings-view-charts'));
    const chart = await screen.findByTestId('sg-terminal-health');
    expect(chart.querySelector('[data-terminal="10010003"]')!.getAttribute('data-out-of-line')).toBe('true');
  });
});
