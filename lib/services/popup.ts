import { getDb } from '../db';
import { resolveLocale, type Locale } from '../i18n/messages';
import { summarizeFindings, transactionIdsForOrigin, type FindingSummary } from './findings';
import { loadSettings } from './settings';
import { siteState } from './sites';
import { disputeTotals } from './disputes';
import type { MoneyJson } from '../model';

export interface PopupData {
  locale: Locale;
  origin: string | null;
  site: FindingSummary | null;
  siteRows: number;
  overall: FindingSummary;
  siteState: 'builtin' | 'enabled' | 'disabled' | null;
  disputes: { claimed: MoneyJson[]; recovered: MoneyJson[] };
}

export async function loadPopupData(origin: string | null, uiLanguage: string): Promise<PopupData> {
  const db = getDb();
  const [settings, findings, disputes] = await Promise.all([loadSettings(db), db.findings.toArray(), db.disputes.toArray()]);
  const siteIds = origin ? await transactionIdsForOrigin(db, origin) : null;
  return {
    locale: resolveLocale(settings.language, uiLanguage),
    origin,
    site: siteIds ? summarizeFindings(findings, siteIds) : null,
    siteRows: siteIds?.size ?? 0,
    overall: summarizeFindings(findings),
    siteState: origin ? await siteState(origin) : null,
    disputes: disputeTotals(disputes),
  };
}
