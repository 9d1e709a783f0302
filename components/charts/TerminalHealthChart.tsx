// Terminal health (issue 13 item 4, 检查POS机): for one month of one shop, each terminal's rate
// of duplicate swipes, reversals, voids and failed/declined transactions as bars, the shop's
// average as a dashed line across each column, and the terminal the rule finds out of line
// (lib/reconcile/terminal-stats.ts, the same judgement) in red with a note. One month is all it
// needs. Rates are percent strings; only pixel positions become numbers.
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { TERMINAL_METRICS, type TerminalHealthView, type TerminalMetric } from '../../lib/reconcile/terminal-stats';

const LABEL_W = 124,
  COL_W = 112,
  BAR_MAX = 64,
  ROW_H = 30,
  HEAD_H = 22,
  LEGEND_H = 24;

export function TerminalHealthChart({ view, locale }: { view: TerminalHealthView; locale: Locale }) {
  const title = t(locale, 'terminalHealth.title', { merchantId: view.merchantId, period: view.period });
  const width = LABEL_W + TERMINAL_METRICS.length * COL_W;
  const rowsH = view.terminals.length * ROW_H;
  const height = HEAD_H + rowsH + LEGEND_H;
  // each column scaled to its own largest rate (never below 1 %, so a clean column stays flat)
  const scale = Object.fromEntries(
    TERMINAL_METRICS.map((m) => [m, Math.max(1, Number(view.shop[m]), ...view.terminals.map((x) => Number(x.rates[m])))]),
  ) as Record<TerminalMetric, number>;
  const barW = (m: TerminalMetric, rate: string) => (Number(rate) / scale[m]) * BAR_MAX;
  const metricName = (m: TerminalMetric) => t(locale, `terminalMetric.${m}`);
  const shopAverage = t(locale, 'terminalHealth.shopAverage');
  return (
    <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`} class="chart" data-testid="sg-terminal-health">
      <title>{title}</title>
      <text x={0} y={14} font-size="11" font-weight="600" class="c-text">
        {t(locale, 'terminalHealth.terminal')}
      </text>
      {TERMINAL_METRICS.map((m, c) => (
        <text key={m} x={LABEL_W + c * COL_W} y={14} font-size="11" font-weight="600" class="c-text" data-metric={m}>
          {metricName(m)}
        </text>
      ))}
      {view.terminals.map((x, i) => {
        const y = HEAD_H + i * ROW_H;
        const bad = x.outOfLine.length > 0;
        return (
          <g key={x.terminalId} data-terminal={x.terminalId} data-out-of-line={bad ? 'true' : 'false'}>
            {bad && <rect x={0} y={y} width={width} height={ROW_H - 2} rx={3} class="c-bad-bg" />}
            <text x={4} y={y + 12} font-size="11" class={bad ? 'c-bad-text' : 'c-text'} font-weight={bad ? '600' : '400'}>
              {x.terminalId}
            </text>
            <text x={4} y={y + 24} font-size="9" class={bad ? 'c-bad-text' : 'c-axis'}>
              {bad ? t(locale, 'terminalHealth.checkThis') : t(locale, 'terminalHealth.transactions', { count: String(x.attempts) })}
            </text>
            {TERMINAL_METRICS.map((m, c) => {
              const x0 = LABEL_W + c * COL_W;
              const out = x.outOfLine.includes(m);
              return (
                <g key={m} data-metric={m} data-out-of-line={out ? 'true' : 'false'}>
                  <title>{`${x.terminalId} · ${metricName(m)} ${x.rates[m]}% (${x.counts[m]}/${x.attempts}) · ${shopAverage} ${view.shop[m]}%`}</title>
                  <rect x={x0} y={y + 8} width={Math.max(1, barW(m, x.rates[m]))} height={12} rx={2} class={out ? 'c-bad' : 'c-bar'} />
                  <text x={x0 + BAR_MAX + 4} y={y + 18} font-size="10" class={out ? 'c-bad-text' : 'c-axis'}>{`${x.rates[m]}%`}</text>
                </g>
              );
            })}
          </g>
        );
      })}
      {TERMINAL_METRICS.map((m, c) => {
        const xa = LABEL_W + c * COL_W + barW(m, view.shop[m]);
        return (
          <line key={m} data-shop-average={m} x1={xa} x2={xa} y1={HEAD_H - 2} y2={HEAD_H + rowsH} class="c-line" stroke-width="1" stroke-dasharray="3 2">
            <title>{`${shopAverage} · ${metricName(m)} ${view.shop[m]}%`}</title>
          </line>
        );
      })}
      <g transform={`translate(0 ${HEAD_H + rowsH + 8})`}>
        <line x1={0} x2={14} y1={6} y2={6} class="c-line" stroke-dasharray="3 2" />
        <text x={18} y={10} font-size="10" class="c-text">
          {shopAverage}
        </text>
        <rect x={110} y={1} width={10} height={10} class="c-bad" />
        <text x={124} y={10} font-size="10" class="c-text">
          {t(locale, 'terminalHealth.outOfLine')}
        </text>
      </g>
    </svg>
  );
}
