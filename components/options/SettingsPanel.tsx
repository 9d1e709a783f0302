import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/db';
import { t, type Locale } from '../../lib/i18n/messages';

export function SettingsPanel({ locale, settings, save }: { locale: Locale; settings: Settings; save: (s: Partial<Settings>) => Promise<void> }) {
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState(false);
  const field = (key: 'name' | 'merchantId' | 'contact' | 'phone', label: string) => (
    <label>{label}
      <input value={draft.merchant[key] ?? ''} onInput={(e) => setDraft({ ...draft, merchant: { ...draft.merchant, [key]: e.currentTarget.value || undefined } })} />
    </label>
  );
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t(locale, 'settings.title')}</h2>
      <form class="form" onSubmit={async (e) => { e.preventDefault(); await save(draft); setSaved(true); }}>
        {field('name', t(locale, 'settings.merchantName'))}
        {field('merchantId', t(locale, 'settings.merchantId'))}
        {field('contact', t(locale, 'settings.contact'))}
        {field('phone', t(locale, 'settings.phone'))}
        <label>{t(locale, 'settings.defaultCurrency')}
          <input value={draft.defaultCurrency} maxLength={3} onInput={(e) => setDraft({ ...draft, defaultCurrency: e.currentTarget.value.toUpperCase() })} />
        </label>
        <label>{t(locale, 'settings.language')}
          <select value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value as Settings['language'] })}>
            <option value="auto">{t(locale, 'settings.language.auto')}</option>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <div class="actions"><button type="submit" class="primary">{t(locale, 'action.save')}</button>{saved && <span role="status"> ✓</span>}</div>
      </form>
    </section>
  );
}
