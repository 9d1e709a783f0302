// The dispute lifecycle of issue 15 item 3: a dispute exists only once the merchant copied,
// inserted or sent it; any can be cancelled or deleted, and both can be undone; its title is
// made in the UI's language when shown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import type { StoredFinding } from '../../../lib/model';
import { applyEvent, disputeTotals, latestDrafts, listDisputes, recordDraft } from '../../../lib/services/disputes';
import { cancelDispute, deleteDispute, restoreDispute } from '../../../lib/services/dispute-lifecycle';
import { disputeTitle } from '../../../lib/disputes/title';
import { tx } from './builders';

let db: SettleGuardDb;
const NOW = '2026-03-20T08:00:00.000Z';
const LATER = '2026-03-21T08:00:00.000Z';

function finding(id: string, txId: string, over: Partial<StoredFinding> = {}): StoredFinding {
  return {
    id,
    kind: 'debit_cap_ignored',
    severity: 'overcharge',
    transactionIds: [txId],
    statementLineIds: [],
    atStake: { amount: '20.00', currency: 'CNY' },
    explanation: { key: 'finding.debit_cap_ignored', params: { amount: '8000.00', currency: 'CNY', difference: '20.00' } },
    status: 'open',
    firstSeenAt: NOW,
    ...over,
  };
}

beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  await db.transactions.bulkPut([
    tx({ id: 'tx:a', rrn: '606316496506', amount: { amount: '8000.00', currency: 'CNY' }, cardType: 'debit' }),
    tx({ id: 'tx:b', rrn: '606316496507', amount: { amount: '9000.00', currency: 'CNY' }, cardType: 'debit' }),
  ]);
  await db.findings.bulkPut([finding('f:a', 'tx:a'), finding('f:b', 'tx:b', { kind: 'duplicate_charge', severity: 'suspect' })]);
});
afterEach(async () => {
  await db.delete();
});

const letter = (findingIds: string[]) => ({ findingIds, locale: 'zh-CN' as const, subject: '退费申请', text: '请退还' });
const statusOf = async (id: string) => (await db.findings.get(id))?.status;

async function sentDispute(findingIds: string[]): Promise<string> {
  const { id } = await recordDraft(db, letter(findingIds), NOW);
  const res = await applyEvent(db, id, { type: 'send', on: '2026-03-20' }, NOW);
  expect(res.ok).toBe(true);
  return id;
}

describe('cancel', () => {
  it('a sent dispute cancelled: status cancelled, findings open again, no longer counted or offered; undo puts both back', async () => {
    const id = await sentDispute(['f:a']);
    expect(await statusOf('f:a')).toBe('disputed');
    const res = await cancelDispute(db, id, LATER);
    if (!res.ok) throw new Error(res.error.message);
    expect((await db.disputes.get(id))?.status).toBe('cancelled');
    expect((await db.disputes.get(id))?.closedOn).toBe('2026-03-21');
    expect(await statusOf('f:a')).toBe('open');
    expect(disputeTotals(await db.disputes.toArray()).claimed).toEqual([]);
    expect(await latestDrafts(db)).toEqual([]);
    expect((await listDisputes(db, '2026-04-30'))[0]?.next.action).toBe('done');

    await restoreDispute(db, res.snapshot);
    expect((await db.disputes.get(id))?.status).toBe('sent');
    expect(await statusOf('f:a')).toBe('disputed');
  });

  it('a cancelled dispute takes no more events; cancelling again is refused', async () => {
    const id = await sentDispute(['f:a']);
    await cancelDispute(db, id, LATER);
    expect((await applyEvent(db, id, { type: 'acknowledge', on: '2026-03-22' }, LATER)).ok).toBe(false);
    const again = await cancelDispute(db, id, LATER);
    expect(again.ok).toBe(false);
  });

  it('a finding another dispute still pursues stays disputed', async () => {
    const both = await sentDispute(['f:a', 'f:b']);
    const onlyA = await sentDispute(['f:a']);
    expect(both).not.toBe(onlyA);
    await cancelDispute(db, both, LATER);
    expect(await statusOf('f:a')).toBe('disputed');
    expect(await statusOf('f:b')).toBe('open');
  });

  it('a finding the merchant dismissed stays dismissed', async () => {
    const { id } = await recordDraft(db, letter(['f:a']), NOW);
    await db.findings.update('f:a', { status: 'dismissed' });
    const res = await cancelDispute(db, id, LATER);
    expect(res.ok).toBe(true);
    expect(await statusOf('f:a')).toBe('dismissed');
  });

  it('drafting the same findings again after a cancel starts a new draft', async () => {
    const id = await sentDispute(['f:a']);
    await cancelDispute(db, id, LATER);
    await recordDraft(db, letter(['f:a']), LATER);
    const d = await db.disputes.get(id);
    expect(d?.status).toBe('draft');
    expect(d?.events).toEqual([]);
  });
});

describe('delete', () => {
  it('removes the dispute and opens its findings; undo restores record and statuses exactly', async () => {
    const id = await sentDispute(['f:a']);
    const before = await db.disputes.get(id);
    const snapshot = await deleteDispute(db, id, LATER);
    expect(snapshot).not.toBeNull();
    expect(await db.disputes.count()).toBe(0);
    expect(await statusOf('f:a')).toBe('open');
    await restoreDispute(db, snapshot!);
    expect(await db.disputes.get(id)).toEqual(before);
    expect(await statusOf('f:a')).toBe('disputed');
  });

  it('a fully refunded dispute can be deleted; its findings stay resolved', async () => {
    const id = await sentDispute(['f:a']);
    await applyEvent(db, id, { type: 'refund', on: '2026-03-21', amount: { amount: '20.00', currency: 'CNY' } }, LATER);
    expect(await statusOf('f:a')).toBe('resolved');
    await deleteDispute(db, id, LATER);
    expect(await statusOf('f:a')).toBe('resolved');
  });

  it('deleting what is not there is null', async () => {
    expect(await deleteDispute(db, 'dispute:none', LATER)).toBeNull();
  });
});

describe('title', () => {
  it('is made in the language asked for, not the one the letter was drafted in', async () => {
    const { id } = await recordDraft(db, letter(['f:a', 'f:b']), NOW);
    const d = (await db.disputes.get(id))!;
    expect(d.kinds).toEqual(['debit_cap_ignored', 'duplicate_charge']);
    expect(disputeTitle(d, 'zh-CN')).toBe('借记卡未封顶、重复扣款 · ¥40.00 · 606316496506 +1');
    expect(disputeTitle(d, 'en')).toBe('Debit card cap ignored, Duplicate charge · ¥40.00 · 606316496506 +1');
  });

  it('a dispute stored before titles kept their kinds shows its old label', () => {
    const title = disputeTitle({ claimed: { amount: '1.00', currency: 'CNY' }, label: '旧标题', subject: 's' }, 'en');
    expect(title).toBe('旧标题');
  });
});
