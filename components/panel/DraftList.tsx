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
        <h2 id="sg-drafts-title">{t(locale, 'overlay.pickDraft')}</h2>
      </header>
      <div
        class="body"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it (axe scrollable-region-focusable)
        tabIndex={0}
        role="region"
        aria-labelledby="sg-drafts-title"
      >
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
