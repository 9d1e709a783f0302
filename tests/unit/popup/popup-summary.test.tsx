// What the popup says about money (issue 15 item 4): certain and suspected apart, this site and
// the others without repeating each other, days not checked yet, when data last came in, one next
// action, and a calm face (no red, no "¥0.00") when nothing is wrong.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { PopupData } from '../../../lib/services/popup';
import { NO_FIGURES, type FindingFigures } from '../../../lib/popup-figures';

afterEach(cleanup);

const cny = (amount: string) => ({ amount, currency: 'CNY' });
const figures = (certain: [number, string] | null, suspected: [number, string] | null): FindingFigures => ({
  certain: certain ? { count: certain[0], atStake: [cny(certain[1])] } : { count: 0, atStake: [] },
  suspected: suspected ? { count: suspected[0], atStake: [cny(suspected[1])] } : { count: 0, atStake: [] },
  byKind: [
    ...(certain ? [{ kind: 'debit_cap_ignored' as const, count: certain[0] }] : []),
    ...(suspected ? [{ kind: 'duplicate_charge' as const, count: suspected[0] }] : []),
  ],
});
const data = (over: Partial<PopupData> = {}): PopupData => ({
  locale: 'en',
  origin: 'https://portal.example',
  site: NO_FIGURES,
  siteRows: 60,
  elsewhere: NO_FIGURES,
  siteState: 'enabled',
  disputes: { claimed: [], recovered: [] },
  unchecked: [],
  next: { kind: 'none' },
  ...over,
});

async function show(d: PopupData, openOptions: (tab?: string) => void = () => {}) {
  const { container } = render(<PopupApp load={async () => d} openOptions={openOptions} enableSite={async () => 'running'} disableSite={async () => {}} />);
  await waitFor(() => expect(container.querySelector('main')).not.toBeNull());
  return container as HTMLElement;
}
const byTestId = (c: HTMLElement, id: string) => c.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('PopupApp money', () => {
  it('an empty site is calm: no red figure, no zero amount, no second block repeating it', async () => {
    const c = await show(data());
    expect(byTestId(c, 'sg-popup-site-calm')?.textContent).toBe('Nothing wrong found on this site.');
    expect(c.querySelector('.big.bad')).toBeNull();
    expect(c.textContent).not.toMatch(/0\.00/);
    expect(byTestId(c, 'sg-popup-elsewhere')).toBeNull();
    expect(byTestId(c, 'sg-popup-overall')).toBeNull();
    expect(byTestId(c, 'sg-popup-next')?.dataset.action).toBe('none');
  });

  it('shows certain money apart from suspected: the suspect duplicate is not in the red figure', async () => {
    const c = await show(data({ site: figures([3, '58.50'], [1, '388.00']), next: { kind: 'review', count: 3, certain: true } }));
    expect(byTestId(c, 'sg-popup-site-certain')?.textContent).toBe('¥58.50');
    expect(byTestId(c, 'sg-popup-site-certain')?.className).toContain('bad');
    expect(byTestId(c, 'sg-popup-site-certain-count')?.textContent).toBe('3 findings');
    expect(byTestId(c, 'sg-popup-site-suspected')?.textContent).toBe('¥388.00');
    expect(byTestId(c, 'sg-popup-site-suspected')?.className).not.toContain('bad');
    expect(byTestId(c, 'sg-popup-site-suspected-count')?.textContent).toBe('1 finding');
    expect(c.textContent).not.toContain('446.50');
  });

  it('other sites are shown apart, only with what is not on this site', async () => {
    const c = await show(data({ site: figures([1, '2.00'], null), elsewhere: figures([2, '40.00'], null) }));
    expect(byTestId(c, 'sg-popup-site')?.querySelector('h2')?.textContent).toBe('On this site');
    expect(byTestId(c, 'sg-popup-elsewhere')?.querySelector('h2')?.textContent).toBe('Other sites');
    expect(byTestId(c, 'sg-popup-elsewhere-certain')?.textContent).toBe('¥40.00');
  });

  it('off any portal: one block for all sites', async () => {
    const c = await show(data({ origin: null, site: null, siteState: 'restricted', elsewhere: figures(null, [1, '388.00']) }));
    expect(byTestId(c, 'sg-popup-site')).toBeNull();
    expect(byTestId(c, 'sg-popup-overall')?.querySelector('h2')?.textContent).toBe('All sites');
    expect(byTestId(c, 'sg-popup-overall-suspected')?.textContent).toBe('¥388.00');
    expect(byTestId(c, 'sg-popup-overall-certain')).toBeNull();
  });

  it('says what is not checked yet, day by day, and the step that checks it', async () => {
    const c = await show(
      data({
        unchecked: [
          { reason: 'partial_capture', days: ['2026-03-24'], hint: { key: 'unchecked.partial_capture', params: { rowsSeen: '18', statedCount: '41' } } },
          { reason: 'statement_ended', days: ['2026-03-30', '2026-03-31'], hint: { key: 'unchecked.statement_ended', params: { after: '2026-03-29' } } },
        ],
        next: { kind: 'capture', day: '2026-03-24' },
      }),
    );
    expect(byTestId(c, 'sg-popup-unchecked-count')?.textContent).toBe('Not checked yet: 3 days');
    const items = [...byTestId(c, 'sg-popup-unchecked')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['2026-03-24: not every row captured (18 of 41)', '2026-03-30 – 2026-03-31: the bank statement ends on 2026-03-29']);
    expect(byTestId(c, 'sg-popup-next')?.textContent).toContain('Open 2026-03-24 on the portal and press Capture all pages');
    expect(byTestId(c, 'sg-popup-next-go')).toBeNull();
  });

  it('the next action leads to the right tab of the options page', async () => {
    const openOptions = vi.fn();
    const c = await show(data({ site: figures([2, '22.00'], null), next: { kind: 'review', count: 2, certain: true } }), openOptions);
    expect(byTestId(c, 'sg-popup-next')?.textContent).toContain('Review 2 overcharges');
    fireEvent.click(byTestId(c, 'sg-popup-next-go')!);
    expect(openOptions).toHaveBeenCalledWith('findings');
  });

  it('shows when rows were last captured and a file last imported, or never', async () => {
    const c = await show(data({ lastCaptureAt: '2026-03-16T08:00:00Z' }));
    const times = byTestId(c, 'sg-popup-times')!.textContent!;
    // in the browser's time zone, as lib/i18n/format.ts writes instants
    expect(times).toMatch(/Last capture: 2026-03-1[67] \d\d:\d\d/);
    expect(times).toContain('Last import: never');
  });

  it('speaks Chinese', async () => {
    await show(data({ locale: 'zh-CN', site: figures([1, '20.00'], [1, '388.00']), next: { kind: 'import', day: '2026-03-31', after: '2026-03-29' } }));
    expect(screen.getByText('本站')).toBeTruthy();
    expect(screen.getByText('确定多扣')).toBeTruthy();
    expect(screen.getByText('疑似')).toBeTruthy();
    expect(screen.getByText('导入 2026-03-29 之后的银行流水，即可核对 2026-03-31 起的结算。')).toBeTruthy();
    expect(screen.getByText(/上次导入：从未/)).toBeTruthy();
  });
});
