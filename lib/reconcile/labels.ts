// Keyword dictionaries for fee labels, in Chinese and English (DOMAIN.md §1.1, §2.2, §2.3, D11).
// Portals name the same fee many ways; these decide what an extra fee or a fee row *is*.
import type { PortalTransaction, StatementLine } from '../model';

/** 秒到费 / D0 / T0 instant-settlement fees (DOMAIN.md §2.2). */
export const INSTANT_FEE = /秒到|即时到账|实时到账|快速到账|加急|\bD0\b|\bT0\b|D0手续费|T0手续费|instant|same[- ]day/i;
/** Cross-border, international-card and currency-conversion fees (D19). */
export const FX_FEE = /汇率|货币转换|外币|跨境|境外|国际卡|\bFX\b|foreign|international|currency conversion|cross[- ]?border/i;
/** Chargeback / dispute fees (D17). */
export const CHARGEBACK_FEE = /拒付|退单|调单|争议|chargeback|dispute|retrieval/i;
/** Deposits and activation fees taken from settlement (D16). */
export const DEPOSIT_FEE = /押金|激活|保证金|deposit|activation/i;

/**
 * Hidden / periodic fees (D11): CN agent-system fees and the US junk-fee catalogue (Fiserv's fee
 * list, DOMAIN.md §2.3). Deliberately fee-specific words only: a plain "服务" or "fee" would
 * match ordinary settlement memos.
 */
export const HIDDEN_FEE = new RegExp(
  [
    '流量费',
    '服务费',
    '会员费',
    '押金',
    '保险',
    '信号',
    'SIM',
    '年费',
    '月费',
    '管理费',
    '技术费',
    '通讯费',
    '通信费',
    '激活',
    '维护费',
    '平台费',
    '短信费',
    '套餐',
    '手续费扣收',
    '费用扣收',
    'PCI',
    'non-?compliance',
    'statement fee',
    'minimum',
    'annual',
    'regulatory',
    'compliance',
    'gateway',
    'batch fee',
    'maintenance',
    'account fee',
    'membership',
    'insurance',
    'data fee',
    'monthly fee',
    'service fee',
    'early termination',
    'AVS',
  ].join('|'),
  'i',
);

/** Words banks and acquirers put on settlement credits (用于挑选结算入账). */
export const SETTLEMENT_CREDIT =
  /结算|清算|收单|银联|银商|拉卡拉|盛付通|随行付|汇付|通联|乐刷|快钱|收款|商户|POS|刷卡|stripe|square|adyen|paypal|payout|deposit|settlement|merchant|transfer from/i;

export function txnText(t: PortalTransaction): string {
  const parts = Object.values(t.evidence?.cells ?? {});
  for (const f of t.extraFees ?? []) parts.push(f.label);
  return parts.join(' ');
}

export function lineText(l: StatementLine): string {
  return `${l.description ?? ''} ${l.counterparty ?? ''} ${l.reference ?? ''}`;
}

/**
 * lineText(l).includes(s) without writing lineText: a string with no space can only occur within
 * one of the fields (the separators are spaces), so each field is tested on its own.
 */
export function lineTextIncludes(l: StatementLine, s: string): boolean {
  if (s.includes(' ')) return lineText(l).includes(s);
  return (l.description ?? '').includes(s) || (l.counterparty ?? '').includes(s) || (l.reference ?? '').includes(s);
}

/** The first dictionary word in `text`, for explanation params ('' when none). */
export function firstMatch(re: RegExp, text: string): string {
  const m = text.match(re);
  return m ? m[0] : '';
}
