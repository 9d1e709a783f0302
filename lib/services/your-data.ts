// What is stored, and deleting it with the merchant's say over their setup (issue 15 item 8: the
// old "删除全部数据" also wiped settings it did not mention). The stores fall in two groups: the
// merchant's setup (merchant details and every other setting, fee contracts, enabled portals with
// their taught columns), which only goes when asked, and everything else (captured rows, bank
// lines, findings, disputes, import history, coverage), which is what "delete data" deletes. A
// store added later counts as data unless it is named here; tests/unit/services/your-data.test.ts
// checks every store of the database falls in exactly one group.
import { getDb, type SettleGuardDb } from '../db';
import { notifyPortalTabs } from './notify';
import { disableSite } from './sites';

/** The merchant's setup: kept unless the merchant ticks "also delete my settings". */
export const SETUP_STORES = ['settings', 'contracts', 'sites'] as const;
export type SetupStore = (typeof SETUP_STORES)[number];

const isSetup = (store: string) => (SETUP_STORES as readonly string[]).includes(store);

export type StoreCounts = Record<string, number>;

/** Records per store, every store of the database, in one read transaction. */
export async function storeCounts(db: SettleGuardDb): Promise<StoreCounts> {
  await db.open();
  const tables = db.tables;
  const counts = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.count())));
  return Object.fromEntries(tables.map((t, i) => [t.name, counts[i]!]));
}

/** The stores a delete empties: the data stores, and the setup stores too when asked. */
export function storesDeleted(db: SettleGuardDb, withSetup: boolean): string[] {
  return db.tables.map((t) => t.name).filter((name) => withSetup || !isSetup(name));
}

export interface DeleteOptions {
  /** also merchant details and settings, contracts, enabled portals */
  withSetup: boolean;
  /**
   * Called for each enabled portal before its record goes (the options page turns the portal off
   * in the browser: its content script and host permission), so no portal keeps running unlisted.
   */
  forgetSite?: (origin: string) => Promise<void>;
}

/** Empties the chosen stores in one transaction (all or nothing) and returns what is left, per store. */
export async function deleteData(db: SettleGuardDb, options: DeleteOptions): Promise<StoreCounts> {
  await db.open();
  if (options.withSetup && options.forgetSite) {
    for (const site of await db.sites.toArray()) if (site.enabled) await options.forgetSite(site.id);
  }
  const tables = storesDeleted(db, options.withSetup).map((name) => db.table(name));
  await db.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
  return storeCounts(db);
}

/** The options page's delete: portals turned off in the browser when the setup goes, open portal tabs told. */
export async function deleteStoredData(withSetup: boolean): Promise<StoreCounts> {
  const left = await deleteData(getDb(), { withSetup, forgetSite: disableSite });
  await notifyPortalTabs();
  return left;
}
