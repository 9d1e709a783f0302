// The dispute tracker in the options page's Disputes tab: draft → sent (ticket) → acknowledged →
// partly refunded → refunded in full, with the portal row, the findings and the popup following;
// and the reject path, which offers the next escalation letter.
import { test, expect, type Locator } from '@playwright/test';
import { DEMO } from '../support/demo-data';
import { ToolbarPopup } from '../support/toolbar-popup';
import { evaluateInOverlay } from '../support/overlay';
import { demoProblem, draftFromRow, readDisputes, readFindings, openDisputesTab, startDemo, type DemoWorld } from '../fixtures/forms/harness';

let world: DemoWorld;

test.beforeEach(async () => {
  world = await startDemo();
});
test.afterEach(async () => {
  await world?.close();
});

/** What the toolbar popup, opened on the portal's tab as the merchant does, shows as recovered. */
async function popupRecovered(): Promise<string> {
  const popup = await ToolbarPopup.open(world.session, world.portal.page);
  try {
    await popup.waitFor('document.querySelector("[data-testid=sg-popup-recovered]")');
    return await popup.textOf('[data-testid=sg-popup-recovered]');
  } finally {
    await popup.close();
  }
}

/** The options page follows the browser's language (zh-CN in these sessions): accept either. */
const either = (zh: string, en: string) => new RegExp(`^(${zh}|${en})$`);
const STATUS = {
  draft: either('草稿', 'Draft'),
  sent: either('已提交', 'Sent'),
  acknowledged: either('已受理', 'Acknowledged'),
  partial: either('部分退款', 'Partly refunded'),
  full: either('已全额退款', 'Refunded'),
  rejected: either('被驳回', 'Rejected'),
};
const UI = {
  showDraft: either('申诉函', 'Letter'),
  ticket: either('工单号', 'Ticket number'),
  markSent: either('标记为已提交', 'Mark as sent'),
  acknowledged: either('收单机构已受理', 'Acquirer acknowledged'),
  recovered: either('已追回', 'Recovered'),
  recordRefund: either('登记退款', 'Record a refund'),
  reason: either('驳回理由', 'Reason given'),
  markRejected: either('已被驳回', 'Rejected'),
  writtenComplaint: either('正式书面投诉|书面投诉', 'Formal written complaint'),
  regulator: either('监管部门/行业协会', 'Regulator / industry association'),
  markEscalated: either('标记升级投诉已提交', 'Mark escalation as sent'),
};

test('a dispute goes draft → sent → acknowledged → partly → fully refunded; row, findings and popup follow', async () => {
  const { portal, session } = world;
  const { worker } = session;
  const fee = demoProblem('fee_above_contract');
  const rrn = fee.rrns[0]!;
  const row = portal.rowByRrn(rrn);
  await expect(row).toHaveAttribute('data-sg-finding', /fee_above_contract/);
  const dispute = await draftFromRow(portal, worker, rrn);
  expect(dispute.status).toBe('draft');
  expect(dispute.claimed).toEqual({ amount: fee.atStake, currency: 'CNY' });

  const page = await openDisputesTab(world);
  const card: Locator = page.getByTestId('sg-dispute');
  const status = card.getByTestId('sg-dispute-status');
  const recovered = card.getByTestId('sg-dispute-recovered');
  await expect(card).toHaveCount(1);
  await expect(status).toHaveText(STATUS.draft);
  await expect(recovered).toHaveText('¥0.00');
  // the draft is there to read
  await card.getByRole('button', { name: UI.showDraft }).click();
  await expect(card.getByTestId('sg-dispute-text')).toContainText(rrn);

  // sent, with the acquirer's ticket number
  const ticket = 'TS202603160042';
  await card.getByRole('textbox', { name: UI.ticket }).fill(ticket);
  await card.getByRole('button', { name: UI.markSent }).click();
  await expect(status).toHaveText(STATUS.sent);
  await expect(card).toContainText(ticket);
  await expect(card.getByTestId('sg-dispute-next')).toContainText(/跟进|follow up/i);
  await expect.poll(async () => (await readDisputes(worker))[0]?.ticketNo).toBe(ticket);
  const findingStatus = async () => (await readFindings(worker)).filter((f) => dispute.findingIds.includes(f.id)).map((f) => f.status);
  await expect.poll(findingStatus).toEqual(['disputed']);
  // Overlay: only 'open' findings are highlighted (DESIGN.md), so a disputed row loses its
  // highlight and Dispute control without a reload, and says quietly that a dispute is under way;
  // the other flagged rows keep theirs.
  await expect(row).not.toHaveAttribute('data-sg-finding', /fee_above_contract/);
  await expect(row).toHaveAttribute('data-sg-disputed', 'fee_above_contract');
  const flag = (root: ShadowRoot) => ({ text: root.textContent ?? '', buttons: root.querySelectorAll('button').length });
  await expect.poll(() => evaluateInOverlay(row.page(), row.locator('sg-flag'), flag)).toEqual({ text: expect.stringMatching(/申诉中|Disputed/), buttons: 0 });
  await expect(portal.rowByRrn(demoProblem('duplicate_charge').rrns[0]!)).toHaveAttribute('data-sg-finding', /duplicate_charge/);

  // the popup now counts the dispute: nothing recovered yet
  await expect.poll(popupRecovered).toContain('0.00');

  // acknowledged
  await page.bringToFront();
  await card.getByRole('button', { name: UI.acknowledged }).click();
  await expect(status).toHaveText(STATUS.acknowledged);

  // a refund that is not an amount is refused and changes nothing
  await card.getByRole('textbox', { name: UI.recovered }).fill('abc');
  await card.getByRole('button', { name: UI.recordRefund }).click();
  await expect(card.getByRole('alert')).toContainText('abc');
  await expect(status).toHaveText(STATUS.acknowledged);

  // partly refunded
  await card.getByRole('textbox', { name: UI.recovered }).fill('0.50');
  await card.getByRole('button', { name: UI.recordRefund }).click();
  await expect(status).toHaveText(STATUS.partial);
  await expect(recovered).toHaveText('¥0.50');
  await expect.poll(findingStatus).toEqual(['disputed']);
  await expect.poll(popupRecovered).toContain('¥0.50');

  // refunded in full: the rest comes back
  await page.bringToFront();
  await card.getByRole('textbox', { name: UI.recovered }).fill('1.50');
  await card.getByRole('button', { name: UI.recordRefund }).click();
  await expect(status).toHaveText(STATUS.full);
  await expect(recovered).toHaveText('¥2.00');
  await expect(card.getByTestId('sg-dispute-next')).toHaveText(either('已完成', 'Done'));
  // closed: no more refund / reject controls
  await expect(card.getByRole('button', { name: UI.recordRefund })).toHaveCount(0);
  await expect.poll(findingStatus).toEqual(['resolved']);
  await expect.poll(async () => (await readDisputes(worker))[0]?.recovered).toEqual({ amount: '2.00', currency: 'CNY' });

  // refunded in full: the row is clean, also after a reload (a fresh capture keeps the decision)
  await portal.page.bringToFront();
  await expect(row).not.toHaveAttribute('data-sg-finding');
  await expect(row).not.toHaveAttribute('data-sg-disputed');
  await expect(row.locator('sg-flag')).toHaveCount(0);
  await portal.page.reload();
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  await expect(portal.rowByRrn(demoProblem('duplicate_charge').rrns[0]!)).toHaveAttribute('data-sg-finding', /duplicate_charge/);
  await expect(row).not.toHaveAttribute('data-sg-finding');

  await expect.poll(popupRecovered).toContain('¥2.00');
});

