// The options page: imports, findings, contracts, settings and data, one tab each.
import { useEffect, useState } from 'preact/hooks';
import type { FindingStatus } from '../../lib/model';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import type { OptionsData } from '../../lib/services/options';
import type { DisputeContext } from '../../lib/messaging';
import type { Settings } from '../../lib/db';
import { ImportPanel, type ImportActions } from './ImportPanel';
import { FindingsPanel, type FindingsActions } from './FindingsPanel';

type FindingsActionsIn = { setStatuses: FindingsActions['setStatuses']; evidence: FindingsActions['loadEvidence']; charts: FindingsActions['loadCharts'] };
import { ContractsPanel, type ContractsActions } from './ContractsPanel';
import { SettingsPanel } from './SettingsPanel';
import { TemplatesPanel } from './TemplatesPanel';
import { DisputePanel } from '../overlay/DisputePanel';
import { DisputesPanel, type DisputesActions } from './DisputesPanel';
import { DataPanel, type DataActions } from './data/DataPanel';

export interface OptionsActions extends ImportActions {
  load: () => Promise<OptionsData>;
  setFindingStatus: (id: string, status: FindingStatus) => Promise<void>;
  /** the findings tab: decisions on many, one finding's evidence, the charts (lib/services/dashboard.ts) */
  findings: FindingsActionsIn;
  disputeContext: (ids: string[]) => Promise<DisputeContext>;
  recordDraft: (d: { findingIds: string[]; locale: Locale; subject: string; text: string }) => void;
  saveSettings: (s: Partial<Settings>) => Promise<void>;
  /** the Your data tab: exports, storage used, delete (components/options/data/DataPanel.tsx) */
  data: DataActions;
  localeOf: (s: Settings) => Locale;
  disputes: DisputesActions;
  contracts: Omit<ContractsActions, 'newContract'> & { newContract: (s: Settings) => ReturnType<ContractsActions['newContract']> };
}

type Tab = 'import' | 'findings' | 'disputes' | 'templates' | 'contracts' | 'settings' | 'data';
const TABS: Tab[] = ['import', 'findings', 'disputes', 'templates', 'contracts', 'settings', 'data'];

export function OptionsApp({ actions, initialTab }: { actions: OptionsActions; initialTab?: Tab }) {
  const [data, setData] = useState<OptionsData | null>(null);
  const [tab, setTab] = useState<Tab>(initialTab ?? 'import');
  const [dispute, setDispute] = useState<DisputeContext | null>(null);
  const reload = () => actions.load().then(setData);
  useEffect(() => {
    void reload();
  }, []);
  if (!data) return <p>…</p>;
  const locale = actions.localeOf(data.settings);
  return (
    <div class="app">
      <header class="top">
        <img src="/icon/48.png" alt="" width={28} height={28} />
        <h1>{t(locale, 'options.title')}</h1>
        <span class="muted">{t(locale, 'app.tagline')}</span>
      </header>
      <nav role="tablist">
        {TABS.map((id) => (
          <button type="button" key={id} role="tab" aria-selected={tab === id} onClick={() => setTab(id)} data-testid={`sg-tab-${id}`}>
            {t(locale, `options.tab.${id}`)}
            {id === 'findings' && data.summary.count ? ` (${data.summary.count})` : ''}
          </button>
        ))}
      </nav>
      <main>
        {tab === 'import' && (
          <>
            <ImportPanel locale={locale} actions={actions} onImported={() => void reload()} />
            <section>
              <h3>{t(locale, 'import.history')}</h3>
              <ul class="history">
                {data.imports.map((i) => (
                  <li key={i.id}>
                    {i.importedAt.slice(0, 16).replace('T', ' ')} · {i.name} · {i.format} · +{i.counts.added} / {i.counts.known}
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
            }}
          />
        )}
        {tab === 'templates' && <TemplatesPanel locale={locale} settings={data.settings} save={actions.saveSettings} />}
        {tab === 'contracts' && (
          <ContractsPanel
            locale={locale}
            contracts={data.contracts}
            actions={{
              presets: actions.contracts.presets,
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
      </main>
      {dispute && (
        <DisputePanel
          context={dispute}
          initialLocale={locale}
          onClose={() => setDispute(null)}
          onDismiss={async (id) => {
            await actions.setFindingStatus(id, 'dismissed');
            setDispute(null);
            await reload();
          }}
          onDraft={(d) => {
            actions.recordDraft({ findingIds: dispute.findings.map((f) => f.id), ...d });
          }}
        />
      )}
    </div>
  );
}
