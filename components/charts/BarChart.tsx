// A small horizontal bar chart in SVG: money at stake by finding kind. Money stays a Decimal;
// only the bar width (a pixel length) becomes a number.
import type { MoneyJson } from '../../lib/model';
import { Dec, amountOf, formatMoney } from '../../lib/money';

export interface Bar {
  label: string;
  value: MoneyJson;
  count: number;
}

export function BarChart({ bars, title, width = 300 }: { bars: Bar[]; title: string; width?: number }) {
  const labelWidth = 110,
    valueWidth = 84,
    rowHeight = 22;
  const max = bars.reduce((m, b) => Dec.max(m, amountOf(b.value).abs()), new Dec(0));
  const plot = width - labelWidth - valueWidth;
  const height = bars.length * rowHeight + 4;
  return (
    <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`} class="chart">
      <title>{title}</title>
      {bars.map((b, i) => {
        const ratio = max.isZero() ? new Dec(0) : amountOf(b.value).abs().div(max);
        const w = Math.max(2, ratio.mul(plot).toDecimalPlaces(1).toNumber());
        const y = i * rowHeight + 2;
        return (
          <g key={b.label}>
            <text x={0} y={y + 14} font-size="11" fill="#475467">
              {b.label.length > 12 ? `${b.label.slice(0, 11)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} rx={3} fill="#d92d20" />
            <text x={labelWidth + w + 4} y={y + 14} font-size="11" fill="#101828">
              {formatMoney(b.value)} ×{b.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
