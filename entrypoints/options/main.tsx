import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, TABS } from '../../components/options/OptionsApp';
import { downloadBlob } from '../../components/options/download';
import { SHADOW_CSS } from '../../components/overlay/styles';
import { resolveLocale } from '../../lib/i18n/messages';
import { getDb } from '../../lib/db';
import { disputeContext, recordDraft } from '../../lib/services/disputes';
import { todayIso } from '../../lib/services/notify';
import { decideFindings, findingEvidence, loadCharts } from '../../lib/services/dashboard';
import { deleteStoredData, storeCounts } from '../../lib/services/your-data';
import { cancelImport } from '../../lib/services/import-client';
import {
  changeFindingStatus,
  commitFiles,
  deleteContract,
  exportBackup,
  loadOptionsData,
  newContract,
  previewFiles,
  saveContract,
  updateSettings,
  applyDisputeEvent,
  mapCashierColumns,
  discardFiles,
  disputeEscalation,
  disputeEvidencePack,
  reparseImport,
  saveMerchantDetails,
  cancelDisputeNow,
  deleteDisputeNow,
  restoreDisputeNow,
} from '../../lib/services/options';

// the dispute panel's own styles (it also renders inside the overlay's shadow roots)
const style = document.createElement('style');
style.textContent = SHADOW_CSS.replace(':host', ':root');
document.head.append(style);

const hash = location.hash.slice(1);
const initialTab = TABS.find((tab) => tab === hash);

render(
  <OptionsApp
    initialTab={initialTab}
    actions={{
      load: loadOptionsData,
      preview: previewFiles,
      commit: commitFiles,
      mapColumns: mapCashierColumns,
      reparse: reparseImport,
      discard: discardFiles,
      cancel: cancelImport,
      setFindingStatus: changeFindingStatus,
      findings: { setStatuses: decideFindings, evidence: (f) => findingEvidence(getDb(), f), charts: () => loadCharts(getDb()) },
      disputeContext: (ids) => disputeContext(getDb(), ids, todayIso()),
      recordDraft: async (d) => (await recordDraft(getDb(), d, new Date().toISOString())).id,
      saveMerchant: saveMerchantDetails,
      saveSettings: updateSettings,
      data: {
        counts: () => storeCounts(getDb()),
        estimate: async () => (navigator.storage?.estimate ? navigator.storage.estimate() : null),
        exportFile: async (format, tables, locale) => {
          // SheetJS and papaparse load when the merchant exports, not with the page
          const { exportData } = await import('../../lib/services/export');
          const file = await exportData(getDb(), format, tables, locale, todayIso());
          downloadBlob(file.name, new Blob([file.bytes as BlobPart], { type: file.mime }));
          return file.name;
        },
        exportBackup: async () => downloadBlob(`settleguard-backup-${todayIso()}.json`, new Blob([await exportBackup()], { type: 'application/json' })),
        deleteData: (withSetup) => deleteStoredData(withSetup),
      },
      localeOf: (s) => resolveLocale(s.language, browser.i18n.getUILanguage()),
      disputes: {
        apply: applyDisputeEvent,
        escalation: disputeEscalation,
        cancel: cancelDisputeNow,
        remove: deleteDisputeNow,
        restore: restoreDisputeNow,
        exportPack: async (id) => {
          const pack = await disputeEvidencePack(id);
          if (pack) downloadBlob(pack.name, new Blob([pack.bytes as BlobPart], { type: 'application/zip' }));
        },
      },
      contracts: { save: saveContract, remove: deleteContract, newContract: (s) => newContract(s) },
    }}
  />,
  document.getElementById('app')!,
);
