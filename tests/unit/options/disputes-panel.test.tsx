// The disputes tab (issue 15 item 3): titles in the UI language, 草稿 never on a sent dispute,
// cancel and delete each with an Undo bar that lasts UNDO_MS.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { DisputesPanel, UNDO_MS, type DisputesActions } from '../../../components/options/DisputesPanel';
import type { DisputeRecord } from '../../../lib/db';
import { createDispute, nextStep } from '../../../lib/disputes/tracker';
import type { DisputeSnapshot } from '../../../lib/services/dispute-lifecycle';
import type { Locale } from '../../../lib/i18n/messages';

const record = (over: Partial<DisputeRecord> = {}): DisputeRecord => ({
  ...createDispute({ id: 'dispute:1', findingIds: ['f:1'], claimed: { amount: '20.00', currency: 'CNY' }, createdOn: '2026-03-20' }),
  locale: 'en',
  subject: 'Fee dispute',
  text: 'letter',
  label: 'Debit card cap ignored · ¥20.00 · 606316496506',
  kinds: ['debit_cap_ignored'],
  firstRef: '606316496506',
  rowCount: 1,
  createdAt: '2026-03-20T08:00:00Z',
  updatedAt: '2026-03-20T08:00:00Z',
  ...over,
});

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  vi.useRealTimers();
  render(null, host);
  host.remove();
});

function show(d: DisputeRecord, locale: Locale = 'zh-CN', over: Partial<DisputesActions> = {}) {
  const snapshot: DisputeSnapshot = { dispute: d, findings: [] };
  const actions: DisputesActions = {
    apply: vi.fn(async () => null),
    exportPack: vi.fn(async () => {}),
    escalation: vi.fn(async () => null),
    cancel: vi.fn(async () => snapshot),
    remove: vi.fn(async () => snapshot),
    restore: vi.fn(async () => {}),
    ...over,
  };
  act(() => render(<DisputesPanel locale={locale} views={[{ dispute: d, next: nextStep(d, '2026-03-21') }]} today="2026-03-21" actions={actions} />, host));
  return actions;
}
const q = (id: string) => host.querySelector<HTMLElement>(`[data-testid=${id}]`);
const click = (id: string) => act(async () => q(id)!.click());

describe('DisputesPanel', () => {
  it('the title follows the UI language, not the language the letter was drafted in', () => {
    show(record(), 'zh-CN');
    expect(q('sg-dispute-title')?.textContent).toBe('借记卡未封顶 · ¥20.00 · 606316496506');
  });

  it('a sent dispute shows 已提交 and nowhere 草稿', () => {
    show(record({ status: 'sent', sentOn: '2026-03-20' }));
    expect(q('sg-dispute-status')?.textContent).toBe('已提交');
    expect(host.textContent).not.toContain('草稿');
  });

  it('cancel: the undo bar names it; Undo restores the snapshot', async () => {
    const actions = show(record({ status: 'sent', sentOn: '2026-03-20' }));
    await click('sg-dispute-cancel');
    expect(actions.cancel).toHaveBeenCalledWith('dispute:1');
    expect(q('sg-dispute-undo')?.textContent).toContain('已取消：“借记卡未封顶 · ¥20.00 · 606316496506”');
    await act(async () => q('sg-dispute-undo')!.querySelector('button')!.click());
    expect(actions.restore).toHaveBeenCalledOnce();
    expect(q('sg-dispute-undo')).toBeNull();
  });

  it('delete: the undo bar goes after UNDO_MS, and nothing is restored', async () => {
    vi.useFakeTimers();
    const actions = show(record());
    await click('sg-dispute-delete');
    expect(actions.remove).toHaveBeenCalledWith('dispute:1');
    expect(q('sg-dispute-undo')?.textContent).toContain('已删除');
    act(() => {
      vi.advanceTimersByTime(UNDO_MS - 100);
    });
    expect(q('sg-dispute-undo')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(q('sg-dispute-undo')).toBeNull();
    expect(actions.restore).not.toHaveBeenCalled();
  });

  it('a cancelled dispute offers no cancel and no send, only delete', () => {
    show(record({ status: 'cancelled', closedOn: '2026-03-21' }));
    expect(q('sg-dispute-status')?.textContent).toBe('已取消');
    expect(q('sg-dispute-cancel')).toBeNull();
    expect(q('sg-dispute-delete')).not.toBeNull();
    expect(host.textContent).not.toContain('标记为已提交');
  });

  it('a refused cancel is shown, with no undo bar', async () => {
    show(record(), 'en', { cancel: vi.fn(async () => 'The dispute was refunded in full') });
    await click('sg-dispute-cancel');
    expect(host.querySelector('[role=alert]')?.textContent).toContain('refunded in full');
    expect(q('sg-dispute-undo')).toBeNull();
  });

  it('an escalation letter lacking details asks for them first, then shows the letter without 未知', async () => {
    const letter = (missing: ('contact' | 'phone')[]) => ({
      subject: '书面投诉',
      text: missing.length ? '投诉人：x' : '联系人：王芳；联系电话：95516',
      missing,
    });
    const escalation = vi.fn(async () => letter(['contact', 'phone']));
    const saveMerchant = vi.fn(async () => {});
    show(record({ status: 'rejected', sentOn: '2026-03-20', rejectedOn: '2026-03-21' }), 'zh-CN', { escalation, saveMerchant });
    const written = [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === '书面投诉');
    await act(async () => written!.click());
    const form = q('sg-merchant-form');
    expect(form).not.toBeNull();
    expect(q('sg-dispute-text')).toBeNull();
    expect([...host.querySelectorAll<HTMLInputElement>('form input')].map((i) => i.name)).toEqual(['contact', 'phone']);
    escalation.mockResolvedValueOnce(letter([]));
    for (const [name, value] of [
      ['contact', '王芳'],
      ['phone', '95516'],
    ] as const) {
      act(() => {
        const el = host.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    await act(async () => {
      form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(saveMerchant).toHaveBeenCalledWith({ contact: '王芳', phone: '95516' });
    expect(q('sg-dispute-text')?.textContent).toBe('联系人：王芳；联系电话：95516');
  });
});
