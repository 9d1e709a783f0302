import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { SHADOW_CSS } from '../../components/overlay/styles';
import { resolveLocale } from '../../lib/i18n/messages';
import { getDb } from '../../lib/db';
import { disputeContext, recordDraft } from '../../lib/services/disputes';
import { todayIso } from '../../lib/services/notify';
import {
  changeFindingStatus, clearAllData, commitFiles, exportBackup, loadOptionsData, previewFiles, updateSettings,
} from '../../lib/services/options';

// the dispute panel's own styles (it also renders inside the overlay's shadow roots)
const style = document.createElement('style');
style.textContent = SHADOW_CSS.replace(':host', ':root');
document.head.append(style);

render(
  <OptionsApp actions={{
    load: loadOptionsData,
    preview: previewFiles,
    commit: commitFiles,
    setFindingStatus: changeFindingStatus,
    disputeContext: (ids) => disputeContext(getDb(), ids, todayIso()),
    recordDraft: (d) => void recordDraft(getDb(), d, new Date().toISOString()),
    saveSettings: updateSettings,
    exportBackup,
    clearAll: clearAllData,
    localeOf: (s) => resolveLocale(s.language, browser.i18n.getUILanguage()),
  }} />,
  document.getElementById('app')!,
);
