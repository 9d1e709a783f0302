// A small horizontal bar chart in SVG: money at stake by finding kind, labels whole. Money stays a Decimal;
// only the bar width (a pixel length) becomes a number.
import type { MoneyJson } from '../../lib/model';
import { formatMoney, type FormatLocale } from '../../lib/i18n/format';
import { Dec, amountOf } from '../../lib/money';

export interface Bar {
  label: string;
  value: MoneyJson;
  count: number;
}

/** Rough rendered width of a label at 11 px: CJK characters are about twice as wide as Latin ones. */
function labelPixels(label: string): number {
  let w = 0;
  for (const ch of label) w += ch.charCodeAt(0) > 0x2e80 ? 11 : 6.2;
  return w;
}

export function BarChart({ bars, title, locale, width = 300 }: { bars: Bar[]; title: string; locale: FormatLocale; width?: number }) {
  // the label column fits the longest label (English kind names are long): never cut
  const labelWidth = Math.ceil(Math.min(width / 2, Math.max(60, ...bars.map((b) => labelPixels(b.label)))) + 8),
    valueWidth = 110,
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
            <text x={0} y={y + 14} font-size="11" class="c-axis">
              {b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} rx={3} class="c-bad" />
            <text x={labelWidth + w + 4} y={y + 14} font-size="11" class="c-text">
              {formatMoney(locale, b.value)} ×{b.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
