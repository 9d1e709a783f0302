// The merchant's own dispute letters: one template per language, with the placeholders listed,
// unknown placeholders refused and missing essentials warned about (lib/disputes/templates.ts).
import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/db';
import { DEFAULT_TEMPLATES, TEMPLATE_PLACEHOLDERS, validateTemplate, type DisputeTemplate } from '../../lib/disputes/templates';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';

const LANGS: { id: 'zh-CN' | 'en'; name: string }[] = [
  { id: 'zh-CN', name: '中文' },
  { id: 'en', name: 'English' },
];

function TemplateEditor({
  locale,
  lang,
  initial,
  onSave,
}: {
  locale: Locale;
  lang: 'zh-CN' | 'en';
  initial: DisputeTemplate;
  onSave: (t: DisputeTemplate | undefined) => Promise<void>;
}) {
  const [draft, setDraft] = useState(initial);
  const [state, setState] = useState<'idle' | 'saved'>('idle');
  const check = validateTemplate(`${draft.subject}\n${draft.body}`);
  return (
    <fieldset class="template" data-testid={`sg-template-${lang}`}>
      <legend>{LANGS.find((l) => l.id === lang)!.name}</legend>
      <label>
        {t(locale, 'dispute.subject')}
        <input
          value={draft.subject}
          onInput={(e) => {
            setDraft({ ...draft, subject: e.currentTarget.value });
            setState('idle');
          }}
        />
      </label>
      <label>
        {t(locale, 'dispute.template')}
        <textarea
          rows={16}
          value={draft.body}
          onInput={(e) => {
            setDraft({ ...draft, body: e.currentTarget.value });
            setState('idle');
          }}
        />
      </label>
      {check.unknown.map((name) => (
        <p key={name} role="alert" class="error">
          {t(locale, 'dispute.templateUnknownPlaceholder', { name: `{${name}}` })}
        </p>
      ))}
      {check.missing.length > 0 && <p class="warning">{t(locale, 'dispute.templateMissing', { names: check.missing.map((m) => `{${m}}`).join(' ') })}</p>}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!check.ok}
          onClick={async () => {
            await onSave(draft);
            setState('saved');
          }}
        >
          {t(locale, 'action.save')}
        </button>
        <button
          type="button"
          onClick={async () => {
            setDraft(DEFAULT_TEMPLATES[lang]);
            await onSave(undefined);
            setState('saved');
          }}
        >
          {t(locale, 'dispute.templateReset')}
        </button>
        {state === 'saved' && <span role="status">✓</span>}
      </div>
    </fieldset>
  );
}

export function TemplatesPanel({ locale, settings, save }: { locale: Locale; settings: Settings; save: (s: Partial<Settings>) => Promise<void> }) {
  const [templates, setTemplates] = useState(settings.templates ?? {});
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t(locale, 'options.tab.templates')}</h2>
      <p class="muted">
        {t(locale, 'dispute.templatePlaceholders')} {TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}
      </p>
      {LANGS.map(({ id }) => (
        <TemplateEditor
          key={id}
          locale={locale}
          lang={id}
          initial={templates[id] ?? DEFAULT_TEMPLATES[id]}
          onSave={async (tpl) => {
            const next = { ...templates };
            if (tpl) next[id] = tpl;
            else delete next[id];
            setTemplates(next);
            await save({ templates: next });
          }}
        />
      ))}
    </section>
  );
}
