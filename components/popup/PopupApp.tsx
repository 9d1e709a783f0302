// The popup: findings on this site and overall, money at stake, and the way to the options page.
import { useEffect, useState } from 'preact/hooks';
import type { MoneyJson } from '../../lib/model';
import { formatMoney } from '../../lib/money';
import { kindName, type Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import type { FindingSummary } from '../../lib/services/findings';
import type { PopupData } from '../../lib/services/popup';
import type { EnableOutcome } from '../../lib/services/sites';
import { BarChart } from '../charts/BarChart';
import { UnreadTablesNote, type LoadUnread } from './UnreadTablesNote';

function Money({ list, locale }: { list: MoneyJson[]; locale: Locale }) {
  if (!list.length) return <span>{formatMoney({ amount: '0', currency: locale === 'zh-CN' ? 'CNY' : 'USD' })}</span>;
  return <span>{list.map(formatMoney).join(' + ')}</span>;
}

function SummaryBlock({ title, summary, locale, testid }: { title: string; summary: FindingSummary; locale: Locale; testid: string }) {
  return (
    <section class="block" data-testid={testid}>
      <h2>{title}</h2>
      <div class="figures">
        <div>
          <span class="big" data-testid={`${testid}-count`}>
            {summary.count}
          </span>
          <span class="label">{t(locale, 'findings.title')}</span>
        </div>
        <div>
          <span class="big" data-testid={`${testid}-at-stake`}>
            <Money list={summary.atStake} locale={locale} />
          </span>
          <span class="label">{t(locale, 'popup.moneyAtStake')}</span>
        </div>
      </div>
    </section>
  );
}

export interface PopupActions {
  load: () => Promise<PopupData>;
  openOptions: () => void;
  /** runs in the click handler: asks the browser for this origin, then starts reading the tab */
  enableSite: (origin: string) => Promise<EnableOutcome>;
  disableSite: (origin: string) => Promise<void>;
  /** a table on this site's open page SettleGuard could not read (default: the background's session report) */
  loadUnread?: LoadUnread;
}

export function PopupApp({ load, openOptions, enableSite, disableSite, loadUnread }: PopupActions) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState('');
  const [enabled, setEnabled] = useState<EnableOutcome | null>(null);
  const reload = () => load().then(setData, (e: unknown) => setError(String(e)));
  useEffect(() => {
    void reload();
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>…</p>;
  const { locale, site, overall } = data;
  const bars = overall.byKind.filter((k) => k.atStake.length).map((k) => ({ label: kindName(locale, k.kind), value: k.atStake[0]!, count: k.count }));
  return (
    <main>
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t(locale, 'popup.title')}</h1>
      </header>
      {data.siteState === 'restricted' && (
        <p class="muted" role="status" data-testid="sg-popup-restricted">
          {t(locale, 'popup.restricted')}
        </p>
      )}
      {data.origin && data.siteState !== 'disabled' && <UnreadTablesNote origin={data.origin} locale={locale} {...(loadUnread ? { load: loadUnread } : {})} />}
      {data.origin && data.siteState === 'disabled' && (
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
      {site ? (
        <>
          <SummaryBlock title={t(locale, 'popup.findingsOnSite')} summary={site} locale={locale} testid="sg-popup-site" />
          <p class="muted">{t(locale, 'popup.rowsCaptured', { count: String(data.siteRows) })}</p>
        </>
      ) : null}
      <SummaryBlock title={t(locale, 'popup.findingsOverall')} summary={overall} locale={locale} testid="sg-popup-overall" />
      {bars.length ? <BarChart bars={bars} title={t(locale, 'popup.moneyAtStake')} /> : <p class="muted">{t(locale, 'popup.noFindings')}</p>}
      {data.disputes.claimed.length > 0 && (
        <section class="block" data-testid="sg-popup-disputes">
          <div class="figures">
            <div>
              <span class="big neutral">
                <Money list={data.disputes.claimed} locale={locale} />
              </span>
              <span class="label">{t(locale, 'popup.claimed')}</span>
            </div>
            <div>
              <span class="big ok" data-testid="sg-popup-recovered">
                <Money list={data.disputes.recovered} locale={locale} />
              </span>
              <span class="label">{t(locale, 'popup.recovered')}</span>
            </div>
          </div>
        </section>
      )}
      <ul class="kinds">
        {overall.byKind.map((k) => (
          <li key={k.kind}>
            <span>{kindName(locale, k.kind)}</span>
            <span>{k.count}</span>
          </li>
        ))}
      </ul>
      <button type="button" class="primary" onClick={openOptions} data-testid="sg-open-options">
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
