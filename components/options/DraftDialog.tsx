// A dispute letter on the options page (issue 15 items 2–3). Showing it keeps nothing: the
// dispute is created when the merchant copies the letter or marks it sent. A letter missing the
// merchant's details is not shown at all; the details are asked for inline first.
import { useEffect, useState } from 'preact/hooks';
import type { MerchantDetails } from '../../lib/db';
import type { DisputeContext } from '../../lib/messaging';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { LetterLanguageToggle } from '../letters/LetterLanguageToggle';
import { useLetter } from '../letters/useLetter';
import { copyText } from '../overlay/clipboard';
import { MerchantDetailsForm } from './MerchantDetailsForm';

export interface DraftDialogProps {
  context: DisputeContext;
  /** the page's language: the dialog's own words; the letter's language can be switched */
  locale: Locale;
  onClose: () => void;
  onDismiss: (findingId: string) => void;
  /** stores the details; the caller then passes a context with them */
  saveMerchant: (details: MerchantDetails) => Promise<void>;
  /** creates (or updates) the dispute; resolves to its id */
  record: (draft: { locale: Locale; subject: string; text: string }) => Promise<string>;
  /** marks the recorded dispute sent; an error message or null */
  markSent: (id: string) => Promise<string | null>;
}

export function DraftDialog({ context, locale, onClose, onDismiss, saveMerchant, record, markSent }: DraftDialogProps) {
  const [letterLocale, setLetterLocale] = useState<Locale>(locale);
  const [status, setStatus] = useState('');
  const draft = useLetter(context, letterLocale);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const keep = () => record({ locale: letterLocale, subject: draft.subject, text: draft.text });
  const copy = async () => {
    const copied = await copyText(draft.text);
    if (!copied) {
      setStatus(t(locale, 'draft.copyFailed'));
      return;
    }
    await keep();
    setStatus(`${t(locale, 'action.copied')} ${t(locale, 'draft.recorded')}`);
  };
  const sent = async () => {
    const error = await markSent(await keep());
    setStatus(error ?? `${t(locale, 'dispute.status.sent')} — ${t(locale, 'draft.recorded')}`);
  };
  const asking = draft.missing.length > 0;
  return (
    <section class="panel" role="dialog" aria-modal="false" aria-labelledby="sg-draft-title" data-testid="sg-draft-dialog">
      {/* the dialog's own heading row, not a second banner of the page (axe landmark-no-duplicate-banner) */}
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: header is no control; role none keeps it out of the landmarks */}
      <header role="none">
        <h2 id="sg-draft-title">{t(locale, asking ? 'merchantForm.title' : 'overlay.panelTitle')}</h2>
        {!asking && <LetterLanguageToggle uiLocale={locale} letterLocale={letterLocale} onPick={setLetterLocale} />}
      </header>
      <div
        class="body"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it (axe scrollable-region-focusable)
        tabIndex={0}
        role="region"
        aria-labelledby="sg-draft-title"
      >
        {asking ? (
          <MerchantDetailsForm locale={locale} initial={context.merchant} fields={draft.missing} submit="saveAndShow" onSave={saveMerchant} />
        ) : (
          <>
            <p class="muted" data-testid="sg-draft-preview-note">
              {t(locale, 'draft.previewNote')}
            </p>
            <strong>{draft.subject}</strong>
            <pre data-testid="sg-dispute-text">{draft.text}</pre>
          </>
        )}
      </div>
      <footer>
        <span class="status" role="status" data-testid="sg-draft-status">
          {status}
        </span>
        {context.findings.length === 1 && (
          <button type="button" onClick={() => onDismiss(context.findings[0]!.id)}>
            {t(locale, 'action.dismiss')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t(locale, 'action.close')}
        </button>
        {!asking && (
          <>
            <button type="button" data-testid="sg-draft-mark-sent" onClick={() => void sent()}>
              {t(locale, 'dispute.markSent')}
            </button>
            <button type="button" class="primary" data-testid="sg-draft-copy" onClick={() => void copy()}>
              {t(locale, 'action.copy')}
            </button>
          </>
        )}
      </footer>
    </section>
  );
}
