// Reading and deciding on findings. Dismissing one never teaches anything silently: the decision
// is stored with who and when, and the finding stays on record (DOMAIN.md §5, reviewable automation).
import type { SettleGuardDb } from '../db';
import type { FindingKind, FindingStatus, MoneyJson, StoredFinding } from '../model';
import { add, money } from '../money';
import { siteOfUrl, siteRowId } from '../sites';

/** Findings the page highlights: open ones that cost or may cost money (DESIGN.md DOM contract). */
export function isHighlighted(f: StoredFinding): boolean {
  return f.status === 'open' && (f.severity === 'overcharge' || f.severity === 'suspect');
}

/** What the page shows on a row: the highlighted findings, and (quietly) those under dispute. */
function isShownOnPage(f: StoredFinding): boolean {
  return isHighlighted(f) || (f.status === 'disputed' && f.severity !== 'info');
}

/**
 * The findings a page shows on its rows, by the ids the page gave its rows. With `site`, only that
 * site's findings (findingsOfSite), of its own rows (pageRowIds): a page never learns another
 * site's rows or findings, even by naming their ids.
 */
export async function findingsForTransactions(db: SettleGuardDb, transactionIds: string[], site?: string): Promise<Record<string, StoredFinding[]>> {
  const pageIdOf = site === undefined ? new Map(transactionIds.map((id) => [id, id])) : await pageRowIds(db, transactionIds, site);
  const all = (
    await db.findings
      .where('transactionIds')
      .anyOf([...pageIdOf.keys()])
      .toArray()
  ).filter(isShownOnPage);
  const found = site === undefined ? all : await findingsOfSite(db, all, site);
  const byTransaction: Record<string, StoredFinding[]> = {};
  for (const f of found) {
    for (const stored of f.transactionIds) {
      const id = pageIdOf.get(stored);
      if (id === undefined) continue;
      const list = (byTransaction[id] ??= []);
      if (!list.some((x) => x.id === f.id)) list.push(f);
    }
  }
  return byTransaction;
}

/**
 * Stored id → the id the page gave the row, for rows a page of `site` names. A row whose id
 * another site's row held when it was captured is stored under its id on this site
 * (lib/services/capture.ts placeOnSite); only keys are read, so a 5,000-row page costs little.
 */
async function pageRowIds(db: SettleGuardDb, ids: readonly string[], site: string): Promise<Map<string, string>> {
  const onSite = new Map(ids.map((id) => [siteRowId(site, id), id]));
  const moved = new Set<string>(
    await db.transactions
      .where(':id')
      .anyOf([...onSite.keys()])
      .primaryKeys(),
  );
  const out = new Map<string, string>();
  for (const [stored, id] of onSite) out.set(moved.has(stored) ? stored : id, id);
  return out;
}

/**
 * The findings among `findings` that belong to `site` (lib/sites.ts): every row behind them was
 * read on a page of that site (its evidence URL). A finding with no captured row, or with one row
 * read elsewhere, belongs to no site: no page sees it, the options page does (issue 14 item 2).
 */
export async function findingsOfSite<F extends Pick<StoredFinding, 'transactionIds'>>(db: SettleGuardDb, findings: readonly F[], site: string): Promise<F[]> {
  const rowIds = [...new Set(findings.flatMap((f) => f.transactionIds))];
  const ours = new Set<string>();
  for (const t of await db.transactions.bulkGet(rowIds)) if (t && siteOfUrl(t.evidence.url) === site) ours.add(t.id);
  return findings.filter((f) => f.transactionIds.length > 0 && f.transactionIds.every((id) => ours.has(id)));
}

/** The ids among `findingIds` of findings that belong to `site` (findingsOfSite), in their order. */
export async function findingIdsOfSite(db: SettleGuardDb, findingIds: readonly string[], site: string): Promise<string[]> {
  const found = (await db.findings.bulkGet([...new Set(findingIds)])).filter((f) => f !== undefined);
  const ours = new Set((await findingsOfSite(db, found, site)).map((f) => f.id));
  return findingIds.filter((id) => ours.has(id));
}

/**
 * The ids among `findingIds` whose latest dispute (by last update) was rejected: the row then
 * says so instead of "under dispute", and the merchant can escalate it from the disputes page.
 */
export async function rejectedFindingIds(db: SettleGuardDb, findingIds: readonly string[]): Promise<string[]> {
  if (findingIds.length === 0) return [];
  const wanted = new Set(findingIds);
  const latest = new Map<string, { status: string; updatedAt: string }>();
  // a merchant has a handful of disputes: read them all
  for (const d of await db.disputes.toArray()) {
    for (const id of d.findingIds) {
      if (!wanted.has(id)) continue;
      const prev = latest.get(id);
      if (!prev || d.updatedAt > prev.updatedAt) latest.set(id, { status: d.status, updatedAt: d.updatedAt });
    }
  }
  return [...latest]
    .filter(([, d]) => d.status === 'rejected')
    .map(([id]) => id)
    .sort();
}

export async function setFindingStatus(db: SettleGuardDb, id: string, status: FindingStatus, by: string, at: string): Promise<StoredFinding | undefined> {
  return db.transaction('rw', db.findings, async () => {
    const f = await db.findings.get(id);
    if (!f) return undefined;
    const next = { ...f, status, statusBy: by, statusAt: at };
    await db.findings.put(next);
    return next;
  });
}

export interface FindingSummary {
  count: number;
  /** money at stake per currency, summed over open findings */
  atStake: MoneyJson[];
  byKind: { kind: FindingKind; count: number; atStake: MoneyJson[] }[];
}

function addTo(list: MoneyJson[], m: MoneyJson | undefined): void {
  if (!m) return;
  const i = list.findIndex((x) => x.currency === m.currency);
  if (i < 0) list.push(money(m.amount, m.currency));
  else list[i] = add(list[i]!, m);
}

/** Summary of open findings; `transactionIds`, when given, restricts it to those rows' findings. */
export function summarizeFindings(
  findings: readonly (Pick<StoredFinding, 'status' | 'severity' | 'kind' | 'atStake'> & { transactionIds?: readonly string[] })[],
  transactionIds?: Set<string>,
): FindingSummary {
  const open = findings.filter(
    (f) => f.status === 'open' && f.severity !== 'info' && (!transactionIds || (f.transactionIds ?? []).some((id) => transactionIds.has(id))),
  );
  const atStake: MoneyJson[] = [];
  const kinds = new Map<FindingKind, { kind: FindingKind; count: number; atStake: MoneyJson[] }>();
  for (const f of open) {
    addTo(atStake, f.atStake);
    const k = kinds.get(f.kind) ?? { kind: f.kind, count: 0, atStake: [] };
    k.count++;
    addTo(k.atStake, f.atStake);
    kinds.set(f.kind, k);
  }
  return { count: open.length, atStake, byKind: [...kinds.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)) };
}

/** Transaction ids captured on pages of one site (origin), for "findings on this site". */
export async function transactionIdsForOrigin(db: SettleGuardDb, origin: string): Promise<Set<string>> {
  const ids = new Set<string>();
  await db.transactions.each((t) => {
    try {
      if (new URL(t.evidence.url).origin === origin) ids.add(t.id);
    } catch {
      // an evidence URL that does not parse belongs to no site
    }
  });
  return ids;
}
