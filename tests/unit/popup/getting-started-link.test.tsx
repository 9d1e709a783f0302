// The popup's "Getting started" link: shown with the checklist's progress until every step is done.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { type ChecklistProgress, GettingStartedLink } from '../../../components/popup/GettingStartedLink';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function show(progress: ChecklistProgress | null, open = vi.fn(async () => {})) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<GettingStartedLink locale="zh-CN" progress={progress} open={open} />, host);
  });
  return open;
}

describe('GettingStartedLink', () => {
  it('shows the progress while steps are open and opens the checklist', async () => {
    const open = await show({ doneCount: 1, total: 4, complete: false });
    const button = host.querySelector<HTMLButtonElement>('[data-testid=sg-popup-getting-started]');
    expect(button?.textContent).toBe('开始使用（1/4）');
    await act(async () => button!.click());
    expect(open).toHaveBeenCalledOnce();
  });

  it('is gone once every step is done', async () => {
    await show({ doneCount: 4, total: 4, complete: true });
    expect(host.textContent).toBe('');
  });

  it('outside the extension (no stores) shows nothing', async () => {
    await show(null);
    expect(host.textContent).toBe('');
  });
});
