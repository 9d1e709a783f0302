// Disputes: gathering what a draft needs, keeping the drafts the merchant made, following each
// dispute through the tracker (lib/disputes/tracker.ts), and exporting its evidence pack.
import { zipSync, strToU8 } from 'fflate';
import type { DisputeRecord, SettleGuardDb } from '../db';
import type { DisputeContext, DraftSummary } from '../messaging';
import type { MoneyJson } from '../model';
import { stableId } from '../ids';
import { formatMoney, money, sum } from '../money';
import { applyDisputeEvent, createDispute, nextStep, type DisputeEvent, type NextStep, type TrackerError } from '../disputes/tracker';
import { buildEvidencePack, evidencePackName } from '../disputes/evidence';
import { escalationHistoryOf, renderEscalation } from '../disputes/escalation';
import type { DisputeDraft } from '../disputes/render';
import { kindName, type Locale } from '../i18n/messages';
import { loadSettings } from './settings';

export async function disputeContext(db: SettleGuardDb, findingIds: string[], asOf: string): Promise<DisputeContext> {
  const findings = (await db.findings.bulkGet(findingIds)).filter((f) => f !== undefined);
  const txIds = [...new Set(findings.flatMap((f) => f.transactionIds))];
  const lineIds = [...new Set(findings.flatMap((f) => f.statementLineIds))];
  const [transactions, statementLines, settings, contracts] = await Promise.all([
    db.transactions.bulkGet(txIds),
    db.statementLines.bulkGet(lineIds),
    loadSettings(db),
    db.contracts.toArray(),
  ]);
  const txs = transactions.filter((t) => t !== undefined);
  const merchantId = settings.merchant.merchantId ?? txs.find((t) => t.merchantId)?.merchantId;
  const merchantName = settings.merchant.name ?? txs.find((t) => t.merchantName)?.merchantName;
  const contract = contracts
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
    .find((c) => !c.merchantId || !merchantId || c.merchantId === merchantId);
  return {
    findings,
    transactions: txs,
    statementLines: statementLines.filter((l) => l !== undefined),
    merchant: { ...settings.merchant, merchantId, name: merchantName },
    contractLabel: contract?.label,
    language: settings.language,
    asOf,
    templates: settings.templates,
  };
}

/** What the merchant claims back: Σ atStake, in the currency most findings use. */
function claimedOf(ctx: DisputeContext): MoneyJson {
  const withMoney = ctx.findings.map((f) => f.atStake).filter((m) => m !== undefined);
  const currency = withMoney[0]?.currency ?? ctx.transactions[0]?.amount.currency ?? 'CNY';
  return sum(
    withMoney.filter((m) => m.currency === currency),
    currency,
  );
}

export function disputeIdOf(findingIds: string[]): string {
  return stableId('dispute', [...findingIds].sort());
}

export async function recordDraft(
  db: SettleGuardDb,
  draft: { findingIds: string[]; locale: Locale; subject: string; text: string },
  now: string,
): Promise<DraftSummary> {
  const id = disputeIdOf(draft.findingIds);
  const ctx = await disputeContext(db, draft.findingIds, now.slice(0, 10));
  return db.transaction('rw', db.disputes, async () => {
    // a cancelled dispute drafted again starts over: the merchant decided to pursue it after all
    const found = await db.disputes.get(id);
    const old = found?.status === 'cancelled' ? undefined : found;
    const claimed = claimedOf(ctx);
    const label = draftLabel(ctx, claimed, draft.locale);
    const facts = titleFacts(ctx);
    const record: DisputeRecord = old
      ? { ...old, ...facts, locale: draft.locale, subject: draft.subject, text: draft.text, label, updatedAt: now }
      : {
          ...createDispute({ id, findingIds: [...draft.findingIds].sort(), claimed, createdOn: now.slice(0, 10) }),
          locale: draft.locale,
          subject: draft.subject,
          text: draft.text,
          label,
          ...facts,
          createdAt: now,
          updatedAt: now,
        };
    await db.disputes.put(record);
    return summaryOf(record);
  });
}

export async function latestDrafts(db: SettleGuardDb, limit = 5): Promise<DraftSummary[]> {
  const all = await db.disputes.toArray();
  return all
    .filter((d) => d.status !== 'cancelled')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit)
    .map(summaryOf);
}

function summaryOf(d: DisputeRecord): DraftSummary {
  return { id: d.id, subject: d.subject, label: d.label ?? d.subject, text: d.text, updatedAt: d.updatedAt };
}

/** What the list's title is made of, in any language (lib/disputes/title.ts). */
function titleFacts(ctx: DisputeContext): Pick<DisputeRecord, 'kinds' | 'firstRef' | 'rowCount'> {
  const firstRef = ctx.transactions.map((t) => t.rrn ?? t.voucherNo ?? t.orderNo).find((r) => r !== undefined);
  return { kinds: [...new Set(ctx.findings.map((f) => f.kind))], rowCount: ctx.transactions.length, ...(firstRef ? { firstRef } : {}) };
}

