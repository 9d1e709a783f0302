// Grouped vertical bars per week (money at stake; settlements expected vs received). Readable
// with little data: each bar carries its amount while there are few weeks, the x axis names
// every week, and fewer than MIN_WEEKS weeks says a trend needs more data instead of implying one.
// Amounts stay decimal strings; only pixel lengths become numbers.
import { formatMoney, type FormatLocale } from '../../lib/i18n/format';
import { Dec } from '../../lib/money';

export const MIN_WEEKS = 4;

export interface WeekSeries {
  label: string;
  /** a CSS colour; the options page passes its palette's variables (var(--chart-…)) */
  color: string;
  /** one decimal string per week, in the order of `weeks` */
  values: string[];
}

export function WeekChart({
  weeks,
  series,
  currency,
  locale,
  title,
  weekLabel,
  moreData,
  testid,
  width = 640,
  height = 200,
}: {
  weeks: string[];
  series: WeekSeries[];
  currency: string;
  locale: FormatLocale;
  title: string;
  /** the axis label of a week (its Monday) */
  weekLabel: (week: string) => string;
  /** the note shown when there are fewer than MIN_WEEKS weeks */
  moreData: string;
  testid: string;
  width?: number;
  height?: number;
}) {
  if (weeks.length === 0) return null;
  const pad = { left: 12, right: 12, top: 18, bottom: 44 };
  const plotW = width - pad.left - pad.right,
    plotH = height - pad.top - pad.bottom;
  const max = series.flatMap((s) => s.values).reduce((m, v) => Dec.max(m, new Dec(v).abs()), new Dec(0));
  // few weeks: bars stay a sensible width instead of filling the plot
  const slot = Math.min(plotW / weeks.length, 140);
  const barW = Math.max(3, (slot - 10) / series.length);
  const labelled = weeks.length <= 8;
  const h = (v: string) => (max.isZero() ? 0 : new Dec(v).abs().div(max).mul(plotH).toDecimalPlaces(1).toNumber());
  return (
    <div class="chart-box">
      <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`} class="chart" data-testid={testid}>
        <title>{title}</title>
        <line x1={pad.left} x2={width - pad.right} y1={pad.top + plotH} y2={pad.top + plotH} class="c-grid" />
        {weeks.map((w, i) => {
          const x0 = pad.left + i * slot + 5;
          return (
            <g key={w} data-week={w}>
              {series.map((s, j) => {
                const v = s.values[i] ?? '0';
                const bh = h(v);
                const x = x0 + j * barW;
                return (
                  <g key={s.label}>
                    <rect x={x} y={pad.top + plotH - bh} width={barW - 2} height={Math.max(bh, 1)} style={{ fill: s.color }}>
                      <title>{`${weekLabel(w)} · ${s.label} ${formatMoney(locale, { amount: v, currency })}`}</title>
                    </rect>
                    {labelled && (
                      <text x={x + (barW - 2) / 2} y={pad.top + plotH - bh - 3} font-size="9" text-anchor="middle" class="c-text" data-value>
                        {formatMoney(locale, { amount: v, currency })}
                      </text>
                    )}
                  </g>
                );
              })}
              <text x={x0 + (barW * series.length) / 2} y={pad.top + plotH + 13} font-size="10" text-anchor="middle" class="c-axis">
                {weekLabel(w)}
              </text>
            </g>
          );
        })}
        {series.map((s, j) => (
          <g key={s.label}>
            <rect x={pad.left + j * 130} y={height - 14} width="10" height="10" style={{ fill: s.color }} />
            <text x={pad.left + j * 130 + 14} y={height - 5} font-size="11" class="c-text">
              {s.label}
            </text>
          </g>
        ))}
      </svg>
      {weeks.length < MIN_WEEKS && (
        <p class="muted" data-testid={`${testid}-more-data`}>
          {moreData}
        </p>
      )}
    </div>
  );
}
