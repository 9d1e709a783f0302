// The small control the overlay puts after each captured table (issue 3): "Capture all pages"
// with a progress bar, a Stop button and a summary; and "Teach columns", which lists the table's
// headers, each with a select of PortalTransaction fields, saved per site. Teach columns also
// shows where each reading came from (issue 12): the header, the values (marked, with how sure
// and why) or the merchant; inferred readings are confirmed in one click. A table SettleGuard
// could not read gets a message naming the columns it could not place, with Teach columns open.
import { useState } from 'preact/hooks';
import { TEACHABLE_FIELDS } from '../../lib/portals/columns';
import { confidenceLevel } from '../../lib/portals/sniff';
import { t, type Locale } from '../../lib/i18n/messages';
import type { MessageKey } from '../../lib/i18n/catalogue-en';
import type { CapturedColumn } from '../../lib/model';

export interface WalkState {
  running: boolean;
  pages: number;
  rows: number;
  known: number;
  /** set when the walk has ended */
  done?: 'finished' | 'stopped';
}

export interface TableToolsProps {
  locale: Locale;
  /** the table's columns as captured: header (or `#n`), the field it was read as, and where that came from */
  columns: CapturedColumn[];
  walk: WalkState | null;
  /** set when the table gave no rows: the columns nothing placed (empty when every column was placed but no row read) */
  unread?: { unplaced: string[] } | null;
  /** rows of this page the background refused and that are not sent again, with its reason (issue 14 item 4) */
  refused?: { rows: number; reason: string } | null;
  onCaptureAll: () => void;
  onStop: () => void;
  onSaveMap: (map: Record<string, string | null>) => Promise<boolean>;
}

const IGNORE = '-';

/** The select's value for a column as read: its field, what it is read as (币种, 收/支), or not used. */
const readingOf = (c: CapturedColumn): string => c.field ?? c.readAs ?? IGNORE;

export function TableTools({ locale, columns, walk, unread, refused, onCaptureAll, onStop, onSaveMap }: TableToolsProps) {
  const [open, setOpen] = useState(Boolean(unread));
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const fieldName = (f: string) => t(locale, `field.${f}` as MessageKey);
  const captureLabel = t(locale, 'overlay.captureAll');
  const inferred = columns.filter((c) => c.source === 'values');
  const mapOf = (keepUnplaced: boolean): Record<string, string | null> => {
    const map: Record<string, string | null> = {};
    for (const c of columns) {
      const v = choice[c.header] ?? readingOf(c);
      // confirming keeps unplaced columns open: a later page may show what they hold
      if (!keepUnplaced && v === IGNORE && !c.source) continue;
      map[c.header] = v === IGNORE ? null : v;
    }
    return map;
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(await onSaveMap(mapOf(true)));
  };
  const confirm = async () => setSaved(await onSaveMap(mapOf(false)));
  const list = (names: string[]) => names.join(locale === 'zh-CN' ? '、' : ', ');
  return (
    <div class="tools" role="group" aria-label={t(locale, 'overlay.tools')}>
      {refused && (
        <p class="unread" role="alert" data-testid="sg-capture-refused">
          {t(locale, 'overlay.captureRefused', { rows: String(refused.rows), reason: refused.reason })}
        </p>
      )}
      {unread && (
        <p class="unread" role="alert" data-testid="sg-unread-table">
          {unread.unplaced.length ? t(locale, 'overlay.unreadTable', { columns: list(unread.unplaced) }) : t(locale, 'overlay.unreadRows')}
        </p>
      )}
      <div class="row">
        {!unread && (
          <button type="button" class="primary" disabled={walk?.running} onClick={onCaptureAll} aria-label={`${captureLabel} (${t(locale, 'app.name')})`}>
            {captureLabel}
          </button>
        )}
        <button
          type="button"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open);
            setSaved(false);
          }}
        >
          {t(locale, 'overlay.teach')}
        </button>
        {inferred.length > 0 && !unread && (
          <>
            <span class="hint" data-testid="sg-inferred-hint">
              {t(locale, 'overlay.inferredHint', { count: String(inferred.length) })}
            </span>
            <button type="button" data-testid="sg-confirm-columns" onClick={() => void confirm()}>
              {t(locale, 'overlay.confirmInferred')}
            </button>
          </>
        )}
        {saved && !open && <span role="status">{t(locale, 'overlay.teachSaved')}</span>}
        {walk?.running && (
          <>
            <progress aria-label={captureLabel} data-testid="sg-capture-progress" />
            <span role="status">{t(locale, 'overlay.captureProgress', { page: String(walk.pages), rows: String(walk.rows) })}</span>
            <button type="button" onClick={onStop}>
              {t(locale, 'overlay.stop')}
            </button>
          </>
        )}
        {walk?.done && (
          <span role="status" data-testid="sg-capture-summary" data-pages={walk.pages} data-rows={walk.rows} data-known={walk.known}>
            {walk.done === 'stopped' ? `${t(locale, 'overlay.captureStopped')} ` : ''}
            {t(locale, 'overlay.captureSummary', { pages: String(walk.pages), rows: String(walk.rows), known: String(walk.known) })}
          </span>
        )}
      </div>
      {open && (
        <form class="teach" onSubmit={save} aria-label={t(locale, 'overlay.teachTitle')}>
          <p>
            <b>{t(locale, 'overlay.teachTitle')}</b>
          </p>
          {columns.map((c) => (
            <ColumnChoice
              key={c.header}
              locale={locale}
              column={c}
              value={choice[c.header] ?? readingOf(c)}
              fieldName={fieldName}
              onChange={(v) => setChoice({ ...choice, [c.header]: v })}
            />
          ))}
          <div class="row">
            <button type="submit" class="primary">
              {t(locale, 'action.save')}
            </button>
            {saved && <span role="status">{t(locale, 'overlay.teachSaved')}</span>}
          </div>
        </form>
      )}
    </div>
  );
}

function ColumnChoice({
  locale,
  column: c,
  value,
  fieldName,
  onChange,
}: {
  locale: Locale;
  column: CapturedColumn;
  value: string;
  fieldName: (f: string) => string;
  onChange: (v: string) => void;
}) {
  const sure = c.source === 'values' && c.confidence !== undefined ? t(locale, `overlay.confidence.${confidenceLevel(c.confidence)}` as MessageKey) : '';
  const why = c.source === 'values' && c.reason ? t(locale, c.reason.key as MessageKey, c.reason.params) : '';
  return (
    <div class={c.source === 'values' ? 'col inferred' : 'col'} data-testid="sg-teach-column" data-source={c.source ?? 'none'}>
      <label>
        <span class="hdr" title={c.header}>
          {c.source === 'values' ? '≈ ' : ''}
          {c.header}
        </span>
        <select value={value} aria-label={c.header} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          <option value={IGNORE}>{t(locale, 'overlay.fieldIgnore')}</option>
          {TEACHABLE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {fieldName(f)}
            </option>
          ))}
        </select>
      </label>
      {c.source && (
        <small class="src" title={why || undefined}>
          {t(locale, `overlay.source.${c.source}` as MessageKey)}
          {sure ? ` · ${sure}` : ''}
          {why ? ` · ${why}` : ''}
        </small>
      )}
    </div>
  );
}
