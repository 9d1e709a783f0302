// The popup: what is certainly and possibly owed on this site and elsewhere, what is not checked
// yet, when data last came in, and the one thing most worth doing next (issue 15 item 4). Calm
// when nothing is wrong: no red figure unless money is certainly at stake.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MoneyJson, Unchecked } from '../../lib/model';
import { formatInstant, formatMoney } from '../../lib/i18n/format';
import { kindName, type Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { uncheckedDays, type Figure, type FindingFigures, type NextAction } from '../../lib/popup-figures';
import type { PopupData } from '../../lib/services/popup';
import type { EnableOutcome, TabPhishing } from '../../lib/services/sites';
import { type ChecklistProgress, GettingStartedLink, type LoadProgress, progressFromStores } from './GettingStartedLink';
import { UnreadTablesNote, type LoadUnread } from './UnreadTablesNote';
import { PhishingWarning } from './PhishingWarning';

export type OptionsTab = 'findings' | 'import' | 'contracts';

function moneyText(locale: Locale, list: MoneyJson[]): string {
  return list.length ? list.map((m) => formatMoney(locale, m)).join(' + ') : '—';
}

/** A stored instant in the browser's time zone, as lib/i18n/format.ts writes them: "2026-12-07 14:32". */
export function formatWhen(locale: Locale, iso: string): string {
  return formatInstant(locale, iso);
}

const count = (locale: Locale, n: number) => (n === 1 ? t(locale, 'popup.findingsOne') : t(locale, 'popup.findingsMany', { count: String(n) }));

function FigureCell({ figure, label, tone, locale, testid }: { figure: Figure; label: string; tone: 'bad' | 'warn'; locale: Locale; testid: string }) {
  return (
    <div class="figure">
      <span class="label">{label}</span>
      <span class={`big ${tone}`} data-testid={testid}>
        {moneyText(locale, figure.atStake)}
      </span>
      <span class="muted" data-testid={`${testid}-count`}>
        {count(locale, figure.count)}
      </span>
    </div>
  );
}

/** Certain and suspected money for a set of findings; a calm line when there are none. */
function FiguresBlock({
  title,
  figures,
  calm,
  locale,
  testid,
  children,
}: {
  title: string;
  figures: FindingFigures;
  calm: string;
  locale: Locale;
  testid: string;
  children?: ComponentChildren;
}) {
  const { certain, suspected } = figures;
  const quiet = certain.count === 0 && suspected.count === 0;
  return (
    <section class="block" data-testid={testid}>
      <h2>{title}</h2>
      {quiet ? (
        <p class="calm" data-testid={`${testid}-calm`}>
          {calm}
        </p>
      ) : (
        <>
          <div class="figures">
            {certain.count > 0 && <FigureCell figure={certain} label={t(locale, 'popup.certain')} tone="bad" locale={locale} testid={`${testid}-certain`} />}
            {suspected.count > 0 && (
              <FigureCell figure={suspected} label={t(locale, 'popup.suspected')} tone="warn" locale={locale} testid={`${testid}-suspected`} />
            )}
          </div>
          <ul class="kinds">
            {figures.byKind.map((k) => (
              <li key={k.kind}>
                <span>{kindName(locale, k.kind)}</span>
                <span>{k.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </section>
  );
}

function whenOf(locale: Locale, u: Unchecked): string {
  const from = u.days[0] ?? '';
  const to = u.days[u.days.length - 1] ?? '';
  return from === to ? from : t(locale, 'popup.dayRange', { from, to });
}

const UNCHECKED_REASONS = new Set(['partial_capture', 'statement_ended', 'no_statement', 'no_contract']);

/** Days not checked yet (DESIGN.md "Coverage"): how many, and the first few with their reason. */
function NotChecked({ unchecked, locale }: { unchecked: Unchecked[]; locale: Locale }) {
  const days = uncheckedDays(unchecked);
  return (
    <section class="block" data-testid="sg-popup-unchecked">
      <h2 data-testid="sg-popup-unchecked-count">{days === 1 ? t(locale, 'popup.notCheckedOne') : t(locale, 'popup.notChecked', { count: String(days) })}</h2>
      <ul class="plain">
        {unchecked.slice(0, 3).map((u) => (
          <li key={`${u.reason}|${u.merchantId ?? ''}|${u.days[0]}`}>
            {t(locale, UNCHECKED_REASONS.has(u.reason) ? (`popup.unchecked.${u.reason}` as 'popup.unchecked.other') : 'popup.unchecked.other', {
              ...u.hint.params,
              when: whenOf(locale, u),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function nextText(locale: Locale, next: NextAction): string {
  switch (next.kind) {
    case 'enable':
      return t(locale, 'popup.next.enable');
    case 'review':
      return t(locale, next.certain ? 'popup.next.reviewCertain' : 'popup.next.reviewSuspected', { count: String(next.count) });
    case 'capture':
      return t(locale, 'popup.next.capture', { day: next.day });
    case 'import':
      return next.after ? t(locale, 'popup.next.importAfter', { after: next.after, day: next.day }) : t(locale, 'popup.next.import', { day: next.day });
    case 'contract':
      return t(locale, 'popup.next.contract');
    case 'first_import':
      return t(locale, 'popup.next.firstImport');
    case 'browse':
      return t(locale, 'popup.next.browse');
    case 'none':
      return t(locale, 'popup.next.none');
  }
}

/** Where the next action's button leads in the options page (none: the action happens elsewhere). */
function nextTab(next: NextAction): OptionsTab | null {
  if (next.kind === 'review') return 'findings';
  if (next.kind === 'import' || next.kind === 'first_import') return 'import';
  if (next.kind === 'contract') return 'contracts';
  return null;
}

const GO_LABEL = { findings: 'popup.go.findings', import: 'popup.go.import', contracts: 'popup.go.contracts' } as const;

export interface PopupActions {
  load: () => Promise<PopupData>;
  /** opens the options page, on one of its tabs when given */
  openOptions: (tab?: OptionsTab) => void;
  /** runs in the click handler: asks the browser for this origin, then starts reading the tab */
  enableSite: (origin: string) => Promise<EnableOutcome>;
  disableSite: (origin: string) => Promise<void>;
  /** a table on this site's open page SettleGuard could not read (default: the background's session report) */
  loadUnread?: LoadUnread;
  /** the phishing guard's assessment of the open page (lib/services/sites.ts assessTab), null where none */
  loadPhishing?: () => Promise<TabPhishing | null>;
  /** keeps the merchant's "I trust this site" for an origin that imitates an acquirer's portal */
  confirmImitation?: (origin: string, brand: string) => Promise<void>;
  /** the welcome checklist's progress (default: from the stores; nothing shown where it fails) */
  loadProgress?: LoadProgress;
}

export function PopupApp({
  load,
  openOptions,
  enableSite,
  disableSite,
  loadUnread,
  loadPhishing,
  confirmImitation,
  loadProgress = progressFromStores,
}: PopupActions) {
  const [data, setData] = useState<PopupData | null>(null);
  // undefined until settled: the popup shows once, with the getting-started link in its place
  const [progress, setProgress] = useState<ChecklistProgress | null | undefined>(undefined);
  useEffect(() => {
    loadProgress().then(setProgress, () => setProgress(null));
  }, []);
  const [error, setError] = useState('');
  const [enabled, setEnabled] = useState<EnableOutcome | null>(null);
  const [phishing, setPhishing] = useState<TabPhishing | null>(null);
  // Enable is offered only once the page has been assessed: a click in the first moments must
  // not enable a page imitating an acquirer without the warning and its confirmation
  const [assessed, setAssessed] = useState(!loadPhishing);
  useEffect(() => {
    void loadPhishing?.()
      .then(setPhishing, () => undefined)
      .finally(() => setAssessed(true));
  }, []);
  const reload = () => {
    const start = performance.now();
    return load().then(
      (d) => {
        // how long reading the figures takes (tests/bench/popup-speed.ts)
        performance.measure('sg:popup:load', { start });
        setData(d);
      },
      (e: unknown) => setError(String(e)),
    );
  };
  useEffect(() => {
    if (data) performance.mark('sg:popup:shown');
    // the page's language is the UI's (screen readers pick their voice by it)
    if (data) document.documentElement.lang = data.locale;
  }, [data]);
  useEffect(() => {
    void reload();
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!data || progress === undefined) return <p>…</p>;
  const { locale, site, next } = data;
  const tab = nextTab(next);
  return (
    <main>
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t(locale, 'popup.title')}</h1>
      </header>
      <GettingStartedLink locale={locale} progress={progress} />
      {data.siteState === 'restricted' && (
        <p class="muted" role="status" data-testid="sg-popup-restricted">
          {t(locale, 'popup.restricted')}
        </p>
      )}
      {data.origin && phishing && data.siteState !== 'restricted' && (
        <PhishingWarning
          locale={locale}
          origin={data.origin}
          phishing={phishing}
          offerEnable={data.siteState === 'disabled' && !enabled}
          enableSite={enableSite}
          confirmImitation={async (origin, brand) => {
            await confirmImitation?.(origin, brand);
            setPhishing({ ...phishing, confirmed: true });
          }}
          onEnabled={(outcome) => {
            setEnabled(outcome);
            if (outcome !== 'denied') void reload();
          }}
          onError={(e) => setError(String(e))}
        />
      )}
      {data.origin && data.siteState !== 'disabled' && <UnreadTablesNote origin={data.origin} locale={locale} {...(loadUnread ? { load: loadUnread } : {})} />}
      {data.origin && data.siteState === 'disabled' && assessed && !(phishing?.assessment.verdict === 'imitation' && !phishing.confirmed) && (
        <section class="block">
          <p class="muted">{t(locale, 'popup.siteDisabled')}</p>
          <button
            type="button"
            class="primary"
            data-testid="sg-popup-enable"
            onClick={() =>
              void enableSite(data.origin!).then(
                async (outcome) => {
                  setEnabled(outcome);
                  if (outcome !== 'denied') await reload();
                },
                (e: unknown) => setError(String(e)),
              )
            }
          >
            {t(locale, 'popup.enableSite')}
          </button>
        </section>
      )}
      {data.origin && enabled && (
        <p class="muted" role="status" data-testid="sg-popup-enabled" data-outcome={enabled}>
          {t(locale, enabled === 'running' ? 'popup.enabledRunning' : enabled === 'reload' ? 'popup.enabledReload' : 'popup.enableDenied', {
            origin: data.origin,
          })}
        </p>
      )}
      {next.kind !== 'enable' && (
        <section class={`block next${next.kind === 'none' ? ' calm' : ''}`} data-testid="sg-popup-next" data-action={next.kind}>
          <h2>{t(locale, 'popup.next')}</h2>
          <p>{nextText(locale, next)}</p>
          {tab && (
            <button type="button" class="primary" data-testid="sg-popup-next-go" onClick={() => openOptions(tab)}>
              {t(locale, GO_LABEL[tab])}
            </button>
          )}
        </section>
      )}
      {data.origin && data.siteState === 'disabled' && next.kind === 'enable' && (
        <p class="muted" data-testid="sg-popup-next" data-action="enable">
          {t(locale, 'popup.next.enable')}
        </p>
      )}
      {site && (
        <FiguresBlock title={t(locale, 'popup.onSite')} figures={site} calm={t(locale, 'popup.calmSite')} locale={locale} testid="sg-popup-site">
          <p class="muted">{data.siteRows ? t(locale, 'popup.rowsCaptured', { count: String(data.siteRows) }) : t(locale, 'popup.siteNoRows')}</p>
        </FiguresBlock>
      )}
      {(!site || data.elsewhere.certain.count + data.elsewhere.suspected.count > 0) && (
        <FiguresBlock
          title={t(locale, site ? 'popup.elsewhere' : 'popup.allSites')}
          figures={data.elsewhere}
          calm={t(locale, 'popup.calmAll')}
          locale={locale}
          testid={site ? 'sg-popup-elsewhere' : 'sg-popup-overall'}
        />
      )}
      {data.unchecked.length > 0 && <NotChecked unchecked={data.unchecked} locale={locale} />}
      {data.disputes.claimed.length > 0 && (
        <section class="block" data-testid="sg-popup-disputes">
          <div class="figures">
            <div>
              <span class="big neutral">{moneyText(locale, data.disputes.claimed)}</span>
              <span class="label">{t(locale, 'popup.claimed')}</span>
            </div>
            <div>
              <span class="big ok" data-testid="sg-popup-recovered">
                {moneyText(locale, data.disputes.recovered)}
              </span>
              <span class="label">{t(locale, 'popup.recovered')}</span>
            </div>
          </div>
        </section>
      )}
      <p class="muted times" data-testid="sg-popup-times">
        <span>{t(locale, 'popup.lastCapture', { time: data.lastCaptureAt ? formatWhen(locale, data.lastCaptureAt) : t(locale, 'popup.never') })}</span>
        <span>{t(locale, 'popup.lastImport', { time: data.lastImportAt ? formatWhen(locale, data.lastImportAt) : t(locale, 'popup.never') })}</span>
        {data.lastCheckedAt && <span>{t(locale, 'popup.lastReconciled', { time: formatWhen(locale, data.lastCheckedAt) })}</span>}
      </p>
      <button type="button" class="secondary" onClick={() => openOptions()} data-testid="sg-open-options">
        {t(locale, 'action.openOptions')}
      </button>
      {data.origin && data.siteState === 'enabled' && (
        <button
          type="button"
          class="link"
          data-testid="sg-popup-disable"
          onClick={async () => {
            await disableSite(data.origin!);
            setEnabled(null);
            await reload();
          }}
        >
          {t(locale, 'popup.disableSite')}
        </button>
      )}
    </main>
  );
}
