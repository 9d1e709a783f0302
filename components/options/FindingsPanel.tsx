// Findings: every finding with its explanation, money at stake and the merchant's decision.
import { useState } from 'preact/hooks';
import type { FindingStatus, StoredFinding } from '../../lib/model';
import { formatMoney } from '../../lib/money';
import { kindName, renderExplanation, severityName, type Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import type { FindingSummary } from '../../lib/services/findings';
import { BarChart } from '../charts/BarChart';
import { RateChart } from '../charts/RateChart';
import { TerminalHealthChart } from '../charts/TerminalHealthChart';
import type { OptionsData } from '../../lib/services/options';

export interface FindingsActions {
  setStatus: (id: string, status: FindingStatus) => Promise<void>;
  openDispute: (ids: string[]) => void;
}

type Evidence = OptionsData['evidence'];

/** The rows and bank lines behind one finding, as the merchant reviews them. */
function EvidenceRows({ locale, finding, evidence }: { locale: Locale; finding: StoredFinding; evidence: Evidence }) {
  const txs = finding.transactionIds.map((id) => evidence.transactions[id]).filter((x) => x !== undefined);
  const lines = finding.statementLineIds.map((id) => evidence.statementLines[id]).filter((x) => x !== undefined);
  return (
    <div class="evidence">
      {txs.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t(locale, 'evidence.time')}</th>
              <th>{t(locale, 'evidence.kind')}</th>
              <th>{t(locale, 'evidence.amount')}</th>
              <th>{t(locale, 'evidence.fee')}</th>
              <th>{t(locale, 'evidence.rrn')}</th>
              <th>{t(locale, 'evidence.terminal')}</th>
              <th>{t(locale, 'evidence.card')}</th>
              <th>{t(locale, 'evidence.source')}</th>
            </tr>
          </thead>
          <tbody>
            {txs.map((x) => (
              <tr key={x.id}>
                <td>{x.occurredAt.replace('T', ' ')}</td>
                <td>{x.kind}</td>
                <td class="num">{formatMoney(x.amount)}</td>
                <td class="num">{x.fee ? formatMoney(x.fee) : '—'}</td>
                <td>{x.rrn ?? x.voucherNo ?? x.orderNo ?? '—'}</td>
                <td>{x.terminalId ?? '—'}</td>
                <td>{[x.cardBin, x.cardLast4].filter(Boolean).join('…') || '—'}</td>
                <td class="muted">
                  {x.evidence.url} · {x.evidence.capturedAt.slice(0, 16).replace('T', ' ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lines.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t(locale, 'evidence.bookedOn')}</th>
              <th>{t(locale, 'evidence.amount')}</th>
              <th>{t(locale, 'evidence.description')}</th>
              <th>{t(locale, 'evidence.source')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <td>{l.bookedOn}</td>
                <td class="num">{formatMoney(l.amount)}</td>
                <td>{[l.description, l.counterparty, l.reference].filter(Boolean).join(' · ')}</td>
                <td class="muted">
                  {l.source.file}:{l.source.line}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function FindingsPanel({
  locale,
  findings,
  summary,
  evidence,
  rates,
  terminals = [],
  actions,
}: {
  locale: Locale;
  findings: StoredFinding[];
  summary: FindingSummary;
  evidence: Evidence;
  rates: OptionsData['rates'];
  terminals?: OptionsData['terminals'];
  actions: FindingsActions;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [filter, setFilter] = useState<FindingStatus | 'all'>('open');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const shown = findings.filter((f) => filter === 'all' || f.status === filter);
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const bars = summary.byKind.filter((k) => k.atStake.length).map((k) => ({ label: kindName(locale, k.kind), value: k.atStake[0]!, count: k.count }));
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">{t(locale, 'findings.title')}</h2>
      {bars.length > 0 && <BarChart bars={bars} title={t(locale, 'popup.moneyAtStake')} width={520} />}
      {rates.length > 0 && (
        <figure class="trend">
          <figcaption>{t(locale, 'findings.rateTrend')}</figcaption>
          <RateChart points={rates} title={t(locale, 'findings.rateTrend')} cardName={(c) => t(locale, `cardType.${c}`)} />
        </figure>
      )}
      {terminals
        .filter((v) => v.terminals.length > 0)
        .map((v) => (
          <figure class="trend" key={`${v.merchantId ?? ''}|${v.period}`}>
            <figcaption>{t(locale, 'terminalHealth.title', { merchantId: v.merchantId, period: v.period })}</figcaption>
            <TerminalHealthChart view={v} locale={locale} />
          </figure>
        ))}
      <div class="toolbar">
        <label>
          {t(locale, 'findings.status')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as FindingStatus | 'all')}>
            {(['open', 'dismissed', 'disputed', 'resolved'] as const).map((s) => (
              <option key={s} value={s}>
                {t(locale, `findings.status.${s}`)}
              </option>
            ))}
            <option value="all">{t(locale, 'action.showAll')}</option>
          </select>
        </label>
        <button type="button" disabled={!selected.size} onClick={() => actions.openDispute([...selected])}>
          {t(locale, 'action.dispute')} ({selected.size})
        </button>
      </div>
      {shown.length === 0 ? (
        <p class="muted">{t(locale, 'findings.empty')}</p>
      ) : (
        <table class="findings" data-testid="sg-findings">
          <thead>
            <tr>
              <th></th>
              <th>{t(locale, 'findings.kind')}</th>
              <th>{t(locale, 'findings.severity')}</th>
              <th>{t(locale, 'findings.atStake')}</th>
              <th>{t(locale, 'findings.explanation')}</th>
              <th>{t(locale, 'findings.status')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => [
              <tr key={f.id} data-finding-kind={f.kind}>
                <td>
                  <input type="checkbox" checked={selected.has(f.id)} onChange={() => toggle(f.id)} aria-label={kindName(locale, f.kind)} />
                </td>
                <td>{kindName(locale, f.kind)}</td>
                <td>{severityName(locale, f.severity)}</td>
                <td class="num">{f.atStake ? formatMoney(f.atStake) : '—'}</td>
                <td>{renderExplanation(locale, f.explanation)}</td>
                <td>
                  {t(locale, `findings.status.${f.status}`)}
                  {f.statusAt ? ` · ${f.statusAt.slice(0, 10)}` : ''}
                </td>
                <td class="row-actions">
                  <button type="button" onClick={() => actions.openDispute([f.id])}>
                    {t(locale, 'action.dispute')}
                  </button>
                  {f.status === 'open' ? (
                    <button type="button" onClick={() => void actions.setStatus(f.id, 'dismissed')}>
                      {t(locale, 'action.dismiss')}
                    </button>
                  ) : (
                    <button type="button" onClick={() => void actions.setStatus(f.id, 'open')}>
                      {t(locale, 'action.restore')}
                    </button>
                  )}
                  <button type="button" aria-expanded={open === f.id} onClick={() => setOpen(open === f.id ? null : f.id)}>
                    {t(locale, 'findings.evidence')}
                  </button>
                </td>
              </tr>,
              open === f.id ? (
                <tr key={`${f.id}:e`}>
                  <td colSpan={7}>
                    <EvidenceRows locale={locale} finding={f} evidence={evidence} />
                  </td>
                </tr>
              ) : null,
            ])}
          </tbody>
        </table>
      )}
    </section>
  );
}
