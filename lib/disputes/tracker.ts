// Where a dispute stands and what to do next. A pure state machine: events in, a new dispute
// (or a reason why the event makes no sense) out; `nextStep` tells when to follow up and when
// to escalate (DOMAIN.md §4.2 China, §4.3 US: first contact → written complaint → regulator).
import type { IsoDate, MoneyJson } from '../model';
import { addDays } from '../dates';
import { amountOf, isDecimalString, money, sub } from '../money';
import { DEFAULT_DEADLINE_DAYS } from './input';

export type DisputeStatus = 'draft' | 'sent' | 'acknowledged' | 'refunded_partial' | 'refunded_full' | 'rejected' | 'cancelled';
export type EscalationStep = 'written_complaint' | 'regulator';
/** How far up the ladder the dispute has gone. */
export type DisputeLevel = 'first_contact' | EscalationStep;

export const DISPUTE_LEVELS: readonly DisputeLevel[] = ['first_contact', 'written_complaint', 'regulator'];

/** Days after sending (or the last answer) before a reminder to chase the acquirer. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;

export type DisputeEvent =
  | { type: 'send'; on: IsoDate; ticketNo?: string; channel?: string }
  | { type: 'acknowledge'; on: IsoDate; ticketNo?: string }
  | { type: 'refund'; on: IsoDate; amount: MoneyJson }
  | { type: 'reject'; on: IsoDate; reason?: string }
  | { type: 'escalate'; on: IsoDate; step: EscalationStep; ticketNo?: string; channel?: string }
  // the merchant dropped it (settled by phone, sent by mistake): kept in the list, never chased
  | { type: 'cancel'; on: IsoDate };

export interface TrackedDispute {
  id: string;
  findingIds: string[];
  status: DisputeStatus;
  level: DisputeLevel;
  /** what the merchant asks back (Σ atStake of the findings) */
  claimed: MoneyJson;
  recovered: MoneyJson;
  createdOn: IsoDate;
  /** when the current level's letter went out */
  sentOn?: IsoDate;
  acknowledgedOn?: IsoDate;
  lastRefundOn?: IsoDate;
  rejectedOn?: IsoDate;
  rejectionReason?: string;
  closedOn?: IsoDate;
  /** the latest ticket / case number; earlier ones stay in `events` */
  ticketNo?: string;
  channel?: string;
  deadlineDays: number;
  followUpDays: number;
  /** every accepted event, oldest first */
  events: DisputeEvent[];
}

export type TrackerError = {
  code: 'invalid_transition' | 'closed' | 'bad_date' | 'date_order' | 'bad_amount' | 'currency_mismatch' | 'escalation_order';
  message: string;
};
export type TrackerResult = { ok: true; dispute: TrackedDispute } | { ok: false; error: TrackerError };

export interface NewDispute {
  id: string;
  findingIds: string[];
  claimed: MoneyJson;
  createdOn: IsoDate;
  deadlineDays?: number;
  followUpDays?: number;
}

export function createDispute(p: NewDispute): TrackedDispute {
  return {
    id: p.id,
    findingIds: [...p.findingIds],
    status: 'draft',
    level: 'first_contact',
    claimed: money(p.claimed.amount, p.claimed.currency),
    recovered: money('0', p.claimed.currency),
    createdOn: p.createdOn,
    deadlineDays: positiveInt(p.deadlineDays, DEFAULT_DEADLINE_DAYS),
    followUpDays: positiveInt(p.followUpDays, DEFAULT_FOLLOW_UP_DAYS),
    events: [],
  };
}

