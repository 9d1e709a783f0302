import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { commitImport, previewImport } from '../../../lib/services/imports';

const demo = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/demo', name))) });
const text = (name: string, s: string) => ({ name, bytes: new TextEncoder().encode(s) });
const NOW = '2026-03-16T08:00:00.000Z';

let db: SettleGuardDb;
beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('importing files', () => {
  it('stores a bank statement and records the import', async () => {
    const preview = await previewImport(demo('bank-statement.csv'));
    expect(preview.readable).toBe(true);
    expect(preview.rowCount).toBe(17);
    const outcome = await commitImport(db, preview, NOW);
    expect(outcome).toMatchObject({ stored: true, format: 'csv', added: 17, known: 0 });
    expect(await db.statementLines.count()).toBe(17);
    const record = await db.imports.get(preview.sha256);
    expect(record?.counts).toEqual({ rows: 17, added: 17, known: 0, contracts: 0 });
  });

  it('re-importing the same file, or its GBK twin, adds nothing', async () => {
    await commitImport(db, await previewImport(demo('bank-statement.csv')), NOW);
    const ids = (await db.statementLines.toCollection().primaryKeys()).sort();
    expect(await commitImport(db, await previewImport(demo('bank-statement.csv')), NOW)).toMatchObject({ added: 0, known: 17 });
    expect(await commitImport(db, await previewImport(demo('bank-statement-gbk.csv')), NOW)).toMatchObject({ added: 0, known: 17 });
    expect((await db.statementLines.toCollection().primaryKeys()).sort()).toEqual(ids);
  });

  it('stores contracts from SettleGuard JSON', async () => {
    const outcome = await commitImport(db, await previewImport(demo('contract.json')), NOW);
    expect(outcome).toMatchObject({ stored: true, format: 'settleguard', contracts: 1 });
    expect((await db.contracts.toArray())[0]?.rules.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty file', text('empty.csv', '')],
    ['a CSV that is not a statement', text('notes.csv', 'hello,world\nthis is,not a statement\n')],
    ['a PDF renamed .csv', { name: 'x.csv', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]) }],
  ])('%s is refused with an error and stores nothing, keeping what was there', async (_d, file) => {
    await commitImport(db, await previewImport(demo('bank-statement.csv')), NOW);
    const preview = await previewImport(file);
    expect(preview.readable).toBe(false);
    expect(preview.result.issues.some((i) => i.level === 'error')).toBe(true);
    const outcome = await commitImport(db, preview, NOW);
    expect(outcome.stored).toBe(false);
    expect(await db.statementLines.count()).toBe(17);
    expect(await db.imports.count()).toBe(1);
  });

  it('a row with an unreadable amount is reported with its line; the other rows are stored', async () => {
    const csv =
      '交易日期,摘要,收入金额,支出金额,余额,流水号\n2026-03-03,POS结算款,100.00,,100.00,A1\n2026-03-04,POS结算款,abc,,200.00,A2\n2026-03-05,POS结算款,50.00,,250.00,A3\n';
    const preview = await previewImport(text('bank.csv', csv));
    const outcome = await commitImport(db, preview, NOW);
    expect(outcome.added).toBe(2);
    const issue = outcome.issues.find((i) => i.level === 'error');
    expect(issue?.line).toBe(3);
    expect(issue?.message).toMatch(/abc/);
  });
});
