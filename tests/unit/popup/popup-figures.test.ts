// The popup's figures (issue 15 item 4): certain money apart from suspected (a possible duplicate
// is never added to what is certain), findings split by site without repeating, and the one next
// action.
import { describe, expect, it } from 'vitest';
import type { FindingKind, Severity, StoredFinding, Unchecked } from '../../../lib/model';
import { figuresOf, NO_FIGURES, nextAction, splitBySite, uncheckedDays, type NextActionInput } from '../../../lib/popup-figures';

let n = 0;
function finding(kind: FindingKind, severity: Severity, atStake: string | undefined, over: Partial<StoredFinding> = {}): StoredFinding {
  n++;
  return {
    id: `f:${n}`,
    kind,
    severity,
    ...(atStake !== undefined && { atStake: { amount: atStake, currency: 'CNY' } }),
    transactionIds: [`tx:${n}`],
    statementLineIds: [],
    explanation: { key: `finding.${kind}`, params: {} },
    status: 'open',
    firstSeenAt: '2026-03-16T00:00:00Z',
    facts: { sites: ['https://a.example'] },
    ...over,
  };
}

describe('figuresOf', () => {
  it('sums overcharges as certain and suspect findings apart; info and closed findings count nowhere', () => {
    const figures = figuresOf([
      finding('debit_cap_ignored', 'overcharge', '20.00'),
      finding('fee_above_contract', 'overcharge', '2.00'),
      finding('duplicate_charge', 'suspect', '388.00'),
      finding('mcc_jump_risk', 'info', undefined),
      finding('settlement_shortfall', 'overcharge', '36.50', { status: 'dismissed' }),
      finding('duplicate_charge', 'suspect', '50.00', { status: 'disputed' }),
    ]);
    expect(figures.certain).toEqual({ count: 2, atStake: [{ amount: '22.00', currency: 'CNY' }] });
    expect(figures.suspected).toEqual({ count: 1, atStake: [{ amount: '388.00', currency: 'CNY' }] });
    expect(figures.byKind.map((k) => k.kind).sort()).toEqual(['debit_cap_ignored', 'duplicate_charge', 'fee_above_contract']);
  });

  it('keeps currencies apart', () => {
    const figures = figuresOf([
      finding('fee_above_contract', 'overcharge', '1.00'),
      finding('fee_above_contract', 'overcharge', '2.00', { atStake: { amount: '2.00', currency: 'USD' } }),
    ]);
    expect(figures.certain.atStake).toEqual([
      { amount: '1.00', currency: 'CNY' },
      { amount: '2.00', currency: 'USD' },
    ]);
  });

  it('nothing open: nothing counted', () => {
    expect(figuresOf([])).toEqual(NO_FIGURES);
  });
});

describe('splitBySite', () => {
  it('a finding belongs to the site its rows came from; the rest is elsewhere, none in both', () => {
    const here = finding('fee_above_contract', 'overcharge', '2.00');
    const there = finding('fee_above_contract', 'overcharge', '3.00', { facts: { sites: ['https://b.example'] } });
    const bankOnly = finding('settlement_missing', 'overcharge', '9.00', { facts: { sites: [] } });
    const { site, elsewhere } = splitBySite([here, there, bankOnly], 'https://a.example');
    expect(site).toEqual([here]);
    expect(elsewhere).toEqual([there, bankOnly]);
  });
});

describe('nextAction', () => {
  const base: NextActionInput = { origin: 'https://a.example', siteState: 'enabled', figures: NO_FIGURES, unchecked: [], imported: true, captured: true };
  const partial: Unchecked = { reason: 'partial_capture', days: ['2026-03-24', '2026-03-25'], hint: { key: 'unchecked.partial_capture', params: {} } };
  const ended: Unchecked = { reason: 'statement_ended', days: ['2026-03-31'], hint: { key: 'unchecked.statement_ended', params: { after: '2026-03-29' } } };
  const certain = figuresOf([finding('fee_above_contract', 'overcharge', '2.00')]);
  const suspected = figuresOf([finding('duplicate_charge', 'suspect', '388.00')]);

  it.each<{ description: string; input: Partial<NextActionInput>; expected: ReturnType<typeof nextAction> }>([
    {
      description: 'a portal not enabled before anything was captured',
      input: { siteState: 'disabled', captured: false, imported: false },
      expected: { kind: 'enable', origin: 'https://a.example' },
    },
    {
      description: 'a site not enabled once rows exist elsewhere: the money comes first',
      input: { siteState: 'disabled', figures: certain },
      expected: { kind: 'review', count: 1, certain: true },
    },
    {
      description: 'certain money before unchecked days',
      input: { figures: certain, unchecked: [partial] },
      expected: { kind: 'review', count: 1, certain: true },
    },
    {
      description: 'a day partly captured: capture all its pages',
      input: { unchecked: [ended, partial], figures: suspected },
      expected: { kind: 'capture', day: '2026-03-24' },
    },
    {
      description: 'the statement ended: import after its last date',
      input: { unchecked: [ended], figures: suspected },
      expected: { kind: 'import', day: '2026-03-31', after: '2026-03-29' },
    },
    { description: 'only suspected findings', input: { figures: suspected }, expected: { kind: 'review', count: 1, certain: false } },
    { description: 'nothing imported yet', input: { imported: false }, expected: { kind: 'first_import' } },
    { description: 'a statement but no rows', input: { captured: false }, expected: { kind: 'browse' } },
    { description: 'everything checked', input: {}, expected: { kind: 'none' } },
  ])('$description', ({ input, expected }) => {
    expect(nextAction({ ...base, ...input })).toEqual(expected);
  });

  it('counts each day not checked once', () => {
    expect(uncheckedDays([partial, { ...ended, days: ['2026-03-25'] }])).toBe(2);
  });
});
