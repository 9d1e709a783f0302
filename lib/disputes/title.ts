// A dispute's title in the list: "手续费超约定 · ¥2.00 · 606911745808 +1". Made when shown, from
// what the dispute stores (finding kinds, first reference), so it follows the UI language
// rather than the language the letter happened to be drafted in.
import type { FindingKind, MoneyJson } from '../model';
import { formatMoney } from '../i18n/format';
import { kindName, type Locale } from '../i18n/messages';

export interface TitleFacts {
  kinds?: FindingKind[];
  /** the first transaction's RRN / voucher / order number */
  firstRef?: string;
  /** how many transactions the dispute is about */
  rowCount?: number;
  claimed: MoneyJson;
  /** what disputes stored before they kept their kinds: a title in one language */
  label?: string;
  subject: string;
}

export function disputeTitle(d: TitleFacts, locale: Locale): string {
  if (!d.kinds?.length) return d.label ?? d.subject;
  const kinds = [...new Set(d.kinds)].map((k) => kindName(locale, k)).join(locale === 'zh-CN' ? '、' : ', ');
  const more = (d.rowCount ?? 0) > 1 ? ` +${(d.rowCount ?? 0) - 1}` : '';
  return [kinds, formatMoney(locale, d.claimed), d.firstRef ? `${d.firstRef}${more}` : undefined].filter(Boolean).join(' · ');
}
