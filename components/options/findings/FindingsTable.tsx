// The findings table (issue 15 item 5): date, RRN, terminal, amount, kind, status and money at
// stake; sort by any column, filter, select and act on many at once. Windowed: every row has the
// same height, so only the rows in view (and a few either side) are in the DOM and 10,000
// findings scroll as smoothly as 10; spacer rows above and below keep the scrollbar honest.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FindingKind, FindingStatus } from '../../../lib/model';
import type { ListedFinding } from '../../../lib/store-summary';
import { formatMoney } from '../../../lib/i18n/format';
import { kindName, renderExplanation, type Locale } from '../../../lib/i18n/messages';
import { t } from '../../../lib/i18n/pages';
import { FindingDetail, type FindingEvidence } from './FindingDetail';
import { FindingsFilters } from './FindingsFilters';
import { DEFAULT_FILTER, DEFAULT_SORT, matches, sortRows, toRows, visibleRange, type Filter, type Sort, type SortKey } from './table-model';

export const ROW_HEIGHT = 40;

export interface FindingsTableActions {
  setStatuses: (ids: string[], status: FindingStatus) => Promise<void>;
  openDispute: (ids: string[]) => void;
  loadEvidence: (f: ListedFinding) => Promise<FindingEvidence>;
}

const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'date', label: 'findings.col.date' },
  { key: 'rrn', label: 'findings.col.rrn' },
  { key: 'terminal', label: 'findings.col.terminal' },
  { key: 'amount', label: 'findings.col.amount', num: true },
  { key: 'kind', label: 'findings.kind' },
  { key: 'status', label: 'findings.status' },
  { key: 'atStake', label: 'findings.atStake', num: true },
];

