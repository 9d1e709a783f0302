// "Insert into form": next to a complaint textarea, fills it with the latest dispute draft or
// one picked from a short list.
import { useState } from 'preact/hooks';
import type { DraftSummary } from '../../lib/messaging';
import { t, type Locale } from '../../lib/i18n/messages';

export interface InsertControlProps {
  locale: Locale;
  loadDrafts: () => Promise<DraftSummary[]>;
  onInsert: (text: string) => void;
}

export function InsertControl({ locale, loadDrafts, onInsert }: InsertControlProps) {
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [message, setMessage] = useState('');
  const open = async () => {
    const list = await loadDrafts();
    if (list.length === 0) {
      setMessage(t(locale, 'overlay.noDraft'));
      return;
    }
    if (list.length === 1) {
      onInsert(list[0]!.text);
      setMessage(t(locale, 'overlay.insertDone'));
      return;
    }
    setDrafts(list);
  };
  return (
    <span class="flag">
      <button type="button" class="primary" onClick={open} aria-label={t(locale, 'action.insert')}>
        {t(locale, 'action.insert')}
      </button>
      {message && <span role="status"> {message}</span>}
      {drafts && (
        <ul class="list" aria-label={t(locale, 'overlay.pickDraft')}>
          {drafts.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                onClick={() => {
                  onInsert(d.text);
                  setDrafts(null);
                  setMessage(t(locale, 'overlay.insertDone'));
                }}
              >
                {d.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
