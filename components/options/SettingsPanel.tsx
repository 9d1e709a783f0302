import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/db';
import type { Locale } from '../../lib/i18n/messages';
import { t, type PagesMessageKey as MessageKey } from '../../lib/i18n/pages';
import { DEFAULT_TOLERANCES, type Tolerances } from '../../lib/model';
import { isDecimalString } from '../../lib/money';

type TolKey = 'fee' | 'settlement' | 'duplicateWindowSeconds' | 'possibleDuplicateWindowSeconds' | 'settlementGraceWorkdays';
const TOLERANCE_FIELDS: { key: TolKey; label: MessageKey; kind: 'decimal' | 'int' }[] = [
  { key: 'fee', label: 'settings.tolerance.fee', kind: 'decimal' },
  { key: 'settlement', label: 'settings.tolerance.settlement', kind: 'decimal' },
  { key: 'duplicateWindowSeconds', label: 'settings.tolerance.duplicateWindow', kind: 'int' },
  { key: 'possibleDuplicateWindowSeconds', label: 'settings.tolerance.possibleDuplicateWindow', kind: 'int' },
  { key: 'settlementGraceWorkdays', label: 'settings.tolerance.grace', kind: 'int' },
];

/** The tolerance inputs as typed → a valid partial Tolerances, or the first field that is not. */
export function readTolerances(input: Partial<Record<TolKey, string>>): { ok: true; value: Partial<Tolerances> } | { ok: false; field: TolKey } {
  const value: Partial<Tolerances> = {};
  for (const f of TOLERANCE_FIELDS) {
    const raw = input[f.key]?.trim();
    if (!raw) continue;
    if (f.kind === 'decimal') {
      if (!isDecimalString(raw) || raw.startsWith('-')) return { ok: false, field: f.key };
      (value as Record<string, string>)[f.key] = raw;
    } else {
      if (!/^\d{1,6}$/.test(raw)) return { ok: false, field: f.key };
      (value as Record<string, number>)[f.key] = Number(raw);
    }
  }
  return { ok: true, value };
}

export function readHolidays(text: string): string[] | null {
  const list = text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return list.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) ? list.sort() : null;
}

export function SettingsPanel({ locale, settings, save }: { locale: Locale; settings: Settings; save: (s: Partial<Settings>) => Promise<void> }) {
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState(false);
  const [tol, setTol] = useState<Partial<Record<TolKey, string>>>(
    Object.fromEntries(TOLERANCE_FIELDS.map((f) => [f.key, settings.tolerances?.[f.key] === undefined ? '' : String(settings.tolerances[f.key])])),
  );
  const [holidays, setHolidays] = useState((settings.extraHolidays ?? []).join(', '));
  const [problem, setProblem] = useState('');
  const field = (key: 'name' | 'merchantId' | 'contact' | 'phone', label: string) => (
    <label>
      {label}
      <input
        value={draft.merchant[key] ?? ''}
        onInput={(e) => setDraft({ ...draft, merchant: { ...draft.merchant, [key]: e.currentTarget.value || undefined } })}
      />
    </label>
  );
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t(locale, 'settings.title')}</h2>
      <form
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          const tolerances = readTolerances(tol);
          const extraHolidays = readHolidays(holidays);
          if (!tolerances.ok) {
            setProblem(t(locale, TOLERANCE_FIELDS.find((f) => f.key === tolerances.field)!.label));
            return;
          }
          if (!extraHolidays) {
            setProblem(t(locale, 'settings.extraHolidays'));
            return;
          }
          setProblem('');
          await save({ ...draft, tolerances: tolerances.value, extraHolidays });
          setSaved(true);
        }}
      >
        {field('name', t(locale, 'settings.merchantName'))}
        {field('merchantId', t(locale, 'settings.merchantId'))}
        {field('contact', t(locale, 'settings.contact'))}
        {field('phone', t(locale, 'settings.phone'))}
        <label>
          {t(locale, 'settings.defaultCurrency')}
          <input value={draft.defaultCurrency} maxLength={3} onInput={(e) => setDraft({ ...draft, defaultCurrency: e.currentTarget.value.toUpperCase() })} />
        </label>
        <label>
          {t(locale, 'settings.language')}
          <select value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value as Settings['language'] })}>
            <option value="auto">{t(locale, 'settings.language.auto')}</option>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <fieldset class="wide">
          <legend>{t(locale, 'settings.tolerances')}</legend>
          {TOLERANCE_FIELDS.map((f) => (
            <label key={f.key}>
              {t(locale, f.label)}
              <input
                value={tol[f.key] ?? ''}
                placeholder={String(DEFAULT_TOLERANCES[f.key])}
                inputMode="decimal"
                onInput={(e) => setTol({ ...tol, [f.key]: e.currentTarget.value })}
              />
            </label>
          ))}
          <label>
            {t(locale, 'settings.extraHolidays')}
            <input value={holidays} placeholder="2027-01-01, 2027-02-06" onInput={(e) => setHolidays(e.currentTarget.value)} />
          </label>
        </fieldset>
        {problem && (
          <p role="alert" class="error">
            ✗ {problem}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            {t(locale, 'action.save')}
          </button>
          {saved && <span role="status"> ✓</span>}
        </div>
      </form>
    </section>
  );
}
