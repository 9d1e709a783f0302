// Who paid a settlement (DOMAIN.md §3 D18, second half): in China the money for card sales must
// come from a licensed acquirer — a bank, China UnionPay / 银联商务, or a payment institution
// holding a 支付业务许可证. A settlement paid by some "科技有限公司" or a private person is the
// classic sign of 二清 (an unlicensed operator clearing the merchant's money itself): a risk to
// the merchant's funds, reported as information, never as an overcharge.
//
// How we tell, without a list that goes stale: since 2010 a company may carry 支付 or 清算 in
// its name only with the licence, and banks carry 银行 / 信用社 / 信用合作联社; a few licensed
// acquirers' legal names lack those words, so their names are listed (汇付天下有限公司,
// 联动优势电子商务有限公司, 网银在线…). The merchant's own acquirer, as named on the portal or
// in the contract, always passes. Only Chinese payer names are judged: elsewhere payouts come
// from the processor's bank under many trading names, and a name proves nothing.
import { ZERO, money, amountOf } from '../money';
import type { Contract, Finding, StatementLine } from '../model';
import type { RuleContext } from './context';
import { makeFinding } from './finding';

/** Words that only licensed institutions may carry in a company name. */
const LICENSED_WORDS = ['支付', '清算', '银行', '银联', '信用社', '信用合作联社', '农商行', '财付通'];

/**
 * Licensed acquirers (PBoC 支付业务许可证, 银行卡收单) whose registered names lack the words above,
 * and the short names banks print on statements instead of the legal name.
 */
const LICENSED_NAMES = [
  '汇付', // 汇付天下有限公司
  '联动优势', // 联动优势电子商务有限公司
  '网银在线', // 网银在线（北京）科技有限公司 (京东支付)
  '国通星驿', // 国通星驿网络科技有限公司
  '宝付', // 宝付网络科技（上海）有限公司
  '乐刷', // 乐刷科技有限公司
  '快钱',
  '通联',
  '拉卡拉',
  '随行付',
  '盛付通',
  '支付宝',
  '中国银联',
  '工商银行',
  '建设银行',
  '农业银行',
  '中国银行',
  '交通银行',
  '招商银行',
  '中信银行',
  '浦发',
  '广发',
  '民生银行',
  '兴业银行',
  '光大银行',
  '华夏银行',
  '平安银行',
  '邮储',
  '工行',
  '建行',
  '农行',
  '中行',
  '交行',
  '招行',
];

const CJK = /[\u3400-\u9fff]/;

export type PayerVerdict = 'licensed' | 'unlicensed' | 'not_judged';

/**
 * Whether the name a bank statement gives as the payer of a settlement credit can be a licensed
 * acquirer. `known` are the merchant's own acquirer names (portal, contract label): they pass.
 * 'not_judged' when there is no name, or it is not a Chinese name.
 */
export function judgePayer(name: string | undefined, known: readonly string[] = []): PayerVerdict {
  const n = (name ?? '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  if (n === '' || !CJK.test(n)) return 'not_judged';
  if (LICENSED_WORDS.some((w) => n.includes(w))) return 'licensed';
  if (LICENSED_NAMES.some((w) => n.includes(w))) return 'licensed';
  for (const k of known) {
    const kk = k.replace(/[\s\u3000]+/g, '');
    if (kk.length >= 2 && (n.includes(kk) || kk.includes(n))) return 'licensed';
  }
  return 'unlicensed';
}

/** Chinese words of at least two characters in the contract labels: "汇通收单 标准费率 2026" → 汇通收单, 标准费率. */
function acquirerNames(contracts: readonly Contract[]): string[] {
  return contracts.flatMap((c) => c.label.split(/[\s\u3000·,，/]+/)).filter((w) => w.length >= 2 && CJK.test(w));
}

/**
 * D18, bank side: settlement credits (bank lines matched to a settlement group) paid by someone
 * who cannot be a licensed acquirer. One info finding per payer and month; the evidence is the
 * bank lines, so nothing is highlighted on the portal rows.
 */
export function payerFindings(ctx: Pick<RuleContext, 'settlement' | 'contracts'>): Finding[] {
  const known = acquirerNames(ctx.contracts);
  const groups = new Map<string, { payer: string; month: string; currency: string; lines: Map<string, StatementLine> }>();
  // a statement names a handful of payers on thousands of credits: each name is judged once
  const verdicts = new Map<string | undefined, PayerVerdict>();
  const verdictOf = (name: string | undefined) => {
    let v = verdicts.get(name);
    if (v === undefined) verdicts.set(name, (v = judgePayer(name, known)));
    return v;
  };
  for (const o of ctx.settlement().outcomes) {
    for (const l of o.lines) {
      if (verdictOf(l.counterparty) !== 'unlicensed') continue;
      const payer = l.counterparty!.trim();
      const month = (l.valueOn ?? l.bookedOn).slice(0, 7);
      const key = `${payer}|${month}|${l.amount.currency}`;
      const g = groups.get(key) ?? { payer, month, currency: l.amount.currency, lines: new Map() };
      g.lines.set(l.id, l);
      groups.set(key, g);
    }
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    const lines = [...g.lines.values()];
    const received = lines.reduce((s, l) => s.plus(amountOf(l.amount)), ZERO);
    out.push(
      makeFinding('mcc_jump_risk', {
        severity: 'info',
        transactionIds: [],
        statementLineIds: lines.map((l) => l.id),
        params: { payer: g.payer, month: g.month, settlements: String(lines.length), received: money(received, g.currency).amount, currency: g.currency },
        discriminator: 'payer',
      }),
    );
  }
  return out;
}
