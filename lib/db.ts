// The one typed database (DESIGN.md §3 "Storage"). Versions are appended, never edited; each
// upgrade is a pure function on records (STYLE.md, after Dexie's samples).
import Dexie, { type EntityTable } from 'dexie';
import type { CashierRecord, Contract, FindingKind, Issue, PortalTransaction, StatementLine, StoredFinding, Tolerances, Unchecked } from './model';
import type { TrackedDispute } from './disputes/tracker';
import type { CoverageRecord } from './coverage';
import { isDisputeV1, migrateDisputeV1 } from './migrations';
import type { StoreSummary } from './store-summary';

export interface ImportRecord {
  id: string; // sha256 of the file's bytes: the same file imported twice is one record
  name: string;
  sha256: string;
  format: string;
  encoding: string;
  kind: 'bank' | 'acquirer' | 'cashier' | 'settleguard';
  importedAt: string;
  counts: { rows: number; added: number; known: number; contracts: number };
  issues: Issue[];
}

export interface SiteRecord {
  id: string; // origin, e.g. 'https://merchant.example.com'
  enabled: boolean;
  addedAt: string;
  /** columns the merchant taught: header text → PortalTransaction field (null = ignore) */
  columnMap?: Record<string, string | null>;
  /** the merchant trusts this origin although it looks like an acquirer's portal it is not on (lib/phishing.ts) */
  imitationConfirmed?: { brand: string; at: string };
}

export interface MerchantDetails {
  name?: string;
  merchantId?: string;
  contact?: string;
  phone?: string;
}

export interface Settings {
  id: 'main';
  merchant: MerchantDetails;
  defaultCurrency: string;
  language: 'auto' | 'zh-CN' | 'en';
  tolerances?: Partial<Tolerances>;
  extraHolidays?: string[];
  /** cashier-export column mappings the merchant gave, by header set (lib/statements/cashier headerSetKey) */
  cashierMappings?: Record<string, Record<string, string | null>>;
  /** the merchant's own dispute letter templates, per language (lib/disputes/templates.ts) */
  templates?: Partial<Record<'zh-CN' | 'en', { subject: string; body: string }>>;
}

export type { DisputeStatus } from './disputes/tracker';

/** A dispute: the tracker's state (lib/disputes/tracker.ts) plus the draft the merchant sends. */
export interface DisputeRecord extends TrackedDispute {
  locale: 'zh-CN' | 'en';
  subject: string;
  text: string;
  /** tells this draft from the merchant's others (kinds, money, first reference), in the language it was drafted in */
  label?: string;
  /** what the title is made of when shown, in the UI's language (lib/disputes/title.ts) */
  kinds?: FindingKind[];
  firstRef?: string;
  rowCount?: number;
  createdAt: string;
  updatedAt: string;
  /** the last day a follow-up reminder was shown, so one is shown at most once a day */
  remindedOn?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  id: 'main',
  merchant: {},
  defaultCurrency: 'CNY',
  language: 'auto',
};

export type SettleGuardDb = Dexie & {
  transactions: EntityTable<PortalTransaction, 'id'>;
  statementLines: EntityTable<StatementLine, 'id'>;
  cashier: EntityTable<CashierRecord, 'id'>;
  contracts: EntityTable<Contract, 'id'>;
  findings: EntityTable<StoredFinding, 'id'>;
  disputes: EntityTable<DisputeRecord, 'id'>;
  imports: EntityTable<ImportRecord, 'id'>;
  sites: EntityTable<SiteRecord, 'id'>;
  settings: EntityTable<Settings, 'id'>;
  coverage: EntityTable<CoverageRecord, 'id'>;
  unchecked: EntityTable<StoredUnchecked, 'id'>;
  summaries: EntityTable<StoreSummary, 'id'>;
};

/** One ReconcileResult.unchecked entry as stored: id = reason|merchant|days (lib/services/reconcile.ts). */
export interface StoredUnchecked extends Unchecked {
  id: string;
}

export const DB_NAME = 'settleguard';

export function openDb(name = DB_NAME): SettleGuardDb {
  const db = new Dexie(name) as SettleGuardDb;
  db.version(1).stores({
    transactions: 'id, occurredAt, portal, merchantId, settleDate, rrn',
    statementLines: 'id, bookedOn, accountId',
    cashier: 'id, occurredAt',
    contracts: 'id, effectiveFrom',
    findings: 'id, kind, status, *transactionIds',
    disputes: 'id, status, updatedAt',
    imports: 'id, importedAt',
    sites: 'id',
    settings: 'id',
  });
  // v2: rows are read whole for reconciliation, never looked up by these fields, and every index
  // costs a write per row: a 100,000-line import spends a third of its time on them.
  db.version(2).stores({
    transactions: 'id',
    statementLines: 'id',
    cashier: 'id',
  });
  // v3: what the extension has seen of each day per site and merchant (DESIGN.md "Coverage"),
  // read per site by the capture service; a new store, so no record is rewritten
  db.version(3).stores({
    coverage: 'id, site',
  });
  // v4: a portal row is found by its evidence hash, so a row whose id changes because it is read
  // better (a reference now read from its values) replaces its old copy instead of doubling it
  db.version(4).stores({
    transactions: 'id, evidence.sha256',
  });
  // v5: what the last reconciliation could not check (ReconcileResult.unchecked), for the popup
  // and dashboard; a new store, replaced whole on every run
  db.version(5).stores({
    unchecked: 'id',
  });
  // v6: disputes the first schema wrote (a status `history`, no tracker events) become tracker
  // records (lib/migrations.ts), else the disputes tab and reminders cannot read them; the index
  // is restated because the first schema indexed createdAt, not updatedAt
  db.version(6)
    .stores({
      disputes: 'id, status, updatedAt',
    })
    .upgrade(async (tx) => {
      const findings = new Map((await tx.table<StoredFinding, string>('findings').toArray()).map((f) => [f.id, f]));
      const currency = (await tx.table<Settings, string>('settings').get('main'))?.defaultCurrency ?? DEFAULT_SETTINGS.defaultCurrency;
      await tx
        .table('disputes')
        .toCollection()
        .modify((d: unknown, ref: { value: unknown }) => {
          if (isDisputeV1(d)) ref.value = migrateDisputeV1(d, findings, currency);
        });
    });
  // v7: what the popup and the dashboard show without reading every row (lib/store-summary.ts),
  // written by each reconciliation
  db.version(7).stores({
    summaries: 'id',
  });
  return db;
}

let shared: SettleGuardDb | undefined;

/** The extension's database, opened once per page or service worker. */
export function getDb(): SettleGuardDb {
  shared ??= openDb();
  return shared;
}
