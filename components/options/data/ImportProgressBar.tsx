// A big import's progress (issue 15 item 9): lines in the file while it is read, rows written while
// it is stored (a bar with a value then), and a Cancel that stops the import worker.
import type { Locale } from '../../../lib/i18n/messages';
import { t } from '../../../lib/i18n/pages';
import { formatNumber } from '../../../lib/i18n/format';
import type { ImportProgress } from '../../../lib/services/import-session';
import { formatBytes } from './DataPanel';

function label(locale: Locale, p: ImportProgress): string {
  const n = (value: number) => formatNumber(locale, value);
  switch (p.phase) {
    case 'reading':
      return p.lines
        ? t(locale, 'import.progress.reading', { file: p.file, lines: n(p.lines) })
        : t(locale, 'import.progress.readingBytes', { file: p.file, size: formatBytes(locale, p.bytes) });
    case 'read':
      return t(locale, 'import.progress.read', { file: p.file, rows: n(p.rows) });
    case 'storing':
      return t(locale, 'import.progress.storing', { file: p.file, stored: n(p.stored), total: n(p.total) });
    case 'stored':
      return t(locale, 'import.progress.stored', { file: p.file, added: n(p.added) });
    case 'checking':
      return t(locale, 'import.progress.checking');
  }
}

export function ImportProgressBar({ locale, progress, onCancel }: { locale: Locale; progress: ImportProgress | null; onCancel?: () => void }) {
  const text = progress ? label(locale, progress) : t(locale, 'common.loading');
  // a value only where the share done is known: rows written of rows to write
  const value =
    progress?.phase === 'storing' ? { value: progress.stored, max: Math.max(progress.total, 1) } : progress?.phase === 'stored' ? { value: 1, max: 1 } : {};
  return (
    <div class="import-progress" data-testid="sg-import-progress" data-phase={progress?.phase ?? 'starting'}>
      <progress aria-label={text} {...value} />
      <p aria-live="polite" data-testid="sg-import-progress-text">
        {text}
      </p>
      {onCancel && (
        <p>
          <button type="button" onClick={onCancel} data-testid="sg-import-cancel">
            {t(locale, 'import.cancel')}
          </button>{' '}
          <span class="muted">{t(locale, 'import.progress.cancelHint')}</span>
        </p>
      )}
    </div>
  );
}
