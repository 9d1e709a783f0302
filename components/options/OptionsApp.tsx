// The options page: imports, findings, contracts, settings and data, one tab each.
import { useEffect, useState } from 'preact/hooks';
import type { FindingStatus } from '../../lib/model';
import type { Locale } from '../../lib/i18n/messages';
import { fileFormatName, t } from '../../lib/i18n/pages';
import { formatInstant, formatNumber } from '../../lib/i18n/format';
import type { OptionsData } from '../../lib/services/options';
import type { DisputeContext } from '../../lib/messaging';
import type { Settings } from '../../lib/db';
import { ImportPanel, type ImportActions } from './ImportPanel';
import { FindingsPanel, type FindingsActions } from './FindingsPanel';

type FindingsActionsIn = { setStatuses: FindingsActions['setStatuses']; evidence: FindingsActions['loadEvidence']; charts: FindingsActions['loadCharts'] };
import { ContractsPanel, type ContractsActions } from './ContractsPanel';
import { SettingsPanel } from './SettingsPanel';
import { TemplatesPanel } from './TemplatesPanel';
import { DraftDialog } from './DraftDialog';
import { WelcomePanel } from './WelcomePanel';
import { contractFromPreset, presetsFor, type ContractPreset } from '../../lib/presets';
import type { Contract } from '../../lib/model';
import type { MerchantDetails } from '../../lib/db';
import { DisputesPanel, type DisputesActions } from './DisputesPanel';
import { DataPanel, type DataActions } from './data/DataPanel';
import { tabProps } from './tablist';

export interface OptionsActions extends ImportActions {
  load: () => Promise<OptionsData>;
  setFindingStatus: (id: string, status: FindingStatus) => Promise<void>;
  /** the findings tab: decisions on many, one finding's evidence, the charts (lib/services/dashboard.ts) */
  findings: FindingsActionsIn;
  disputeContext: (ids: string[]) => Promise<DisputeContext>;
  /** keeps a letter the merchant copied or sent as a dispute; resolves to its id */
  recordDraft: (d: { findingIds: string[]; locale: Locale; subject: string; text: string }) => Promise<string>;
  saveMerchant: (m: MerchantDetails) => Promise<void>;
  saveSettings: (s: Partial<Settings>) => Promise<void>;
  /** the Your data tab: exports, storage used, delete (components/options/data/DataPanel.tsx) */
  data: DataActions;
  localeOf: (s: Settings) => Locale;
  disputes: DisputesActions;
  contracts: Omit<ContractsActions, 'newContract' | 'presets'> & { newContract: (s: Settings) => ReturnType<ContractsActions['newContract']> };
}

export type Tab = 'welcome' | 'import' | 'findings' | 'disputes' | 'templates' | 'contracts' | 'settings' | 'data';
export const TABS: Tab[] = ['welcome', 'import', 'findings', 'disputes', 'templates', 'contracts', 'settings', 'data'];

