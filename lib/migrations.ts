// Records written by an older schema, brought to the current one. Pure functions on records
// (STYLE.md, after Dexie's samples), used twice: by the Dexie upgrade (lib/db.ts) on a database
// the first schema wrote, and by restoring a backup that schema exported (lib/statements/settleguard.ts).
import type { DisputeRecord } from './db';
import type { DisputeEvent, DisputeStatus } from './disputes/tracker';
import { DEFAULT_FOLLOW_UP_DAYS } from './disputes/tracker';
import { DEFAULT_DEADLINE_DAYS } from './disputes/input';
import type { MoneyJson, StoredFinding } from './model';
import { money, sum } from './money';

/**
 * A dispute as the first schema stored it (commit 32ea3da, replaced by the tracker in ca3c790):
 * its status changes as a `history` list, the money recovered in total, no tracker events.
 */
export interface DisputeV1 {
  id: string;
  findingIds: string[];
  status: DisputeStatus;
  locale: 'zh-CN' | 'en';
  subject: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  ticketNo?: string;
  recovered?: MoneyJson;
  history: { status: DisputeStatus; at: string; note?: string }[];
}

export function isDisputeV1(d: unknown): d is DisputeV1 {
  return typeof d === 'object' && d !== null && Array.isArray((d as { history?: unknown }).history) && !Array.isArray((d as { events?: unknown }).events);
}

/**
 * The tracker record of a first-schema dispute. What it claims is Σ atStake of its findings, as
 * a draft does today (lib/services/disputes.ts); the history becomes tracker events, one per
 * status change. The first schema kept only the total recovered, so it is one refund event on the
 * day of the last refund; the old `history` stays on the record, so nothing written is lost.
 */
export function migrateDisputeV1(
  old: DisputeV1,
  findings: ReadonlyMap<string, StoredFinding>,
  defaultCurrency: string,
): DisputeRecord & { history: DisputeV1['history'] } {
  const stakes = old.findingIds.map((id) => findings.get(id)?.atStake).filter((m) => m !== undefined);
  const currency = stakes[0]?.currency ?? old.recovered?.currency ?? defaultCurrency;
  const claimed = sum(
    stakes.filter((m) => m.currency === currency),
    currency,
  );
  const recovered = old.recovered ? money(old.recovered.amount, old.recovered.currency) : money('0', currency);
  const day = (at: string) => at.slice(0, 10);
  const events: DisputeEvent[] = [];
  const dates: Partial<Record<'sentOn' | 'acknowledgedOn' | 'lastRefundOn' | 'rejectedOn', string>> = {};
  let rejectionReason: string | undefined;
  const lastRefund = old.history.findLastIndex((h) => h.status === 'refunded_partial' || h.status === 'refunded_full');
  old.history.forEach((h, i) => {
    const on = day(h.at);
    if (h.status === 'sent') {
      events.push({ type: 'send', on, ...(old.ticketNo && !dates.sentOn ? { ticketNo: old.ticketNo } : {}) });
      dates.sentOn ??= on;
    } else if (h.status === 'acknowledged') {
      events.push({ type: 'acknowledge', on });
      dates.acknowledgedOn = on;
    } else if (i === lastRefund) {
      events.push({ type: 'refund', on, amount: recovered });
      dates.lastRefundOn = on;
    } else if (h.status === 'rejected') {
      events.push({ type: 'reject', on, ...(h.note ? { reason: h.note } : {}) });
      dates.rejectedOn = on;
      rejectionReason = h.note;
    }
  });
  const record: DisputeRecord & { history: DisputeV1['history'] } = {
    id: old.id,
    findingIds: [...old.findingIds],
    status: old.status,
    level: 'first_contact',
    claimed,
    recovered,
    createdOn: day(old.createdAt),
    deadlineDays: DEFAULT_DEADLINE_DAYS,
    followUpDays: DEFAULT_FOLLOW_UP_DAYS,
    events,
    locale: old.locale,
    subject: old.subject,
    text: old.text,
    createdAt: old.createdAt,
    updatedAt: old.updatedAt,
    history: old.history,
    ...dates,
  };
  if (rejectionReason) record.rejectionReason = rejectionReason;
  if (old.ticketNo) record.ticketNo = old.ticketNo;
  if (old.status === 'refunded_full' && dates.lastRefundOn) record.closedOn = dates.lastRefundOn;
  return record;
}
