// The findings table's filter bar: kind, status, how sure, date range and free text.
import type { FindingKind, FindingStatus, Severity } from '../../../lib/model';
import { kindName, severityName, type Locale } from '../../../lib/i18n/messages';
import { t } from '../../../lib/i18n/pages';
import { DEFAULT_FILTER, type Filter } from './table-model';

const STATUSES: FindingStatus[] = ['open', 'disputed', 'resolved', 'dismissed'];
const SEVERITIES: Severity[] = ['overcharge', 'suspect', 'info'];

/** One choice or every one: the bar keeps it simple, the model takes lists. */
const one = <T extends string>(v: string): T[] => (v ? [v as T] : []);

export function FindingsFilters({ locale, kinds, filter, onChange }: { locale: Locale; kinds: FindingKind[]; filter: Filter; onChange: (f: Filter) => void }) {
  const set = (patch: Partial<Filter>) => onChange({ ...filter, ...patch });
  return (
    <div class="filters" data-testid="sg-findings-filters">
      <label>
        {t(locale, 'findings.kind')}
        <select value={filter.kinds[0] ?? ''} onChange={(e) => set({ kinds: one<FindingKind>(e.currentTarget.value) })} data-testid="sg-filter-kind">
          <option value="">{t(locale, 'findings.filter.all')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindName(locale, k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(locale, 'findings.status')}
        <select value={filter.statuses[0] ?? ''} onChange={(e) => set({ statuses: one<FindingStatus>(e.currentTarget.value) })} data-testid="sg-filter-status">
          <option value="">{t(locale, 'findings.filter.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(locale, `findings.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(locale, 'findings.filter.confidence')}
        <select value={filter.severities[0] ?? ''} onChange={(e) => set({ severities: one<Severity>(e.currentTarget.value) })} data-testid="sg-filter-severity">
          <option value="">{t(locale, 'findings.filter.all')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {severityName(locale, s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(locale, 'findings.filter.from')}
        <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} data-testid="sg-filter-from" />
      </label>
      <label>
        {t(locale, 'findings.filter.to')}
        <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} data-testid="sg-filter-to" />
      </label>
      <label class="grow">
        {t(locale, 'findings.filter.text')}
        <input type="search" value={filter.text} onInput={(e) => set({ text: e.currentTarget.value })} data-testid="sg-filter-text" />
      </label>
      <button type="button" onClick={() => onChange({ ...DEFAULT_FILTER, statuses: [] })}>
        {t(locale, 'findings.filter.clear')}
      </button>
    </div>
  );
}
