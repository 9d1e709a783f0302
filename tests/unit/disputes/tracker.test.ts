import { describe, expect, it } from 'vitest';
import { applyDisputeEvent, createDispute, nextStep, replayDispute, type DisputeEvent, type TrackedDispute } from '../../../lib/disputes/tracker';

const claimed = { amount: '156.00', currency: 'CNY' };
const fresh = () => createDispute({ id: 'd1', findingIds: ['f:debit', 'f:dup'], claimed, createdOn: '2024-03-10' });

function run(events: DisputeEvent[], start: TrackedDispute = fresh()): TrackedDispute {
  const result = replayDispute(start, events);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.dispute;
}

describe('transitions', () => {
  it('draft → sent → acknowledged → refunded_partial → refunded_full, with dates, ticket and amounts', () => {
    const d = run([
      { type: 'send', on: '2024-03-10', ticketNo: 'GD001', channel: 'portal' },
      { type: 'acknowledge', on: '2024-03-12' },
      { type: 'refund', on: '2024-03-15', amount: { amount: '20.00', currency: 'CNY' } },
      { type: 'refund', on: '2024-03-18', amount: { amount: '136.00', currency: 'CNY' } },
    ]);
    expect(d).toMatchObject({
      status: 'refunded_full',
      level: 'first_contact',
      sentOn: '2024-03-10',
      acknowledgedOn: '2024-03-12',
      lastRefundOn: '2024-03-18',
      closedOn: '2024-03-18',
      ticketNo: 'GD001',
      channel: 'portal',
      recovered: { amount: '156.00', currency: 'CNY' },
    });
    expect(d.events).toHaveLength(4);
  });

  it('a partial refund keeps the dispute open; amounts add up exactly', () => {
    const d = run([
      { type: 'send', on: '2024-03-10' },
      { type: 'refund', on: '2024-03-11', amount: { amount: '0.10', currency: 'CNY' } },
      { type: 'refund', on: '2024-03-11', amount: { amount: '0.20', currency: 'CNY' } },
    ]);
    expect(d.status).toBe('refunded_partial');
    expect(d.recovered).toEqual({ amount: '0.30', currency: 'CNY' });
  });

  it('does not change the dispute it is given', () => {
    const d = fresh();
    const before = JSON.stringify(d);
    applyDisputeEvent(d, { type: 'send', on: '2024-03-10' });
    expect(JSON.stringify(d)).toBe(before);
  });

  const refused: { description: string; events: DisputeEvent[]; code: string }[] = [
    { description: 'acknowledge a draft', events: [{ type: 'acknowledge', on: '2024-03-10' }], code: 'invalid_transition' },
    { description: 'refund a draft', events: [{ type: 'refund', on: '2024-03-10', amount: claimed }], code: 'invalid_transition' },
    {
      description: 'send twice',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'send', on: '2024-03-11' },
      ],
      code: 'invalid_transition',
    },
    {
      description: 'acknowledge after a rejection',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'reject', on: '2024-03-11' },
        { type: 'acknowledge', on: '2024-03-12' },
      ],
      code: 'invalid_transition',
    },
    {
      description: 'anything after a full refund',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'refund', on: '2024-03-11', amount: claimed },
        { type: 'reject', on: '2024-03-12' },
      ],
      code: 'closed',
    },
    {
      description: 'a date before the previous step',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'acknowledge', on: '2024-03-09' },
      ],
      code: 'date_order',
    },
    { description: 'sending before the draft was made', events: [{ type: 'send', on: '2024-03-01' }], code: 'date_order' },
    { description: 'an impossible date', events: [{ type: 'send', on: '2024-02-30' }], code: 'bad_date' },
    {
      description: 'a zero refund',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'refund', on: '2024-03-11', amount: { amount: '0.00', currency: 'CNY' } },
      ],
      code: 'bad_amount',
    },
    {
      description: 'a negative refund',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'refund', on: '2024-03-11', amount: { amount: '-5', currency: 'CNY' } },
      ],
      code: 'bad_amount',
    },
    {
      description: 'a refund in another currency',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'refund', on: '2024-03-11', amount: { amount: '5.00', currency: 'USD' } },
      ],
      code: 'currency_mismatch',
    },
    {
      description: 'escalating to a level already passed',
      events: [
        { type: 'send', on: '2024-03-10' },
        { type: 'escalate', on: '2024-03-30', step: 'regulator' },
        { type: 'escalate', on: '2024-04-30', step: 'written_complaint' },
      ],
      code: 'escalation_order',
    },
    { description: 'escalating a draft', events: [{ type: 'escalate', on: '2024-03-10', step: 'written_complaint' }], code: 'invalid_transition' },
  ];
  it.each(refused)('refuses: $description', ({ events, code }) => {
    const result = replayDispute(fresh(), events);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('escalation restarts the clock at the next level and keeps earlier tickets in the events', () => {
    const d = run([
      { type: 'send', on: '2024-03-10', ticketNo: 'GD001' },
      { type: 'reject', on: '2024-03-20', reason: '费率正确' },
      { type: 'escalate', on: '2024-03-22', step: 'written_complaint', ticketNo: 'TS-9' },
    ]);
    expect(d).toMatchObject({ status: 'sent', level: 'written_complaint', sentOn: '2024-03-22', ticketNo: 'TS-9' });
    expect(d.rejectedOn).toBeUndefined();
    expect(d.events.map((e) => e.type)).toEqual(['send', 'reject', 'escalate']);
  });
});

