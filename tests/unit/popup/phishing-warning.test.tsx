// The phishing guard in the popup (issue 14 item 10): a clear warning on a page imitating an
// acquirer's portal, and Enable on such a page only after an explicit confirmation.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { PhishingWarning } from '../../../components/popup/PhishingWarning';
import { assessPage } from '../../../lib/phishing';
import type { EnableOutcome } from '../../../lib/services/sites';

afterEach(cleanup);

const ORIGIN = 'http://portal.test:8080';
const FAKE = assessPage({ url: `${ORIGIN}/lakala.html`, title: '拉卡拉商户服务平台 - 登录', brandTexts: ['拉卡拉 LAKALA'], hasPasswordForm: true });

function show(over: { confirmed?: boolean; offerEnable?: boolean; locale?: 'zh-CN' | 'en'; ok?: boolean } = {}) {
  const calls: string[] = [];
  const outcomes: EnableOutcome[] = [];
  const assessment = over.ok ? assessPage({ url: `${ORIGIN}/`, title: 'Shop', brandTexts: [], hasPasswordForm: true }) : FAKE;
  render(
    <PhishingWarning
      locale={over.locale ?? 'zh-CN'}
      origin={ORIGIN}
      phishing={{ assessment, confirmed: over.confirmed ?? false }}
      offerEnable={over.offerEnable ?? true}
      enableSite={async (origin) => {
        calls.push(`enable ${origin}`);
        return 'running';
      }}
      confirmImitation={async (origin, brand) => {
        calls.push(`confirm ${origin} ${brand}`);
      }}
      onEnabled={(o) => outcomes.push(o)}
      onError={(e) => {
        throw e;
      }}
    />,
  );
  return { calls, outcomes };
}

describe('PhishingWarning', () => {
  it('warns with the brand and every reason, in zh-CN and in English', () => {
    show({ offerEnable: false });
    const box = screen.getByTestId('sg-popup-phishing');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain('警惕诈骗：此页面看起来像拉卡拉');
    expect(box.textContent).toContain('拉卡拉自己的网站在 lakala.com；此页面在 portal.test。');
    expect(box.textContent).toContain('不会读取此页面');
    expect(screen.queryByTestId('sg-popup-enable')).toBeNull();
    cleanup();
    show({ offerEnable: false, locale: 'en' });
    expect(screen.getByTestId('sg-popup-phishing').textContent).toContain('this page looks like Lakala');
  });

  it('Enable asks first; only the confirming click enables, after keeping the confirmation', async () => {
    const { calls, outcomes } = show();
    fireEvent.click(screen.getByTestId('sg-popup-enable'));
    expect(calls).toEqual([]);
    expect(screen.getByTestId('sg-popup-phishing-ask').textContent).toContain(ORIGIN);
    fireEvent.click(screen.getByTestId('sg-popup-enable-anyway'));
    await Promise.resolve();
    expect(calls).toEqual([`confirm ${ORIGIN} lakala`, `enable ${ORIGIN}`]);
    await new Promise((r) => setTimeout(r, 0));
    expect(outcomes).toEqual(['running']);
  });

  it('says nothing on an ordinary page, and only a quiet note once the merchant confirmed', () => {
    show({ ok: true });
    expect(document.body.textContent).toBe('');
    cleanup();
    show({ confirmed: true });
    expect(screen.queryByTestId('sg-popup-phishing')).toBeNull();
    expect(screen.getByTestId('sg-popup-phishing-confirmed').textContent).toContain('您已确认信任此网站');
  });
});
