// The in-row flag: what is wrong with this row, why (expected vs charged), and the Dispute control.
import type { StoredFinding } from '../../lib/model';
import { formatMoney } from '../../lib/i18n/format';
import { kindName, renderExplanation, t, type Locale } from '../../lib/i18n/messages';

export interface RowFlagProps {
  findings: StoredFinding[];
  locale: Locale;
  onDispute: () => void;
}

export function explainFinding(f: StoredFinding, locale: Locale): string {
  return renderExplanation(locale, f.explanation);
}

export function RowFlag({ findings, locale, onDispute }: RowFlagProps) {
  const severity = findings.some((f) => f.severity === 'overcharge') ? 'overcharge' : 'suspect';
  return (
    <span class="flag">
      {findings.map((f) => (
        <span key={f.id} class={`chip ${f.severity}`}>
          {kindName(locale, f.kind)}
          {f.atStake ? ` ${formatMoney(locale, f.atStake)}` : ''}
        </span>
      ))}
      <button type="button" class={severity === 'overcharge' ? 'primary' : ''} onClick={onDispute} aria-label={t(locale, 'action.dispute')}>
        {t(locale, 'action.dispute')}
      </button>
      <span class="tip" role="tooltip">
        {findings.map((f) => (
          <p key={f.id}>
            <b>{kindName(locale, f.kind)}</b>: {explainFinding(f, locale)}
          </p>
        ))}
      </span>
    </span>
  );
}

/** A quiet mark on a row whose finding is under dispute: no highlight, no Dispute control. */
export function DisputedFlag({ findings, rejected = false, locale }: { findings: StoredFinding[]; rejected?: boolean; locale: Locale }) {
  const title = findings.map((f) => explainFinding(f, locale)).join('\n');
  return (
    <span class="flag">
      <span class={rejected ? 'chip disputed rejected' : 'chip disputed'} title={rejected ? `${t(locale, 'overlay.disputeRejectedHint')}\n${title}` : title}>
        {t(locale, rejected ? 'overlay.disputeRejected' : 'overlay.disputed')}: {[...new Set(findings.map((f) => kindName(locale, f.kind)))].join('、')}
      </span>
    </span>
  );
}
