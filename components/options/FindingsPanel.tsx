// Findings: the table of every finding (sort, filter, decide on many at once) and, as a view of
// its own, the charts (issue 15 item 5). Neither reads a row store when the tab opens: the table
// shows what each finding carries (ListedFinding.facts), evidence and charts load when asked.
import { useState } from 'preact/hooks';
import type { Contract, FindingStatus } from '../../lib/model';
import type { ListedFinding } from '../../lib/store-summary';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import type { ChartsData, FindingEvidence } from '../../lib/services/dashboard';
import { ChartsView } from './findings/ChartsView';
import { FindingsTable } from './findings/FindingsTable';
import { tabProps } from './tablist';

export interface FindingsActions {
  setStatuses: (ids: string[], status: FindingStatus) => Promise<void>;
  openDispute: (ids: string[]) => void;
  loadEvidence: (f: ListedFinding) => Promise<FindingEvidence>;
  loadCharts: () => Promise<ChartsData>;
}

type View = 'table' | 'charts';
const VIEWS: readonly View[] = ['table', 'charts'];

export function FindingsPanel({
  locale,
  findings,
  contracts,
  actions,
}: {
  locale: Locale;
  findings: ListedFinding[];
  contracts: Contract[];
  actions: FindingsActions;
}) {
  const [view, setView] = useState<View>('table');
  return (
    <section aria-labelledby="findings-title">
      <div class="panel-head">
        <h2 id="findings-title">{t(locale, 'findings.title')}</h2>
        <div class="segmented" role="tablist" aria-label={t(locale, 'findings.view')}>
          {VIEWS.map((v) => (
            <button
              type="button"
              key={v}
              {...tabProps(VIEWS, v, view, setView, (x) => `sg-findings-tab-${x}`, 'sg-findings-view')}
              data-testid={`sg-findings-view-${v}`}
            >
              {t(locale, `findings.view.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <div id="sg-findings-view" role="tabpanel" aria-labelledby={`sg-findings-tab-${view}`}>
        {view === 'table' ? (
          <FindingsTable locale={locale} findings={findings} actions={actions} />
        ) : (
          <ChartsView locale={locale} findings={findings} contracts={contracts} load={actions.loadCharts} />
        )}
      </div>
    </section>
  );
}
