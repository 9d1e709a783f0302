// The popup's word about a table the content script could not read on this site's open page
// (issue 12 "Bad input"): which columns it could not place, and the Teach columns action that
// sits under that table on the page. Column names come from the page: rendered as text only.
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { sessionArea, unreadTablesOf, type UnreadTablesReport } from '../../lib/services/capture';

export type LoadUnread = (origin: string) => Promise<UnreadTablesReport | null>;

// async, so that a missing storage API (outside the extension) is a rejection, shown as nothing
const fromSession: LoadUnread = async (origin) => unreadTablesOf(sessionArea(), origin);

export function UnreadTablesNote({ origin, locale, load = fromSession }: { origin: string; locale: Locale; load?: LoadUnread }) {
  const [report, setReport] = useState<UnreadTablesReport | null>(null);
  useEffect(() => {
    load(origin).then(setReport, () => setReport(null));
  }, [origin]);
  if (!report) return null;
  const columns = [...new Set(report.tables.flatMap((x) => x.unplaced))];
  return (
    <section class="block" role="status" data-testid="sg-popup-unread">
      <p>{columns.length ? t(locale, 'popup.unreadTable', { columns: columns.join(locale === 'zh-CN' ? '、' : ', ') }) : t(locale, 'popup.unreadRows')}</p>
    </section>
  );
}
