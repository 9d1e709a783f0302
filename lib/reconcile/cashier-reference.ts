// Portal ↔ cashier matching keyed by ids throughout: the plain statement of the algorithm, and
// what matchCashier (cashier-match.ts, on positions) falls back to when ids repeat — there a row
// whose id another row already matched is skipped, which only the id maps express.
import { absAmountKey } from '../money';
import type { CashierRecord, MoneyJson, PortalTransaction } from '../model';
import { cashierMatching, cashierPasses, isCashierComparable, matchIds, recordSideOf, sideOf, type CashierMatch, type CashierMatching } from './cashier-passes';
import { firstAtLeast } from './bounds';

/**
 * `ps` sorted by (not success, occurredAt, id). reconcile() passes rows already in (occurredAt, id)
 * order: then a stable split into success rows and the rest gives that order in linear time.
 * Anything else (or a repeated occurredAt + id) is sorted as before.
 */
function successFirstByTime(ps: readonly PortalTransaction[]): PortalTransaction[] {
  let ordered = true;
  for (let i = 1; i < ps.length && ordered; i++) {
    const a = ps[i - 1]!;
    const b = ps[i]!;
    ordered = a.occurredAt < b.occurredAt || (a.occurredAt === b.occurredAt && a.id < b.id);
  }
  if (!ordered) {
    return [...ps].sort(
      (a, b) =>
        Number(a.status !== 'success') - Number(b.status !== 'success') ||
        (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1),
    );
  }
  const out: PortalTransaction[] = [];
  for (const t of ps) if (t.status === 'success') out.push(t);
  for (const t of ps) if (t.status !== 'success') out.push(t);
  return out;
}

/**
 * Portal ↔ cashier matching. Passes: orderNo (0.95); amount + last4 + terminal within the
 * window (0.9); amount + last4 within the window (0.8); amount within 3 minutes when it is the
 * only candidate either way (0.5, DOMAIN.md §3.1 key 5, low confidence). Cash and "other"
 * tenders never match card rows.
 *
 * matchCashier is the same algorithm on record positions instead of ids; this version, keyed by
 * ids throughout, is what it falls back to when ids repeat (and what tests compare it with).
 */
