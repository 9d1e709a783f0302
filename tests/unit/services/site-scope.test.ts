// Issue 14 item 2 (and item 7, two tabs): content-script messages are scoped by site. A page gets
// and changes only its own site's rows and findings; another site's page showing the same
// reference number never overwrites our row (the review's attack: an off-screen table elsewhere
// turned a 17.00 fee into 15.00 and the finding disappeared); rows read on another origin than
// the sender's are refused; two tabs capturing at once leave consistent data.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));

const { handleContentMessage } = await import('../../../lib/services/background');
const { getDb } = await import('../../../lib/db');
const { clearAllData } = await import('../../../lib/services/options');
const { runReconciliation } = await import('../../../lib/services/reconcile');
const { siteOfUrl, siteRowId } = await import('../../../lib/sites');
const { tx } = await import('./builders');
import type { Contract, PortalTransaction, StoredFinding } from '../../../lib/model';
import type { CaptureOutcome, RowFindings } from '../../../lib/messaging';

const EXT = 'ext-id';
const A = 'https://mer.acquirer-a.example';
const B = 'http://127.0.0.1:8080';
const from = (origin: string) => ({ id: EXT, url: `${origin}/txns`, origin });
const CONTRACT: Contract = {
  id: 'c1',
  label: 'standard',
  currency: 'CNY',
  effectiveFrom: '2026-01-01',
  settleCycle: 'T1',
  calendar: 'CN',
  rules: [{ cardType: 'any', percent: '0.6' }],
  periodicFees: [],
};

/** A 1,000.00 sale read on `origin` with the fee shown (6.00 is the contract's). */
function sale(origin: string, rrn: string, fee: string, over: Partial<PortalTransaction> = {}): PortalTransaction {
  const t = tx({ rrn, amount: { amount: '1000.00', currency: 'CNY' }, fee: { amount: fee, currency: 'CNY' }, net: undefined, ...over });
  return { ...t, id: `pt:${rrn}`, evidence: { ...t.evidence, url: `${origin}/txns`, cells: { 参考号: rrn, 手续费: fee } } };
}

async function capture(origin: string, rows: PortalTransaction[]) {
  return handleContentMessage({ type: 'content/capture', url: `${origin}/txns`, rows }, from(origin), EXT);
}

const value = <T>(r: { ok: boolean; value?: unknown }) => {
  expect(r.ok).toBe(true);
  return (r as { value: T }).value;
};

const snapshot = async () => {
  const db = getDb();
  const [transactions, findings] = await Promise.all([db.transactions.toArray(), db.findings.toArray()]);
  return { transactions, findings: findings.map((f) => ({ id: f.id, kind: f.kind, status: f.status, transactionIds: f.transactionIds })) };
};

beforeEach(async () => {
  await clearAllData();
  await getDb().contracts.put(CONTRACT);
});

describe('the attack: another site showing our reference number', () => {
  it('changes nothing of our row or its findings; its row is kept beside ours, under its own site', async () => {
    const ours = sale(A, '606911745808', '17.00');
    value(await capture(A, [ours]));
    const before = await snapshot();
    const fee = before.findings.find((f) => f.kind === 'fee_above_contract' && f.transactionIds.includes(ours.id));
    expect(fee).toBeDefined();
    // the merchant dismissed nothing yet; the page of site A shows the finding
    const shown = value<RowFindings>(await handleContentMessage({ type: 'content/getFindings', transactionIds: [ours.id] }, from(A), EXT));
    expect(shown.byTransaction[ours.id]?.map((f) => f.id)).toContain(fee!.id);

    // an off-screen table on origin B: the same reference, same day, a fee of 15.00
    const forged = sale(B, '606911745808', '15.00');
    expect(forged.id).toBe(ours.id);
    const res = value<CaptureOutcome>(await capture(B, [forged]));
    expect(res).toMatchObject({ added: 1, updated: 0 });

    const after = await snapshot();
    expect(after.transactions.find((t) => t.id === ours.id)).toEqual(before.transactions.find((t) => t.id === ours.id));
    expect(after.transactions.find((t) => t.id === ours.id)?.fee?.amount).toBe('17.00');
    for (const f of before.findings) expect(after.findings).toContainEqual(f);
    // B's reading is not lost: a row of its own, on its own site
    const theirs = after.transactions.find((t) => t.id === siteRowId(siteOfUrl(B)!, ours.id));
    expect(theirs?.fee?.amount).toBe('15.00');
    expect(after.transactions).toHaveLength(2);
    // and B's page sees its own row's findings (by the id it gave the row), never A's
    const seenByB = value<RowFindings>(await handleContentMessage({ type: 'content/getFindings', transactionIds: [ours.id] }, from(B), EXT));
    const bFindings = Object.values(seenByB.byTransaction).flat();
    expect(bFindings.every((f) => f.transactionIds.every((id) => id === theirs!.id))).toBe(true);
    expect(bFindings.map((f) => f.id)).not.toContain(fee!.id);

    // A re-captures its page: nothing changes, ours is still ours
    expect(value<CaptureOutcome>(await capture(A, [ours]))).toMatchObject({ added: 0, updated: 0, known: 1 });
    expect((await snapshot()).transactions).toEqual(after.transactions);
  });

  it('a row read on another origin than the sender’s is refused, with its index in the batch', async () => {
    const good = sale(A, '606911745801', '6.00');
    const elsewhere = sale(B, '606911745802', '15.00');
    const res = value<CaptureOutcome>(await capture(A, [good, elsewhere]));
    expect(res.added).toBe(1);
    expect(res.refused).toEqual([{ index: 1, code: 'other_origin', message: expect.stringContaining('row 2') }]);
    expect((await getDb().transactions.toArray()).map((t) => t.id)).toEqual([good.id]);
  });
});

