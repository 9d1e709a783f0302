// The popup says when this site's open page has a table SettleGuard could not read (issue 12
// "Bad input"), naming the columns it could not place and pointing at Teach columns.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { PopupData } from '../../../lib/services/popup';
import type { UnreadTablesReport } from '../../../lib/services/capture';

afterEach(cleanup);

const EMPTY = { certain: { count: 0, atStake: [] }, suspected: { count: 0, atStake: [] }, byKind: [] };
const data = (locale: 'zh-CN' | 'en'): PopupData => ({
  locale,
  origin: 'https://portal.example',
  site: EMPTY,
  siteRows: 3,
  elsewhere: EMPTY,
  unchecked: [],
  next: { kind: 'none' },
  siteState: 'enabled',
  disputes: { claimed: [], recovered: [] },
});
const report = (unplaced: string[]): UnreadTablesReport => ({ url: 'https://portal.example/trade', seenAt: '2026-03-16T00:00:00Z', tables: [{ unplaced }] });

function show(locale: 'zh-CN' | 'en', unread: UnreadTablesReport | null) {
  const asked: string[] = [];
  render(
    <PopupApp
      load={async () => data(locale)}
      openOptions={() => {}}
      enableSite={async () => 'running'}
      disableSite={async () => {}}
      loadUnread={async (origin) => {
        asked.push(origin);
        return unread;
      }}
    />,
  );
  return asked;
}

describe('popup: a table SettleGuard could not read', () => {
  it('names the columns it could not place and the Teach columns action (zh-CN)', async () => {
    const asked = show('zh-CN', report(['甲', '乙']));
    const note = await screen.findByTestId('sg-popup-unread');
    expect(note.textContent).toBe('此页面有一个结算卫士读不懂的表格（无法识别的列：甲、乙）。请用表格下方的“教它认列”告诉它这些列是什么。');
    expect(asked).toEqual(['https://portal.example']);
  });

  it('in English, and for a table whose rows could not be read', async () => {
    show('en', report([]));
    expect((await screen.findByTestId('sg-popup-unread')).textContent).toBe(
      'This page has a table SettleGuard could not read a single row of. Use Teach columns below the table to check its columns.',
    );
  });

  it('says nothing when the page had none, and keeps hostile names as text', async () => {
    show('en', null);
    await screen.findByTestId('sg-popup-site');
    await waitFor(() => expect(screen.queryByTestId('sg-popup-unread')).toBeNull());
    cleanup();
    show('en', report(['<img src=x onerror=alert(1)>']));
    expect((await screen.findByTestId('sg-popup-unread')).textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img[src=x]')).toBeNull();
  });
});
