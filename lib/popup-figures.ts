// The popup's figures and its one next action (issue 15 item 4). Pure: lib/services/popup.ts reads
// the stores, this decides what they say. Money at stake is split by how sure the engine is:
// certain = severity 'overcharge', suspected = 'suspect' (a possible duplicate is never added to
// what is certain); 'info' notes cost nothing and are not counted here.
import type { FindingKind, IsoDate, MoneyJson, StoredFinding, Unchecked } from './model';
import { add, Dec, money } from './money';
import type { FigureGroup } from './store-summary';

export interface Figure {
  count: number;
  /** per currency */
  atStake: MoneyJson[];
}

export interface FindingFigures {
  certain: Figure;
  suspected: Figure;
  /** open findings by kind, most first */
  byKind: { kind: FindingKind; count: number }[];
}

export const NO_FIGURES: FindingFigures = { certain: { count: 0, atStake: [] }, suspected: { count: 0, atStake: [] }, byKind: [] };

function addTo(list: MoneyJson[], m: MoneyJson | undefined): void {
  if (!m) return;
  const i = list.findIndex((x) => x.currency === m.currency);
  if (i < 0) list.push(money(m.amount, m.currency));
  else list[i] = add(list[i]!, m);
}

export function isCounted(f: Pick<StoredFinding, 'status' | 'severity'>): boolean {
  return f.status === 'open' && (f.severity === 'overcharge' || f.severity === 'suspect');
}

/** Open findings that cost or may cost money, summed apart by certainty. */
export function figuresOf(findings: readonly Pick<StoredFinding, 'status' | 'severity' | 'kind' | 'atStake'>[]): FindingFigures {
  const certain: Figure = { count: 0, atStake: [] };
  const suspected: Figure = { count: 0, atStake: [] };
  const kinds = new Map<FindingKind, number>();
  for (const f of findings) {
    if (!isCounted(f)) continue;
    const into = f.severity === 'overcharge' ? certain : suspected;
    into.count++;
    addTo(into.atStake, f.atStake);
    kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  }
  const byKind = [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return { certain, suspected, byKind };
}

/** Findings whose rows were captured on `origin`, and the rest. */
export function splitBySite(findings: readonly StoredFinding[], origin: string): { site: StoredFinding[]; elsewhere: StoredFinding[] } {
  const site: StoredFinding[] = [];
  const elsewhere: StoredFinding[] = [];
  for (const f of findings) (f.facts?.sites.includes(origin) ? site : elsewhere).push(f);
  return { site, elsewhere };
}

export type NextAction =
  | { kind: 'enable'; origin: string }
  | { kind: 'review'; count: number; certain: boolean }
  | { kind: 'capture'; day: IsoDate; merchantId?: string }
  | { kind: 'import'; after?: IsoDate; day: IsoDate }
  | { kind: 'contract' }
  | { kind: 'first_import' }
  | { kind: 'browse' }
  | { kind: 'none' };

export interface NextActionInput {
  origin: string | null;
  siteState: 'builtin' | 'enabled' | 'disabled' | 'restricted';
  figures: FindingFigures;
  unchecked: readonly Unchecked[];
  /** any file imported */
  imported: boolean;
  /** any portal row captured */
  captured: boolean;
}

/**
 * The one thing most worth doing now: turn the portal on where the merchant stands (before any
 * row was captured); then money
 * that is certainly owed; then what would check what is not checked yet (a day to capture whole,
 * a statement to import); then possible overcharges; then getting the first data in.
 */
export function nextAction(x: NextActionInput): NextAction {
  // a merchant who has captured elsewhere and opens the popup on some other site is not asked to enable it
  if (x.origin && x.siteState === 'disabled' && !x.captured) return { kind: 'enable', origin: x.origin };
  if (x.figures.certain.count > 0) return { kind: 'review', count: x.figures.certain.count, certain: true };
  const partial = x.unchecked.find((u) => u.reason === 'partial_capture');
  if (partial?.days[0]) return { kind: 'capture', day: partial.days[0], ...(partial.merchantId !== undefined && { merchantId: partial.merchantId }) };
  const statement = x.unchecked.find((u) => u.reason === 'statement_ended' || u.reason === 'no_statement');
  if (statement?.days[0]) return { kind: 'import', day: statement.days[0], ...(statement.hint.params.after && { after: statement.hint.params.after }) };
  if (x.unchecked.some((u) => u.reason === 'no_contract')) return { kind: 'contract' };
  if (x.figures.suspected.count > 0) return { kind: 'review', count: x.figures.suspected.count, certain: false };
  if (!x.imported) return { kind: 'first_import' };
  if (!x.captured) return { kind: 'browse' };
  return { kind: 'none' };
}

/** Days not checked yet, over every entry (a day named by two entries counts once). */
export function uncheckedDays(unchecked: readonly Unchecked[]): number {
  return new Set(unchecked.flatMap((u) => u.days)).size;
}

type Acc = { count: Record<'overcharge' | 'suspect', number>; sums: Record<'overcharge' | 'suspect', Map<string, Dec>>; kinds: Map<FindingKind, number> };
const newAcc = (): Acc => ({ count: { overcharge: 0, suspect: 0 }, sums: { overcharge: new Map(), suspect: new Map() }, kinds: new Map() });

function accumulate(acc: Acc, severity: 'overcharge' | 'suspect', kind: FindingKind, count: number, atStake: MoneyJson | undefined, sign: 1 | -1): void {
  acc.count[severity] += sign * count;
  acc.kinds.set(kind, (acc.kinds.get(kind) ?? 0) + sign * count);
  if (atStake) {
    const m = acc.sums[severity];
    m.set(atStake.currency, (m.get(atStake.currency) ?? new Dec(0)).plus(new Dec(atStake.amount).mul(sign)));
  }
}

function toFigures(acc: Acc): FindingFigures {
  const figure = (s: 'overcharge' | 'suspect'): Figure => ({
    count: acc.count[s],
    atStake: [...acc.sums[s]]
      .filter(([, v]) => !v.isZero())
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([c, v]) => money(v, c)),
  });
  const byKind = [...acc.kinds]
    .filter(([, n]) => n > 0)
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return { certain: figure('overcharge'), suspected: figure('suspect'), byKind };
}

