// The effective rate per card type over the months: a silent rate rise shows as a step.
// Rates are decimal strings; only the plotted position becomes a number.
import type { RatePoint } from '../../lib/trends';

const COLORS = ['#1570ef', '#d92d20', '#067647', '#dc6803', '#6938ef', '#475467'];

export function RateChart({
  points,
  title,
  cardName,
  width = 520,
  height = 180,
}: {
  points: RatePoint[];
  title: string;
  cardName: (c: RatePoint['cardType']) => string;
  width?: number;
  height?: number;
}) {
  const months = [...new Set(points.map((p) => p.month))].sort();
  const series = [...new Set(points.map((p) => `${p.cardType}|${p.currency}`))];
  if (months.length === 0) return null;
  const rates = points.map((p) => Number(p.ratePercent));
  const max = Math.max(...rates) * 1.15 || 1;
  const pad = { left: 44, right: 12, top: 12, bottom: 40 };
  const plotW = width - pad.left - pad.right,
    plotH = height - pad.top - pad.bottom;
  const x = (m: string) => pad.left + (months.length === 1 ? plotW / 2 : (months.indexOf(m) / (months.length - 1)) * plotW);
  const y = (r: number) => pad.top + plotH - (r / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`} class="chart" data-testid="sg-rate-chart">
      <title>{title}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke="#eaecf0" />
          <text x={pad.left - 4} y={y(t) + 4} font-size="10" text-anchor="end" fill="#667085">
            {t.toFixed(2)}%
          </text>
        </g>
      ))}
      {months.map((m) => (
        <text key={m} x={x(m)} y={height - pad.bottom + 14} font-size="10" text-anchor="middle" fill="#667085">
          {m}
        </text>
      ))}
      {series.map((s, i) => {
        const pts = points.filter((p) => `${p.cardType}|${p.currency}` === s).sort((a, b) => a.month.localeCompare(b.month));
        const color = COLORS[i % COLORS.length]!;
        const [cardType, currency] = s.split('|') as [RatePoint['cardType'], string];
        return (
          <g key={s}>
            <polyline fill="none" stroke={color} stroke-width="2" points={pts.map((p) => `${x(p.month)},${y(Number(p.ratePercent))}`).join(' ')} />
            {pts.map((p) => (
              <circle key={p.month} cx={x(p.month)} cy={y(Number(p.ratePercent))} r="3" fill={color}>
                <title>{`${p.month} ${cardName(cardType)} ${p.ratePercent}% (${p.count})`}</title>
              </circle>
            ))}
            <rect x={pad.left + i * 120} y={height - 16} width="10" height="10" fill={color} />
            <text x={pad.left + i * 120 + 14} y={height - 7} font-size="11" fill="#344054">
              {cardName(cardType)}
              {series.length > 1 && points.some((p) => p.currency !== currency) ? ` ${currency}` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
