import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { loadPopupData } from '../../lib/services/popup';
import { assessTab, confirmImitationNow, disableSite, enableSite, tabSite } from '../../lib/services/sites';

// The tab the toolbar button was clicked on. Its URL is visible to us only through `activeTab`,
// which that click grants (DESIGN.md §4); looked up once, before any click, so that the Enable
// handler's first await is the permission request itself (it needs the merchant's gesture).
let tabId: number | undefined;
const tab = browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => {
  tabId = t?.id;
  return t;
});

render(
  <PopupApp
    load={async () => loadPopupData(tabSite((await tab)?.url), browser.i18n.getUILanguage())}
    openOptions={(tab) => void (tab ? browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${tab}`) }) : browser.runtime.openOptionsPage())}
    enableSite={(origin) => enableSite(origin, tabId)}
    loadPhishing={async () => {
      const t = await tab;
      const site = tabSite(t?.url);
      return assessTab(t?.id, site.kind === 'web' ? site.origin : null);
    }}
    confirmImitation={confirmImitationNow}
    disableSite={disableSite}
  />,
  document.getElementById('app')!,
);
