// The first-run checklist (issue 15 item 1): four steps, each with its state read from the
// stores (lib/services/onboarding.ts) and the way to do it from here.
import type { ComponentChildren } from 'preact';
import type { MerchantDetails } from '../../lib/db';
import type { Locale } from '../../lib/i18n/messages';
import { t, type PagesMessageKey } from '../../lib/i18n/pages';
import type { ContractPreset } from '../../lib/presets';
import type { Checklist, StepId } from '../../lib/services/onboarding';
import { PresetChoices } from './ContractsPanel';
import { MerchantDetailsForm } from './MerchantDetailsForm';

export interface WelcomeActions {
  openTab: (tab: 'import' | 'contracts') => void;
  pickPreset: (preset: ContractPreset) => void;
  saveMerchant: (details: MerchantDetails) => Promise<void>;
}

function Step({ locale, id, done, children }: { locale: Locale; id: StepId; done: boolean; children: ComponentChildren }) {
  return (
    <li class={`step${done ? ' done' : ''}`} data-testid={`sg-step-${id}`} data-done={String(done)}>
      <h3>
        <span class="badge" aria-hidden="true">
          {done ? '✓' : '○'}
        </span>{' '}
        {t(locale, `welcome.${id}.title` as PagesMessageKey)}{' '}
        <span class="muted" data-testid="sg-step-state">
          ({t(locale, done ? 'welcome.done' : 'welcome.todo')})
        </span>
      </h3>
      {children}
    </li>
  );
}

export function WelcomePanel({
  locale,
  checklist,
  presets,
  merchant,
  actions,
}: {
  locale: Locale;
  checklist: Checklist;
  presets: readonly ContractPreset[];
  merchant: MerchantDetails;
  actions: WelcomeActions;
}) {
  const { done, facts } = checklist;
  return (
    <section aria-labelledby="welcome-title" data-testid="sg-welcome">
      <h2 id="welcome-title">{t(locale, 'welcome.title')}</h2>
      <p>{t(locale, 'welcome.intro')}</p>
      <p data-testid="sg-welcome-progress">
        <progress max={checklist.total} value={checklist.doneCount} aria-label={t(locale, 'options.tab.welcome')} />{' '}
        {t(locale, 'welcome.progress', { done: String(checklist.doneCount), total: String(checklist.total) })}
      </p>
      {checklist.complete && (
        <p class="ok" role="status" data-testid="sg-welcome-complete">
          {t(locale, 'welcome.allDone')}
        </p>
      )}
      <ol class="checklist">
        <Step locale={locale} id="portal" done={done.portal}>
          <p>
            {done.portal
              ? t(locale, 'welcome.portal.state', { rows: String(facts.rows) })
              : facts.enabledSites.length
                ? t(locale, 'welcome.portal.enabled', { sites: facts.enabledSites.join(', ') })
                : t(locale, 'welcome.portal.how')}
          </p>
        </Step>
        <Step locale={locale} id="statement" done={done.statement}>
          <p>{done.statement ? t(locale, 'welcome.statement.state', { lines: String(facts.statementLines) }) : t(locale, 'welcome.statement.how')}</p>
          <button type="button" class={done.statement ? '' : 'primary'} data-testid="sg-step-import" onClick={() => actions.openTab('import')}>
            {t(locale, 'welcome.statement.go')}
          </button>
        </Step>
        <Step locale={locale} id="contract" done={done.contract}>
          {done.contract ? (
            <>
              <p>{t(locale, 'welcome.contract.state', { labels: facts.contractLabels.join(locale === 'zh-CN' ? '、' : ', ') })}</p>
              <button type="button" onClick={() => actions.openTab('contracts')}>
                {t(locale, 'welcome.contract.edit')}
              </button>
            </>
          ) : (
            <>
              <p>{t(locale, 'welcome.contract.how')}</p>
              <PresetChoices locale={locale} presets={presets} pick={actions.pickPreset} />
            </>
          )}
        </Step>
        <Step locale={locale} id="details" done={done.details}>
          <p>
            {done.details
              ? t(locale, 'welcome.details.state', {
                  name: merchant.name ?? facts.rowMerchantNames[0] ?? '',
                  merchantId: merchant.merchantId ?? facts.rowMerchantIds[0] ?? '',
                  contact: merchant.contact ?? '',
                  phone: merchant.phone ?? '',
                })
              : t(locale, 'welcome.details.how')}
          </p>
          {!done.details && (
            <MerchantDetailsForm
              locale={locale}
              initial={{ ...merchant, merchantId: merchant.merchantId ?? facts.rowMerchantIds[0], name: merchant.name ?? facts.rowMerchantNames[0] }}
              onSave={actions.saveMerchant}
            />
          )}
        </Step>
      </ol>
    </section>
  );
}