export function OptionsApp({ actions, initialTab }: { actions: OptionsActions; initialTab?: Tab }) {
  const [data, setData] = useState<OptionsData | null>(null);
  const [chosen, setChosen] = useState<Tab | null>(initialTab ?? null);
  // a preset picked on the welcome checklist opens in the contract editor
  const [fromPreset, setFromPreset] = useState<Contract | null>(null);
  const setTab = (next: Tab) => {
    setChosen(next);
    setFromPreset(null);
  };
  const [dispute, setDispute] = useState<DisputeContext | null>(null);
  const reload = () => actions.load().then(setData);
  useEffect(() => {
    void reload();
    // options.html#welcome etc. opened again (the popup's links) while this page is open
    const follow = () => {
      const asked = TABS.find((x) => x === location.hash.slice(1));
      if (asked) setTab(asked);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  // the page's language is the UI's (screen readers pick their voice by it)
  useEffect(() => {
    if (data) document.documentElement.lang = actions.localeOf(data.settings);
  }, [data]);
  if (!data) return <p>…</p>;
  const locale = actions.localeOf(data.settings);
  // no tab asked for: the checklist while a step is open, never a bare file chooser (issue 15 item 1)
  const tab = chosen ?? (data.checklist.complete ? 'import' : 'welcome');
  const presets = presetsFor(data.settings.defaultCurrency);
  const saveMerchant = async (m: MerchantDetails) => {
    await actions.saveMerchant(m);
    await reload();
    if (dispute) setDispute({ ...dispute, merchant: { ...dispute.merchant, ...m } });
  };
  return (
    <div class="app">
      <header class="top">
        <img src="/icon/48.png" alt="" width={28} height={28} />
        <h1>{t(locale, 'options.title')}</h1>
        <span class="muted">{t(locale, 'app.tagline')}</span>
      </header>
      <nav aria-label={t(locale, 'options.title')}>
        <div role="tablist" aria-label={t(locale, 'options.title')}>
          {TABS.map((id) => (
            <button type="button" key={id} {...tabProps(TABS, id, tab, setTab, (x) => `sg-tab-btn-${x}`, 'sg-options-panel')} data-testid={`sg-tab-${id}`}>
              {t(locale, `options.tab.${id}`)}
              {id === 'findings' && data.summary.count ? ` (${data.summary.count})` : ''}
            </button>
          ))}
        </div>
      </nav>
      <main>
        <div id="sg-options-panel" role="tabpanel" aria-labelledby={`sg-tab-btn-${tab}`}>
          {tab === 'welcome' && (
            <WelcomePanel
              locale={locale}
              checklist={data.checklist}
              presets={presets}
              merchant={data.settings.merchant}
              actions={{
                openTab: setTab,
                saveMerchant,
                pickPreset: (p: ContractPreset) => {
                  const blank = actions.contracts.newContract(data.settings);
                  setChosen('contracts');
                  setFromPreset(contractFromPreset(p, locale, { id: blank.id, merchantId: blank.merchantId }));
                },
              }}
            />
          )}
          {tab === 'import' && (
            <>
              <ImportPanel locale={locale} actions={actions} onImported={() => void reload()} />
              <section>
                <h3>{t(locale, 'import.history')}</h3>
                <ul class="history">
                  {data.imports.map((i) => (
                    <li key={i.id}>
                      {t(locale, 'import.historyLine', {
                        time: formatInstant(locale, i.importedAt),
                        name: i.name,
                        format: fileFormatName(locale, i.format),
                        added: formatNumber(locale, i.counts.added),
                        known: formatNumber(locale, i.counts.known),
                      })}
                    </li>
                  ))}
                </ul>
              </section>
            </>
          )}
          {tab === 'findings' && (
            <FindingsPanel
              locale={locale}
              findings={data.findings}
              contracts={data.contracts}
              actions={{
                setStatuses: async (ids, status) => {
                  await actions.findings.setStatuses(ids, status);
                  await reload();
                },
                openDispute: (ids) => void actions.disputeContext(ids).then(setDispute),
                loadEvidence: actions.findings.evidence,
                loadCharts: actions.findings.charts,
              }}
            />
          )}
          {tab === 'disputes' && (
            <DisputesPanel
              locale={locale}
              views={data.disputes}
              today={data.today}
              actions={{
                apply: async (id, event) => {
                  const err = await actions.disputes.apply(id, event);
                  await reload();
                  return err;
                },
                exportPack: actions.disputes.exportPack,
                escalation: actions.disputes.escalation,
                cancel: async (id) => {
                  const res = await actions.disputes.cancel(id);
                  await reload();
                  return res;
                },
                remove: async (id) => {
                  const res = await actions.disputes.remove(id);
                  await reload();
                  return res;
                },
                restore: async (snapshot) => {
                  await actions.disputes.restore(snapshot);
                  await reload();
                },
                saveMerchant: actions.saveMerchant,
              }}
            />
          )}
          {tab === 'templates' && <TemplatesPanel locale={locale} settings={data.settings} save={actions.saveSettings} />}
          {tab === 'contracts' && (
            <ContractsPanel
              key={fromPreset?.id ?? 'list'}
              locale={locale}
              contracts={data.contracts}
              initialEditing={fromPreset ?? undefined}
              actions={{
                presets,
                newContract: () => actions.contracts.newContract(data.settings),
                save: async (c) => {
                  const res = await actions.contracts.save(c);
                  if (res.ok) await reload();
                  return res;
                },
                remove: async (id) => {
                  await actions.contracts.remove(id);
                  await reload();
                },
              }}
            />
          )}
          {tab === 'settings' && (
            <SettingsPanel
              locale={locale}
              settings={data.settings}
              save={async (s) => {
                await actions.saveSettings(s);
                await reload();
              }}
            />
          )}
          {tab === 'data' && <DataPanel locale={locale} actions={actions.data} onChanged={() => void reload()} />}
        </div>
      </main>
      {dispute && (
        <DraftDialog
          context={dispute}
          locale={locale}
          onClose={() => setDispute(null)}
          onDismiss={async (id) => {
            await actions.setFindingStatus(id, 'dismissed');
            setDispute(null);
            await reload();
          }}
          saveMerchant={saveMerchant}
          record={async (d) => {
            const id = await actions.recordDraft({ findingIds: dispute.findings.map((f) => f.id), ...d });
            await reload();
            return id;
          }}
          markSent={async (id) => {
            const err = await actions.disputes.apply(id, { type: 'send', on: data.today });
            await reload();
            return err;
          }}
        />
      )}
    </div>
  );
}
