import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { handleContentMessage } from '../lib/services/background';
import { syncRegisteredSites } from '../lib/services/sites';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleContentMessage(message, sender, browser.runtime.id).then(sendResponse);
    return true; // the response is sent asynchronously
  });
  browser.runtime.onInstalled.addListener(() => void syncRegisteredSites());
});