describe('nextStep', () => {
  const sent = () => run([{ type: 'send', on: '2024-03-10' }]);

  it('a draft is to be sent', () => {
    expect(nextStep(fresh(), '2024-03-10')).toMatchObject({ action: 'send', overdue: false, outstanding: claimed });
  });

  it('after sending: wait, then follow up on day 7, then escalate after the 15-day deadline', () => {
    expect(nextStep(sent(), '2024-03-12')).toEqual({ action: 'wait', followUpOn: '2024-03-17', dueOn: '2024-03-25', overdue: false, outstanding: claimed });
    expect(nextStep(sent(), '2024-03-17')).toMatchObject({ action: 'follow_up', followUpOn: '2024-03-17' });
    expect(nextStep(sent(), '2024-03-25')).toMatchObject({ action: 'follow_up', overdue: false });
    expect(nextStep(sent(), '2024-03-26')).toMatchObject({ action: 'escalate', escalation: 'written_complaint', overdue: true, dueOn: '2024-03-25' });
  });

  it('an acknowledgement moves the follow-up date but not the deadline', () => {
    const d = run([
      { type: 'send', on: '2024-03-10' },
      { type: 'acknowledge', on: '2024-03-14' },
    ]);
    expect(nextStep(d, '2024-03-15')).toMatchObject({ action: 'wait', followUpOn: '2024-03-21', dueOn: '2024-03-25' });
  });

  it('the follow-up never comes after the deadline', () => {
    const d = run([
      { type: 'send', on: '2024-03-10' },
      { type: 'acknowledge', on: '2024-03-22' },
    ]);
    expect(nextStep(d, '2024-03-23')).toMatchObject({ followUpOn: '2024-03-25', dueOn: '2024-03-25' });
  });

  it('a partial refund: what is still outstanding, and a follow-up after the last refund', () => {
    const d = run([
      { type: 'send', on: '2024-03-10' },
      { type: 'refund', on: '2024-03-12', amount: { amount: '20.00', currency: 'CNY' } },
    ]);
    expect(nextStep(d, '2024-03-13')).toMatchObject({ action: 'wait', followUpOn: '2024-03-19', outstanding: { amount: '136.00', currency: 'CNY' } });
    expect(nextStep(d, '2024-04-01')).toMatchObject({ action: 'escalate', escalation: 'written_complaint', overdue: true });
  });

  it('a rejection escalates one level at a time, then points to legal routes', () => {
    const rejected = run([
      { type: 'send', on: '2024-03-10' },
      { type: 'reject', on: '2024-03-12' },
    ]);
    expect(nextStep(rejected, '2024-03-12')).toMatchObject({ action: 'escalate', escalation: 'written_complaint', overdue: false });
    const again = run(
      [
        { type: 'escalate', on: '2024-03-13', step: 'written_complaint' },
        { type: 'reject', on: '2024-03-20' },
      ],
      rejected,
    );
    expect(nextStep(again, '2024-03-20')).toMatchObject({ action: 'escalate', escalation: 'regulator' });
    const last = run(
      [
        { type: 'escalate', on: '2024-03-21', step: 'regulator' },
        { type: 'reject', on: '2024-04-20' },
      ],
      again,
    );
    expect(nextStep(last, '2024-04-20')).toMatchObject({ action: 'consider_legal', escalation: undefined });
  });

  it('a full refund is done, with nothing outstanding', () => {
    const d = run([
      { type: 'send', on: '2024-03-10' },
      { type: 'refund', on: '2024-03-12', amount: { amount: '200.00', currency: 'CNY' } },
    ]);
    expect(nextStep(d, '2024-05-01')).toEqual({ action: 'done', overdue: false, outstanding: { amount: '0.00', currency: 'CNY' } });
  });

  it('uses the deadline and follow-up the merchant chose', () => {
    const d = run(
      [{ type: 'send', on: '2024-03-10' }],
      createDispute({ id: 'd2', findingIds: [], claimed, createdOn: '2024-03-10', deadlineDays: 30, followUpDays: 3 }),
    );
    expect(nextStep(d, '2024-03-11')).toMatchObject({ followUpOn: '2024-03-13', dueOn: '2024-04-09' });
  });
});