/**
 * The popup's figures from the last reconciliation's sums of all its findings
 * (StoreSummary.figures), without reading every finding: the findings decided now (dismissed,
 * disputed, resolved: read through the status index, few) are taken off, but for the decisions
 * that run kept without counting them (`uncounted`: their evidence was gone).
 */
export function figuresFromSummary(
  groups: readonly FigureGroup[],
  uncounted: readonly string[],
  decided: readonly StoredFinding[],
  origin: string | null,
): { site: FindingFigures; elsewhere: FindingFigures; all: FindingFigures } {
  const site = newAcc();
  const elsewhere = newAcc();
  const all = newAcc();
  const into = (sites: readonly string[]) => (origin && sites.includes(origin) ? site : elsewhere);
  for (const g of groups) {
    accumulate(into(g.sites), g.severity, g.kind, g.count, g.atStake, 1);
    accumulate(all, g.severity, g.kind, g.count, g.atStake, 1);
  }
  const skip = new Set(uncounted);
  for (const f of decided) {
    if (f.status === 'open' || skip.has(f.id) || (f.severity !== 'overcharge' && f.severity !== 'suspect')) continue;
    accumulate(into(f.facts?.sites ?? []), f.severity, f.kind, 1, f.atStake, -1);
    accumulate(all, f.severity, f.kind, 1, f.atStake, -1);
  }
  return { site: toFigures(site), elsewhere: toFigures(elsewhere), all: toFigures(all) };
}