/** Which events each status accepts. */
const ALLOWED: Record<DisputeStatus, readonly DisputeEvent['type'][]> = {
  draft: ['send', 'cancel'],
  sent: ['acknowledge', 'refund', 'reject', 'escalate', 'cancel'],
  acknowledged: ['refund', 'reject', 'escalate', 'cancel'],
  refunded_partial: ['refund', 'reject', 'escalate', 'cancel'],
  rejected: ['refund', 'escalate', 'cancel'],
  refunded_full: [],
  cancelled: [],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function applyDisputeEvent(dispute: TrackedDispute, event: DisputeEvent): TrackerResult {
  const fail = (code: TrackerError['code'], message: string): TrackerResult => ({ ok: false, error: { code, message } });
  if (dispute.status === 'refunded_full')
    return fail('closed', `The dispute was refunded in full on ${dispute.closedOn ?? '?'}; nothing more can happen to it.`);
  if (dispute.status === 'cancelled') return fail('closed', `The dispute was cancelled on ${dispute.closedOn ?? '?'}; nothing more can happen to it.`);
  if (!ALLOWED[dispute.status].includes(event.type)) {
    return fail('invalid_transition', `A dispute that is "${dispute.status}" cannot take "${event.type}" (allowed: ${ALLOWED[dispute.status].join(', ')}).`);
  }
  if (!ISO_DATE.test(event.on) || addDays(event.on, 0) !== event.on) return fail('bad_date', `"${event.on}" is not a date (YYYY-MM-DD).`);
  const last = dispute.events[dispute.events.length - 1]?.on ?? dispute.createdOn;
  if (event.on < last) return fail('date_order', `${event.type} on ${event.on} is before the previous step (${last}).`);

  const next: TrackedDispute = { ...dispute, events: [...dispute.events, event] };
  switch (event.type) {
    case 'send':
      return ok({ ...next, status: 'sent', sentOn: event.on, ticketNo: event.ticketNo ?? next.ticketNo, channel: event.channel ?? next.channel });
    case 'acknowledge':
      return ok({ ...next, status: 'acknowledged', acknowledgedOn: event.on, ticketNo: event.ticketNo ?? next.ticketNo });
    case 'refund': {
      if (!isDecimalString(event.amount.amount) || amountOf(event.amount).lte(0)) {
        return fail('bad_amount', `A refund must be a positive amount; got "${event.amount.amount}".`);
      }
      if (event.amount.currency !== dispute.claimed.currency) {
        return fail('currency_mismatch', `The refund is in ${event.amount.currency} but the claim is in ${dispute.claimed.currency}.`);
      }
      const recovered = money(amountOf(dispute.recovered).plus(amountOf(event.amount)), dispute.claimed.currency);
      const full = amountOf(recovered).gte(amountOf(dispute.claimed));
      return ok({
        ...next,
        recovered,
        lastRefundOn: event.on,
        status: full ? 'refunded_full' : 'refunded_partial',
        closedOn: full ? event.on : undefined,
      });
    }
    case 'reject':
      return ok({ ...next, status: 'rejected', rejectedOn: event.on, rejectionReason: event.reason });
    case 'cancel':
      return ok({ ...next, status: 'cancelled', closedOn: event.on });
    case 'escalate': {
      if (DISPUTE_LEVELS.indexOf(event.step) <= DISPUTE_LEVELS.indexOf(dispute.level)) {
        return fail('escalation_order', `The dispute is already at "${dispute.level}"; it can only go further up than that, not to "${event.step}".`);
      }
      // A new letter to a new addressee: the clock restarts, the old answer no longer applies.
      return ok({
        ...next,
        status: 'sent',
        level: event.step,
        sentOn: event.on,
        acknowledgedOn: undefined,
        rejectedOn: undefined,
        rejectionReason: undefined,
        ticketNo: event.ticketNo ?? next.ticketNo,
        channel: event.channel ?? next.channel,
      });
    }
  }
}

/** Applies events in order; stops at the first one that is refused. */
export function replayDispute(start: TrackedDispute, events: readonly DisputeEvent[]): TrackerResult {
  let current: TrackerResult = { ok: true, dispute: start };
  for (const event of events) {
    if (!current.ok) return current;
    current = applyDisputeEvent(current.dispute, event);
  }
  return current;
}

export type NextAction = 'send' | 'wait' | 'follow_up' | 'escalate' | 'consider_legal' | 'done';

export interface NextStep {
  action: NextAction;
  /** when to chase the acquirer if nothing happens (sent / acknowledged / partly refunded) */
  followUpOn?: IsoDate;
  /** the refund deadline the letter set (sentOn + deadlineDays) */
  dueOn?: IsoDate;
  overdue: boolean;
  /** the escalation to prepare (renderEscalation) when action is 'escalate' */
  escalation?: EscalationStep;
  /** claimed − recovered, never below zero */
  outstanding: MoneyJson;
}

/**
 * What to do about a dispute on `asOf`: send the draft; wait until the follow-up date; follow
 * up; escalate one level when rejected or past the deadline; consider arbitration, small
 * claims or court (US) / litigation (CN) once the regulator step has failed; or nothing.
 */
export function nextStep(dispute: TrackedDispute, asOf: IsoDate): NextStep {
  const left = sub(dispute.claimed, dispute.recovered);
  const outstanding = amountOf(left).isNegative() ? money('0', dispute.claimed.currency) : left;
  const escalation = nextLevel(dispute.level);
  const escalateOrLegal = (overdue: boolean, base: Partial<NextStep> = {}): NextStep => ({
    ...base,
    action: escalation ? 'escalate' : 'consider_legal',
    escalation,
    overdue,
    outstanding,
  });

  switch (dispute.status) {
    case 'draft':
      return { action: 'send', overdue: false, outstanding };
    case 'refunded_full':
    case 'cancelled':
      return { action: 'done', overdue: false, outstanding };
    case 'rejected':
      return escalateOrLegal(false);
    case 'sent':
    case 'acknowledged':
    case 'refunded_partial': {
      const sentOn = dispute.sentOn ?? dispute.createdOn;
      const dueOn = addDays(sentOn, dispute.deadlineDays);
      const lastAnswer = dispute.status === 'refunded_partial' ? dispute.lastRefundOn : dispute.status === 'acknowledged' ? dispute.acknowledgedOn : sentOn;
      const followUpOn = earliest(addDays(lastAnswer ?? sentOn, dispute.followUpDays), dueOn);
      if (asOf > dueOn) return escalateOrLegal(true, { dueOn, followUpOn });
      return { action: asOf >= followUpOn ? 'follow_up' : 'wait', followUpOn, dueOn, overdue: false, outstanding };
    }
  }
}

export function nextLevel(level: DisputeLevel): EscalationStep | undefined {
  const next = DISPUTE_LEVELS[DISPUTE_LEVELS.indexOf(level) + 1];
  return next === 'written_complaint' || next === 'regulator' ? next : undefined;
}

function ok(dispute: TrackedDispute): TrackerResult {
  return { ok: true, dispute };
}

function earliest(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function positiveInt(n: number | undefined, fallback: number): number {
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}
