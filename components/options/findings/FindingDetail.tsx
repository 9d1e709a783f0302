// One finding in full, beside the table: why it was raised, its status, and the rows and bank
// lines behind it, read when the merchant opens it (the table itself reads no rows).
import { useEffect, useState } from 'preact/hooks';
import type { ListedFinding } from '../../../lib/store-summary';
import type { FindingEvidence } from '../../../lib/services/dashboard';
import { formatDateTime, formatInstant, formatMoney } from '../../../lib/i18n/format';
import { kindName, renderExplanation, severityName, type Locale } from '../../../lib/i18n/messages';
import { t } from '../../../lib/i18n/pages';

export type { FindingEvidence };

/** The rows and bank lines behind one finding, as the merchant reviews them. */
function EvidenceRows({ locale, evidence }: { locale: Locale; evidence: FindingEvidence }) {
  // in the finding's own order (findingEvidence keeps it)
  const txs = Object.values(evidence.transactions);
  const lines = Object.values(evidence.statementLines);
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
                <td>{formatDateTime(locale, x.occurredAt)}</td>
                <td>{t(locale, `txnKind.${x.kind}`)}</td>
                <td class="num">{formatMoney(locale, x.amount)}</td>
                <td class="num">{x.fee ? formatMoney(locale, x.fee) : '—'}</td>
                <td>{x.rrn ?? x.voucherNo ?? x.orderNo ?? '—'}</td>
                <td>{x.terminalId ?? '—'}</td>
                <td>{[x.cardBin, x.cardLast4].filter(Boolean).join('…') || '—'}</td>
                <td class="muted">{t(locale, 'evidence.seenAt', { url: x.evidence.url, time: formatInstant(locale, x.evidence.capturedAt) })}</td>
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
                <td class="num">{formatMoney(locale, l.amount)}</td>
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

export function FindingDetail({
  locale,
  finding,
  loadEvidence,
  onClose,
}: {
  locale: Locale;
  finding: ListedFinding;
  loadEvidence: (f: ListedFinding) => Promise<FindingEvidence>;
  onClose: () => void;
}) {
  const [evidence, setEvidence] = useState<FindingEvidence | null>(null);
  useEffect(() => {
    let live = true;
    setEvidence(null);
    loadEvidence(finding).then(
      (e) => live && setEvidence(e),
      () => live && setEvidence({ transactions: {}, statementLines: {} }),
    );
    return () => {
      live = false;
    };
  }, [finding.id]);
  return (
    <section class="finding-detail" aria-labelledby="finding-detail-title" data-testid="sg-finding-detail">
      <h3 id="finding-detail-title">
        {kindName(locale, finding.kind)} · {severityName(locale, finding.severity)}
        {finding.atStake ? ` · ${formatMoney(locale, finding.atStake)}` : ''}
      </h3>
      <p>{renderExplanation(locale, finding.explanation)}</p>
      <p class="muted">
        {t(locale, `findings.status.${finding.status}`)}
        {finding.statusAt ? ` · ${formatInstant(locale, finding.statusAt)}` : ''}
      </p>
      {evidence ? <EvidenceRows locale={locale} evidence={evidence} /> : <p class="muted">…</p>}
      <button type="button" onClick={onClose}>
        {t(locale, 'action.close')}
      </button>
    </section>
  );
}
