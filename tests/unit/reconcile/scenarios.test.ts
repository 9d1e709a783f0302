// The labelled scenario suite: generated merchant months with problems of every kind injected
// at known places. Prints precision and recall per kind; each must reach 0.95, and a clean
// month must give no finding at all.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import type { Finding, FindingKind } from '../../../lib/model';
import { FINDING_KINDS } from '../../../lib/model';
import { generateScenario, type Label } from '../../fixtures/scenarios/generator';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const CLEAN_SEEDS = [101, 102, 103];
const TARGET = 0.95;

interface Score {
  tp: number;
  fp: number;
  fn: number;
  stakeMismatch: number;
}

function evidenceOf(f: Finding): Set<string> {
  return new Set([...f.transactionIds, ...f.statementLineIds, ...(f.cashierIds ?? [])]);
}

function score(findings: Finding[], labels: Label[], scores: Map<FindingKind, Score>, misses: string[]): void {
  const used = new Set<string>();
  for (const l of labels) {
    const s = scores.get(l.kind)!;
    const hit = findings.find((f) => f.kind === l.kind && !used.has(f.id) && l.anchors.some((a) => evidenceOf(f).has(a)));
    if (!hit) {
      s.fn++;
      misses.push(`missed ${l.kind}: ${l.note} [${l.anchors.join(', ')}]`);
      continue;
    }
    used.add(hit.id);
    s.tp++;
    if (l.atStake !== undefined && hit.atStake?.amount !== l.atStake) {
      s.stakeMismatch++;
      misses.push(`${l.kind} atStake ${hit.atStake?.amount} ≠ ${l.atStake} (${l.note})`);
    }
  }
  for (const f of findings) {
    if (used.has(f.id)) continue;
    scores.get(f.kind)!.fp++;
    misses.push(`unexpected ${f.kind} ${f.severity} ${f.atStake?.amount ?? ''} on ${[...evidenceOf(f)].slice(0, 3).join(', ')}`);
  }
}

describe('labelled scenarios', () => {
  it('a clean month gives no finding and no error issue', () => {
    for (const seed of CLEAN_SEEDS) {
      const { input, labels } = generateScenario({ seed, inject: [] });
      expect(labels).toEqual([]);
      const r = reconcile(input);
      expect(r.findings.map((f) => `${f.kind} ${f.transactionIds.slice(0, 2).join(',')} ${f.statementLineIds.join(',')}`)).toEqual([]);
      expect(r.issues.filter((i) => i.level === 'error')).toEqual([]);
      expect(r.residuals).toEqual([]);
    }
  });

  it(`every kind reaches precision and recall ≥ ${TARGET}`, () => {
    const scores = new Map<FindingKind, Score>(FINDING_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, stakeMismatch: 0 }]));
    const notes: string[] = [];
    for (const seed of SEEDS) {
      const { input, labels } = generateScenario({ seed });
      score(reconcile(input).findings, labels, scores, notes);
    }
    const rows = FINDING_KINDS.map((k) => {
      const s = scores.get(k)!;
      const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
      const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
      return { kind: k, labelled: s.tp + s.fn, found: s.tp + s.fp, precision: precision.toFixed(3), recall: recall.toFixed(3), atStakeWrong: s.stakeMismatch };
    });
    console.log(
      `\nscenario suite: ${SEEDS.length} seeded months\n` +
        rows
          .map(
            (r) =>
              `${r.kind.padEnd(24)} labelled ${String(r.labelled).padStart(3)}  found ${String(r.found).padStart(3)}  precision ${r.precision}  recall ${r.recall}${r.atStakeWrong ? `  atStake wrong ${r.atStakeWrong}` : ''}`,
          )
          .join('\n'),
    );
    if (notes.length) console.log(notes.slice(0, 40).join('\n'));
    for (const r of rows) {
      expect.soft(Number(r.precision), `${r.kind} precision`).toBeGreaterThanOrEqual(TARGET);
      expect.soft(Number(r.recall), `${r.kind} recall`).toBeGreaterThanOrEqual(TARGET);
      expect.soft(r.labelled, `${r.kind} is injected`).toBeGreaterThan(0);
      expect.soft(r.atStakeWrong, `${r.kind} atStake`).toBe(0);
    }
  });

  it('the generator is deterministic per seed', () => {
    expect(generateScenario({ seed: 7 })).toEqual(generateScenario({ seed: 7 }));
    expect(generateScenario({ seed: 7 }).input.transactions).not.toEqual(generateScenario({ seed: 8 }).input.transactions);
  });
});
