import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { handleContentMessage } from '../lib/services/background';
import { getDb } from '../lib/db';
import { startGrantedSites, stopRemovedSites, syncRegisteredSites } from '../lib/services/sites';
import { REMINDER_ALARM, remindOverdueDisputes, scheduleReminders } from '../lib/services/reminders';
import { openWelcome, opensWelcome } from '../lib/services/onboarding';

export default defineBackground(() => {
  // open the database as the worker starts, not on the first capture: opening (and, on a new
  // profile, creating) it took 30–45 ms of the first 50-row page's time to its highlight
  void getDb().open();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleContentMessage(message, sender, browser.runtime.id).then(sendResponse);
    return true; // the response is sent asynchronously
  });
  browser.runtime.onInstalled.addListener((details) => {
    void syncRegisteredSites();
    scheduleReminders();
    // a fresh install opens the welcome checklist (issue 15 item 1)
    if (opensWelcome(details)) void openWelcome();
  });
  browser.runtime.onStartup.addListener(scheduleReminders);
  // "Enable on this site": the permission prompt closes the popup that asked (Chromium), so the
  // background finishes the job when the merchant grants the origin
  browser.permissions.onAdded.addListener((p) => void startGrantedSites(p.origins ?? []));
  browser.permissions.onRemoved.addListener((p) => void stopRemovedSites(p.origins ?? []));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void remindOverdueDisputes();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith('sg-dispute:')) void browser.tabs.create({ url: browser.runtime.getURL('/options.html#disputes') });
  });
});
