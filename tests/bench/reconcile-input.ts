// A fast synthetic builder for the reconcile() scale benchmarks: about n portal rows, n bank
// lines and n cashier records (issue 5 "Speed": 100k + 100k + 100k). The labelled scenario
// generator (tests/fixtures/scenarios) is the realistic month with every kind injected, but it
// writes one bank credit per settlement group (≈100 lines at any size) and takes seconds at
// 100k; this builder makes the bank side as large as the portal side.
//
// Shape: a chain of n/2000 stores (merchant ids), 92 days, ≈22 sales per store and day, each
// store under its own contract. Six in ten stores are paid per transaction (an aggregator's
// payout id per order, one bank credit each); the rest settle T+1 over the CN calendar in one
// daily credit, sometimes split into one credit per terminal. Refunds, voids and declined
// attempts as in real months; a few problems of several kinds (fee above contract, short and
// missing settlements, duplicate swipes, missing cashier records). The rest of the bank lines
// are the account's everyday traffic (transfers in, rent, payroll, utilities), so the bank
// side reaches n lines and settlement credits sit among unrelated credits on the same dates.
//
// Money is built as integer cents (exact in a JS number up to 2^53) and written out as decimal
// strings: this is fixture code; lib/ never does arithmetic on numbers.
import { makeBusinessCalendar } from '../../lib/calendar';
import { addDays } from '../../lib/dates';
import type { CashierRecord, Contract, IsoDate, PortalTransaction, ReconcileInput, StatementLine } from '../../lib/model';
import { CONTRACT_PRESETS } from '../../lib/reconcile/fee-schedule';
import { mulberry32 } from '../support/prng';

