// The "19 golden inputs" every reconcile speed commit is held to: sha256 of
// JSON.stringify(reconcile(input)) (with finding/match/residual/issue counts) for bench chains,
// scenario months and slow-path stressors, compared with reconcile-golden.json (computed on the
// code before any speed work). Run: `npx tsx tests/bench/reconcile-golden.ts` — prints each
// differing input and exits 1 on any difference. `… reconcile-golden.ts out.json [filter]`
// also writes the hashes; DUMP=dir writes each result's JSON for diffing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { reconcile } from '../../lib/reconcile';
import { buildScaleInput } from './reconcile-input';
import { generateScenario } from '../fixtures/scenarios/generator';
import type { ReconcileInput } from '../../lib/model';

function variants(): [string, () => ReconcileInput][] {
  const out: [string, () => ReconcileInput][] = [];
  for (const [n, seed] of [
    [2000, 7],
    [2000, 11],
    [10000, 7],
    [30000, 3],
  ] as const)
    out.push([`scale-${n}-${seed}`, () => buildScaleInput(n, seed).input]);
  for (const seed of [1, 2, 3, 42, 43, 44, 45, 46]) out.push([`scenario-${seed}`, () => generateScenario({ seed }).input]);
  out.push(['scenario-big', () => generateScenario({ seed: 9, salesPerDay: 320 }).input]);
  for (const seed of [5, 6]) out.push([`scenario-clean-${seed}`, () => generateScenario({ seed, inject: [] }).input]);
  // slow-path stressors: odd amounts, second portal copies, shuffled order, tolerances
  out.push([
    'scale-odd',
    () => {
      const i = buildScaleInput(3000, 13).input;
      let k = 0;
      for (const t of i.transactions) {
        k++;
        if (k % 17 === 0) t.amount = { ...t.amount, amount: t.amount.amount + '5' };
        if (k % 23 === 0 && t.net) t.net = { ...t.net, amount: t.net.amount + '1' };
        if (k % 29 === 0 && t.fee) t.fee = { ...t.fee, amount: t.fee.amount + '3' };
        if (k % 31 === 0 && !t.amount.amount.startsWith('-')) t.amount = { ...t.amount, amount: '+' + t.amount.amount };
        if (k % 37 === 0) t.occurredAt = t.occurredAt.slice(0, 16);
      }
      let j = 0;
      for (const l of i.statementLines) if (++j % 19 === 0) l.amount = { ...l.amount, amount: l.amount.amount + '7' };
      let c = 0;
      for (const r of i.cashier ?? []) if (++c % 13 === 0) r.amount = { ...r.amount, amount: r.amount.amount.replace(/\.00$/, '') };
      return i;
    },
  ]);
  out.push([
    'scale-2portal',
    () => {
      const i = buildScaleInput(3000, 17).input;
      const extra = i.transactions
        .filter((_, k) => k % 7 === 0)
        .map((t, k) => ({ ...t, id: 'X' + t.id, portal: 'other', status: k % 5 === 0 ? ('failed' as const) : t.status, net: k % 3 === 0 ? undefined : t.net }));
      return {
        ...i,
        transactions: [...extra, ...i.transactions].reverse(),
        statementLines: [...i.statementLines].reverse(),
        cashier: [...(i.cashier ?? [])].reverse(),
      };
    },
  ]);
  out.push(['scale-tol', () => ({ ...buildScaleInput(3000, 19).input, tolerances: { fee: '0.05', settlement: '1.5', cashierMatchSeconds: 60 } })]);
  out.push([
    'scale-usd',
    () => {
      const i = buildScaleInput(2000, 23).input;
      for (const t of i.transactions)
        if (t.merchantId?.endsWith('1')) {
          t.amount = { ...t.amount, currency: 'USD' };
          if (t.fee) t.fee = { ...t.fee, currency: 'USD' };
          if (t.net) t.net = { ...t.net, currency: 'USD' };
          delete (t as { merchantId?: string }).merchantId;
          t.entryMode = 'keyed';
          t.cardCountry = 'GB';
        }
      return i;
    },
  ]);
  return out;
}

const only = process.argv[3];
const res: Record<string, string> = {};
for (const [name, make] of variants()) {
  if (only && !name.includes(only)) continue;
  // `unchecked` (issue 13) came after the golden hashes: they are of the other parts
  const { unchecked, ...r } = reconcile(make());
  const json = JSON.stringify(r);
  res[name] =
    createHash('sha256').update(json).digest('hex').slice(0, 16) + ` f=${r.findings.length} m=${r.matches.length} r=${r.residuals.length} i=${r.issues.length}`;
  if (unchecked.length > 0) console.log(`${name}: ${unchecked.length} unchecked (${unchecked.map((u) => `${u.reason} ${u.days.join(',')}`).join('; ')})`);
  if (process.env.DUMP) fs.writeFileSync(`${process.env.DUMP}/${name}.json`, json);
}
const outFile = process.argv[2];
if (outFile) fs.writeFileSync(outFile, JSON.stringify(res, null, 1));
const golden = JSON.parse(fs.readFileSync(new URL('./reconcile-golden.json', import.meta.url), 'utf8')) as Record<string, string>;
let bad = 0;
for (const [k, v] of Object.entries(res)) {
  if (golden[k] !== v) {
    bad++;
    console.log('DIFF', k, golden[k], '->', v);
  }
}
console.log(bad ? `${bad} differ` : `all ${Object.keys(res).length} identical`);
if (bad) process.exitCode = 1;
