// Backup → delete everything → restore (issue 14 item 6): every store comes back identical,
// through the same import path the options page uses (preview, then confirm), and restoring
// twice adds nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));

const { getDb } = await import('../../../lib/db');
const { exportBackup, storesBackedUp } = await import('../../../lib/services/backup');
const { clearAllData } = await import('../../../lib/services/options');
const { ImportSession } = await import('../../../lib/services/import-session');
const { BACKUP_STORES, DERIVED_STORES, LATEST_SCHEMA } = await import('../../../lib/statements/support/backup-records');
const { AS_OF, NOW, dumpEveryStore, fillEveryStore } = await import('./backup-fill');

const asFile = (json: string, name = 'settleguard-backup.json') => ({ name, bytes: new TextEncoder().encode(json) });

async function restore(json: string) {
  const session = new ImportSession(getDb);
  const preview = await session.preview(asFile(json), {});
  const outcomes = await session.commit([preview.token], NOW, AS_OF);
  return { preview, outcome: outcomes[0]! };
}

beforeEach(async () => {
  await clearAllData();
});

describe('every store is backed up', () => {
  it('each store of the database is either written and read back by a backup, or listed as derived', () => {
    const db = getDb();
    const known = new Set<string>([...BACKUP_STORES, ...DERIVED_STORES]);
    expect(db.tables.map((t) => t.name).filter((s) => !known.has(s))).toEqual([]);
    expect(new Set(storesBackedUp(db))).toEqual(new Set(BACKUP_STORES));
    expect(db.verno).toBe(LATEST_SCHEMA);
  });

  it('the export names its schema and holds every store', async () => {
    await fillEveryStore();
    const doc = JSON.parse(await exportBackup(getDb(), NOW)) as Record<string, unknown>;
    expect(doc).toMatchObject({ settleguard: 1, schema: LATEST_SCHEMA, exportedAt: NOW });
    for (const store of BACKUP_STORES) expect((doc[store] as unknown[]).length, store).toBeGreaterThan(0);
    for (const store of DERIVED_STORES) expect(doc[store]).toBeUndefined();
  });
});

describe('backup → delete everything → restore', () => {
  it('gives identical stores, decisions and dispute history included; restoring twice adds nothing', async () => {
    await fillEveryStore();
    const before = await dumpEveryStore();
    for (const store of BACKUP_STORES) expect(before[store]!.length, store).toBeGreaterThan(0);
    const findings = before['findings'] as { status: string }[];
    expect(findings.map((f) => f.status)).toEqual(expect.arrayContaining(['dismissed', 'disputed', 'open']));
    const json = await exportBackup(getDb(), NOW);

    await clearAllData();
    const emptied = await dumpEveryStore();
    expect(Object.values(emptied).every((rows) => rows.length === 0)).toBe(true);

    const { preview, outcome } = await restore(json);
    expect(preview.result.restore).toEqual({
      schema: LATEST_SCHEMA,
      replacesSettings: true,
      counts: Object.fromEntries(BACKUP_STORES.map((s) => [s, before[s]!.length])),
    });
    expect(preview.rowCount).toBe(BACKUP_STORES.reduce((n, s) => n + before[s]!.length, 0));
    expect(outcome).toMatchObject({ stored: true, format: 'settleguard', known: 0, added: preview.rowCount, issues: [] });
    expect(await dumpEveryStore()).toEqual(before);

    const again = await restore(json);
    expect(again.outcome).toMatchObject({ stored: true, added: 0, known: preview.rowCount });
    expect(await dumpEveryStore()).toEqual(before);
  });

  it('a restore that fails part-way writes nothing (one transaction over every store)', async () => {
    await fillEveryStore();
    const json = await exportBackup(getDb(), NOW);
    await clearAllData();
    const disputes = getDb().table('disputes');
    const put = vi.spyOn(disputes, 'bulkPut').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(restore(json)).rejects.toThrow('quota exceeded');
    put.mockRestore();
    const after = await dumpEveryStore();
    expect(
      Object.entries(after)
        .filter(([, rows]) => rows.length > 0)
        .map(([s]) => s),
    ).toEqual([]);
  });
});
