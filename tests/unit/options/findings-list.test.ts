// The findings tab lists findings from one record the last reconciliation wrote (issue 15 "Speed":
// a settlement finding names every row of its day, so reading them all is slow), with the
// merchant's decisions since laid over it; the evidence is read when a finding is opened.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../lib/db';
import type { Finding, ReconcileResult } from '../../../lib/model';
import { findingEvidence, listFindings, setFindingStatuses } from '../../../lib/services/dashboard';
import { storeFindings } from '../../../lib/services/reconcile';
import { line, tx } from '../services/builders';

const rows = [tx(), tx(), tx()];
const credit = line();
const finding = (id: string, transactionIds: string[], statementLineIds: string[] = []): Finding => ({
  id,
  kind: 'settlement_shortfall',
  severity: 'overcharge',
  atStake: { amount: '1.00', currency: 'CNY' },
  transactionIds,
  statementLineIds,
  explanation: { key: 'finding.settlement_shortfall', params: {} },
});
const result = (findings: Finding[]): ReconcileResult => ({ findings, unchecked: [], matches: [], residuals: [], issues: [] });

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.transactions.bulkPut(rows);
  await db.statementLines.bulkPut([credit]);
  await storeFindings(
    db,
    result([
      finding(
        'f:1',
        rows.map((r) => r.id),
        [credit.id],
      ),
      finding('f:2', [rows[0]!.id]),
    ]),
    '2026-03-16T10:00:00Z',
    {
      transactions: rows,
      statementLines: [credit],
    },
  );
});

describe('listFindings', () => {
  it('lists every finding without its row ids, with the first row for the table', async () => {
    const list = await listFindings(getDb());
    expect(list.map((f) => f.id)).toEqual(['f:1', 'f:2']);
    expect(list[0]).not.toHaveProperty('transactionIds');
    expect(list[0]?.facts?.rrn).toBe(rows[0]!.rrn);
    expect(list[0]?.status).toBe('open');
  });

  it('lays the decisions since over the list: dismissed, then reopened', async () => {
    const db = getDb();
    await setFindingStatuses(db, ['f:2'], 'dismissed', 'merchant', '2026-03-17T09:00:00Z');
    expect((await listFindings(db)).find((f) => f.id === 'f:2')).toMatchObject({ status: 'dismissed', statusAt: '2026-03-17T09:00:00Z' });
    await setFindingStatuses(db, ['f:2'], 'open', 'merchant', '2026-03-17T10:00:00Z');
    expect((await listFindings(db)).find((f) => f.id === 'f:2')?.status).toBe('open');
  });

  it('keeps a decided finding the last run no longer raised', async () => {
    const db = getDb();
    await setFindingStatuses(db, ['f:2'], 'disputed', 'merchant', '2026-03-17T09:00:00Z');
    await storeFindings(
      db,
      result([
        finding(
          'f:1',
          rows.map((r) => r.id),
          [credit.id],
        ),
      ]),
      '2026-03-18T10:00:00Z',
      { transactions: rows, statementLines: [credit] },
    );
    expect((await listFindings(db)).map((f) => `${f.id} ${f.status}`)).toEqual(['f:1 open', 'f:2 disputed']);
  });

  it('reads one finding’s rows and bank lines by its id', async () => {
    const evidence = await findingEvidence(getDb(), { id: 'f:1' });
    expect(Object.keys(evidence.transactions)).toEqual(rows.map((r) => r.id));
    expect(Object.keys(evidence.statementLines)).toEqual([credit.id]);
  });
});