const prng = mulberry32;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const yuan = (cents: number) => {
  const s = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${s}${Math.floor(a / 100)}.${pad(a % 100)}`;
};
const cny = (cents: number) => ({ amount: yuan(cents), currency: 'CNY' });

const START = '2026-07-01';
const DAYS = 92;

export interface ScaleInput {
  input: ReconcileInput;
  /** what the builder injected, to sanity-check that reconcile still finds things */
  injected: Record<string, number>;
}

export function buildScaleInput(n: number, seed = 7): ScaleInput {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const cal = makeBusinessCalendar('CN');
  const dates: IsoDate[] = [];
  for (let i = 0; i < DAYS; i++) dates.push(addDays(START, i));
  const nextWork = new Map(dates.map((d) => [d, cal.nextWorkingDay(d)]));
  const stores = Math.max(3, Math.round(n / 2000));
  const perStoreDay = Math.max(1, Math.round(n / stores / DAYS));
  const injected: Record<string, number> = {
    fee_above_contract: 0,
    settlement_shortfall: 0,
    settlement_missing: 0,
    duplicate_charge: 0,
    missing_at_acquirer: 0,
  };

  const txns: PortalTransaction[] = [];
  const cashier: CashierRecord[] = [];
  const lines: StatementLine[] = [];
  const contracts: Contract[] = [CONTRACT_PRESETS['stripe-us-standard']];
  let rrn = 300000000000;
  let seq = 0;
  let lineSeq = 0;
  const addLine = (date: IsoDate, cents: number, description: string, counterparty?: string) => {
    lines.push({
      id: `L${pad(++lineSeq, 7)}`,
      bookedOn: date,
      amount: cny(cents),
      description,
      counterparty,
      accountId: '6222020200112233',
      source: { file: 'icbc.csv', line: lineSeq },
    });
  };
  const time = (date: IsoDate) => `${date}T${pad(int(9, 21))}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
  const shift = (dt: string, s: number) => new Date(Date.parse(`${dt}Z`) + s * 1000).toISOString().slice(0, 19);
  const RATE: Record<string, number> = { credit: 60, debit: 50, qr_wechat: 38, qr_alipay: 38 }; // basis points
  const feeOf = (cents: number, card: string) => {
    const f = Math.floor((cents * (RATE[card] ?? 60) + 5000) / 10000); // half-up
    return card === 'debit' ? Math.min(f, 2000) : f;
  };
  const CARDS = ['credit', 'credit', 'credit', 'debit', 'debit', 'qr_wechat', 'qr_alipay'] as const;

  for (let s = 0; s < stores; s++) {
    const mid = `8983100${pad(s, 8)}`;
    const perTxnPayout = s % 5 < 3;
    const terminals = [0, 1, 2].map((k) => `T${pad(s, 5)}${k}`);
    contracts.push({
      id: `k-${mid}`,
      label: `门店 ${s} 标准费率`,
      merchantId: mid,
      currency: 'CNY',
      effectiveFrom: '2026-01-01',
      settleCycle: perTxnPayout ? 'D0' : 'T1',
      calendar: 'CN',
      rules: [
        { cardType: 'debit', percent: '0.5', cap: '20' },
        { cardType: 'credit', percent: '0.6' },
        { cardType: 'qr_wechat', percent: '0.38' },
        { cardType: 'qr_alipay', percent: '0.38' },
        { cardType: 'any', percent: '0.6' },
      ],
      periodicFees: [],
    });
    // per value date: what the store's T+1 settlement pays, per terminal
    const batch = new Map<IsoDate, Map<string, number>>();
    const sales: PortalTransaction[] = [];
    for (const date of dates) {
      const count = perStoreDay + int(-3, 3);
      for (let k = 0; k < count; k++) {
        const card = CARDS[int(0, CARDS.length - 1)]!;
        const qr = card.startsWith('qr');
        const cents = qr ? int(500, 60000) : int(2000, 500000);
        const failed = rnd() < 0.01;
        let fee = feeOf(cents, card);
        if (!failed && rnd() < 0.001) {
          fee += int(13, 97);
          injected.fee_above_contract!++;
        }
        const id = `P${pad(++seq, 8)}`;
        const terminal = terminals[int(0, 2)]!;
        const t: PortalTransaction = {
          id,
          portal: 'generic',
          occurredAt: time(date),
          kind: 'sale',
          status: failed ? 'failed' : 'success',
          amount: cny(cents),
          cardType: card,
          merchantId: mid,
          terminalId: terminal,
          rrn: String(++rrn),
          voucherNo: pad(seq % 1000000, 6),
          batchNo: '000001',
          settleCycle: perTxnPayout ? 'D0' : 'T1',
          evidence: {
            url: 'https://portal.example/txns',
            capturedAt: '2026-10-12T08:00:00Z',
            sha256: '',
            cells: {
              交易时间: '',
              商户号: mid,
              终端号: terminal,
              交易类型: '消费',
              交易金额: yuan(cents),
              手续费: yuan(fee),
              参考号: String(rrn),
              状态: failed ? '失败' : '成功',
            },
          },
        };
        if (!failed) {
          t.fee = cny(fee);
          t.net = cny(cents - fee);
        }
        if (qr) t.orderNo = `ORD${id}`;
        else {
          t.cardLast4 = pad(int(0, 9999), 4);
          t.cardBin = '622202';
        }
        txns.push(t);
        if (failed) continue;
        sales.push(t);
        if (rnd() < 0.999) {
          cashier.push({
            id: `C${id}`,
            occurredAt: shift(t.occurredAt, -int(5, 90)),
            amount: t.amount,
            kind: 'sale',
            tender: qr ? 'qr' : 'card',
            orderNo: t.orderNo,
            cardLast4: t.cardLast4,
            terminalId: terminal,
          });
        }
        if (rnd() < 0.0005 && !qr) {
          // the same card swiped twice; the cashier has one sale
          const d: PortalTransaction = {
            ...t,
            id: `P${pad(++seq, 8)}`,
            rrn: String(++rrn),
            voucherNo: pad(seq % 1000000, 6),
            occurredAt: shift(t.occurredAt, int(30, 200)),
          };
          txns.push(d);
          sales.push(d);
          injected.duplicate_charge!++;
        }
      }
      // a cashier card sale the acquirer never shows
      if (rnd() < 0.02) {
        cashier.push({
          id: `CX${pad(++seq, 8)}`,
          occurredAt: time(date),
          amount: cny(int(3000, 90000)),
          kind: 'sale',
          tender: 'card',
          cardLast4: pad(int(0, 9999), 4),
          terminalId: terminals[0],
        });
        injected.missing_at_acquirer!++;
      }
    }
    // refunds (later day, same amount or half) and same-day voids
    const cancelled = new Set<string>();
    const refunds: PortalTransaction[] = [];
    for (const t of sales) {
      const r = rnd();
      if (r < 0.01 && t.occurredAt < `${dates[DAYS - 5]}`) {
        const cents = Math.round(Number(t.amount.amount.replace('.', '')) / (rnd() < 0.5 ? 1 : 2));
        const id = `R${pad(++seq, 8)}`;
        const rt: PortalTransaction = {
          id,
          portal: 'generic',
          occurredAt: time(addDays(t.occurredAt.slice(0, 10), int(1, 4))),
          kind: 'refund',
          status: 'success',
          amount: cny(-cents),
          fee: cny(0),
          net: cny(-cents),
          cardType: t.cardType,
          cardLast4: t.cardLast4,
          orderNo: t.orderNo,
          merchantId: mid,
          terminalId: t.terminalId,
          originalRef: t.rrn,
          settleCycle: t.settleCycle,
          evidence: { ...t.evidence, cells: { 交易类型: '退货' } },
        };
        txns.push(rt);
        refunds.push(rt);
        cashier.push({
          id: `C${id}`,
          occurredAt: shift(rt.occurredAt, -int(5, 60)),
          amount: rt.amount,
          kind: 'refund',
          tender: t.cardType.startsWith('qr') ? 'qr' : 'card',
          orderNo: t.orderNo,
          cardLast4: t.cardLast4,
          terminalId: t.terminalId,
        });
      } else if (r < 0.015) {
        cancelled.add(t.id);
        const id = `V${pad(++seq, 8)}`;
        if (perTxnPayout) t.payoutId = `PO${t.id}`;
        txns.push({
          payoutId: t.payoutId,
          id,
          portal: 'generic',
          occurredAt: shift(t.occurredAt, int(60, 900)),
          kind: 'void',
          status: 'success',
          amount: cny(-Number(t.amount.amount.replace('.', ''))),
          net: { amount: `-${t.net!.amount}`, currency: 'CNY' },
          cardType: t.cardType,
          cardLast4: t.cardLast4,
          merchantId: mid,
          terminalId: t.terminalId,
          originalRef: t.rrn,
          settleCycle: t.settleCycle,
          evidence: { ...t.evidence, cells: { 交易类型: '撤销' } },
        });
      }
    }
    // what the acquirer pays: per-order payouts (a void rides on its sale's payout, which then
    // pays nothing), or one T+1 batch per value date net of that day's refunds
    for (const t of sales) {
      if (cancelled.has(t.id)) {
        if (perTxnPayout) t.settleDate = t.occurredAt.slice(0, 10);
        continue;
      }
      const net = Number(t.net!.amount.replace('.', ''));
      const date = t.occurredAt.slice(0, 10);
      if (perTxnPayout) {
        t.payoutId = `PO${t.id}`;
        t.settleDate = date;
        const r = rnd();
        if (r < 0.0005) {
          injected.settlement_missing!++;
          continue;
        }
        let paid = net;
        if (r < 0.001) {
          paid -= int(1011, 8989);
          injected.settlement_shortfall!++;
        }
        if (paid > 0) addLine(date, paid, `聚合支付 结算款 ${t.payoutId}`, '银联商务股份有限公司');
      } else {
        const vd = nextWork.get(date) ?? cal.nextWorkingDay(date);
        const perTerminal = batch.get(vd) ?? new Map<string, number>();
        perTerminal.set(t.terminalId!, (perTerminal.get(t.terminalId!) ?? 0) + net);
        batch.set(vd, perTerminal);
      }
    }
    for (const rt of refunds) {
      if (perTxnPayout) continue; // a refund is debited by the aggregator, not from a payout
      const vd = nextWork.get(rt.occurredAt.slice(0, 10)) ?? cal.nextWorkingDay(rt.occurredAt.slice(0, 10));
      const perTerminal = batch.get(vd) ?? new Map<string, number>();
      perTerminal.set(rt.terminalId!, (perTerminal.get(rt.terminalId!) ?? 0) + Number(rt.net!.amount.replace('.', '')));
      batch.set(vd, perTerminal);
    }
    for (const [vd, perTerminal] of batch) {
      const split = rnd() < 0.2;
      const total = [...perTerminal.values()].reduce((a, b) => a + b, 0);
      if (split && [...perTerminal.values()].every((v) => v > 0))
        for (const [term, v] of perTerminal) addLine(vd, v, `银联商务 结算款 商户${mid.slice(-4)} 终端${term}`, '银联商务股份有限公司');
      else addLine(vd, total, `银联商务 结算款 商户${mid.slice(-4)}`, '银联商务股份有限公司');
    }
  }
  // the account's everyday traffic up to n lines
  const PAYERS = ['张三', '李四', '王五', '赵六'];
  while (lines.length < n) {
    const date = dates[int(0, DAYS - 1)]!;
    const r = rnd();
    if (r < 0.7) addLine(date, int(5000, 2000000), '转账 个人汇款', PAYERS[int(0, 3)]);
    else if (r < 0.8) addLine(date, -int(100000, 800000), ['房租', '工资代发', '水电费 缴费'][int(0, 2)]!);
    else addLine(date, -int(1000, 500000), '采购付款', '供应商');
  }
  return {
    input: { transactions: txns, statementLines: lines, cashier, contracts, asOf: addDays(dates[DAYS - 1]!, 10) },
    injected,
  };
}
