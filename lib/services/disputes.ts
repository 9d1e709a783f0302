// Gathering what a dispute draft needs, and keeping the drafts the merchant made.
import type { DisputeRecord, SettleGuardDb } from '../db';
import type { DisputeContext, DraftSummary } from '../messaging';
import { stableId } from '../ids';
import { loadSettings } from './settings';

export async function disputeContext(db: SettleGuardDb, findingIds: string[], asOf: string): Promise<DisputeContext> {
  const findings = (await db.findings.bulkGet(findingIds)).filter((f) => f !== undefined);
  const txIds = [...new Set(findings.flatMap((f) => f.transactionIds))];
  const lineIds = [...new Set(findings.flatMap((f) => f.statementLineIds))];
  const [transactions, statementLines, settings, contracts] = await Promise.all([
    db.transactions.bulkGet(txIds), db.statementLines.bulkGet(lineIds), loadSettings(db), db.contracts.toArray(),
  ]);
  const txs = transactions.filter((t) => t !== undefined);
  const merchantId = settings.merchant.merchantId ?? txs.find((t) => t.merchantId)?.merchantId;
  const merchantName = settings.merchant.name ?? txs.find((t) => t.merchantName)?.merchantName;
  const contract = contracts.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
    .find((c) => !c.merchantId || !merchantId || c.merchantId === merchantId);
  return {
    findings,
    transactions: txs,
    statementLines: statementLines.filter((l) => l !== undefined),
    merchant: { ...settings.merchant, merchantId, name: merchantName },
    contractLabel: contract?.label,
    language: settings.language,
    asOf,
  };
}

export async function recordDraft(db: SettleGuardDb, draft: { findingIds: string[]; locale: 'zh-CN' | 'en'; subject: string; text: string }, now: string): Promise<DraftSummary> {
  const id = stableId('dispute', [...draft.findingIds].sort());
  return db.transaction('rw', db.disputes, async () => {
    const old = await db.disputes.get(id);
    const record: DisputeRecord = old
      ? { ...old, locale: draft.locale, subject: draft.subject, text: draft.text, updatedAt: now }
      : {
        id, findingIds: [...draft.findingIds].sort(), status: 'draft', locale: draft.locale, subject: draft.subject,
        text: draft.text, createdAt: now, updatedAt: now, history: [{ status: 'draft', at: now }],
      };
    await db.disputes.put(record);
    return { id, subject: record.subject, text: record.text, updatedAt: now };
  });
}

export async function latestDrafts(db: SettleGuardDb, limit = 5): Promise<DraftSummary[]> {
  const all = await db.disputes.orderBy('createdAt').reverse().toArray();
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit)
    .map((d) => ({ id: d.id, subject: d.subject, text: d.text, updatedAt: d.updatedAt }));
}
