// Reading and deciding on findings. Dismissing one never teaches anything silently: the decision
// is stored with who and when, and the finding stays on record (DOMAIN.md §5, reviewable automation).
import type { SettleGuardDb } from '../db';
import type { FindingKind, FindingStatus, MoneyJson, StoredFinding } from '../model';
import { add, money } from '../money';

/** Findings the page highlights: open ones that cost or may cost money (DESIGN.md DOM contract). */
export function isHighlighted(f: StoredFinding): boolean {
  return f.status === 'open' && (f.severity === 'overcharge' || f.severity === 'suspect');
}

/** What the page shows on a row: the highlighted findings, and (quietly) those under dispute. */
function isShownOnPage(f: StoredFinding): boolean {
  return isHighlighted(f) || (f.status === 'disputed' && f.severity !== 'info');
}

export async function findingsForTransactions(db: SettleGuardDb, transactionIds: string[]): Promise<Record<string, StoredFinding[]>> {
  const wanted = new Set(transactionIds);
  const found = await db.findings.where('transactionIds').anyOf(transactionIds).toArray();
  const byTransaction: Record<string, StoredFinding[]> = {};
  for (const f of found) {
    if (!isShownOnPage(f)) continue;
    for (const id of f.transactionIds) {
      if (!wanted.has(id)) continue;
      const list = (byTransaction[id] ??= []);
      if (!list.some((x) => x.id === f.id)) list.push(f);
    }
  }
  return byTransaction;
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
export function summarizeFindings(findings: StoredFinding[], transactionIds?: Set<string>): FindingSummary {
  const open = findings.filter(
    (f) => f.status === 'open' && f.severity !== 'info' && (!transactionIds || f.transactionIds.some((id) => transactionIds.has(id))),
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