/** "手续费超约定 · ¥2.00 · 606911745808": the kinds, the money and the first reference. */
function draftLabel(ctx: DisputeContext, claimed: MoneyJson, locale: Locale): string {
  const kinds = [...new Set(ctx.findings.map((f) => kindName(locale, f.kind)))].join('、');
  const ref = ctx.transactions.map((t) => t.rrn ?? t.voucherNo ?? t.orderNo).find((r) => r !== undefined);
  const more = ctx.transactions.length > 1 ? ` +${ctx.transactions.length - 1}` : '';
  return [kinds, formatMoney(claimed), ref ? `${ref}${more}` : undefined].filter(Boolean).join(' · ');
}

/**
 * Moves a dispute along (sent, acknowledged, refunded, rejected, escalated). Findings follow:
 * a sent dispute marks them 'disputed', a full refund 'resolved'.
 */
export async function applyEvent(
  db: SettleGuardDb,
  id: string,
  event: DisputeEvent,
  now: string,
): Promise<{ ok: true; dispute: DisputeRecord } | { ok: false; error: TrackerError }> {
  return db.transaction('rw', db.disputes, db.findings, async () => {
    const old = await db.disputes.get(id);
    if (!old) return { ok: false as const, error: { code: 'invalid_transition' as const, message: `no dispute ${id}` } };
    const res = applyDisputeEvent(old, event);
    if (!res.ok) return res;
    const next: DisputeRecord = { ...old, ...res.dispute, updatedAt: now };
    await db.disputes.put(next);
    // a cancelled dispute gives its findings back (lib/services/dispute-lifecycle.ts)
    const findingStatus = next.status === 'refunded_full' ? 'resolved' : next.status === 'draft' || next.status === 'cancelled' ? undefined : 'disputed';
    if (findingStatus) {
      const findings = (await db.findings.bulkGet(next.findingIds)).filter((f) => f !== undefined);
      await db.findings.bulkPut(findings.map((f) => ({ ...f, status: findingStatus, statusBy: 'merchant', statusAt: now })));
    }
    return { ok: true as const, dispute: next };
  });
}

export interface DisputeView {
  dispute: DisputeRecord;
  next: NextStep;
}

export async function listDisputes(db: SettleGuardDb, asOf: string): Promise<DisputeView[]> {
  const all = await db.disputes.toArray();
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((dispute) => ({ dispute, next: nextStep(dispute, asOf) }));
}

/** Totals for the popup: what the open disputes claim and what has come back. */
export function disputeTotals(disputes: DisputeRecord[]): { claimed: MoneyJson[]; recovered: MoneyJson[] } {
  const byCurrency = (pick: (d: DisputeRecord) => MoneyJson) => {
    const out = new Map<string, MoneyJson[]>();
    for (const d of disputes) {
      if (d.status === 'draft' || d.status === 'cancelled') continue;
      const m = pick(d);
      out.set(m.currency, [...(out.get(m.currency) ?? []), m]);
    }
    return [...out.entries()].map(([c, list]) => sum(list, c));
  };
  return { claimed: byCurrency((d) => d.claimed), recovered: byCurrency((d) => d.recovered ?? money('0', d.claimed.currency)) };
}

/** The next escalation letter (written complaint, then regulator/association) for a dispute. */
export async function escalationDraft(db: SettleGuardDb, id: string, asOf: string): Promise<DisputeDraft | null> {
  const d = await db.disputes.get(id);
  if (!d) return null;
  const step = nextStep(d, asOf).escalation;
  if (!step) return null;
  const ctx = await disputeContext(db, d.findingIds, asOf);
  return renderEscalation(step, { ...ctx, history: escalationHistoryOf(d) }, d.locale);
}

/** The evidence pack as one ZIP: letter, itemized CSV, captured rows with hashes, bank lines, contract, report. */
export async function evidencePackZip(db: SettleGuardDb, id: string, now: string): Promise<{ name: string; bytes: Uint8Array } | null> {
  const d = await db.disputes.get(id);
  if (!d) return null;
  const ctx = await disputeContext(db, d.findingIds, now.slice(0, 10));
  const input = { ...ctx, contracts: await db.contracts.toArray(), generatedAt: now, template: ctx.templates?.[d.locale] };
  const files = buildEvidencePack(input, d.locale);
  const folder = evidencePackName(input);
  const bytes = zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.path}`, strToU8(f.text)])), { level: 6, mtime: new Date(now) });
  return { name: `${folder}.zip`, bytes };
}

/** Disputes whose answer is overdue today and that were not reminded about today. */
export async function disputesToRemind(db: SettleGuardDb, asOf: string): Promise<DisputeView[]> {
  return (await listDisputes(db, asOf)).filter(
    ({ dispute, next }) => (next.action === 'follow_up' || next.action === 'escalate') && dispute.remindedOn !== asOf,
  );
}

export async function markReminded(db: SettleGuardDb, ids: string[], asOf: string): Promise<void> {
  await db.transaction('rw', db.disputes, async () => {
    const list = (await db.disputes.bulkGet(ids)).filter((d) => d !== undefined);
    await db.disputes.bulkPut(list.map((d) => ({ ...d, remindedOn: asOf })));
  });
}
