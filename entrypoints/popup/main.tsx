import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { loadPopupData } from '../../lib/services/popup';

// `?site=<origin>` names the site explicitly (used when the popup is opened as a tab in tests).
const override = new URLSearchParams(location.search).get('site');

async function currentOrigin(): Promise<string | null> {
  if (override) return override;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  try {
    const url = new URL(tab?.url ?? '');
    return url.protocol.startsWith('http') ? url.origin : null;
  } catch {
    return null;
  }
}

render(
  <PopupApp load={async () => loadPopupData(await currentOrigin(), browser.i18n.getUILanguage())} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
