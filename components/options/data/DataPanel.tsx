// The "Your data" tab (issue 15 item 8): spreadsheet exports, the backup, storage used with the
// records per store, and a delete that lists exactly what goes and what stays before anything
// does, with the merchant's setup kept unless they tick it too.
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../../lib/i18n/messages';
import { t, type PagesMessageKey } from '../../../lib/i18n/pages';
import { formatNumber } from '../../../lib/i18n/format';
// types only: the spreadsheet writer (SheetJS) loads when the merchant exports, not with the page
import type { ExportFormat, ExportTable } from '../../../lib/services/export';
import { SETUP_STORES, type StoreCounts } from '../../../lib/services/your-data';

export interface DataActions {
  counts: () => Promise<StoreCounts>;
  /** navigator.storage.estimate() where the browser has it */
  estimate: () => Promise<{ usage?: number; quota?: number } | null>;
  /** builds the file and starts its download; returns the file name */
  exportFile: (format: ExportFormat, tables: readonly ExportTable[], locale: Locale) => Promise<string>;
  exportBackup: () => Promise<void>;
  /** empties the data stores (and the setup ones with `withSetup`); returns what is left */
  deleteData: (withSetup: boolean) => Promise<StoreCounts>;
}

const EXPORT_TABLES: readonly ExportTable[] = ['findings', 'transactions', 'statementLines'];
const isSetup = (store: string) => (SETUP_STORES as readonly string[]).includes(store);
const storeName = (locale: Locale, store: string) => t(locale, `data.store.${store}` as PagesMessageKey);
const total = (counts: StoreCounts, stores: string[]) => stores.reduce((n, s) => n + (counts[s] ?? 0), 0);

export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

function StoreList({ locale, counts, stores, testId }: { locale: Locale; counts: StoreCounts; stores: string[]; testId: string }) {
  return (
    <ul data-testid={testId}>
      {stores.map((s) => (
        <li key={s} data-store={s} data-count={counts[s] ?? 0}>
          {storeName(locale, s)}: {formatNumber(locale, counts[s] ?? 0)}
        </li>
      ))}
    </ul>
  );
}

