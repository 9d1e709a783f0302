// reconcile() on generated merchant months of about 10k and 100k portal rows (every kind of
// problem injected). Measures only; behaviour is asserted in tests/unit/reconcile.
import { bench, describe } from 'vitest';
import { reconcile } from '../../lib/reconcile';
import { generateScenario } from '../fixtures/scenarios/generator';

const month10k = generateScenario({ seed: 42, salesPerDay: 320 }).input;
const month100k = generateScenario({ seed: 43, salesPerDay: 3300 }).input;

describe(`reconcile() — ${month10k.transactions.length} rows, ${month10k.statementLines.length} bank lines, ${month10k.cashier?.length ?? 0} cashier records`, () => {
  bench('10k rows', () => {
    reconcile(month10k);
  }, { iterations: 5, time: 0 });
});

describe(`reconcile() — ${month100k.transactions.length} rows, ${month100k.statementLines.length} bank lines, ${month100k.cashier?.length ?? 0} cashier records`, () => {
  bench('100k rows', () => {
    reconcile(month100k);
  }, { iterations: 2, time: 0, warmupIterations: 0 });
});
