// What a dispute draft is made of. The caller (lib/services/disputes.ts) gathers the findings
// and only the transactions and bank lines they reference.
import type { Finding, IsoDate, PortalTransaction, StatementLine } from '../model';
import type { Locale } from '../i18n/messages';

export type DisputeLocale = Locale;

export interface DisputeMerchant {
  name?: string;
  merchantId?: string;
  contact?: string;
  phone?: string;
}

export interface DisputeInput {
  findings: Finding[];
  /** the transactions the findings reference (others are ignored) */
  transactions: PortalTransaction[];
  /** the bank statement lines the findings reference (others are ignored) */
  statementLines: StatementLine[];
  merchant: DisputeMerchant;
  /** the fee agreement the merchant relies on, e.g. "拉卡拉收单服务协议 2024版" */
  contractLabel?: string;
  /** days the acquirer is given to refund; default DEFAULT_DEADLINE_DAYS */
  deadlineDays?: number;
  /** the letter's date; the deadline counts from it */
  asOf: IsoDate;
}

/** 15 days: long enough for an acquirer's complaint process, short enough to keep it moving. */
export const DEFAULT_DEADLINE_DAYS = 15;

/** The letter language a currency suggests: Chinese for CNY, English otherwise. */
export function defaultDisputeLocale(currency: string): DisputeLocale {
  return currency.trim().toUpperCase() === 'CNY' ? 'zh-CN' : 'en';
}
