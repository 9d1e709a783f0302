// The dispute panel: the draft (zh-CN / en, switchable), Copy, and the merchant's decisions.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DisputeContext } from '../../lib/messaging';
import { renderDispute } from '../../lib/disputes/render';
import { DEFAULT_TEMPLATES } from '../../lib/disputes/templates';
import { t, type Locale } from '../../lib/i18n/messages';
import { copyText } from './clipboard';

export interface DisputePanelProps {
  context: DisputeContext;
  initialLocale: Locale;
  onClose: () => void;
  onDismiss: (findingId: string) => void;
  onDraft: (draft: { locale: Locale; subject: string; text: string }) => void;
}

export function DisputePanel({ context, initialLocale, onClose, onDismiss, onDraft }: DisputePanelProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const draft = useMemo(
    () =>
      renderDispute(
        {
          findings: context.findings,
          transactions: context.transactions,
          statementLines: context.statementLines,
          merchant: context.merchant,
          contractLabel: context.contractLabel,
          asOf: context.asOf,
        },
        locale,
        context.templates?.[locale] ?? DEFAULT_TEMPLATES[locale],
      ),
    [context, locale],
  );
  useEffect(() => {
    onDraft({ locale, subject: draft.subject, text: draft.text });
  }, [draft]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const copy = async () => setCopied((await copyText(draft.text)) ? 'ok' : 'failed');
  return (
    <section class="panel" role="dialog" aria-modal="false" aria-label={t(locale, 'overlay.panelTitle')}>
      <header>
        <h2>{t(locale, 'overlay.panelTitle')}</h2>
        <span class="lang" role="group" aria-label={t(locale, 'dispute.letterLanguage')}>
          <button type="button" aria-pressed={locale === 'zh-CN'} onClick={() => setLocale('zh-CN')}>
            中文
          </button>
          <button type="button" aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>
            English
          </button>
        </span>
      </header>
      <div class="body">
        <strong>{draft.subject}</strong>
        <pre data-testid="sg-dispute-text">{draft.text}</pre>
      </div>
      <footer>
        <span class="status" role="status">
          {copied === 'ok' ? t(locale, 'action.copied') : copied === 'failed' ? t(locale, 'common.error', { message: 'clipboard' }) : ''}
        </span>
        {context.findings.length === 1 && (
          <button type="button" onClick={() => onDismiss(context.findings[0]!.id)}>
            {t(locale, 'action.dismiss')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t(locale, 'action.close')}
        </button>
        <button type="button" class="primary" onClick={copy}>
          {t(locale, 'action.copy')}
        </button>
      </footer>
    </section>
  );
}
