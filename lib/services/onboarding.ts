// The first-run checklist (issue 15 item 1): enable your portal, import a bank statement, set your
// fee contract, give your details for letters. Each step's state is read from the stores, so the
// checklist is right however the merchant got there (welcome page, popup, a restored backup).
import { browser } from 'wxt/browser';
import type { MerchantDetails, SettleGuardDb } from '../db';
import { type MerchantField, missingMerchantDetails } from '../disputes/merchant';
import { loadSettings } from './settings';
import { storedCounts } from './dashboard';

export type StepId = 'portal' | 'statement' | 'contract' | 'details';
export const STEPS: readonly StepId[] = ['portal', 'statement', 'contract', 'details'];

/** What the checklist is decided from. */
export interface OnboardingFacts {
  /** rows captured from any portal */
  rows: number;
  /** origins the merchant enabled (built-in portals need no enabling) */
  enabledSites: string[];
  statementLines: number;
  contractLabels: string[];
  merchant: MerchantDetails;
  /** 商户号 and 商户名称 read from captured rows: as good as typed in, for letters too (services/disputes.ts) */
  rowMerchantIds: string[];
  rowMerchantNames: string[];
  currency: string;
}

export interface Checklist {
  done: Record<StepId, boolean>;
  doneCount: number;
  total: number;
  complete: boolean;
  /** the merchant details letters still lack */
  missingDetails: MerchantField[];
  facts: OnboardingFacts;
}

export function checklistOf(facts: OnboardingFacts): Checklist {
  const missingDetails = missingMerchantDetails({ ...facts.merchant, name: facts.merchant.name ?? facts.rowMerchantNames[0] }, facts.rowMerchantIds);
  const done: Record<StepId, boolean> = {
    portal: facts.rows > 0,
    statement: facts.statementLines > 0,
    contract: facts.contractLabels.length > 0,
    details: missingDetails.length === 0,
  };
  const doneCount = STEPS.filter((s) => done[s]).length;
  return { done, doneCount, total: STEPS.length, complete: doneCount === STEPS.length, missingDetails, facts };
}

export async function loadChecklist(db: SettleGuardDb): Promise<Checklist> {
  const [counts, sites, contracts, settings, firstRows] = await Promise.all([
    // from the last reconciliation's summary: count() walks every key (~0.6 s at 100,000 rows)
    storedCounts(db),
    db.sites.toArray(),
    db.contracts.toArray(),
    loadSettings(db),
    // a portal shows the shop's 商户号 on every row: the first rows are enough to know it
    db.transactions.limit(200).toArray(),
  ]);
  return checklistOf({
    rows: counts.transactions,
    enabledSites: sites.filter((s) => s.enabled).map((s) => s.id),
    statementLines: counts.statementLines,
    contractLabels: contracts.map((c) => c.label || c.id),
    merchant: settings.merchant,
    rowMerchantIds: [...new Set(firstRows.flatMap((t) => (t.merchantId ? [t.merchantId] : [])))],
    rowMerchantNames: [...new Set(firstRows.flatMap((t) => (t.merchantName ? [t.merchantName] : [])))],
    currency: settings.defaultCurrency,
  });
}

/** The options page's welcome tab. */
export const WELCOME_PATH = '/options.html#welcome';

/** A fresh install opens the checklist; an update or a browser update does not. */
export function opensWelcome(details: { reason: string }): boolean {
  return details.reason === 'install';
}

export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
}
