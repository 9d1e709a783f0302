// reconcile() at about 10k and 100k portal rows (issue 5 "Speed"). Two inputs per size:
// - the labelled scenario generator's merchant month (every kind of problem injected; its bank
//   side is one credit per settlement group, so ≈100 lines at any size);
// - the synthetic builder's chain of stores with as many bank lines and cashier records as
//   portal rows (the 100k + 100k + 100k).
// Measures only; behaviour is asserted in tests/unit/reconcile. For 1M and the ratio to a plain
// sort, run tests/bench/reconcile-scale.ts.
import { bench, describe } from 'vitest';
import { reconcile } from '../../lib/reconcile';
import { generateScenario } from '../fixtures/scenarios/generator';
import { buildScaleInput } from './reconcile-input';

const month10k = generateScenario({ seed: 42, salesPerDay: 320 }).input;
const month100k = generateScenario({ seed: 43, salesPerDay: 3300 }).input;
const chain10k = buildScaleInput(10_000).input;
const chain100k = buildScaleInput(100_000).input;

const sizes = (i: typeof month10k) => `${i.transactions.length} rows, ${i.statementLines.length} bank lines, ${i.cashier?.length ?? 0} cashier records`;

describe(`reconcile() 10k — scenario month (${sizes(month10k)}); store chain (${sizes(chain10k)})`, () => {
  bench(
    '10k scenario month',
    () => {
      reconcile(month10k);
    },
    { iterations: 5, time: 0 },
  );
  bench(
    '10k store chain',
    () => {
      reconcile(chain10k);
    },
    { iterations: 5, time: 0 },
  );
});

describe(`reconcile() 100k — scenario month (${sizes(month100k)}); store chain (${sizes(chain100k)})`, () => {
  bench(
    '100k scenario month',
    () => {
      reconcile(month100k);
    },
    { iterations: 2, time: 0, warmupIterations: 0 },
  );
  bench(
    '100k store chain',
    () => {
      reconcile(chain100k);
    },
    { iterations: 2, time: 0, warmupIterations: 0 },
  );
});
