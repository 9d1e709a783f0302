// "Insert into form": next to a complaint textarea, opens the panel frame with this site's
// dispute drafts. The drafts are listed and picked inside the frame, never in the page: the
// one picked comes back through the background and fills this textarea (form-fill.ts).
import { t, type Locale } from '../../lib/i18n/messages';

export interface InsertControlProps {
  locale: Locale;
  onOpen: () => void;
}

export function InsertControl({ locale, onOpen }: InsertControlProps) {
  return (
    <span class="flag">
      <button type="button" class="primary" onClick={onOpen} aria-label={t(locale, 'action.insert')}>
        {t(locale, 'action.insert')}
      </button>
    </span>
  );
}
