// The popup's way back to the welcome checklist (issue 15 item 1), shown until every step is done.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { getDb } from '../../lib/db';
import { loadChecklist, openWelcome } from '../../lib/services/onboarding';

export type LoadProgress = () => Promise<{ doneCount: number; total: number; complete: boolean }>;

// only inside the extension (a page test renders the popup without one): elsewhere nothing is shown
const fromStores: LoadProgress = async () => {
  if (!browser.runtime?.id) throw new Error('not in the extension');
  return loadChecklist(getDb());
};

export function GettingStartedLink({ locale, load = fromStores, open = openWelcome }: { locale: Locale; load?: LoadProgress; open?: () => Promise<void> }) {
  const [progress, setProgress] = useState<{ doneCount: number; total: number; complete: boolean } | null>(null);
  useEffect(() => {
    load().then(setProgress, () => setProgress(null));
  }, []);
  if (!progress || progress.complete) return null;
  return (
    <p class="getting-started">
      <button type="button" class="link" data-testid="sg-popup-getting-started" onClick={() => void open().then(() => window.close())}>
        {t(locale, 'popup.gettingStarted', { done: String(progress.doneCount), total: String(progress.total) })}
      </button>
    </p>
  );
}