describe('findings are answered and changed for the sender’s site only', () => {
  it('getFindings leaves out another site’s findings; no content script can change a finding', async () => {
    const ours = sale(A, '606911745808', '17.00');
    value(await capture(A, [ours]));
    const finding = (await getDb().findings.toArray()).find((f) => f.transactionIds.includes(ours.id))!;
    expect(finding.status).toBe('open');

    // site B names A's row and finding ids
    const seen = value<RowFindings>(await handleContentMessage({ type: 'content/getFindings', transactionIds: [ours.id] }, from(B), EXT));
    expect(seen.byTransaction).toEqual({});
    // dismissing happens in the panel frame (panel/dismiss with its ticket); neither site's page may
    for (const site of [B, A]) {
      const refused = await handleContentMessage({ type: 'content/setFindingStatus', findingId: finding.id, status: 'dismissed' }, from(site), EXT);
      expect(refused).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    }
    expect((await getDb().findings.get(finding.id))?.status).toBe('open');
  });

  it('a finding over rows of two sites belongs to neither page', async () => {
    const a = sale(A, '606911745808', '17.00');
    const b = sale(B, '606911745809', '6.00');
    value(await capture(A, [a]));
    value(await capture(B, [b]));
    const db = getDb();
    const both: StoredFinding = { ...(await db.findings.toArray())[0]!, id: 'finding:two-sites', transactionIds: [a.id, b.id] };
    await db.findings.put(both);
    const seen = value<RowFindings>(await handleContentMessage({ type: 'content/getFindings', transactionIds: [a.id] }, from(A), EXT));
    expect(
      Object.values(seen.byTransaction)
        .flat()
        .map((f) => f.id),
    ).not.toContain('finding:two-sites');
  });
});

describe('two tabs capturing at once (issue 14 item 7)', () => {
  it('no duplicates, no lost rows, findings those of a fresh run', async () => {
    // overlapping pages: each tab shows rows 0-59 of its site, the two sites share 20 references
    const rowsOf = (origin: string, from: number) =>
      Array.from({ length: 60 }, (_, i) => sale(origin, `6069117458${String(from + i).padStart(2, '0')}`, i % 3 === 0 ? '17.00' : '6.00'));
    const onA = rowsOf(A, 0);
    const onB = rowsOf(B, 40);
    const [ra, rb, ra2] = await Promise.all([capture(A, onA.slice(0, 40)), capture(B, onB), capture(A, onA.slice(20))]);
    for (const r of [ra, rb, ra2]) expect(r.ok).toBe(true);
    const stored = await getDb().transactions.toArray();
    expect(new Set(stored.map((t) => t.id)).size).toBe(stored.length);
    expect(stored).toHaveLength(120);
    const bySite = (origin: string) => stored.filter((t) => new URL(t.evidence.url).origin === origin).length;
    expect([bySite(A), bySite(B)]).toEqual([60, 60]);

    const findings = (await snapshot()).findings;
    await runReconciliation(getDb(), '2026-03-25', '2026-03-25T08:00:00.000Z');
    expect((await snapshot()).findings).toEqual(findings);
    expect(findings.filter((f) => f.kind === 'fee_above_contract')).toHaveLength(40);
  });
});
