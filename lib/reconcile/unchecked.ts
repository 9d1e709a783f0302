// ReconcileResult.unchecked (DESIGN.md "Coverage"): the settlement gaps (settlement-gaps.ts) and
// the three-way findings (missing_at_acquirer, unmatched_portal_sale) on days whose portal rows
// were not all seen — those are not findings but days to check, each with the one action that
// would check them: Capture all pages of the day, or import the statement after a date.
import type { CoverageDay, Finding, IsoDate, Unchecked } from '../model';
import type { RuleContext } from './context';
import { txnDate } from './fee-schedule';
import { normaliseId } from './keys';
import type { SettlementGap } from './settlement-gaps';

const THREE_WAY = new Set<Finding['kind']>(['missing_at_acquirer', 'unmatched_portal_sale']);

export function applyCoverage(
  ctx: RuleContext,
  findings: Finding[],
  coverage: readonly CoverageDay[] | undefined,
): { findings: Finding[]; unchecked: Unchecked[] } {
  const gaps = [...ctx.settlement().gaps];
  // days not all seen, per merchant ('' = a statement about every merchant of the site)
  const partial = new Map<string, Set<IsoDate>>();
  const mark = (mid: string | undefined, day: IsoDate) => {
    const s = partial.get(mid ?? '');
    if (s) s.add(day);
    else partial.set(mid ?? '', new Set([day]));
  };
  for (const g of gaps) if (g.reason === 'partial_capture') for (const d of g.days) mark(g.merchantId, d);
  for (const d of coverage ?? []) if (d.complete === false) mark(d.merchantId, d.day);
  if (partial.size === 0) return { findings, unchecked: toUnchecked(gaps) };

  const isPartial = (mid: string | undefined, day: IsoDate) =>
    mid === undefined ? [...partial.values()].some((s) => s.has(day)) : !!(partial.get(mid)?.has(day) || partial.get('')?.has(day));
  let midOfTerminal: Map<string, string> | undefined;
  let cashierById: Map<string, { occurredAt: string; terminalId?: string }> | undefined;
  const kept: Finding[] = [];
  for (const f of findings) {
    if (!THREE_WAY.has(f.kind)) {
      kept.push(f);
      continue;
    }
    let day: IsoDate | undefined;
    let mid: string | undefined;
    const t = f.transactionIds[0] ? ctx.txn(f.transactionIds[0]) : undefined;
    if (t) {
      day = txnDate(t);
      mid = t.merchantId;
    } else if (f.cashierIds?.[0]) {
      cashierById ??= new Map(ctx.cashier.map((c) => [c.id, c]));
      const c = cashierById.get(f.cashierIds[0]);
      if (c) {
        day = c.occurredAt.slice(0, 10);
        if (c.terminalId) {
          midOfTerminal ??= terminalMerchants(ctx);
          mid = midOfTerminal.get(normaliseId('terminal', c.terminalId));
        }
      }
    }
    if (day && isPartial(mid, day)) gaps.push({ reason: 'partial_capture', merchantId: mid, days: [day] });
    else kept.push(f);
  }
  return { findings: kept, unchecked: toUnchecked(gaps) };
}

/** terminal → the merchant whose rows name it (a terminal two merchants name maps to neither) */
function terminalMerchants(ctx: RuleContext): Map<string, string> {
  const out = new Map<string, string>();
  const both = new Set<string>();
  for (const t of ctx.transactions) {
    if (!t.terminalId || !t.merchantId) continue;
    const k = normaliseId('terminal', t.terminalId);
    const prev = out.get(k);
    if (prev !== undefined && prev !== t.merchantId) both.add(k);
    else out.set(k, t.merchantId);
  }
  for (const k of both) out.delete(k);
  return out;
}

/** One entry per merchant and action: partial days merged, statement gaps per last covered date. */
function toUnchecked(gaps: readonly SettlementGap[]): Unchecked[] {
  const byKey = new Map<string, { gap: SettlementGap; days: Set<IsoDate> }>();
  for (const g of gaps) {
    const k = `${g.reason}|${g.merchantId ?? ''}|${g.coveredThrough ?? ''}`;
    const e = byKey.get(k);
    if (e) {
      for (const d of g.days) e.days.add(d);
      // counts describe one day only
      if (e.gap.rowsSeen !== undefined && e.days.size > 1) e.gap = { ...e.gap, rowsSeen: undefined, statedCount: undefined };
    } else byKey.set(k, { gap: g, days: new Set(g.days) });
  }
  const out: Unchecked[] = [];
  for (const { gap, days } of byKey.values()) {
    const list = [...days].sort();
    const params: Record<string, string> = { days: list.join(', '), from: list[0]!, to: list[list.length - 1]!, count: String(list.length) };
    if (gap.merchantId) params.merchantId = gap.merchantId;
    if (gap.coveredThrough) params.after = gap.coveredThrough;
    if (gap.rowsSeen !== undefined && list.length === 1) params.rowsSeen = String(gap.rowsSeen);
    if (gap.statedCount !== undefined && list.length === 1) params.statedCount = String(gap.statedCount);
    const u: Unchecked = { reason: gap.reason, days: list, hint: { key: `unchecked.${gap.reason}`, params } };
    if (gap.merchantId) u.merchantId = gap.merchantId;
    out.push(u);
  }
  return out.sort(
    (a, b) =>
      (a.days[0]! < b.days[0]! ? -1 : a.days[0]! > b.days[0]! ? 1 : 0) ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0) ||
      ((a.merchantId ?? '') < (b.merchantId ?? '') ? -1 : 1),
  );
}
