// The small control the overlay puts after each captured table (issue 3): "Capture all pages"
// with a progress bar, a Stop button and a summary; and "Teach columns", which lists the table's
// headers, each with a select of PortalTransaction fields, saved per site.
import { useState } from 'preact/hooks';
import { TEACHABLE_FIELDS } from '../../lib/portals/columns';
import { t, type Locale } from '../../lib/i18n/messages';
import type { MessageKey } from '../../lib/i18n/catalogue-en';

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
  /** the table's columns as captured: header (or `#n`) and the field it was read as */
  columns: { header: string; field: string | null }[];
  walk: WalkState | null;
  onCaptureAll: () => void;
  onStop: () => void;
  onSaveMap: (map: Record<string, string | null>) => Promise<boolean>;
}

const IGNORE = '-';

export function TableTools({ locale, columns, walk, onCaptureAll, onStop, onSaveMap }: TableToolsProps) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const fieldName = (f: string) => t(locale, `field.${f}` as MessageKey);
  const captureLabel = t(locale, 'overlay.captureAll');
  const save = async (e: Event) => {
    e.preventDefault();
    const map: Record<string, string | null> = {};
    for (const c of columns) {
      const v = choice[c.header] ?? (c.field ?? IGNORE);
      map[c.header] = v === IGNORE ? null : v;
    }
    setSaved(await onSaveMap(map));
  };
  return (
    <div class="tools" role="group" aria-label={t(locale, 'overlay.tools')}>
      <div class="row">
        <button type="button" class="primary" disabled={walk?.running} onClick={onCaptureAll} aria-label={`${captureLabel} (${t(locale, 'app.name')})`}>
          {captureLabel}
        </button>
        <button type="button" aria-expanded={open} onClick={() => { setOpen(!open); setSaved(false); }}>{t(locale, 'overlay.teach')}</button>
        {walk?.running && (
          <>
            <progress aria-label={captureLabel} data-testid="sg-capture-progress" />
            <span role="status">{t(locale, 'overlay.captureProgress', { page: String(walk.pages), rows: String(walk.rows) })}</span>
            <button type="button" onClick={onStop}>{t(locale, 'overlay.stop')}</button>
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
          <p><b>{t(locale, 'overlay.teachTitle')}</b></p>
          {columns.map((c) => (
            <label key={c.header}>
              <span class="hdr">{c.header}</span>
              <select value={choice[c.header] ?? (c.field ?? IGNORE)}
                onChange={(e) => setChoice({ ...choice, [c.header]: (e.currentTarget as HTMLSelectElement).value })}>
                <option value={IGNORE}>{t(locale, 'overlay.fieldIgnore')}</option>
                {TEACHABLE_FIELDS.map((f) => <option key={f} value={f}>{fieldName(f)}</option>)}
              </select>
            </label>
          ))}
          <div class="row">
            <button type="submit" class="primary">{t(locale, 'action.save')}</button>
            {saved && <span role="status">{t(locale, 'overlay.teachSaved')}</span>}
          </div>
        </form>
      )}
    </div>
  );
}