describe('cancel (issue 15 item 3)', () => {
  const cases: { description: string; before: DisputeEvent[] }[] = [
    { description: 'a draft', before: [] },
    { description: 'a sent dispute', before: [{ type: 'send', on: '2024-03-10' }] },
    {
      description: 'an acknowledged one',
      before: [
        { type: 'send', on: '2024-03-10' },
        { type: 'acknowledge', on: '2024-03-11' },
      ],
    },
    {
      description: 'a rejected one',
      before: [
        { type: 'send', on: '2024-03-10' },
        { type: 'reject', on: '2024-03-11' },
      ],
    },
    {
      description: 'a partly refunded one',
      before: [
        { type: 'send', on: '2024-03-10' },
        { type: 'refund', on: '2024-03-11', amount: { amount: '1.00', currency: 'CNY' } },
      ],
    },
  ];
  it.each(cases)('$description can be cancelled: closed, nothing left to do, no further event', ({ before }) => {
    const d = run([...before, { type: 'cancel', on: '2024-03-12' }]);
    expect(d).toMatchObject({ status: 'cancelled', closedOn: '2024-03-12' });
    expect(nextStep(d, '2024-05-01')).toMatchObject({ action: 'done', overdue: false });
    for (const event of [
      { type: 'send', on: '2024-03-13' },
      { type: 'cancel', on: '2024-03-13' },
    ] as DisputeEvent[]) {
      const res = applyDisputeEvent(d, event);
      expect(res.ok ? 'accepted' : res.error.code).toBe('closed');
    }
  });

  it('a dispute refunded in full is done and cannot be cancelled', () => {
    const d = run([
      { type: 'send', on: '2024-03-10' },
      { type: 'refund', on: '2024-03-11', amount: claimed },
    ]);
    const res = applyDisputeEvent(d, { type: 'cancel', on: '2024-03-12' });
    expect(res.ok ? 'accepted' : res.error.code).toBe('closed');
  });
});
