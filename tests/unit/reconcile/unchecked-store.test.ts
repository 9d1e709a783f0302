// ReconcileResult.unchecked reaches the UI: runReconciliation returns it and stores it in
// db.unchecked (replaced whole on every run), so the popup and dashboard can show the days not
// checked yet apart from money at stake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { runReconciliation } from '../../../lib/services/reconcile';
import { line, txn } from '../../fixtures/scenarios/builders';

let db: SettleGuardDb;
beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = '2026-03-20T08:00:00Z';
// Monday 03-02's sales (T+1 → 03-03) of which only two were captured; the bank paid the whole day
const rows = [
  txn({ id: 's1', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-02T10:00:00' }),
  txn({ id: 's2', amount: '500.00', fee: '3.00', occurredAt: '2026-03-02T11:00:00' }),
];
const frame = [
  line({ id: 'f0', amount: '0.10', bookedOn: '2026-03-01', description: '结息' }),
  line({ id: 'f1', amount: '0.10', bookedOn: '2026-03-19', description: '结息' }),
];

describe('unchecked through the reconcile service', () => {
  it('a credit far above the captured rows: no settlement finding, the day returned and stored as partly captured', async () => {
    await db.transactions.bulkPut(rows);
    await db.statementLines.bulkPut([...frame, line({ id: 'b', amount: '10063.00', bookedOn: '2026-03-03' })]);
    const summary = await runReconciliation(db, '2026-03-20', NOW);
    expect(summary.findings).toBe(0);
    expect(summary.unchecked).toEqual([
      expect.objectContaining({ reason: 'partial_capture', days: ['2026-03-02'], hint: expect.objectContaining({ key: 'unchecked.partial_capture' }) }),
    ]);
    expect(await db.unchecked.toArray()).toEqual([
      expect.objectContaining({ reason: 'partial_capture', days: ['2026-03-02'], merchantId: rows[0]!.merchantId }),
    ]);
  });

  it('the next run replaces what was stored: paid exactly, nothing is left unchecked', async () => {
    await db.transactions.bulkPut(rows);
    await db.statementLines.bulkPut([...frame, line({ id: 'b', amount: '10063.00', bookedOn: '2026-03-03' })]);
    await runReconciliation(db, '2026-03-20', NOW);
    await db.statementLines.put(line({ id: 'b', amount: '1491.00', bookedOn: '2026-03-03' }));
    const summary = await runReconciliation(db, '2026-03-20', NOW);
    expect(summary.unchecked).toEqual([]);
    expect(await db.unchecked.count()).toBe(0);
  });

  it('a statement ending before the money was due: unchecked statement_ended, with the day to import after', async () => {
    await db.transactions.bulkPut(rows);
    await db.statementLines.bulkPut([
      line({ id: 'f0', amount: '0.10', bookedOn: '2026-02-20', description: '结息' }),
      line({ id: 'f1', amount: '0.10', bookedOn: '2026-03-02', description: '结息' }),
    ]);
    const summary = await runReconciliation(db, '2026-03-20', NOW);
    expect(summary.findings).toBe(0);
    expect(summary.unchecked).toEqual([
      expect.objectContaining({
        reason: 'statement_ended',
        days: ['2026-03-03'],
        hint: { key: 'unchecked.statement_ended', params: expect.objectContaining({ after: '2026-03-02' }) },
      }),
    ]);
  });
});