export function matchCashierReference(txns: readonly PortalTransaction[], cashier: readonly CashierRecord[], cashierMatchSeconds: number): CashierMatching {
  const ps = txns.filter(isCashierComparable);
  const cs = cashier.filter((c) => c.tender === 'card' || c.tender === 'qr');
  const passes = cashierPasses(cashierMatchSeconds);
  const byTxn = new Map<string, CashierMatch>();
  const byCashier = new Map<string, CashierMatch>();
  const matches: CashierMatch[] = [];

  // bucket both sides by amount (absolute, in cents-free decimal string) for the amount passes.
  // Records are referred to by their index in `cs`; each record's time and ids are read once
  // (the passes compare them per candidate pair).
  const amountKey = (a: MoneyJson) => `${absAmountKey(a)}|${a.currency}`;
  const msOfTime = (dt: string) => Date.parse(`${dt}Z`);
  const cMs = new Float64Array(cs.length);
  const cIds = cs.map(matchIds);
  const cByAmount = new Map<string, number[]>();
  const cByOrder = new Map<string, number[]>();
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    cMs[i] = msOfTime(c.occurredAt);
    const k = amountKey(c.amount);
    const l = cByAmount.get(k);
    if (l) l.push(i);
    else cByAmount.set(k, [i]);
  }
  for (let i = 0; i < cs.length; i++) {
    const k = cIds[i]!.order;
    if (k === '') continue;
    const l = cByOrder.get(k);
    if (l) l.push(i);
    else cByOrder.set(k, [i]);
  }
  // per amount bucket, its records sorted by time (then input order): a portal row looks only
  // inside its window (a café sells the same 25.00 coffee thousands of times a month); an
  // unreadable time never matches. Most buckets hold one record and need no sort.
  const timeIndex = cByAmount;
  for (const list of timeIndex.values()) {
    if (list.length === 1) {
      if (!Number.isFinite(cMs[list[0]!]!)) list.length = 0;
      continue;
    }
    let w = 0;
    for (const i of list) if (Number.isFinite(cMs[i]!)) list[w++] = i;
    list.length = w;
    list.sort((a, b) => cMs[a]! - cMs[b]! || a - b);
  }
  // success rows first so a failed attempt never takes the cashier record of its successful retry
  const orderedPs = successFirstByTime(ps);
  const pKey = orderedPs.map((t) => amountKey(t.amount));
  const pMs = orderedPs.map((t) => msOfTime(t.occurredAt));
  const pIds = orderedPs.map(matchIds);

  for (const pass of passes) {
    // collect all candidate pairs of this pass, then take them closest-in-time first
    let pairs: { t: PortalTransaction; c: CashierRecord; dt: number; rank: number }[] = [];
    orderedPs.forEach((t, rank) => {
      if (byTxn.has(t.id)) return;
      const eligible: { c: CashierRecord; dt: number; pos: number }[] = [];
      const consider = (i: number, pos: number) => {
        const c = cs[i]!;
        const ms = cMs[i]!;
        const p = pIds[rank]!;
        const k = cIds[i]!;
        if (byCashier.has(c.id) || sideOf(c.kind) !== sideOf(t.kind)) return;
        if (pass.needsLast4 && (!p.last4 || !k.last4 || p.last4 !== k.last4)) return;
        if (pass.needsTerminal && (!p.term || !k.term || p.term !== k.term)) return;
        if (!pass.needsLast4 && !pass.needsOrderNo && p.last4 && k.last4 && p.last4 !== k.last4) return;
        if (!pass.needsOrderNo && p.term && k.term && p.term !== k.term) return;
        // = |secondsBetween(c.occurredAt, t.occurredAt)|
        const dt = Math.abs(Math.round((pMs[rank]! - ms) / 1000));
        if (!Number.isFinite(dt) || dt > pass.windowSeconds) return;
        eligible.push({ c, dt, pos });
      };
      if (pass.needsOrderNo) {
        if (!pIds[rank]!.order) return;
        const list = cByOrder.get(pIds[rank]!.order);
        if (!list) return;
        for (const i of list) consider(i, 0);
      } else {
        // every candidate would fail these per-row tests: skip the window search
        if (pass.needsLast4 && !pIds[rank]!.last4) return;
        if (pass.needsTerminal && !pIds[rank]!.term) return;
        // the amount bucket's records within the window (+1 s for rounding; the exact test is in
        // consider()), taken in bucket order
        const idx = timeIndex.get(pKey[rank]!);
        if (!idx) return;
        const at = pMs[rank]!;
        if (!Number.isFinite(at)) return;
        const from = at - (pass.windowSeconds + 1) * 1000;
        const to = at + (pass.windowSeconds + 1) * 1000;
        const lo = firstAtLeast(idx.length, (k) => cMs[idx[k]!]! >= from);
        // pos = index in `cs`: the same order as the position in the bucket
        for (let j = lo; j < idx.length && cMs[idx[j]!]! <= to; j++) consider(idx[j]!, idx[j]!);
        if (eligible.length > 1) eligible.sort((x, y) => x.pos - y.pos);
      }
      if (pass.uniqueOnly && eligible.length !== 1) return;
      for (const e of eligible) pairs.push({ t, c: e.c, dt: e.dt, rank });
    });
    if (pass.uniqueOnly) {
      // the cashier record must also have exactly one portal candidate
      const perC = new Map<string, number>();
      for (const p of pairs) perC.set(p.c.id, (perC.get(p.c.id) ?? 0) + 1);
      pairs = pairs.filter((p) => perC.get(p.c.id) === 1);
    }
    pairs.sort(
      (a, b) =>
        Number(a.t.status !== 'success') - Number(b.t.status !== 'success') ||
        a.dt - b.dt ||
        a.rank - b.rank ||
        (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0),
    );
    for (const p of pairs) {
      if (byTxn.has(p.t.id) || byCashier.has(p.c.id)) continue;
      const m: CashierMatch = { transactionId: p.t.id, cashierId: p.c.id, basis: pass.basis, confidence: pass.confidence, secondsApart: p.dt };
      matches.push(m);
      byTxn.set(p.t.id, m);
      byCashier.set(p.c.id, m);
    }
  }
  matches.sort((a, b) => (a.transactionId < b.transactionId ? -1 : a.transactionId > b.transactionId ? 1 : 0));
  // the rows and records as a lookup by id gives them (the last of a repeated id)
  const txnAt = new Map(txns.map((t, i) => [t.id, i]));
  const recordAt = new Map(cashier.map((c, i) => [c.id, i]));
  const passNo = new Map(passes.map((p, i) => [p.basis, i]));
  return cashierMatching({
    txns,
    cashier,
    txnIds: txns.map((t) => t.id),
    recordIds: cashier.map((c) => c.id),
    passes,
    txn: Int32Array.from(matches, (m) => txnAt.get(m.transactionId)!),
    record: Int32Array.from(matches, (m) => recordAt.get(m.cashierId)!),
    pass: Uint8Array.from(matches, (m) => passNo.get(m.basis)!),
    secondsApart: Float64Array.from(matches, (m) => m.secondsApart),
    sameAmount: Uint8Array.from(matches, (m) =>
      amountKey(txns[txnAt.get(m.transactionId)!]!.amount) === amountKey(cashier[recordAt.get(m.cashierId)!]!.amount) ? 1 : 0,
    ),
    txnMatched: Uint8Array.from(txns, (t) => (byTxn.has(t.id) ? 1 : 0)),
    recordMatched: Uint8Array.from(cashier, (c) => (byCashier.has(c.id) ? 1 : 0)),
    recordSide: Uint8Array.from(cashier, recordSideOf),
  });
}
