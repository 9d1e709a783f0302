// The options page's letter (issue 15 items 2–3): showing it keeps nothing; Copy or Mark as sent
// creates the dispute; missing merchant details are asked for first and the letter never shows 未知.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { DraftDialog, type DraftDialogProps } from '../../../components/options/DraftDialog';
import { readMerchantDetails } from '../../../components/options/MerchantDetailsForm';
import type { MerchantDetails } from '../../../lib/db';
import type { DisputeContext } from '../../../lib/messaging';
import { scenario } from '../disputes/scenario';

const FULL: MerchantDetails = { name: '好又多超市', merchantId: '822100058120001', contact: '王芳', phone: '021-5555 0100' };
const context = (merchant: MerchantDetails): DisputeContext => ({ ...scenario({ merchant }), language: 'auto' });

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => {}) }, configurable: true });
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function show(props: Partial<DraftDialogProps> & { context: DisputeContext }) {
  const calls = {
    record: vi.fn(async (_draft: { locale: string; subject: string; text: string }) => 'dispute:1'),
    markSent: vi.fn(async (_id: string) => null),
    saveMerchant: vi.fn(async () => {}),
  };
  const all: DraftDialogProps = { locale: 'zh-CN', onClose: () => {}, onDismiss: () => {}, ...calls, ...props };
  act(() => render(<DraftDialog {...all} />, host));
  return { ...calls, rerender: (c: DisputeContext) => act(() => render(<DraftDialog {...all} context={c} />, host)) };
}
const q = (id: string) => host.querySelector<HTMLElement>(`[data-testid=${id}]`);
const input = (name: string) => host.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
function type(name: string, value: string) {
  act(() => {
    const el = input(name);
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
/** lets the click handler's promise chain (copy, record, status) run out */
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('DraftDialog', () => {
  it('a preview creates nothing; Copy records it once', async () => {
    const { record, markSent } = show({ context: context(FULL) });
    expect(q('sg-dispute-text')?.textContent).toContain('联系人：王芳');
    expect(q('sg-draft-preview-note')).not.toBeNull();
    // switching the letter's language is still a preview
    await act(async () => host.querySelectorAll<HTMLButtonElement>('.lang button')[1]!.click());
    expect(q('sg-dispute-text')?.textContent).toContain('Contact: 王芳');
    expect(record).not.toHaveBeenCalled();
    await act(async () => q('sg-draft-copy')!.click());
    await settle();
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(q('sg-dispute-text')!.textContent);
    expect(record).toHaveBeenCalledOnce();
    expect(record.mock.calls[0]![0]).toMatchObject({ locale: 'en' });
    expect(markSent).not.toHaveBeenCalled();
    expect(q('sg-draft-status')?.textContent).toContain('已记入申诉列表');
  });

  it('Mark as sent records the letter and sends the dispute it made', async () => {
    const { record, markSent } = show({ context: context(FULL) });
    await act(async () => q('sg-draft-mark-sent')!.click());
    await settle();
    expect(record).toHaveBeenCalledOnce();
    expect(markSent).toHaveBeenCalledWith('dispute:1');
  });

  it('missing details: the form asks for exactly those, no letter and no copy until they are given', async () => {
    const partial = { name: '好又多超市', merchantId: '822100058120001' };
    const { saveMerchant, record, rerender } = show({ context: context(partial) });
    expect(q('sg-dispute-text')).toBeNull();
    expect(q('sg-draft-copy')).toBeNull();
    expect([...host.querySelectorAll('input')].map((i) => i.name)).toEqual(['contact', 'phone']);
    // a phone that is not one is refused
    type('contact', '王芳');
    type('phone', '未知');
    await act(async () => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(host.querySelector('[role=alert]')?.textContent).toContain('不是电话号码');
    expect(saveMerchant).not.toHaveBeenCalled();
    type('phone', '021-5555 0100');
    await act(async () => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(saveMerchant).toHaveBeenCalledWith({ ...partial, contact: '王芳', phone: '021-5555 0100' });
    // the page passes the context with the details: the letter shows, with them, never 未知
    rerender(context({ ...partial, contact: '王芳', phone: '021-5555 0100' }));
    expect(q('sg-dispute-text')?.textContent).toContain('联系电话：021-5555 0100');
    expect(q('sg-dispute-text')?.textContent).not.toContain('未知');
    expect(record).not.toHaveBeenCalled();
  });
});

describe('readMerchantDetails', () => {
  it.each([
    { description: 'all given', values: FULL, expected: { ok: true, details: FULL } },
    { description: 'blank is empty', values: { ...FULL, contact: '  ' }, expected: { ok: false, empty: ['contact'] } },
    { description: 'a bad phone', values: { ...FULL, phone: 'abc' }, expected: { ok: false, empty: [], badPhone: 'abc' } },
  ])('$description', ({ values, expected }) => expect(readMerchantDetails(values, ['name', 'merchantId', 'contact', 'phone'])).toEqual(expected));
});
