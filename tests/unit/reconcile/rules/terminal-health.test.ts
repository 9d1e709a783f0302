// terminal_health (issue 13 item 4, 检查POS机): a terminal out of line with the shop's other
// terminals — or, in a one-terminal shop, with its own earlier months — gets one `info` note.
import { describe, expect, it } from 'vitest';
import { input, txn } from '../../../fixtures/scenarios/builders';
import type { PortalTransaction } from '../../../../lib/model';
import { renderExplanation } from '../../../../lib/i18n/messages';
import { findingsOf, type NegativeCase } from '../helpers';

type Event = 'reversal' | 'reversedStatus' | 'void' | 'failed' | 'duplicate';

let seq = 0;
/**
 * `sales` attempts at one terminal in one month, `events` of them cancelled or failed. A reversal
 * comes as the portal shows it both ways at once: the sale marked 'reversed' and a reversal row
 * pointing at it (one reversal, counted once). A duplicate is a second swipe of the same card
 * and amount a minute later (no cashier export: a suspect duplicate cluster).
 */
function terminal(terminalId: string, month: string, sales: number, events: Partial<Record<Event, number>> = {}): PortalTransaction[] {
  const out: PortalTransaction[] = [];
  const todo: Event[] = Object.entries(events).flatMap(([e, n]) => Array<Event>(n).fill(e as Event));
  for (let i = 0; i < sales; i++) {
    const n = ++seq;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const time = `${month}-${day}T${String(9 + (i % 10)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00`;
    const event = i < todo.length ? todo[i] : undefined;
    const base = { id: `s${n}`, amount: `${100 + (n % 900)}.00`, occurredAt: time, terminalId, rrn: `R${n}`, cardLast4: String(1000 + (n % 9000)) };
    if (event === 'failed') out.push(txn({ ...base, status: 'failed' }));
    else if (event === 'reversedStatus')
      out.push(
        txn({ ...base, status: 'reversed' }),
        txn({ id: `r${n}`, kind: 'reversal', amount: `-${base.amount}`, occurredAt: time, terminalId, originalRef: `R${n}` }),
      );
    else if (event === 'reversal')
      out.push(txn(base), txn({ id: `r${n}`, kind: 'reversal', amount: `-${base.amount}`, occurredAt: time, terminalId, originalRef: `R${n}` }));
    else if (event === 'void') out.push(txn({ ...base, status: 'voided' }));
    else if (event === 'duplicate') out.push(txn(base), txn({ ...base, id: `d${n}`, rrn: `D${n}`, occurredAt: time.replace(/:00$/, ':59') }));
    else out.push(txn(base));
  }
  return out;
}

/** Terminals T1…T4 of one shop in March 2026: T1 with `t1` events, the others with `others` each. */
function shop(t1: Partial<Record<Event, number>>, others: Partial<Record<Event, number>>, sales = 200, t1Sales = sales, month = '2026-03') {
  return [...terminal('00000001', month, t1Sales, t1), ...['00000002', '00000003', '00000004'].flatMap((id) => terminal(id, month, sales, others))];
}

const mustNot: NegativeCase[] = [
  {
    description: 'clean months: every terminal at 1 % reversals in February and March',
    input: input({ transactions: [...shop({ reversal: 2 }, { reversal: 2 }, 200, 200, '2026-02'), ...shop({ reversal: 2 }, { reversal: 2 })] }),
  },
  {
    description: '8 % against 1 %, but on 10 transactions (too few to judge)',
    input: input({ transactions: shop({ reversal: 1 }, { reversal: 2 }, 200, 10) }),
  },
  {
    description: 'worse than its own past (1 % → 8 %) but like the other terminals (all at 8 %): the shop changed, not this device',
    input: input({ transactions: [...shop({ reversal: 2 }, { reversal: 2 }, 200, 200, '2026-02'), ...shop({ reversal: 16 }, { reversal: 16 })] }),
  },
  { description: 'a shop-wide 10 % with one terminal at 12 % (not twice the others)', input: input({ transactions: shop({ failed: 24 }, { failed: 20 }) }) },
  {
    description: '6 voids of 150 where the others had none: 4 %, within chance against the 1 % floor',
    input: input({ transactions: shop({ void: 6 }, {}, 150) }),
  },
  { description: '1 reversal of 30 where the others had none', input: input({ transactions: shop({ reversal: 1 }, {}, 30) }) },
  {
    description: '5 reversals of 25 (20 %) where the others had none: fewer than 30 transactions',
    input: input({ transactions: shop({ reversal: 5 }, {}, 200, 25) }),
  },
  {
    description: 'a one-terminal shop with no earlier month to compare with',
    input: input({ transactions: terminal('00000001', '2026-03', 200, { reversal: 16 }) }),
  },
  {
    description: 'rows without a terminal id (online sales) are not placed on any device',
    input: input({ transactions: [...shop({}, {}), ...terminal('', '2026-03', 200, { failed: 30 }).map((t) => ({ ...t, terminalId: undefined }))] }),
  },
];

