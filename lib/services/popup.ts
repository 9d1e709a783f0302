// What the toolbar popup shows, read cheaply (issue 15 "Speed": within 200 ms with 100,000 stored
// rows): the summary the last reconciliation left (money at stake per site and kind, rows and last
// capture per site, lib/store-summary.ts) less the findings decided since (through the status
// index: few), what could not be checked, the latest import. Neither the rows nor every finding
// is read.
import { getDb } from '../db';
import { resolveLocale, type Locale } from '../i18n/messages';
import type { MoneyJson, Unchecked } from '../model';
import { figuresFromSummary, figuresOf, nextAction, splitBySite, type FindingFigures, type NextAction } from '../popup-figures';
import type { SettleGuardDb } from '../db';
import { disputeTotals } from './disputes';
import { loadSettings } from './settings';
import { siteState, type TabSite } from './sites';

export interface PopupData {
  locale: Locale;
  origin: string | null;
  /** findings on this site's rows; null on a browser page or where nothing was ever captured on it */
  site: FindingFigures | null;
  siteRows: number;
  /** findings on every other site (or all of them where there is no site block) */
  elsewhere: FindingFigures;
  /** restricted: a browser or extension page, where no extension may run */
  siteState: 'builtin' | 'enabled' | 'disabled' | 'restricted';
  disputes: { claimed: MoneyJson[]; recovered: MoneyJson[] };
  /** what the last reconciliation could not check (DESIGN.md "Coverage") */
  unchecked: Unchecked[];
  /** ISO instants: the latest row captured (on this site when there is one), the latest import, the last check */
  lastCaptureAt?: string;
  lastImportAt?: string;
  lastCheckedAt?: string;
  next: NextAction;
}

/** What the popup shows for the active tab (tabSite of its URL, known through activeTab). */
export async function loadPopupData(tab: TabSite, uiLanguage: string): Promise<PopupData> {
  const db = getDb();
  const origin = tab.kind === 'web' ? tab.origin : null;
  const [settings, decided, summary, unchecked, lastImport, disputes, state] = await Promise.all([
    loadSettings(db),
    db.findings.where('status').anyOf(['dismissed', 'disputed', 'resolved']).toArray(),
    db.summaries.get('main'),
    db.unchecked.toArray(),
    db.imports.orderBy('importedAt').last(),
    db.disputes.toArray(),
    origin ? siteState(origin) : Promise.resolve('restricted' as const),
  ]);
  const siteSummary = origin ? summary?.sites.find((s) => s.origin === origin) : undefined;
  // a store reconciled before summaries had figures: every open finding is read
  const figures = summary?.figures ? figuresFromSummary(summary.figures, summary.uncountedIds ?? [], decided, origin) : await figuresOfOpen(db, origin);
  const hasSiteFindings = figures.site.certain.count + figures.site.suspected.count > 0;
  const site = origin && (siteSummary || hasSiteFindings) ? figures.site : null;
  const all = figures.all;
  const lastCaptureAt =
    siteSummary?.lastCaptureAt ??
    summary?.sites.reduce<string | undefined>((m, s) => (s.lastCaptureAt && (!m || s.lastCaptureAt > m) ? s.lastCaptureAt : m), undefined);
  return {
    locale: resolveLocale(settings.language, uiLanguage),
    origin,
    site,
    siteRows: siteSummary?.rows ?? 0,
    elsewhere: figures.elsewhere,
    siteState: state,
    disputes: disputeTotals(disputes),
    unchecked,
    ...(lastCaptureAt && { lastCaptureAt }),
    ...(lastImport && { lastImportAt: lastImport.importedAt }),
    ...(summary && { lastCheckedAt: summary.at }),
    next: nextAction({
      origin,
      siteState: state,
      figures: all,
      unchecked,
      imported: lastImport !== undefined,
      captured: (summary?.sites.length ?? 0) > 0,
    }),
  };
}

async function figuresOfOpen(db: SettleGuardDb, origin: string | null): Promise<{ site: FindingFigures; elsewhere: FindingFigures; all: FindingFigures }> {
  const open = await db.findings.where('status').equals('open').toArray();
  const split = origin ? splitBySite(open, origin) : { site: [], elsewhere: open };
  return { site: figuresOf(split.site), elsewhere: figuresOf(split.elsewhere), all: figuresOf(open) };
}
