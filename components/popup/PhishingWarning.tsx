// The phishing guard in the toolbar popup (issue 14 item 10): the open page was assessed through
// activeTab (lib/services/sites.ts assessTab). A page imitating an acquirer's portal gets a clear
// warning with its reasons; on a site not enabled yet, Enable first asks the merchant to confirm,
// and the confirmed click both keeps the confirmation (so the page itself asks no more) and enables.
import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { describeImitation } from '../../lib/phishing';
import type { EnableOutcome, TabPhishing } from '../../lib/services/sites';

export interface PhishingWarningProps {
  locale: Locale;
  origin: string;
  phishing: TabPhishing;
  /** the site is not enabled (and the origin not confirmed): the warning carries the Enable button, behind a confirmation */
  offerEnable: boolean;
  enableSite: (origin: string) => Promise<EnableOutcome>;
  confirmImitation: (origin: string, brand: string) => Promise<void>;
  onEnabled: (outcome: EnableOutcome) => void;
  onError: (e: unknown) => void;
}

export function PhishingWarning({ locale, origin, phishing, offerEnable, enableSite, confirmImitation, onEnabled, onError }: PhishingWarningProps) {
  const [asking, setAsking] = useState(false);
  const { assessment, confirmed } = phishing;
  if (assessment.verdict !== 'imitation') return null;
  if (confirmed) {
    return (
      <p class="muted" data-testid="sg-popup-phishing-confirmed">
        {t(locale, 'popup.phishingConfirmed')}
      </p>
    );
  }
  const { warning, reasons } = describeImitation(locale, assessment);
  const brand = assessment.brand ?? '';
  return (
    <section class="block phish" role="alert" data-testid="sg-popup-phishing" data-brand={brand}>
      <p class="phish-warning">{warning}</p>
      <ul style="margin: 0 0 6px; padding-left: 18px;">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {!offerEnable && <p class="muted">{t(locale, 'phishing.held')}</p>}
      {offerEnable && !asking && (
        <button type="button" class="primary" data-testid="sg-popup-enable" onClick={() => setAsking(true)}>
          {t(locale, 'popup.enableSite')}
        </button>
      )}
      {offerEnable && asking && (
        <>
          <p data-testid="sg-popup-phishing-ask">{t(locale, 'popup.phishingEnableAsk', { origin })}</p>
          <button
            type="button"
            class="secondary"
            data-testid="sg-popup-enable-anyway"
            onClick={() => {
              // the confirmation's write starts first, so the script Enable starts finds it; Enable's
              // own first step is the permission request, still within this click (it needs the gesture)
              void confirmImitation(origin, brand).catch(onError);
              void enableSite(origin).then(onEnabled, onError);
            }}
          >
            {t(locale, 'popup.phishingEnableConfirm')}
          </button>
        </>
      )}
    </section>
  );
}
