// Import: choose or drop files → preview (format, encoding, account, period, rows, issues) →
// confirm → outcome (rows added, already known, issues with line numbers). DESIGN.md "Getting data in".
import { useRef, useState } from 'preact/hooks';
import type { DateOrder, Issue } from '../../lib/model';
import { parseDateTime } from '../../lib/dates';
import type { Locale } from '../../lib/i18n/messages';
import { fileFormatName, t } from '../../lib/i18n/pages';
import { issueText, partText } from '../../lib/i18n/issues';
import type { ImportOutcome } from '../../lib/services/imports';
import { ImportCancelled, type ImportProgress, type OnProgress, type PreviewSummary as ImportPreview } from '../../lib/services/import-session';
import { ImportProgressBar } from './data/ImportProgressBar';
import type { CashierField, CashierMapping } from '../../lib/statements/cashier';
import type { ParseOptions } from '../../lib/statements/types';
import { BACKUP_STORES } from '../../lib/statements/support/backup-records';

export interface ImportActions {
  preview: (files: { name: string; bytes: Uint8Array }[], onProgress?: OnProgress) => Promise<ImportPreview[]>;
  commit: (previews: ImportPreview[], onProgress?: OnProgress) => Promise<ImportOutcome[]>;
  /** stops the read or store in progress: it rejects with ImportCancelled, and nothing of the file in hand is stored */
  cancel?: () => void;
  mapColumns: (preview: ImportPreview, mapping: CashierMapping) => Promise<ImportPreview>;
  discard: (previews: ImportPreview[]) => Promise<void>;
  /** reads a previewed file again with the merchant's answer (dates day-first or month-first) */
  reparse?: (preview: ImportPreview, options: ParseOptions) => Promise<ImportPreview>;
}

const CASHIER_FIELDS: CashierField[] = ['occurredAt', 'amount', 'tender', 'orderNo', 'kind', 'cardLast4', 'terminalId'];