const must: { description: string; input: ReturnType<typeof input>; expected: Record<string, string> }[] = [
  {
    description: '8 % reversals among terminals at 1 % (reversals shown as status + row, counted once)',
    input: input({ transactions: shop({ reversedStatus: 16 }, { reversal: 2 }) }),
    expected: {
      terminalId: '00000001',
      metric: 'reversals',
      count: '16',
      attempts: '200',
      rate: '8.00',
      othersRate: '1.00',
      period: '2026-03',
      basis: 'peers',
    },
  },
  {
    description: '10 % failed or declined among terminals at 1 %',
    input: input({ transactions: shop({ failed: 20 }, { failed: 2 }) }),
    expected: { terminalId: '00000001', metric: 'failures', count: '20', rate: '10.00', othersRate: '1.00' },
  },
  {
    description: 'duplicate swipes at 7.5 % where the others have none',
    input: input({ transactions: shop({ duplicate: 15 }, {}) }),
    expected: { terminalId: '00000001', metric: 'duplicates', count: '15', attempts: '215', othersRate: '0.00' },
  },
  {
    description: 'voids at 9 % (the sale shown as voided) among terminals at 1 %',
    input: input({ transactions: shop({ void: 18 }, { void: 2 }) }),
    expected: { terminalId: '00000001', metric: 'voids', count: '18', rate: '9.00' },
  },
  {
    description: 'a one-terminal shop against its own past: 1 % in February, 8 % in March',
    input: input({ transactions: [...terminal('00000001', '2026-02', 200, { reversal: 2 }), ...terminal('00000001', '2026-03', 200, { reversal: 16 })] }),
    expected: { terminalId: '00000001', metric: 'reversals', rate: '8.00', pastRate: '1.00', period: '2026-03', basis: 'past' },
  },
];

describe('terminal_health', () => {
  for (const x of mustNot) it(`no finding: ${x.description}`, () => expect(findingsOf('terminal_health', x.input)).toEqual([]));
  for (const x of must) {
    it(`finding: ${x.description}`, () => {
      const got = findingsOf('terminal_health', x.input);
      expect(got).toHaveLength(1);
      expect(got[0]!.severity).toBe('info');
      expect(got[0]!.atStake).toBeUndefined();
      expect(got[0]!.explanation.key).toBe('finding.terminal_health');
      expect(got[0]!.explanation.params).toMatchObject(x.expected);
    });
  }

  it('one note per terminal: the latest month out of line, with the rows of every rate out of line that month', () => {
    const transactions = [...shop({ reversal: 16 }, { reversal: 2 }, 200, 200, '2026-02'), ...shop({ reversal: 16, failed: 24 }, { reversal: 2, failed: 2 })];
    const [f, ...rest] = findingsOf('terminal_health', input({ transactions }));
    expect(rest).toEqual([]);
    expect(f!.explanation.params).toMatchObject({ period: '2026-03', metric: 'failures', alsoOutOfLine: 'reversals' });
    const march = transactions.filter((t) => t.terminalId === '00000001' && t.occurredAt.startsWith('2026-03'));
    const wanted = march
      .filter((t) => t.kind === 'reversal' || t.status === 'failed')
      .map((t) => t.id)
      .sort();
    expect([...f!.transactionIds].sort()).toEqual(wanted);
  });

  it('the same terminal however its id is padded, and the id stays when a row of the month is added', () => {
    const transactions = shop({ reversal: 16 }, { reversal: 2 });
    // the terminal id printed without its padding on some rows (a cashier-style export)
    const unpadded = transactions.map((t, i) => (t.terminalId === '00000001' && i % 2 ? { ...t, terminalId: '1' } : t));
    const [a] = findingsOf('terminal_health', input({ transactions: unpadded }));
    expect(a!.explanation.params).toMatchObject({ count: '16', attempts: '200' });
    const more = [...transactions, txn({ id: 'late', kind: 'reversal', amount: '-5.00', occurredAt: '2026-03-30T10:00:00', terminalId: '00000001' })];
    const [b] = findingsOf('terminal_health', input({ transactions: more }));
    expect(b!.explanation.params.count).toBe('17');
    expect(b!.id).toBe(a!.id);
  });

  it('explains itself in zh-CN and English', () => {
    const [f] = findingsOf('terminal_health', input({ transactions: shop({ reversal: 16 }, { reversal: 2 }) }));
    expect(renderExplanation('zh-CN', f!.explanation)).toBe(
      '终端 00000001（商户 898100000000001）在 2026-03 的 200 笔交易中有 16 笔冲正（8.00%），而本店其他终端为 1.00%。比例明显偏高，通常是设备问题：请检查这台POS机（读卡器、网络、软件）。仅为提示，并非多扣款。',
    );
    expect(renderExplanation('en', f!.explanation)).toBe(
      "Terminal 00000001 (merchant 898100000000001): 16 of its 200 transactions in 2026-03 were reversals (8.00%), against 1.00% on the shop's other terminals. A rate this far out of line usually points at the device: have this POS terminal checked (card reader, network, software). A note, not an overcharge.",
    );
    const [p] = findingsOf('terminal_health', input({ transactions: must[4]!.input.transactions }));
    expect(renderExplanation('en', p!.explanation)).toContain('against 1.00% in its own earlier months');
    expect(renderExplanation('zh-CN', p!.explanation)).toContain('而该终端此前各月为 1.00%');
  });
});
