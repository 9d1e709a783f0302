// The effective rate per card type over the months: a silent rate rise shows as a step, and the
// contracted rate as a dashed line of the same colour shows where the charged rate departs from
// it. With little data it stays readable: every point carries its rate, a single month is drawn as
// labelled points against the contract line, and fewer than MIN_MONTHS months says a trend needs
// more data. Rates are decimal strings; only the plotted position becomes a number.
import type { RatePoint } from '../../lib/trends';

export const MIN_MONTHS = 3;
// series colours from the page's palette (options.css --chart-s1…6, one set per colour scheme)
const COLORS = [1, 2, 3, 4, 5, 6].map((n) => `var(--chart-s${n})`);

export function RateChart({
  points,
  title,
  cardName,
  contractPercent,
  contractLabel = (r) => `${r}%`,
  moreData,
  width = 640,
  height = 220,
}: {
  points: RatePoint[];
  title: string;
  cardName: (c: RatePoint['cardType']) => string;
  /** the contracted percent for a series in a month, when a contract says it */
  contractPercent?: (cardType: RatePoint['cardType'], currency: string, month: string) => string | undefined;
  contractLabel?: (rate: string) => string;
  /** the note shown when there are fewer than MIN_MONTHS months */
  moreData?: string;
  width?: number;
  height?: number;
}) {
  const months = [...new Set(points.map((p) => p.month))].sort();
  const series = [...new Set(points.map((p) => `${p.cardType}|${p.currency}`))];
  if (months.length === 0) return null;
  const contractOf = (s: string, m: string) => {
    const [cardType, currency] = s.split('|') as [RatePoint['cardType'], string];
    return contractPercent?.(cardType, currency, m);
  };
  const contractRates = series.flatMap((s) => months.map((m) => contractOf(s, m))).filter((r): r is string => r !== undefined);
  const max = Math.max(...points.map((p) => Number(p.ratePercent)), ...contractRates.map(Number)) * 1.2 || 1;
  const pad = { left: 48, right: 96, top: 14, bottom: 44 };
  const plotW = width - pad.left - pad.right,
    plotH = height - pad.top - pad.bottom;
  // one month: its points sit in the middle and the contract line spans the plot
  const x = (m: string) => pad.left + (months.length === 1 ? plotW / 2 : (months.indexOf(m) / (months.length - 1)) * plotW);
  const y = (r: number) => pad.top + plotH - (r / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <div class="chart-box">
      <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`} class="chart" data-testid="sg-rate-chart">
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} class="c-grid" />
            <text x={pad.left - 4} y={y(t) + 4} font-size="10" text-anchor="end" class="c-axis">
              {t.toFixed(2)}%
            </text>
          </g>
        ))}
        {months.map((m) => (
          <text key={m} x={x(m)} y={height - pad.bottom + 14} font-size="10" text-anchor="middle" class="c-axis">
            {m}
          </text>
        ))}
        {series.map((s, i) => {
          const color = COLORS[i % COLORS.length]!;
          const rates = months.map((m) => contractOf(s, m));
          const known = months.map((m, k) => ({ m, r: rates[k] })).filter((p): p is { m: string; r: string } => p.r !== undefined);
          if (!known.length) return null;
          // a step line: each month's contracted rate, across the whole plot when it is one month
          const xs = (k: number) => (months.length === 1 ? [pad.left, width - pad.right] : [x(known[k]!.m)]);
          const path = known.flatMap((p, k) => xs(k).map((px) => `${px},${y(Number(p.r))}`)).join(' ');
          const lastRate = known[known.length - 1]!.r;
          return (
            <g key={`c${s}`} data-contract={s}>
              <polyline class="contract" fill="none" style={{ stroke: color }} stroke-width="1.5" stroke-dasharray="5 3" points={path} />
              <text x={width - pad.right + 4} y={y(Number(lastRate)) + 4} font-size="10" style={{ fill: color }}>
                {contractLabel(lastRate)}
              </text>
            </g>
          );
        })}
        {series.map((s, i) => {
          const pts = points.filter((p) => `${p.cardType}|${p.currency}` === s).sort((a, b) => a.month.localeCompare(b.month));
          const color = COLORS[i % COLORS.length]!;
          const [cardType, currency] = s.split('|') as [RatePoint['cardType'], string];
          return (
            <g key={s} data-series={s}>
              <polyline fill="none" style={{ stroke: color }} stroke-width="2" points={pts.map((p) => `${x(p.month)},${y(Number(p.ratePercent))}`).join(' ')} />
              {pts.map((p) => (
                <g key={p.month}>
                  <circle cx={x(p.month)} cy={y(Number(p.ratePercent))} r="4" style={{ fill: color }}>
                    <title>{`${p.month} ${cardName(cardType)} ${p.ratePercent}% (${p.count})`}</title>
                  </circle>
                  <text x={x(p.month) + 6} y={y(Number(p.ratePercent)) - 6} font-size="10" style={{ fill: color }} data-point-label>
                    {`${p.ratePercent}%`}
                  </text>
                </g>
              ))}
              <rect x={pad.left + i * 130} y={height - 16} width="10" height="10" style={{ fill: color }} />
              <text x={pad.left + i * 130 + 14} y={height - 7} font-size="11" class="c-text">
                {cardName(cardType)}
                {series.length > 1 && points.some((p) => p.currency !== currency) ? ` ${currency}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      {moreData && months.length < MIN_MONTHS && (
        <p class="muted" data-testid="sg-rate-chart-more-data">
          {moreData}
        </p>
      )}
    </div>
  );
}
