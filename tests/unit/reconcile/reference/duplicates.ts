// The duplicate-swipe search written as plainly as it can be: one map over the full keys, every
// card/QR sale offered to every cluster. findDuplicates (lib/reconcile/duplicates.ts) buckets by
// amount first, keeps positions until a key repeats and binary-searches the sales near a
// cluster; duplicates-reference.test.ts holds it to this.
import type { PortalTransaction } from '../../../../lib/model';
import type { RuleContext } from '../../../../lib/reconcile/context';
import { clusterSwipes, duplicateKey, duplicateWindow, isCandidate, judge, type DuplicateCluster } from '../../../../lib/reconcile/duplicates';

export function findDuplicatesReference(ctx: RuleContext): DuplicateCluster[] {
  // a Map keeps its keys in insertion order: the groups in the order of their first row
  const byKey = new Map<string, PortalTransaction[]>();
  for (const t of ctx.transactions) {
    if (!isCandidate(t)) continue;
    const k = duplicateKey(t);
    const l = byKey.get(k);
    if (l) l.push(t);
    else byKey.set(k, [t]);
  }
  const groups = [...byKey.values()].filter((l) => l.length > 1);
  const sales = ctx.cashier.filter((c) => c.kind === 'sale' && (c.tender === 'card' || c.tender === 'qr'));
  const out: DuplicateCluster[] = [];
  for (const cluster of clusterSwipes(groups, duplicateWindow(ctx))) {
    const c = judge(cluster, ctx, () => sales);
    if (c) out.push(c);
  }
  return out;
}
