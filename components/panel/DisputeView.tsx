// The letter of one or more findings, inside the panel frame: what each finding is (the finding
// details), the draft (zh-CN / en, switchable), and what the merchant does with it. Previewing
// keeps nothing (issue 15 item 3); Copy, Insert into form and Mark as sent keep the dispute.
import { useEffect, useState } from 'preact/hooks';
import type { DisputeContext } from '../../lib/messaging';
import { kindName, renderExplanation, type Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { formatMoney } from '../../lib/i18n/format';
import { LetterLanguageToggle } from '../letters/LetterLanguageToggle';
import { useLetter } from '../letters/useLetter';
import { copyText } from '../overlay/clipboard';

export type LetterAction = 'copy' | 'insert' | 'sent';

export interface DisputeViewProps {
  context: DisputeContext;
  initialLocale: Locale;
  onClose: () => void;
  onDismiss: (findingId: string) => Promise<void>;
  /** keeps the dispute; for 'insert' also fills the page's complaint form; false when that failed */
  onAction: (action: LetterAction, draft: { locale: Locale; subject: string; text: string }) => Promise<boolean>;
}

type Status = { kind: 'idle' } | { kind: 'done' | 'failed'; message: string };

export function DisputeView({ context, initialLocale, onClose, onDismiss, onAction }: DisputeViewProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const draft = useLetter(context, locale);
  useEffect(() => setStatus({ kind: 'idle' }), [locale]);
  const letter = { locale, subject: draft.subject, text: draft.text };
  const act = async (action: LetterAction) => {
    if (action === 'copy' && !(await copyText(draft.text))) {
      setStatus({ kind: 'failed', message: t(locale, 'common.error', { message: 'clipboard' }) });
      return;
    }
    const ok = await onAction(action, letter);
    const done = action === 'copy' ? 'action.copied' : action === 'insert' ? 'overlay.insertDone' : 'panel.markedSent';
    setStatus(ok ? { kind: 'done', message: t(locale, done) } : { kind: 'failed', message: t(locale, action === 'insert' ? 'panel.noForm' : 'panel.notKept') });
  };
  return (
    <section class="panel" role="dialog" aria-modal="false" aria-label={t(locale, 'overlay.panelTitle')}>
      <header>
        <h2 id="sg-panel-title">{t(locale, 'overlay.panelTitle')}</h2>
        <LetterLanguageToggle uiLocale={locale} letterLocale={locale} onPick={setLocale} />
      </header>
      <div
        class="body"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it (axe scrollable-region-focusable)
        tabIndex={0}
        role="region"
        aria-labelledby="sg-panel-title"
      >
        <ul class="why" aria-label={t(locale, 'panel.findings')}>
          {context.findings.map((f) => (
            <li key={f.id}>
              <b>{kindName(locale, f.kind)}</b>
              {f.atStake ? ` · ${formatMoney(locale, f.atStake)}` : ''}: {renderExplanation(locale, f.explanation)}
            </li>
          ))}
        </ul>
        <p class="hint">{t(locale, 'panel.previewOnly')}</p>
        <strong>{draft.subject}</strong>
        <pre data-testid="sg-dispute-text">{draft.text}</pre>
      </div>
      <footer>
        <span class={status.kind === 'failed' ? 'status failed' : 'status'} role="status">
          {status.kind === 'idle' ? '' : status.message}
        </span>
        {context.findings.length === 1 && (
          <button type="button" onClick={() => void onDismiss(context.findings[0]!.id)}>
            {t(locale, 'action.dismiss')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t(locale, 'action.close')}
        </button>
        <button type="button" onClick={() => void act('sent')}>
          {t(locale, 'dispute.markSent')}
        </button>
        <button type="button" onClick={() => void act('insert')}>
          {t(locale, 'action.insert')}
        </button>
        <button type="button" class="primary" onClick={() => void act('copy')}>
          {t(locale, 'action.copy')}
        </button>
      </footer>
    </section>
  );
}