test('a rejected dispute offers the formal written complaint, then the regulator, each with its letter', async () => {
  const { portal, session } = world;
  const dup = demoProblem('duplicate_charge');
  const rrn = dup.rrns[1]!;
  await draftFromRow(portal, session.worker, rrn);
  const page = await openDisputesTab(world);
  const card = page.getByTestId('sg-dispute');
  const status = card.getByTestId('sg-dispute-status');
  await expect(card).toHaveCount(1);
  await card.getByRole('textbox', { name: UI.ticket }).fill('TS-1');
  await card.getByRole('button', { name: UI.markSent }).click();
  await expect(status).toHaveText(STATUS.sent);
  // no escalation is offered while the acquirer still has time to answer
  await expect(card.getByRole('button', { name: UI.writtenComplaint })).toHaveCount(0);

  await card.getByRole('textbox', { name: UI.reason }).fill('系统显示交易正常');
  await card.getByRole('button', { name: UI.markRejected }).click();
  await expect(status).toHaveText(STATUS.rejected);
  await expect(card.getByTestId('sg-dispute-next')).toContainText(/升级投诉|Escalate/);

  const written = card.getByRole('button', { name: UI.writtenComplaint });
  await expect(written).toBeVisible();
  await written.click();
  // the portal gave the name and 商户号, not a contact: asked for once, never written as 未知
  const details = card.getByTestId('sg-merchant-form');
  await details.locator('input[name=contact]').fill('王芳');
  await details.locator('input[name=phone]').fill('021-5555 0100');
  await details.getByTestId('sg-merchant-save').click();
  const letter = card.getByTestId('sg-dispute-text');
  await expect(letter).toHaveCount(1);
  await expect(letter).toContainText('联系人：王芳');
  await expect(letter).toContainText('联系电话：021-5555 0100');
  await expect(letter).not.toContainText('未知');
  await expect(letter).toContainText('书面投诉');
  await expect(letter).toContainText(rrn);
  await expect(letter).toContainText('TS-1');
  await expect(letter).toContainText('系统显示交易正常');
  await expect(letter).toContainText(dup.atStake);

  // the written complaint goes out; when that is rejected too, the regulator is next
  await card.getByRole('button', { name: UI.markEscalated }).click();
  await expect(status).toHaveText(STATUS.sent);
  await card.getByRole('button', { name: UI.markRejected }).click();
  await expect(status).toHaveText(STATUS.rejected);
  const regulator = card.getByRole('button', { name: UI.regulator });
  await expect(regulator).toBeVisible();
  await regulator.click();
  await expect(card.getByTestId('sg-dispute-text')).toContainText('12363');
});
