// The service worker stopped between a capture batch's transaction and its reconciliation (issue
// 14 item 7): Chromium may stop it at any time. The batch is stored whole (one transaction), the
// content script sends it again (no answer came), and the resend — whose rows are all known now —
// still brings the findings up to date; a batch whose findings are current reconciles nothing.
import { describe, expect, it, vi } from 'vitest';
import type { PortalTransaction } from '../../../lib/model';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));
const stop = vi.hoisted(() => ({ next: false, runs: 0 }));
vi.mock('../../../lib/services/reconcile', async (original) => {
  const real = await original<typeof import('../../../lib/services/reconcile')>();
  return {
    ...real,
    runReconciliation: async (...args: Parameters<typeof real.runReconciliation>) => {
      stop.runs++;
      if (stop.next) {
        stop.next = false;
        throw new Error('the service worker stopped'); // as if it ended here: nothing after the rows' commit ran
      }
      return real.runReconciliation(...args);
    },
  };
});

const { handleContentMessage } = await import('../../../lib/services/background');
const { getDb } = await import('../../../lib/db');
const { tx } = await import('./builders');

const EXT = 'ext-id';
const PAGE = 'http://127.0.0.1:8080/index.html';
const sender = { id: EXT, url: PAGE, origin: new URL(PAGE).origin };
const capture = (rows: PortalTransaction[]) => handleContentMessage({ type: 'content/capture', url: PAGE, rows }, sender, EXT);

describe('service worker stopped mid-capture', () => {
  it('the resent batch is stored once and reconciled; a current one is not reconciled again', async () => {
    const db = getDb();
    // two swipes of one card a minute apart: a duplicate charge once reconciled
    const card = { cardBin: '622848', cardLast4: '1234', terminalId: 'T1', merchantId: '898310058120001' };
    const rows = [tx({ ...card, occurredAt: '2026-03-05T10:00:00' }), tx({ ...card, occurredAt: '2026-03-05T10:01:00' })].map((t) => ({
      ...t,
      evidence: { ...t.evidence, url: PAGE },
    }));
    stop.next = true;
    expect(await capture(rows)).toMatchObject({ ok: false });
    expect(await db.transactions.count()).toBe(2); // the batch's transaction committed whole
    expect(await db.summaries.get('main')).toBeUndefined(); // its reconciliation never stored
    expect(await db.findings.count()).toBe(0);

    const runs = stop.runs;
    expect(await capture(rows)).toMatchObject({ ok: true, value: { added: 0, known: 2 } });
    expect(stop.runs).toBe(runs + 1);
    expect(await db.transactions.count()).toBe(2);
    expect((await db.findings.toArray()).map((f) => f.kind)).toContain('duplicate_charge');

    // findings current: the same batch again reconciles nothing
    expect(await capture(rows)).toMatchObject({ ok: true, value: { added: 0, known: 2 } });
    expect(stop.runs).toBe(runs + 1);
  });
});
