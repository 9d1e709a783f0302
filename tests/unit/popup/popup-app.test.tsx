// The popup's site block (issue 12 item 5): Enable on a site not enabled, what came of the click,
// and the plain statement that it cannot run on a browser or extension page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PopupApp, type PopupActions } from '../../../components/popup/PopupApp';
import type { PopupData } from '../../../lib/services/popup';
import type { EnableOutcome } from '../../../lib/services/sites';

const EMPTY = { certain: { count: 0, atStake: [] }, suspected: { count: 0, atStake: [] }, byKind: [] };
const data = (over: Partial<PopupData>): PopupData => ({
  locale: 'en',
  origin: 'https://merchant.example.cn',
  site: EMPTY,
  siteRows: 0,
  elsewhere: EMPTY,
  unchecked: [],
  next: { kind: 'none' },
  siteState: 'disabled',
  disputes: { claimed: [], recovered: [] },
  ...over,
});

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function show(
  load: () => Promise<PopupData>,
  enableSite: (origin: string) => Promise<EnableOutcome> = async () => 'running',
  more: Partial<PopupActions> = {},
) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<PopupApp load={load} openOptions={() => {}} enableSite={enableSite} disableSite={async () => {}} {...more} />, host);
  });
  await act(async () => {
    await Promise.resolve();
  });
}

/** A promise and the function that settles it, for an answer the test gives when it chooses. */
function deferred<T>(): { promise: Promise<T>; answer: (value: T) => void } {
  let answer: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('PopupApp site block', () => {
  it('a site not enabled offers Enable; the click asks for that origin and the popup then shows it enabled', async () => {
    let state: PopupData['siteState'] = 'disabled';
    const enableSite = vi.fn(async () => {
      state = 'enabled';
      return 'running' as const;
    });
    await show(async () => data({ siteState: state }), enableSite);
    expect(host.textContent).toContain('not enabled on this site');
    await act(async () => {
      byTestId('sg-popup-enable')!.click();
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(enableSite).toHaveBeenCalledWith('https://merchant.example.cn');
    expect(byTestId('sg-popup-enabled')?.dataset.outcome).toBe('running');
    expect(byTestId('sg-popup-enabled')?.textContent).toBe('Enabled on https://merchant.example.cn: reading this page now.');
    expect(byTestId('sg-popup-enable')).toBeNull();
    expect(byTestId('sg-popup-disable')).not.toBeNull();
  });

  it('a refused permission says so and keeps Enable', async () => {
    await show(
      async () => data({}),
      async () => 'denied',
    );
    await act(async () => {
      byTestId('sg-popup-enable')!.click();
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(byTestId('sg-popup-enabled')?.textContent).toContain('did not grant access to https://merchant.example.cn');
    expect(byTestId('sg-popup-enable')).not.toBeNull();
  });

  it('a browser or extension page: says it cannot run there, offers no Enable', async () => {
    await show(async () => data({ origin: null, site: null, siteState: 'restricted', locale: 'zh-CN' }));
    expect(byTestId('sg-popup-restricted')?.textContent).toContain('无法在此页面运行');
    expect(byTestId('sg-popup-enable')).toBeNull();
  });

  it('a built-in portal offers neither Enable nor Disable', async () => {
    await show(async () => data({ siteState: 'builtin' }));
    expect(byTestId('sg-popup-enable')).toBeNull();
    expect(byTestId('sg-popup-disable')).toBeNull();
    expect(byTestId('sg-popup-restricted')).toBeNull();
  });
});

describe('PopupApp and the phishing guard', () => {
  it('offers Enable only once the page is assessed: a page imitating an acquirer never shows the plain Enable', async () => {
    const { assessPage } = await import('../../../lib/phishing');
    const origin = 'https://merchant.example.cn';
    const fake = assessPage({ url: `${origin}/`, title: '拉卡拉商户服务平台 - 登录', brandTexts: ['拉卡拉 LAKALA'], hasPasswordForm: true });
    expect(fake.verdict).toBe('imitation');
    const assessed = deferred<{ assessment: typeof fake; confirmed: boolean }>();
    await show(async () => data({ origin }), undefined, { loadPhishing: () => assessed.promise, confirmImitation: async () => {} });
    // the figures are shown, the assessment is not back yet: no Enable to click
    expect(host.textContent).not.toBe('…');
    expect(byTestId('sg-popup-enable')).toBeNull();
    await act(async () => {
      assessed.answer({ assessment: fake, confirmed: false });
      await assessed.promise;
    });
    // the warning's Enable (which asks first) is the only one
    expect(byTestId('sg-popup-phishing')).not.toBeNull();
    expect(host.querySelectorAll('[data-testid="sg-popup-enable"]').length).toBe(1);
    expect(byTestId('sg-popup-enable')!.closest('[data-testid="sg-popup-phishing"]')).not.toBeNull();
  });

  it('shows once, with the getting-started link already in place: nothing appears later above Enable', async () => {
    const progress = deferred<{ doneCount: number; total: number; complete: boolean }>();
    await show(async () => data({}), undefined, { loadProgress: () => progress.promise });
    // the figures are in, the checklist is not: no Enable yet (a click on it would move)
    expect(byTestId('sg-popup-enable')).toBeNull();
    await act(async () => {
      progress.answer({ doneCount: 1, total: 4, complete: false });
      await progress.promise;
    });
    const link = byTestId('sg-popup-getting-started');
    const enable = byTestId('sg-popup-enable');
    expect(link?.textContent).toBe('Getting started (1/4)');
    expect(enable).not.toBeNull();
    expect(link!.compareDocumentPosition(enable!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
