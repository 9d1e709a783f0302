import { getDb } from '../db';
import { resolveLocale, type Locale } from '../i18n/messages';
import { summarizeFindings, transactionIdsForOrigin, type FindingSummary } from './findings';
import { loadSettings } from './settings';
import { siteState, type TabSite } from './sites';
import { disputeTotals } from './disputes';
import type { MoneyJson } from '../model';

export interface PopupData {
  locale: Locale;
  origin: string | null;
  site: FindingSummary | null;
  siteRows: number;
  overall: FindingSummary;
  /** restricted: a browser or extension page, where no extension may run */
  siteState: 'builtin' | 'enabled' | 'disabled' | 'restricted';
  disputes: { claimed: MoneyJson[]; recovered: MoneyJson[] };
}

/** What the popup shows for the active tab (tabSite of its URL, known through activeTab). */
export async function loadPopupData(tab: TabSite, uiLanguage: string): Promise<PopupData> {
  const db = getDb();
  const origin = tab.kind === 'web' ? tab.origin : null;
  const [settings, findings, disputes] = await Promise.all([loadSettings(db), db.findings.toArray(), db.disputes.toArray()]);
  const siteIds = origin ? await transactionIdsForOrigin(db, origin) : null;
  return {
    locale: resolveLocale(settings.language, uiLanguage),
    origin,
    site: siteIds ? summarizeFindings(findings, siteIds) : null,
    siteRows: siteIds?.size ?? 0,
    overall: summarizeFindings(findings),
    siteState: origin ? await siteState(origin) : 'restricted',
    disputes: disputeTotals(disputes),
  };
}
