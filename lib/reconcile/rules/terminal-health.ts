// 终端健康 (检查POS机) — Terminal health (issue 13 item 4): a terminal whose duplicate swipes,
// reversals (冲正), voids (撤销) or failed/declined transactions are out of line with the shop's
// other terminals in the same month (or, without other terminals, with its own earlier months)
// gets one `info` note pointing at the device. No money is at stake: the costs of a bad terminal
// (double charges, lost sales) are other findings' business. The test is in terminal-stats.ts.
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { findingId, makeFinding } from '../finding';
import { positionOf } from '../row-index';
import { judgeTerminal, percentOf, terminalMonths, terminalMonthsOfIndex, type Judgement, type TerminalMonth } from '../terminal-stats';

export const terminalHealth: Rule = {
  kind: 'terminal_health',
  run(ctx) {
    const duplicate = new Uint8Array(ctx.rows.count);
    for (const c of ctx.duplicates())
      for (const d of c.duplicates) {
        const at = positionOf(ctx.rows, d.txn);
        if (at >= 0) duplicate[at] = 1;
      }
    const months =
      terminalMonthsOfIndex(ctx.rows, duplicate) ??
      terminalMonths(ctx.transactions, new Set(ctx.duplicates().flatMap((c) => c.duplicates.map((d) => d.txn.id))));
    // one note per terminal: its latest month out of line (months come in period order), about
    // the metric that stands out most, with the rows of every metric out of line that month
    const latest = new Map<string, { m: TerminalMonth; judged: Judgement[] }>();
    for (const m of months) {
      const judged = judgeTerminal(m, months);
      if (judged.length > 0) latest.set(`${m.merchantKey}|${m.terminalKey}`, { m, judged });
    }
    const out: Finding[] = [];
    for (const [terminal, { m, judged }] of latest) {
      const j = judged[0]!;
      const baseline = percentOf(j.baselineCount, j.baselineAttempts);
      const f = makeFinding('terminal_health', {
        severity: 'info',
        transactionIds: judged.flatMap((x) => m.events[x.metric]),
        params: {
          terminalId: m.terminalId,
          merchantId: m.merchantId,
          period: m.period,
          metric: j.metric,
          count: String(j.count),
          attempts: String(j.attempts),
          rate: percentOf(j.count, j.attempts),
          basis: j.basis,
          othersRate: j.basis === 'peers' ? baseline : undefined,
          pastRate: j.basis === 'past' ? baseline : undefined,
          baselineCount: String(j.baselineCount),
          baselineAttempts: String(j.baselineAttempts),
          alsoOutOfLine:
            judged.length > 1
              ? judged
                  .slice(1)
                  .map((x) => x.metric)
                  .join(',')
              : undefined,
        },
      });
      // the id names the terminal and the month, not the rows: a reversal captured later in the
      // same month keeps the note (and the merchant's decision on it); a new month out of line
      // is a new note
      f.id = findingId('terminal_health', { transactionIds: [], discriminator: `${terminal}|${m.period}` });
      out.push(f);
    }
    return out;
  },
};
