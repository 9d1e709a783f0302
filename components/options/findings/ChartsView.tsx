// The dashboard's charts, apart from the table (issue 15 item 5): money at stake per week, money
// at stake by type, the effective rate per card type against the contracted rate, settlements
// expected vs received per week, and terminal health. Read from the summary the last
// reconciliation wrote (lib/services/dashboard.ts loadCharts) when the merchant opens the view.
import { useEffect, useState } from 'preact/hooks';
import type { Contract } from '../../../lib/model';
import type { ListedFinding } from '../../../lib/store-summary';
import { kindName, type Locale } from '../../../lib/i18n/messages';
import { t } from '../../../lib/i18n/pages';
import type { ChartsData } from '../../../lib/services/dashboard';
import { figuresOf } from '../../../lib/popup-figures';
import { atStakeByWeek, contractedPercent } from '../../../lib/trends';
import { BarChart } from '../../charts/BarChart';
import { MIN_MONTHS, RateChart } from '../../charts/RateChart';
import { TerminalHealthChart } from '../../charts/TerminalHealthChart';
import { MIN_WEEKS, WeekChart } from '../../charts/WeekChart';

/** The currency most rows are in: one chart, one currency (a second one would need its own axis). */
function mainCurrency(list: { currency: string }[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of list) n.set(x.currency, (n.get(x.currency) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

export function ChartsView({
  locale,
  findings,
  contracts,
  load,
}: {
  locale: Locale;
  findings: ListedFinding[];
  contracts: Contract[];
  load: () => Promise<ChartsData>;
}) {
  const [charts, setCharts] = useState<ChartsData | null>(null);
  useEffect(() => {
    load().then(setCharts, () => setCharts({ rates: [], terminals: [], settlements: [] }));
  }, []);
  if (!charts) return <p class="muted">…</p>;

  const weekLabel = (w: string) => t(locale, 'charts.weekOf', { week: w.slice(5) });
  const stake = atStakeByWeek(findings);
  const stakeCurrency = mainCurrency(stake);
  const stakeWeeks = stake.filter((w) => w.currency === stakeCurrency);
  const settleCurrency = mainCurrency(charts.settlements);
  const settleWeeks = charts.settlements.filter((w) => w.currency === settleCurrency);
  const byKind = figuresOf(findings);
  const bars = byKind.byKind
    .map((k) => {
      const of = findings.filter((f) => f.kind === k.kind);
      const fig = figuresOf(of);
      const value = [...fig.certain.atStake, ...fig.suspected.atStake].find((m) => m.currency === stakeCurrency);
      return value ? { label: kindName(locale, k.kind), value, count: k.count } : null;
    })
    .filter((b) => b !== null);
  const months = new Set(charts.rates.map((r) => r.month)).size;
  const nothing = !stakeWeeks.length && !charts.rates.length && !settleWeeks.length && !charts.terminals.some((v) => v.terminals.length);

  return (
    <div class="charts" data-testid="sg-charts">
      {nothing && <p class="muted">{t(locale, 'charts.empty')}</p>}
      {stakeWeeks.length > 0 && stakeCurrency && (
        <figure class="trend">
          <figcaption>{t(locale, 'charts.atStakeWeekly')}</figcaption>
          <WeekChart
            testid="sg-chart-at-stake"
            title={t(locale, 'charts.atStakeWeekly')}
            weeks={stakeWeeks.map((w) => w.week)}
            currency={stakeCurrency}
            locale={locale}
            weekLabel={weekLabel}
            series={[
              { label: t(locale, 'popup.certain'), color: 'var(--chart-bad)', values: stakeWeeks.map((w) => w.certain) },
              { label: t(locale, 'popup.suspected'), color: 'var(--chart-warn)', values: stakeWeeks.map((w) => w.suspected) },
            ]}
            moreData={t(locale, 'charts.moreDataWeeks', { count: String(stakeWeeks.length), needed: String(MIN_WEEKS) })}
          />
        </figure>
      )}
      {bars.length > 0 && (
        <figure class="trend">
          <figcaption>{t(locale, 'charts.byKind')}</figcaption>
          <BarChart bars={bars} title={t(locale, 'charts.byKind')} locale={locale} width={640} />
        </figure>
      )}
      {charts.rates.length > 0 && (
        <figure class="trend">
          <figcaption>{t(locale, 'findings.rateTrend')}</figcaption>
          <RateChart
            points={charts.rates}
            title={t(locale, 'findings.rateTrend')}
            cardName={(c) => t(locale, `cardType.${c}`)}
            contractPercent={(cardType, currency, month) => contractedPercent(contracts, cardType, currency, month)}
            contractLabel={(rate) => t(locale, 'charts.contractRate', { rate })}
            moreData={t(locale, 'charts.moreDataMonths', { count: String(months), needed: String(MIN_MONTHS) })}
          />
        </figure>
      )}
      {settleWeeks.length > 0 && settleCurrency && (
        <figure class="trend">
          <figcaption>{t(locale, 'charts.settlements')}</figcaption>
          <WeekChart
            testid="sg-chart-settlements"
            title={t(locale, 'charts.settlements')}
            weeks={settleWeeks.map((w) => w.week)}
            currency={settleCurrency}
            locale={locale}
            weekLabel={weekLabel}
            series={[
              { label: t(locale, 'charts.expected'), color: 'var(--chart-expected)', values: settleWeeks.map((w) => w.expected) },
              { label: t(locale, 'charts.received'), color: 'var(--chart-received)', values: settleWeeks.map((w) => w.received) },
            ]}
            moreData={t(locale, 'charts.moreDataWeeks', { count: String(settleWeeks.length), needed: String(MIN_WEEKS) })}
          />
        </figure>
      )}
      {charts.terminals
        .filter((v) => v.terminals.length > 0)
        .map((v) => (
          <figure class="trend" key={`${v.merchantId ?? ''}|${v.period}`}>
            <figcaption>{t(locale, 'terminalHealth.title', { merchantId: v.merchantId, period: v.period })}</figcaption>
            <TerminalHealthChart view={v} locale={locale} />
          </figure>
        ))}
    </div>
  );
}
