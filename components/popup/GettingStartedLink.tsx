// The popup's way back to the welcome checklist (issue 15 item 1), shown until every step is done.
import { browser } from 'wxt/browser';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { getDb } from '../../lib/db';
import { loadChecklist, openWelcome } from '../../lib/services/onboarding';

export interface ChecklistProgress {
  doneCount: number;
  total: number;
  complete: boolean;
}
export type LoadProgress = () => Promise<ChecklistProgress>;

// only inside the extension (a page test renders the popup without one): elsewhere nothing is shown
export const progressFromStores: LoadProgress = async () => {
  if (!browser.runtime?.id) throw new Error('not in the extension');
  return loadChecklist(getDb());
};

/** The popup loads the progress with its figures, so the link never appears late and pushes the
 * buttons below it away from under the merchant's pointer. */
export function GettingStartedLink({
  locale,
  progress,
  open = openWelcome,
}: {
  locale: Locale;
  progress: ChecklistProgress | null;
  open?: () => Promise<void>;
}) {
  if (!progress || progress.complete) return null;
  return (
    <p class="getting-started">
      <button type="button" class="link" data-testid="sg-popup-getting-started" onClick={() => void open().then(() => window.close())}>
        {t(locale, 'popup.gettingStarted', { done: String(progress.doneCount), total: String(progress.total) })}
      </button>
    </p>
  );
}
