import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import type { StoredFinding } from '../../../lib/model';
import {
  applyEvent,
  disputeTotals,
  disputesToRemind,
  evidencePackZip,
  latestDrafts,
  listDisputes,
  markReminded,
  recordDraft,
} from '../../../lib/services/disputes';
import { findingsForTransactions, rejectedFindingIds } from '../../../lib/services/findings';
import { tx } from './builders';

let db: SettleGuardDb;
const NOW = '2026-03-20T08:00:00.000Z';

function finding(over: Partial<StoredFinding> = {}): StoredFinding {
  return {
    id: 'f:cap',
    kind: 'debit_cap_ignored',
    severity: 'overcharge',
    transactionIds: ['tx:cap'],
    statementLineIds: [],
    atStake: { amount: '20.00', currency: 'CNY' },
    expected: { amount: '20.00', currency: 'CNY' },
    actual: { amount: '40.00', currency: 'CNY' },
    explanation: {
      key: 'finding.debit_cap_ignored',
      params: { amount: '8000.00', currency: 'CNY', rate: '0.5', cap: '20', expected: '20.00', charged: '40.00', difference: '20.00' },
    },
    status: 'open',
    firstSeenAt: NOW,
    ...over,
  };
}

beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  await db.transactions.put(
    tx({
      id: 'tx:cap',
      rrn: '606316496506',
      amount: { amount: '8000.00', currency: 'CNY' },
      fee: { amount: '40.00', currency: 'CNY' },
      cardType: 'debit',
      merchantId: '898310058120001',
    }),
  );
  await db.findings.put(finding());
});
afterEach(async () => {
  await db.delete();
});

const draft = { findingIds: ['f:cap'], locale: 'zh-CN' as const, subject: '退费申请', text: '请退还 20.00 元' };

describe('dispute service', () => {
  it('records a draft once per selection of findings, claiming Σ atStake', async () => {
    const a = await recordDraft(db, draft, NOW);
    const b = await recordDraft(db, { ...draft, text: '请退还 20.00 元（修改）' }, '2026-03-20T09:00:00.000Z');
    expect(a.id).toBe(b.id);
    expect(await db.disputes.count()).toBe(1);
    const d = await db.disputes.get(a.id);
    expect(d?.claimed).toEqual({ amount: '20.00', currency: 'CNY' });
    expect(d?.status).toBe('draft');
    expect((await latestDrafts(db))[0]?.text).toBe('请退还 20.00 元（修改）');
  });

  it('advances through sent → acknowledged → partly → fully refunded, and the finding follows', async () => {
    const { id } = await recordDraft(db, draft, NOW);
    expect((await applyEvent(db, id, { type: 'send', on: '2026-03-20', ticketNo: 'T-1' }, NOW)).ok).toBe(true);
    expect((await db.findings.get('f:cap'))?.status).toBe('disputed');
    expect((await applyEvent(db, id, { type: 'acknowledge', on: '2026-03-21' }, NOW)).ok).toBe(true);
    expect((await applyEvent(db, id, { type: 'refund', on: '2026-03-25', amount: { amount: '5.00', currency: 'CNY' } }, NOW)).ok).toBe(true);
    expect((await db.disputes.get(id))?.status).toBe('refunded_partial');
    await applyEvent(db, id, { type: 'refund', on: '2026-03-26', amount: { amount: '15.00', currency: 'CNY' } }, NOW);
    const done = await db.disputes.get(id);
    expect(done?.status).toBe('refunded_full');
    expect(done?.recovered).toEqual({ amount: '20.00', currency: 'CNY' });
    expect((await db.findings.get('f:cap'))?.status).toBe('resolved');
    expect(disputeTotals([done!])).toEqual({ claimed: [{ amount: '20.00', currency: 'CNY' }], recovered: [{ amount: '20.00', currency: 'CNY' }] });
  });

  it('a rejected dispute: its finding stays shown as disputed, and is reported as rejected until a later dispute', async () => {
    const { id } = await recordDraft(db, draft, NOW);
    await applyEvent(db, id, { type: 'send', on: '2026-03-20', ticketNo: 'T-1' }, NOW);
    expect(await rejectedFindingIds(db, ['f:cap'])).toEqual([]);
    expect((await applyEvent(db, id, { type: 'reject', on: '2026-03-24', reason: '不符合退费条件' }, '2026-03-24T08:00:00.000Z')).ok).toBe(true);
    expect((await db.disputes.get(id))?.status).toBe('rejected');
    // the row still shows the finding (quietly, as disputed), and now says it was rejected
    expect((await findingsForTransactions(db, ['tx:cap']))['tx:cap']?.map((f) => f.status)).toEqual(['disputed']);
    expect(await rejectedFindingIds(db, ['f:cap', 'f:other'])).toEqual(['f:cap']);
    // a newer dispute of the same finding (another draft, updated later) decides
    await db.disputes.put({ ...(await db.disputes.get(id))!, id: 'd:again', status: 'sent', updatedAt: '2026-03-25T08:00:00.000Z' });
    expect(await rejectedFindingIds(db, ['f:cap'])).toEqual([]);
    expect(await rejectedFindingIds(db, [])).toEqual([]);
  });

  it('refuses a transition that makes no sense and keeps the dispute as it was', async () => {
    const { id } = await recordDraft(db, draft, NOW);
    const res = await applyEvent(db, id, { type: 'refund', on: '2026-03-25', amount: { amount: '5.00', currency: 'CNY' } }, NOW);
    expect(res.ok).toBe(false);
    expect((await db.disputes.get(id))?.status).toBe('draft');
  });

  it('reminds once a day when the answer is overdue', async () => {
    const { id } = await recordDraft(db, draft, NOW);
    expect((await applyEvent(db, id, { type: 'send', on: '2026-03-20' }, NOW)).ok).toBe(true);
    expect((await listDisputes(db, '2026-03-21'))[0]?.next.action).toBe('wait');
    expect(await disputesToRemind(db, '2026-03-21')).toEqual([]);
    expect((await disputesToRemind(db, '2026-03-28')).map((v) => v.dispute.id)).toEqual([id]);
    await markReminded(db, [id], '2026-03-28');
    expect(await disputesToRemind(db, '2026-03-28')).toEqual([]);
    expect(await disputesToRemind(db, '2026-03-29')).toHaveLength(1);
  });

  it('exports an evidence pack ZIP with the letter, items, captured rows and their hashes', async () => {
    const { id } = await recordDraft(db, draft, NOW);
    const pack = await evidencePackZip(db, id, NOW);
    expect(pack?.name).toMatch(/^settleguard-evidence-898310058120001-2026-03-20\.zip$/);
    const files = unzipSync(pack!.bytes);
    const names = Object.keys(files)
      .map((n) => n.split('/').slice(1).join('/'))
      .sort();
    expect(names).toEqual(
      expect.arrayContaining(['README.txt', 'letter.txt', 'items.csv', 'evidence.json', 'bank-lines.csv', 'contract.json', 'report.html', 'SHA256SUMS.txt']),
    );
    const items = strFromU8(files[Object.keys(files).find((n) => n.endsWith('items.csv'))!]!);
    expect(items).toContain('606316496506');
    expect(items).toContain('20.00');
    const evidence = JSON.parse(strFromU8(files[Object.keys(files).find((n) => n.endsWith('evidence.json'))!]!));
    expect(JSON.stringify(evidence)).toContain('http://127.0.0.1:8080/index.html');
  });
});
