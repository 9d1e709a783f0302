// Shared by the rule tests: run the whole engine and look at one kind.
import { reconcile } from '../../../lib/reconcile';
import type { Finding, FindingKind, ReconcileInput } from '../../../lib/model';

export function findingsOf(kind: FindingKind, inp: ReconcileInput): Finding[] {
  return reconcile(inp).findings.filter((f) => f.kind === kind);
}

export interface NegativeCase {
  description: string;
  input: ReconcileInput;
}
export interface PositiveCase {
  description: string;
  input: ReconcileInput;
  /** expected findings of the kind under test, in order of transactionIds[0] */
  expected: { atStake?: string; severity?: Finding['severity']; transactionIds?: string[]; statementLineIds?: string[] }[];
}

export function summarize(fs: Finding[]): { atStake?: string; severity: Finding['severity']; transactionIds: string[]; statementLineIds: string[] }[] {
  return [...fs]
    .sort((a, b) => ((a.transactionIds[0] ?? '') < (b.transactionIds[0] ?? '') ? -1 : 1))
    .map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds, statementLineIds: f.statementLineIds }));
}
