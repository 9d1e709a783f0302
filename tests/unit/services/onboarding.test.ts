// The first-run checklist reads each step's state from the stores (issue 15 item 1).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { checklistOf, loadChecklist, opensWelcome, type OnboardingFacts } from '../../../lib/services/onboarding';
import { saveSettings } from '../../../lib/services/settings';
import { PRESETS } from '../../../lib/presets';
import { line, tx } from './builders';

const none: OnboardingFacts = {
  rows: 0,
  enabledSites: [],
  statementLines: 0,
  contractLabels: [],
  merchant: {},
  rowMerchantIds: [],
  rowMerchantNames: [],
  currency: 'CNY',
};

describe('checklistOf', () => {
  const cases: { description: string; facts: Partial<OnboardingFacts>; done: string[]; missing?: string[] }[] = [
    { description: 'a fresh install: nothing done', facts: {}, done: [], missing: ['name', 'merchantId', 'contact', 'phone'] },
    { description: 'a portal enabled but nothing read yet is not done', facts: { enabledSites: ['https://portal.test'] }, done: [] },
    { description: 'rows read (a built-in portal needs no enabling)', facts: { rows: 12 }, done: ['portal'] },
    { description: 'a statement imported', facts: { statementLines: 17 }, done: ['statement'] },
    { description: 'a contract saved', facts: { contractLabels: ['标准类'] }, done: ['contract'] },
    {
      description: 'details given, 商户号 read from the rows',
      facts: { merchant: { name: '好又多', contact: '王芳', phone: '021-5555 0100' }, rowMerchantIds: ['822100058120001'] },
      done: ['details'],
      missing: [],
    },
    {
      description: 'name and 商户号 from the rows, contact and phone typed',
      facts: { merchant: { contact: '王芳', phone: '95516' }, rowMerchantIds: ['8221'], rowMerchantNames: ['示例便利店'] },
      done: ['details'],
      missing: [],
    },
    { description: 'details without a phone', facts: { merchant: { name: '好又多', merchantId: '8221', contact: '王芳' } }, done: [], missing: ['phone'] },
  ];
  it.each(cases)('$description', ({ facts, done, missing }) => {
    const c = checklistOf({ ...none, ...facts });
    expect(
      Object.entries(c.done)
        .filter(([, v]) => v)
        .map(([k]) => k),
    ).toEqual(done);
    expect(c.doneCount).toBe(done.length);
    expect(c.complete).toBe(false);
    if (missing) expect(c.missingDetails).toEqual(missing);
  });

  it('all four done: complete', () => {
    const c = checklistOf({
      ...none,
      rows: 1,
      statementLines: 1,
      contractLabels: ['x'],
      merchant: { name: 'a', merchantId: 'b', contact: 'c', phone: '95516' },
    });
    expect(c).toMatchObject({ doneCount: 4, total: 4, complete: true });
  });
});

describe('loadChecklist (from the stores)', () => {
  let db: SettleGuardDb;
  beforeEach(() => {
    db = openDb(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('follows what is stored, step by step', async () => {
    expect((await loadChecklist(db)).doneCount).toBe(0);
    await db.sites.put({ id: 'https://portal.test', enabled: true, addedAt: '2026-03-01T00:00:00Z' });
    expect((await loadChecklist(db)).facts.enabledSites).toEqual(['https://portal.test']);
    await db.transactions.put(tx({ id: 'tx:1', merchantId: '822100058120001', merchantName: '好又多' }));
    await db.statementLines.put(line({ id: 'l:1' }));
    await db.contracts.put({ ...PRESETS[0]!.contract, id: 'contract:mine' });
    const three = await loadChecklist(db);
    expect(three.done).toEqual({ portal: true, statement: true, contract: true, details: false });
    expect(three.missingDetails).toEqual(['contact', 'phone']);
    await saveSettings(db, { merchant: { contact: '王芳', phone: '021-5555 0100' } });
    expect((await loadChecklist(db)).complete).toBe(true);
  });
});

describe('opensWelcome', () => {
  it.each([
    ['install', true],
    ['update', false],
    ['chrome_update', false],
    ['shared_module_update', false],
  ])('%s → %s', (reason, expected) => expect(opensWelcome({ reason: reason as string })).toBe(expected));
});
