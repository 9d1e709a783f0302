// Issue 15 item 8: deleting data says what goes, and the merchant chooses whether their setup
// (settings with merchant details, contracts, enabled portals) goes too. Every store of a filled
// database (the demo month, as in the backup tests) is counted; a delete without the setup leaves
// exactly the setup stores; with it, nothing, and each enabled portal is turned off first.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));

const { getDb } = await import('../../../lib/db');
const { SETUP_STORES, deleteData, storeCounts, storesDeleted } = await import('../../../lib/services/your-data');
const { fillEveryStore } = await import('./backup-fill');

const db = getDb();
const nonEmpty = (counts: Record<string, number>) => Object.keys(counts).filter((s) => counts[s]! > 0);

beforeEach(async () => {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  await fillEveryStore(db);
  await db.sites.put({ id: 'https://portal.example', enabled: true, addedAt: '2026-03-01T00:00:00Z' });
});

describe('store groups', () => {
  it('every store of the database is either setup or data, and the setup stores exist', () => {
    const names = db.tables.map((t) => t.name);
    for (const s of SETUP_STORES) expect(names).toContain(s);
    const data = storesDeleted(db, false);
    expect([...data, ...SETUP_STORES].sort()).toEqual([...names].sort());
    expect(storesDeleted(db, true).sort()).toEqual([...names].sort());
  });
});

describe('deleteData', () => {
  it('counts every store', async () => {
    const counts = await storeCounts(db);
    expect(Object.keys(counts).sort()).toEqual(db.tables.map((t) => t.name).sort());
    for (const s of ['transactions', 'statementLines', 'cashier', 'contracts', 'findings', 'disputes', 'imports', 'settings', 'coverage', 'sites']) {
      expect(counts[s], s).toBeGreaterThan(0);
    }
  });

  it('without the setup: the rows, findings, disputes and history go; settings, merchant details, contracts and portals stay untouched', async () => {
    const before = { settings: await db.settings.toArray(), contracts: await db.contracts.toArray(), sites: await db.sites.toArray() };
    expect(before.settings[0]?.merchant.name).toBeTruthy();
    const forgetSite = vi.fn(async () => undefined);
    const left = await deleteData(db, { withSetup: false, forgetSite });
    expect(nonEmpty(left).sort()).toEqual(['contracts', 'settings', 'sites']);
    expect(await db.settings.toArray()).toEqual(before.settings);
    expect(await db.contracts.toArray()).toEqual(before.contracts);
    expect(await db.sites.toArray()).toEqual(before.sites);
    expect(forgetSite).not.toHaveBeenCalled();
  });

  it('with the setup: nothing is left, and each enabled portal is turned off before its record goes', async () => {
    const forgetSite = vi.fn(async () => undefined);
    const left = await deleteData(db, { withSetup: true, forgetSite });
    expect(nonEmpty(left)).toEqual([]);
    expect(forgetSite).toHaveBeenCalledWith('https://portal.example');
  });
});
