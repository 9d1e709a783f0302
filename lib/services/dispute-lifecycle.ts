// Cancelling and deleting disputes, each undoable (issue 15 item 3). A dispute under way marks
// its findings 'disputed' (disputes.ts applyEvent); once it is cancelled or deleted they are open
// again, unless another dispute still under way covers them. Undo puts back exactly what was
// there before: the dispute record and its findings' statuses.
import type { DisputeRecord, SettleGuardDb } from '../db';
import type { FindingStatus } from '../model';
import { applyDisputeEvent, type TrackerError } from '../disputes/tracker';

/** What a cancel or delete changed, for its undo. */
export interface DisputeSnapshot {
  dispute: DisputeRecord;
  findings: { id: string; status: FindingStatus; statusBy?: string; statusAt?: string }[];
}

const UNDER_WAY = new Set<DisputeRecord['status']>(['sent', 'acknowledged', 'refunded_partial', 'rejected']);

export async function cancelDispute(
  db: SettleGuardDb,
  id: string,
  now: string,
): Promise<{ ok: true; snapshot: DisputeSnapshot } | { ok: false; error: TrackerError }> {
  return db.transaction('rw', db.disputes, db.findings, async () => {
    const old = await db.disputes.get(id);
    if (!old) return { ok: false as const, error: { code: 'invalid_transition' as const, message: `no dispute ${id}` } };
    const res = applyDisputeEvent(old, { type: 'cancel', on: now.slice(0, 10) });
    if (!res.ok) return res;
    const snapshot = await releaseFindings(db, old, now);
    await db.disputes.put({ ...old, ...res.dispute, updatedAt: now });
    return { ok: true as const, snapshot };
  });
}

export async function deleteDispute(db: SettleGuardDb, id: string, now: string): Promise<DisputeSnapshot | null> {
  return db.transaction('rw', db.disputes, db.findings, async () => {
    const old = await db.disputes.get(id);
    if (!old) return null;
    const snapshot = await releaseFindings(db, old, now);
    await db.disputes.delete(id);
    return snapshot;
  });
}

/** Undo: the dispute as it was, its findings' statuses as they were. */
export async function restoreDispute(db: SettleGuardDb, snapshot: DisputeSnapshot): Promise<void> {
  await db.transaction('rw', db.disputes, db.findings, async () => {
    await db.disputes.put(snapshot.dispute);
    const current = await db.findings.bulkGet(snapshot.findings.map((f) => f.id));
    const back = current.flatMap((f, i) => {
      const was = snapshot.findings[i]!;
      return f ? [{ ...f, status: was.status, statusBy: was.statusBy, statusAt: was.statusAt }] : [];
    });
    await db.findings.bulkPut(back);
  });
}

/**
 * Findings this dispute marked 'disputed' go back to 'open' when no other dispute under way
 * covers them. 'resolved' (money came back) and the merchant's own dismissals stay.
 */
async function releaseFindings(db: SettleGuardDb, dispute: DisputeRecord, now: string): Promise<DisputeSnapshot> {
  const others = (await db.disputes.toArray()).filter((d) => d.id !== dispute.id && UNDER_WAY.has(d.status));
  const stillDisputed = new Set(others.flatMap((d) => d.findingIds));
  const findings = (await db.findings.bulkGet(dispute.findingIds)).filter((f) => f !== undefined);
  const released = findings.filter((f) => f.status === 'disputed' && !stillDisputed.has(f.id));
  await db.findings.bulkPut(released.map((f) => ({ ...f, status: 'open' as const, statusBy: 'merchant', statusAt: now })));
  return {
    dispute,
    findings: released.map((f) => ({ id: f.id, status: f.status, statusBy: f.statusBy, statusAt: f.statusAt })),
  };
}