/** Asks once which column of an unknown cashier export is which; remembered for the same columns. */
function CashierMappingForm({ locale, headers, onApply }: { locale: Locale; headers: string[]; onApply: (m: CashierMapping) => void }) {
  const [mapping, setMapping] = useState<CashierMapping>(Object.fromEntries(headers.map((h) => [h, null])));
  const chosen = new Set(Object.values(mapping));
  const complete = chosen.has('occurredAt') && chosen.has('amount') && chosen.has('tender');
  return (
    <div class="mapping" data-testid="sg-cashier-mapping">
      <p>{t(locale, 'import.mapping.explain')}</p>
      <table>
        <tbody>
          {headers.map((h) => (
            <tr key={h}>
              <th scope="row">{h}</th>
              <td>
                <select
                  aria-label={h}
                  value={mapping[h] ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [h]: (e.currentTarget.value || null) as CashierField | null })}
                >
                  <option value="">{t(locale, 'import.mapping.ignore')}</option>
                  {CASHIER_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(locale, `import.mapping.${f}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="primary" disabled={!complete} onClick={() => onApply(mapping)} data-testid="sg-cashier-mapping-apply">
        {t(locale, 'import.mapping.apply')}
      </button>
    </div>
  );
}

/**
 * How the file's dates like 03/04/2024 are read. When nothing in the file decided it, the merchant
 * is asked (nothing is imported from those lines until then); when the file's language, amounts
 * or currency decided it, what decided is shown with the other reading one click away.
 */
function DateOrderChoice({ locale, preview, onChoose }: { locale: Locale; preview: ImportPreview; onChoose: (order: DateOrder) => void }) {
  const decision = preview.result.dateOrder;
  if (!decision || decision.decidedBy === 'dates') return null;
  const example = decision.example ?? '';
  const read = (order: DateOrder) => (example ? (parseDateTime(example, { order })?.date ?? '') : '');
  const choice = (order: DateOrder) => (
    <button type="button" data-testid={`sg-date-order-${order}`} onClick={() => onChoose(order)}>
      {t(locale, order === 'dmy' ? 'import.dateOrder.dmy' : 'import.dateOrder.mdy', { example, date: read(order) })}
    </button>
  );
  if (decision.order === null) {
    return (
      <div class="date-order" role="group" data-testid="sg-date-order" data-decided="none">
        <p>{t(locale, 'import.dateOrder.ask', { file: preview.name, example })}</p>
        {choice('dmy')} {choice('mdy')}
      </div>
    );
  }
  const other: DateOrder = decision.order === 'dmy' ? 'mdy' : 'dmy';
  return (
    <div class="date-order" data-testid="sg-date-order" data-decided={decision.decidedBy} data-order={decision.order}>
      <p>
        {t(locale, 'import.dateOrder.read', {
          file: preview.name,
          example,
          date: read(decision.order),
          why: partText(locale, `issuePart.orderBy.${decision.decidedBy}`),
        })}
      </p>
      {choice(other)}
    </div>
  );
}

/** A backup's preview: what restoring it writes, store by store, and that settings are replaced. */
function BackupPreview({ locale, preview }: { locale: Locale; preview: ImportPreview }) {
  const restore = preview.result.restore;
  if (!restore) return null;
  const from = restore.schema > 0 ? t(locale, 'import.backup.schema', { schema: String(restore.schema) }) : t(locale, 'import.backup.schemaOld');
  return (
    <div class="backup" data-testid="sg-backup-preview" data-schema={restore.schema}>
      <p>{t(locale, 'import.backup.title', { file: preview.name, from })}</p>
      <ul>
        {BACKUP_STORES.filter((s) => restore.counts[s] !== undefined).map((s) => (
          <li key={s} data-store={s} data-count={restore.counts[s]}>
            {t(locale, `import.backup.store.${s}`)}: {restore.counts[s]}
          </li>
        ))}
      </ul>
      {restore.replacesSettings && (
        <p class="warning" role="note" data-testid="sg-backup-settings">
          {t(locale, 'import.backup.settings')}
        </p>
      )}
      <p class="muted">{t(locale, 'import.backup.keeps')}</p>
    </div>
  );
}

const MAX_ISSUES_SHOWN = 50;

/** The first error of a file that was not stored, in the page's language, for "Could not read …". */
function firstError(locale: Locale, issues: Issue[]): string {
  const error = issues.find((i) => i.level === 'error');
  return error ? issueText(locale, error) : '';
}

function IssueList({ issues, locale }: { issues: Issue[]; locale: Locale }) {
  if (!issues.length) return null;
  return (
    <ul class="issues">
      {issues.slice(0, MAX_ISSUES_SHOWN).map((i, n) => (
        <li key={n} class={i.level}>
          {issueText(locale, i)}
        </li>
      ))}
      {issues.length > MAX_ISSUES_SHOWN && <li>… +{issues.length - MAX_ISSUES_SHOWN}</li>}
    </ul>
  );
}

async function readFiles(list: FileList | File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(Array.from(list).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export function ImportPanel({ locale, actions, onImported }: { locale: Locale; actions: ImportActions; onImported: () => void }) {
  const [previews, setPreviews] = useState<ImportPreview[] | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [cancelled, setCancelled] = useState<string[] | null>(null);
  /** the file being stored (or checked after): a cancel takes it back */
  const lastFile = useRef<string | null>(null);

  // A cancel shows what it left: nothing of the file in hand; the files stored before it stay.
  const run = async (stage: 'read' | 'store', work: () => Promise<void>, onCancelled: () => void) => {
    setBusy(true);
    setProgress(null);
    setCancelled(null);
    try {
      await work();
    } catch (e) {
      if (!(e instanceof ImportCancelled)) throw e;
      // the file last being stored, unless it was stored before the cancel (then it is named as kept)
      const inHand = lastFile.current && !e.stored.includes(lastFile.current) ? lastFile.current : null;
      const lines = stage === 'read' ? [t(locale, 'import.cancelled.read')] : inHand ? [t(locale, 'import.cancelled.store', { file: inHand })] : [];
      if (e.stored.length) lines.push(t(locale, 'import.cancelled.kept', { files: e.stored.join(', ') }));
      setCancelled(lines);
      onCancelled();
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const onProgress: OnProgress = (p) => {
    if (p.phase === 'storing') lastFile.current = p.file;
    setProgress(p);
  };
  const choose = async (files: FileList | File[]) => {
    if (!files.length) return;
    setOutcomes(null);
    lastFile.current = null;
    await run(
      'read',
      async () => setPreviews(await actions.preview(await readFiles(files), onProgress)),
      () => setPreviews(null),
    );
  };
  const confirm = async () => {
    if (!previews) return;
    lastFile.current = null;
    await run(
      'store',
      async () => {
        setOutcomes(await actions.commit(previews, onProgress));
        setPreviews(null);
        onImported();
      },
      () => {
        setPreviews(null);
        onImported();
      },
    );
  };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t(locale, 'import.title')}</h2>
      <label
        class={`drop ${dragging ? 'dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer?.files) void choose(e.dataTransfer.files);
        }}
      >
        <span>{t(locale, 'import.chooseFile')}</span>
        <input
          type="file"
          multiple
          data-testid="sg-import-file"
          onChange={(e) => {
            const input = e.currentTarget;
            if (input.files) void choose(input.files);
            input.value = '';
          }}
        />
        <span class="muted">{t(locale, 'import.dropHint')}</span>
      </label>
      {busy && <ImportProgressBar locale={locale} progress={progress} onCancel={actions.cancel} />}
      {cancelled && (
        <div class="result" role="status" data-testid="sg-import-cancelled">
          {cancelled.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {previews && (
        <div class="preview" data-testid="sg-import-preview">
          <h3>{t(locale, 'import.preview')}</h3>
          <table>
            <thead>
              <tr>
                <th>{t(locale, 'import.file')}</th>
                <th>{t(locale, 'import.format')}</th>
                <th>{t(locale, 'import.encoding')}</th>
                <th>{t(locale, 'import.account')}</th>
                <th>{t(locale, 'import.period')}</th>
                <th>{t(locale, 'import.rows')}</th>
              </tr>
            </thead>
            <tbody>
              {previews.map((p) => (
                <tr key={p.token} class={p.readable ? '' : 'unreadable'}>
                  <td>{p.name}</td>
                  <td>
                    {fileFormatName(locale, p.result.format)} · {t(locale, `import.kind.${p.result.format === 'settleguard' ? 'settleguard' : p.result.kind}`)}
                  </td>
                  <td>{p.result.encoding}</td>
                  <td>
                    {p.result.accounts
                      .map((a) => [a.accountId, a.currency].filter(Boolean).join(' '))
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </td>
                  <td>
                    {p.result.accounts
                      .map((a) => (a.period ? `${a.period.from} – ${a.period.to}` : ''))
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </td>
                  <td>{p.readable ? p.rowCount : t(locale, 'import.notStored')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {previews.map((p) => (
            <BackupPreview key={`b${p.token}`} locale={locale} preview={p} />
          ))}
          {actions.reparse &&
            previews.map((p, i) => (
              <DateOrderChoice
                key={`d${p.token}`}
                locale={locale}
                preview={p}
                onChoose={async (order) => {
                  setBusy(true);
                  try {
                    const next = await actions.reparse!(p, { dateOrder: order });
                    setPreviews((now) => now?.map((x, n) => (n === i ? next : x)) ?? null);
                  } finally {
                    setBusy(false);
                  }
                }}
              />
            ))}
          {previews.map((p, i) =>
            p.needsMapping ? (
              <div key={`m${p.token}`}>
                <h4>{p.name}</h4>
                <CashierMappingForm
                  locale={locale}
                  headers={p.needsMapping.headers}
                  onApply={async (m) => {
                    const next = await actions.mapColumns(p, m);
                    setPreviews(previews.map((x, n) => (n === i ? next : x)));
                  }}
                />
              </div>
            ) : p.result.issues.length ? (
              <div key={`i${p.token}`}>
                <h4>
                  {p.name}: {t(locale, 'import.issues', { count: String(p.result.issues.length) })}
                </h4>
                <IssueList issues={p.result.issues} locale={locale} />
              </div>
            ) : null,
          )}
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid="sg-import-confirm"
              disabled={busy || !previews.some((p) => p.readable && p.rowCount > 0)}
              onClick={confirm}
            >
              {t(locale, 'import.confirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                void actions.discard(previews);
                setPreviews(null);
              }}
            >
              {t(locale, 'action.cancel')}
            </button>
          </div>
        </div>
      )}
      {outcomes && (
        <div class="result" data-testid="sg-import-result" role="status">
          {outcomes.map((o, n) => (
            <div key={n} class={o.stored ? 'ok' : 'failed'} data-testid="sg-import-outcome" data-added={o.added} data-known={o.known} data-format={o.format}>
              <p>
                {o.stored
                  ? t(locale, 'import.result', { file: o.name, format: fileFormatName(locale, o.format), added: String(o.added), known: String(o.known) })
                  : t(locale, 'import.failed', { file: o.name, message: firstError(locale, o.issues) })}
                {o.contracts ? ` · ${t(locale, 'import.contracts', { count: String(o.contracts) })}` : ''}
              </p>
              <IssueList issues={o.issues} locale={locale} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
