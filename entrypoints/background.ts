import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { handleContentMessage } from '../lib/services/background';
import { syncRegisteredSites } from '../lib/services/sites';
import { REMINDER_ALARM, remindOverdueDisputes, scheduleReminders } from '../lib/services/reminders';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleContentMessage(message, sender, browser.runtime.id).then(sendResponse);
    return true; // the response is sent asynchronously
  });
  browser.runtime.onInstalled.addListener(() => {
    void syncRegisteredSites();
    scheduleReminders();
  });
  browser.runtime.onStartup.addListener(scheduleReminders);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void remindOverdueDisputes();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith('sg-dispute:')) void browser.tabs.create({ url: browser.runtime.getURL('/options.html#disputes') });
  });
});
