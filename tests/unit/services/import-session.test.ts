import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { ImportSession } from '../../../lib/services/import-session';

const fixture = (dir: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures', dir, name))) });
let db: SettleGuardDb;
let session: ImportSession;
beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
  session = new ImportSession(() => db);
});
afterEach(async () => {
  await db.delete();
});

describe('ImportSession', () => {
  it('previews show summaries without the rows; confirming stores them once', async () => {
    const p = await session.preview(fixture('demo', 'bank-statement.csv'), {});
    expect(p.rowCount).toBe(17);
    expect('lines' in p.result).toBe(false);
    expect(await session.commit([p.token], '2026-03-20T00:00:00Z', '2026-03-20')).toMatchObject([{ added: 17, stored: true }]);
    expect(await db.statementLines.count()).toBe(17);
    // the token is spent: confirming twice stores nothing twice
    expect(await session.commit([p.token], '2026-03-20T00:00:00Z', '2026-03-20')).toEqual([]);
  });

  it('maps an unknown cashier export and discards what is cancelled', async () => {
    const p = await session.preview(fixture('statements/cashier', 'till-own-columns.csv'), {});
    expect(p.needsMapping?.headers).toEqual(['票据编号', '成交时刻', '收款额', '结账途径', '收银员']);
    const mapped = await session.map(p.token, { 票据编号: 'orderNo', 成交时刻: 'occurredAt', 收款额: 'amount', 结账途径: 'tender' });
    expect(mapped.rowCount).toBe(2);
    await expect(session.map(p.token, {})).rejects.toThrow(/choose it again/);
    session.discard([mapped.token]);
    expect(await session.commit([mapped.token], '2026-03-20T00:00:00Z', '2026-03-20')).toEqual([]);
    expect(await db.cashier.count()).toBe(0);
  });

  it('a file whose dates nothing decides is read again with the merchant’s day/month answer, and stored that way', async () => {
    const csv = ['Date,Description,Amount,Currency', '03/04/2024,Payout,1234.56,GBP', '05/06/2024,Card fee,-12.30,GBP'].join('\n');
    const p = await session.preview({ name: 'bank.csv', bytes: new TextEncoder().encode(csv) }, {});
    expect(p.rowCount).toBe(0);
    expect(p.result.dateOrder).toMatchObject({ order: null, decidedBy: 'none', example: '03/04/2024' });
    const dmy = await session.reparse(p.token, { dateOrder: 'dmy' }, {});
    expect(dmy.rowCount).toBe(2);
    expect(dmy.result.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'merchant' });
    await expect(session.reparse(p.token, { dateOrder: 'mdy' }, {})).rejects.toThrow(/choose it again/);
    expect(await session.commit([dmy.token], '2026-03-20T00:00:00Z', '2026-03-20')).toMatchObject([{ added: 2, stored: true }]);
    expect((await db.statementLines.toArray()).map((l) => l.bookedOn).sort()).toEqual(['2024-04-03', '2024-06-05']);
  });
});
