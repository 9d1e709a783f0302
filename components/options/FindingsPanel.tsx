// Findings: every finding with its explanation, money at stake and the merchant's decision.
import { useState } from 'preact/hooks';
import type { FindingStatus, StoredFinding } from '../../lib/model';
import { formatMoney } from '../../lib/money';
import { kindName, renderExplanation, severityName, t, type Locale } from '../../lib/i18n/messages';
import type { FindingSummary } from '../../lib/services/findings';
import { BarChart } from '../charts/BarChart';

export interface FindingsActions {
  setStatus: (id: string, status: FindingStatus) => Promise<void>;
  openDispute: (ids: string[]) => void;
}

export function FindingsPanel({ locale, findings, summary, actions }: { locale: Locale; findings: StoredFinding[]; summary: FindingSummary; actions: FindingsActions }) {
  const [filter, setFilter] = useState<FindingStatus | 'all'>('open');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const shown = findings.filter((f) => filter === 'all' || f.status === filter);
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const bars = summary.byKind.filter((k) => k.atStake.length).map((k) => ({ label: kindName(locale, k.kind), value: k.atStake[0]!, count: k.count }));
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">{t(locale, 'findings.title')}</h2>
      {bars.length > 0 && <BarChart bars={bars} title={t(locale, 'popup.moneyAtStake')} width={520} />}
      <div class="toolbar">
        <label>{t(locale, 'findings.status')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as FindingStatus | 'all')}>
            {(['open', 'dismissed', 'disputed', 'resolved'] as const).map((s) => <option key={s} value={s}>{t(locale, `findings.status.${s}`)}</option>)}
            <option value="all">{t(locale, 'action.showAll')}</option>
          </select>
        </label>
        <button type="button" disabled={!selected.size} onClick={() => actions.openDispute([...selected])}>{t(locale, 'action.dispute')} ({selected.size})</button>
      </div>
      {shown.length === 0 ? <p class="muted">{t(locale, 'findings.empty')}</p> : (
        <table class="findings" data-testid="sg-findings">
          <thead><tr><th></th><th>{t(locale, 'findings.kind')}</th><th>{t(locale, 'findings.severity')}</th><th>{t(locale, 'findings.atStake')}</th><th>{t(locale, 'findings.explanation')}</th><th>{t(locale, 'findings.status')}</th><th></th></tr></thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.id} data-finding-kind={f.kind}>
                <td><input type="checkbox" checked={selected.has(f.id)} onChange={() => toggle(f.id)} aria-label={kindName(locale, f.kind)} /></td>
                <td>{kindName(locale, f.kind)}</td>
                <td>{severityName(locale, f.severity)}</td>
                <td class="num">{f.atStake ? formatMoney(f.atStake) : '—'}</td>
                <td>{renderExplanation(locale, f.explanation)}</td>
                <td>{t(locale, `findings.status.${f.status}`)}{f.statusAt ? ` · ${f.statusAt.slice(0, 10)}` : ''}</td>
                <td class="row-actions">
                  <button type="button" onClick={() => actions.openDispute([f.id])}>{t(locale, 'action.dispute')}</button>
                  {f.status === 'open'
                    ? <button type="button" onClick={() => void actions.setStatus(f.id, 'dismissed')}>{t(locale, 'action.dismiss')}</button>
                    : <button type="button" onClick={() => void actions.setStatus(f.id, 'open')}>{t(locale, 'action.restore')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
