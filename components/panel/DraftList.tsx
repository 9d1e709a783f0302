// Behind the Insert control: this site's dispute drafts (the background sends no other site's),
// newest first, each told apart by its label; the one picked is inserted into the page's
// complaint form by the overlay, through the background.
import { useState } from 'preact/hooks';
import type { DraftSummary } from '../../lib/messaging';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';

export interface DraftListProps {
  locale: Locale;
  drafts: DraftSummary[];
  onInsert: (draftId: string) => Promise<boolean>;
  onClose: () => void;
}

export function DraftList({ locale, drafts, onInsert, onClose }: DraftListProps) {
  const [failed, setFailed] = useState(false);
  const insert = async (id: string) => setFailed(!(await onInsert(id)));
  return (
    <section class="panel" role="dialog" aria-modal="false" aria-label={t(locale, 'overlay.pickDraft')}>
      <header>
        <h2>{t(locale, 'overlay.pickDraft')}</h2>
      </header>
      {/* scrolls when the list is long: focusable, so the keyboard can scroll it */}
      <div class="body" tabIndex={0}>
        {drafts.length === 0 ? (
          <p>{t(locale, 'overlay.noDraft')}</p>
        ) : (
          <ul class="list" aria-label={t(locale, 'overlay.pickDraft')}>
            {drafts.map((d) => (
              <li key={d.id}>
                <button type="button" onClick={() => void insert(d.id)}>
                  {d.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <footer>
        <span class="status failed" role="status">
          {failed ? t(locale, 'panel.noForm') : ''}
        </span>
        <button type="button" onClick={onClose}>
          {t(locale, 'action.close')}
        </button>
      </footer>
    </section>
  );
}
