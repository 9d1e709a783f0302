import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { loadFixture } from './fixture-util';

describe('ag-grid', () => {
  const doc = loadFixture('ag-grid', 'payments-pinned.html');
  const [t] = readPortalTables(doc, 'https://dashboard.example.com/payments', '2024-09-08T00:00:00.000Z');

  it('merges pinned and center parts of a row by row-index, in row order', () => {
    expect(t!.adapter).toBe('ag-grid');
    expect(t!.rows.map((r) => r.element.getAttribute('row-index'))).toEqual(['0', '1', '2', '3']);
    expect(t!.rows[0]!.transaction).toMatchObject({ occurredAt: '2024-09-02T10:15:00', status: 'success', amount: { amount: '120.00', currency: 'USD' } });
  });

  it('the primary row element is in the center container', () => {
    for (const r of t!.rows) expect(r.element.closest('.ag-center-cols-container')).not.toBeNull();
  });

  it('a chargeback shown positive is negative, and its fee stays a cost because the net says so', () => {
    expect(t!.rows[3]!.transaction).toMatchObject({ kind: 'chargeback', amount: { amount: '-250.00' }, fee: { amount: '15.00' }, net: { amount: '-265.00' } });
  });
});