export function FindingsTable({
  locale,
  findings,
  actions,
  viewportHeight = 560,
}: {
  locale: Locale;
  findings: ListedFinding[];
  actions: FindingsTableActions;
  /** the scrolling area's height in pixels (fixed, so the window is known without measuring) */
  viewportHeight?: number;
}) {
  const [filter, setFilter] = useState<Filter>(DEFAULT_FILTER);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const [detail, setDetail] = useState<string | null>(null);
  useEffect(() => {
    // the table is on screen and answers input (tests/bench/popup-speed.ts)
    performance.mark('sg:findings:shown');
  }, []);

  const rows = useMemo(
    () =>
      toRows(
        findings,
        (k) => kindName(locale, k),
        (f) => renderExplanation(locale, f.explanation),
      ),
    [findings, locale],
  );
  const shown = useMemo(
    () =>
      sortRows(
        rows.filter((r) => matches(r, filter)),
        sort,
      ),
    [rows, filter, sort],
  );
  const kinds = useMemo(() => [...new Set(findings.map((f) => f.kind))].sort() as FindingKind[], [findings]);
  const { start, end } = visibleRange(scrollTop, viewportHeight, ROW_HEIGHT, shown.length);
  const detailFinding = detail ? findings.find((f) => f.id === detail) : undefined;

  const shownIds = useMemo(() => new Set(shown.map((r) => r.finding.id)), [shown]);
  // what a bulk action acts on: the selected rows the filter still shows
  const chosen = [...selected].filter((id) => shownIds.has(id));
  const allChosen = shown.length > 0 && chosen.length === shown.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const bulk = async (status: FindingStatus) => {
    await actions.setStatuses(chosen, status);
    setSelected(new Set());
  };
  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'atStake' || key === 'amount' || key === 'date' ? 'desc' : 'asc' },
    );
  const changeFilter = (f: Filter) => {
    setFilter(f);
    setScrollTop(0);
  };

  return (
    <div class="findings-view">
      <FindingsFilters locale={locale} kinds={kinds} filter={filter} onChange={changeFilter} />
      <div class="toolbar" role="toolbar" aria-label={t(locale, 'findings.bulk')}>
        <span class="muted" data-testid="sg-findings-shown">
          {t(locale, 'findings.shown', { shown: String(shown.length), total: String(findings.length) })}
        </span>
        <span class="muted" data-testid="sg-findings-selected">
          {t(locale, 'findings.selected', { count: String(chosen.length) })}
        </span>
        <button type="button" disabled={!chosen.length} onClick={() => void bulk('dismissed')} data-testid="sg-bulk-dismiss">
          {t(locale, 'findings.bulk.dismiss')}
        </button>
        <button type="button" disabled={!chosen.length} onClick={() => void bulk('disputed')} data-testid="sg-bulk-disputed">
          {t(locale, 'findings.bulk.disputed')}
        </button>
        <button type="button" disabled={!chosen.length} onClick={() => void bulk('open')} data-testid="sg-bulk-restore">
          {t(locale, 'findings.bulk.restore')}
        </button>
        <button type="button" disabled={!chosen.length} onClick={() => actions.openDispute(chosen)}>
          {t(locale, 'action.dispute')} ({chosen.length})
        </button>
      </div>
      {shown.length === 0 ? (
        <p class="muted">{t(locale, findings.length ? 'findings.noneMatch' : 'findings.empty')}</p>
      ) : (
        <div
          class="findings-scroll"
          style={{ height: `${Math.min(viewportHeight, (shown.length + 1) * ROW_HEIGHT + 2)}px` }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it (axe scrollable-region-focusable)
          tabIndex={0}
          role="region"
          aria-label={`${t(locale, 'findings.title')} · ${t(locale, 'findings.view.table')}`}
        >
          <table class="findings" data-testid="sg-findings" aria-rowcount={shown.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th class="check">
                  <input
                    type="checkbox"
                    checked={allChosen}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(shown.map((r) => r.finding.id)))}
                    aria-label={t(locale, 'findings.selectAll')}
                    data-testid="sg-select-all"
                  />
                </th>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    class={c.num ? 'num' : undefined}
                    aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" class="sort" onClick={() => sortBy(c.key)} data-sort={c.key}>
                      {t(locale, c.label as 'findings.kind')}
                      <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
                <th>
                  <span class="sr-only">{t(locale, 'findings.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {start > 0 && (
                <tr class="spacer">
                  <td colSpan={COLUMNS.length + 2} style={{ height: `${start * ROW_HEIGHT}px` }} />
                </tr>
              )}
              {shown.slice(start, end).map((r, i) => {
                const f = r.finding;
                return (
                  <tr
                    key={f.id}
                    data-finding-kind={f.kind}
                    data-finding-id={f.id}
                    aria-rowindex={start + i + 2}
                    class={f.severity}
                    style={{ height: `${ROW_HEIGHT}px` }}
                  >
                    <td class="check">
                      <input
                        type="checkbox"
                        checked={selected.has(f.id)}
                        onChange={() => toggle(f.id)}
                        aria-label={`${r.kindLabel} ${r.rrn ?? r.date ?? ''}`.trim()}
                      />
                    </td>
                    <td>{r.date ?? '—'}</td>
                    <td class="mono">{r.rrn ?? '—'}</td>
                    <td class="mono">{r.terminal ?? '—'}</td>
                    <td class="num">{r.amount ? formatMoney(locale, r.amount) : '—'}</td>
                    <td title={r.kindLabel}>
                      {r.kindLabel}
                      {f.severity === 'suspect' && <span class="tag suspect">{t(locale, 'popup.suspected')}</span>}
                    </td>
                    <td>{t(locale, `findings.status.${f.status}`)}</td>
                    <td class="num">{f.atStake ? formatMoney(locale, f.atStake) : '—'}</td>
                    <td class="row-actions">
                      <button type="button" onClick={() => actions.openDispute([f.id])}>
                        {t(locale, 'action.dispute')}
                      </button>
                      {f.status === 'open' ? (
                        <button type="button" onClick={() => void actions.setStatuses([f.id], 'dismissed')}>
                          {t(locale, 'action.dismiss')}
                        </button>
                      ) : (
                        <button type="button" onClick={() => void actions.setStatuses([f.id], 'open')}>
                          {t(locale, 'action.restore')}
                        </button>
                      )}
                      <button type="button" aria-expanded={detail === f.id} onClick={() => setDetail(detail === f.id ? null : f.id)}>
                        {t(locale, 'findings.evidence')}
                      </button>
                    </td>
                  </tr>
                );
              })}
              {end < shown.length && (
                <tr class="spacer">
                  <td colSpan={COLUMNS.length + 2} style={{ height: `${(shown.length - end) * ROW_HEIGHT}px` }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {detailFinding && <FindingDetail locale={locale} finding={detailFinding} loadEvidence={actions.loadEvidence} onClose={() => setDetail(null)} />}
    </div>
  );
}
