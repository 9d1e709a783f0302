import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { loadPopupData } from '../../lib/services/popup';
import { disableSite, enableSite } from '../../lib/services/sites';

// `?site=<origin>` names the site explicitly (used when the popup is opened as a tab in tests).
const override = new URLSearchParams(location.search).get('site');

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function currentOrigin(): Promise<string | null> {
  if (override) return override;
  const tab = await activeTab();
  try {
    const url = new URL(tab?.url ?? '');
    return url.protocol.startsWith('http') ? url.origin : null;
  } catch {
    return null;
  }
}

render(
  <PopupApp
    load={async () => loadPopupData(await currentOrigin(), browser.i18n.getUILanguage())}
    openOptions={() => void browser.runtime.openOptionsPage()}
    enableSite={async (origin) => enableSite(origin, override ? undefined : (await activeTab())?.id)}
    disableSite={disableSite}
  />,
  document.getElementById('app')!,
);