/** The precise confirmation: what goes, per store with its count; what stays; the setup choice. */
function DeleteConfirmation({
  locale,
  counts,
  onDelete,
  onCancel,
}: {
  locale: Locale;
  counts: StoreCounts;
  onDelete: (withSetup: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const [withSetup, setWithSetup] = useState(false);
  const [busy, setBusy] = useState(false);
  const stores = Object.keys(counts).filter((s) => s !== 'unchecked');
  const goes = stores.filter((s) => withSetup || !isSetup(s));
  const stays = stores.filter((s) => !goes.includes(s));
  const count = total(counts, goes);
  return (
    <div class="confirm" role="group" aria-labelledby="data-delete-title" data-testid="sg-data-delete-confirmation">
      <h4 id="data-delete-title">{t(locale, 'data.delete.title')}</h4>
      <label>
        <input type="checkbox" checked={withSetup} onChange={(e) => setWithSetup(e.currentTarget.checked)} data-testid="sg-data-delete-setup" />{' '}
        {t(locale, 'data.delete.withSetup')}
      </label>
      <p>{t(locale, 'data.delete.goes')}</p>
      <StoreList locale={locale} counts={counts} stores={goes} testId="sg-data-delete-goes" />
      {stays.length > 0 && (
        <>
          <p>{t(locale, 'data.delete.stays')}</p>
          <StoreList locale={locale} counts={counts} stores={stays} testId="sg-data-delete-stays" />
        </>
      )}
      <p class="muted">{t(locale, 'data.delete.backupFirst')}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          disabled={busy}
          data-testid="sg-data-delete-confirm"
          onClick={async () => {
            setBusy(true);
            try {
              await onDelete(withSetup);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t(locale, 'data.delete.confirm', { count: formatNumber(locale, count) })}
        </button>
        <button type="button" onClick={onCancel}>
          {t(locale, 'action.cancel')}
        </button>
      </div>
    </div>
  );
}

export function DataPanel({ locale, actions, onChanged }: { locale: Locale; actions: DataActions; onChanged: () => void }) {
  const [counts, setCounts] = useState<StoreCounts | null>(null);
  const [estimate, setEstimate] = useState<{ usage?: number; quota?: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    const [c, e] = await Promise.all([actions.counts(), actions.estimate().catch(() => null)]);
    setCounts(c);
    setEstimate(e);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const exportAs = async (format: ExportFormat, tables: readonly ExportTable[]) => {
    setBusy(true);
    try {
      const name = await actions.exportFile(format, tables, locale);
      setStatus(t(locale, 'data.export.done', { file: name }));
    } finally {
      setBusy(false);
    }
  };
  const stores = counts ? Object.keys(counts) : [];
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t(locale, 'options.tab.data')}</h2>

      <h3>{t(locale, 'data.export.title')}</h3>
      <p class="muted">{t(locale, 'data.export.explain')}</p>
      <div class="actions" data-testid="sg-data-export">
        {EXPORT_TABLES.map((table) => (
          <span key={table}>
            <button type="button" disabled={busy} data-testid={`sg-export-${table}-csv`} onClick={() => void exportAs('csv', [table])}>
              {t(locale, 'data.export.csv', { table: t(locale, `export.table.${table}`) })}
            </button>{' '}
            <button type="button" disabled={busy} data-testid={`sg-export-${table}-xlsx`} onClick={() => void exportAs('xlsx', [table])}>
              {t(locale, 'data.export.xlsx', { table: t(locale, `export.table.${table}`) })}
            </button>
          </span>
        ))}
        <button type="button" disabled={busy} data-testid="sg-export-all-xlsx" onClick={() => void exportAs('xlsx', EXPORT_TABLES)}>
          {t(locale, 'data.export.all')}
        </button>
        <button type="button" disabled={busy} onClick={() => void actions.exportBackup()}>
          {t(locale, 'data.exportBackup')}
        </button>
      </div>
      {status && (
        <p role="status" data-testid="sg-data-status">
          {status}
        </p>
      )}

      <h3>{t(locale, 'data.storage.title')}</h3>
      <p data-testid="sg-data-usage">
        {estimate?.usage !== undefined && estimate.quota !== undefined
          ? t(locale, 'data.storage.used', { used: formatBytes(locale, estimate.usage), quota: formatBytes(locale, estimate.quota) })
          : t(locale, 'data.storage.unknown')}
      </p>
      {counts && (
        <table data-testid="sg-data-counts">
          <thead>
            <tr>
              <th scope="col">{t(locale, 'data.storage.store')}</th>
              <th scope="col">{t(locale, 'data.storage.count')}</th>
            </tr>
          </thead>
          <tbody>
            {stores.map((s) => (
              <tr key={s} data-store={s} data-count={counts[s]}>
                <th scope="row">{storeName(locale, s)}</th>
                <td class="num">{formatNumber(locale, counts[s] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t(locale, 'data.delete.title')}</h3>
      {counts && total(counts, stores) === 0 ? (
        <p>{t(locale, 'data.delete.nothing')}</p>
      ) : confirming && counts ? (
        <DeleteConfirmation
          locale={locale}
          counts={counts}
          onCancel={() => setConfirming(false)}
          onDelete={async (withSetup) => {
            const left = await actions.deleteData(withSetup);
            setCounts(left);
            setConfirming(false);
            setStatus(t(locale, 'data.delete.done', { count: String(total(left, Object.keys(left))) }));
            onChanged();
            void refresh();
          }}
        />
      ) : (
        <button type="button" class="danger" data-testid="sg-data-delete" onClick={() => setConfirming(true)}>
          {t(locale, 'data.clear')}
        </button>
      )}
    </section>
  );
}
