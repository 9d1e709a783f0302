// Follow-up reminders: when an acquirer's answer is overdue, a browser notification says so,
// at most once a day per dispute (DOMAIN.md §4: wait and follow up, then escalate).
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { resolveLocale } from '../i18n/messages';
import { t } from '../i18n/pages';
import { disputesToRemind, markReminded } from './disputes';
import { todayIso } from './notify';
import { loadSettings } from './settings';

export const REMINDER_ALARM = 'sg-dispute-followups';

export async function remindOverdueDisputes(): Promise<number> {
  const db = getDb();
  const today = todayIso();
  const due = await disputesToRemind(db, today);
  if (!due.length) return 0;
  const settings = await loadSettings(db);
  const locale = resolveLocale(settings.language, browser.i18n.getUILanguage());
  for (const { dispute, next } of due) {
    await browser.notifications.create(`sg-dispute:${dispute.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t(locale, 'dispute.reminderTitle'),
      message: t(locale, 'dispute.reminderBody', {
        subject: dispute.subject,
        next: t(locale, `dispute.next.${next.action}`, { date: next.followUpOn ?? next.dueOn ?? '' }),
      }),
    });
  }
  await markReminded(
    db,
    due.map((d) => d.dispute.id),
    today,
  );
  return due.length;
}

export function scheduleReminders(): void {
  void browser.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: 6 * 60 });
}
