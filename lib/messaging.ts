// The typed message protocol (DESIGN.md §4). Names say who may send them: `content/…` from the
// content script to the background, `ui/…` from extension pages, `bg/…` from the background to
// tabs (after Dark Reader). Payloads are plain JSON; the background validates every one.
import type { Finding, FindingStatus, PortalTransaction, StatementLine, StoredFinding } from './model';
import type { MerchantDetails } from './db';
import { fullCardNumberColumn } from './cards';
import { TEACHABLE_FIELDS } from './portals/columns';
import type { CaptureFacts } from './coverage';
import { portalIssueText } from './i18n/issues-portal';

export interface CaptureMessage {
  type: 'content/capture';
  url: string;
  rows: PortalTransaction[];
  /** the merchant re-taught the columns: these readings replace the stored ones of the same ids */
  retaught?: boolean;
  /** what the page states about its query, for coverage (lib/portals/page-meta.ts readPageFacts) */
  facts?: CaptureFacts;
}
export interface GetFindingsMessage {
  type: 'content/getFindings';
  transactionIds: string[];
}

/** The columns the merchant taught for the tables of the sender's site (issue 3 "Teach it a table"). */
export interface SaveColumnMapMessage {
  type: 'content/saveColumnMap';
  /** header as shown (or `#n`) → PortalTransaction field, null = not data; replaces the site's map */
  columnMap: Record<string, string | null>;
}
/** What the content script needs at start for the sender's site: taught columns, default currency. */
export interface GetSiteConfigMessage {
  type: 'content/getSiteConfig';
}
/**
 * The merchant clicked "I trust this site" on the phishing warning (issue 14 item 10): the sender's
 * origin is kept as confirmed (never one the payload names); `brand` is the acquirer it looked like.
 */
export interface ConfirmImitationMessage {
  type: 'content/confirmImitation';
  brand: string;
}

/**
 * Tables on the sender's page that look like transactions but gave no rows (issue 12 "Bad
 * input"), each with the columns it could not place; an empty list says there are none (any
 * earlier report for the site goes). The popup shows it with "Teach columns".
 */
export interface ReportUnreadTablesMessage {
  type: 'content/reportUnreadTables';
  url: string;
  tables: { unplaced: string[] }[];
}

export type ContentToBackground =
  | CaptureMessage
  | GetFindingsMessage
  | SaveColumnMapMessage
  | GetSiteConfigMessage
  | ConfirmImitationMessage
  | ReportUnreadTablesMessage;

export interface FindingsChangedMessage {
  type: 'bg/findingsChanged';
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export interface ResultError {
  code: string;
  /** English, for logs */
  message: string;
  /** the reason in the issue catalogues where the merchant sees it (a refused capture): key and params */
  i18n?: { key: string; params: Record<string, string> };
}

export interface RowFindings {
  /** open findings by transaction id (only those of the requested rows) */
  byTransaction: Record<string, StoredFinding[]>;
  /** the disputed ones among them whose latest dispute the acquirer rejected (the merchant may escalate) */
  rejected?: string[];
  language: 'auto' | 'zh-CN' | 'en';
}

export interface CaptureOutcome extends RowFindings {
  added: number;
  updated: number;
  known: number;
  /** rows not stored: read on another origin than the sender's (issue 14 item 2), with their index in the batch */
  refused?: { index: number; code: 'other_origin'; message: string }[];
}

export interface DisputeContext {
  findings: Finding[];
  transactions: PortalTransaction[];
  statementLines: StatementLine[];
  merchant: MerchantDetails;
  contractLabel?: string;
  language: 'auto' | 'zh-CN' | 'en';
  asOf: string;
  /** the merchant's own letter templates, where set */
  templates?: Partial<Record<'zh-CN' | 'en', { subject: string; body: string }>>;
}

export interface DraftSummary {
  id: string;
  subject: string;
  /** what tells drafts apart in a list: the kinds of finding and the money claimed */
  label: string;
  text: string;
  updatedAt: string;
}

export interface SiteConfig {
  /** the site (origin) the config belongs to: the sender's, never one the page names */
  origin: string;
  columnMap: Record<string, string | null>;
  defaultCurrency: string;
  /** the merchant trusts this origin although its page imitates an acquirer's portal (lib/phishing.ts) */
  imitationConfirmed?: boolean;
  /** the language setting, so the overlay's first words (the phishing warning) follow it too */
  language?: 'auto' | 'zh-CN' | 'en';
}

export interface ResponseOf {
  'content/capture': CaptureOutcome;
  'content/getFindings': RowFindings;
  'content/saveColumnMap': SiteConfig;
  'content/getSiteConfig': SiteConfig;
  'content/confirmImitation': SiteConfig;
  'content/reportUnreadTables': { tables: number };
}

const MAX_TAUGHT_COLUMNS = 500;

/** A taught column map: at most 500 headers of < 200 characters, each a known field or null. */
function isColumnMap(v: unknown): v is Record<string, string | null> {
  if (!isObject(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length <= MAX_TAUGHT_COLUMNS &&
    entries.every(
      ([header, field]) =>
        header.length > 0 &&
        header.length < 200 &&
        header !== '__proto__' &&
        (field === null || (typeof field === 'string' && (TEACHABLE_FIELDS as readonly string[]).includes(field))),
    )
  );
}

const _FINDING_STATUSES: readonly FindingStatus[] = ['open', 'dismissed', 'disputed', 'resolved'];
const MAX_ROWS_PER_MESSAGE = 20_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStringArray(v: unknown, max = 10_000): v is string[] {
  return Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && s.length < 512);
}
function isMoney(v: unknown): boolean {
  return isObject(v) && typeof v.amount === 'string' && /^[+-]?\d+(\.\d+)?$/.test(v.amount) && typeof v.currency === 'string';
}
function isTransaction(v: unknown): v is PortalTransaction {
  if (!isObject(v)) return false;
  const ev = v.evidence;
  return (
    typeof v.id === 'string' &&
    typeof v.portal === 'string' &&
    typeof v.occurredAt === 'string' &&
    typeof v.kind === 'string' &&
    typeof v.status === 'string' &&
    isMoney(v.amount) &&
    (v.fee === undefined || isMoney(v.fee)) &&
    (v.net === undefined || isMoney(v.net)) &&
    typeof v.cardType === 'string' &&
    isObject(ev) &&
    typeof ev.url === 'string' &&
    isObject(ev.cells) &&
    hasNoFullCardNumber(v, ev.cells)
  );
}

/**
 * Never a full card number (DESIGN.md §3): the card fields hold at most a BIN and last 4, and a
 * card column's cell text must be masked (lib/cards.ts isCardNumberHeader, the rule the portal
 * reader masks by). Other 13–19 digit values (商户号, 订单号, a Merchant Account) are keys.
 */
function hasNoFullCardNumber(v: Record<string, unknown>, cells: Record<string, unknown>): boolean {
  if (v.cardBin !== undefined && !(typeof v.cardBin === 'string' && /^\d{6,8}$/.test(v.cardBin))) return false;
  if (v.cardLast4 !== undefined && !(typeof v.cardLast4 === 'string' && /^\d{4}$/.test(v.cardLast4))) return false;
  return Object.values(cells).every((text) => typeof text === 'string') && fullCardNumberColumn(cells) === undefined;
}

/** The refusal's reason, named for the merchant: the first bad row and, for a card column, which one. */
/** Why a capture's rows are refused, in the catalogues' words (the overlay shows it in its language). */
function whyNotTransaction(rows: unknown[]): { key: string; params: Record<string, string> } {
  const at = rows.findIndex((r) => !isTransaction(r));
  const row = rows[at];
  const cells = isObject(row) && isObject(row.evidence) && isObject(row.evidence.cells) ? row.evidence.cells : {};
  const column = fullCardNumberColumn(cells);
  return column !== undefined
    ? { key: 'issuePart.refused.fullCardNumber', params: { row: String(at + 1), column: column.slice(0, 64) } }
    : { key: 'issuePart.refused.notTransaction', params: { row: String(at + 1) } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const shortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Page facts as lib/portals/page-meta.ts reads them: each part optional, each bounded. */
function isCaptureFacts(v: unknown): v is CaptureFacts {
  if (!isObject(v)) return false;
  if (v.merchantId !== undefined && !shortString(v.merchantId, 64)) return false;
  if (v.merchantName !== undefined && !shortString(v.merchantName, 200)) return false;
  if (v.walkedAllPages !== undefined && typeof v.walkedAllPages !== 'boolean') return false;
  const r = v.dateRange;
  if (r !== undefined && !(isObject(r) && typeof r.from === 'string' && ISO_DATE.test(r.from) && typeof r.to === 'string' && ISO_DATE.test(r.to))) return false;
  const s = v.stated;
  if (s === undefined) return true;
  if (!isObject(s) || !shortString(s.source, 64)) return false;
  if (s.count !== undefined && !(Number.isSafeInteger(s.count) && (s.count as number) >= 0)) return false;
  const a = s.amount;
  return (
    a === undefined ||
    (isObject(a) &&
      typeof a.value === 'string' &&
      /^[+-]?\d+(\.\d+)?$/.test(a.value) &&
      (a.currency === undefined || (typeof a.currency === 'string' && /^[A-Z]{3}$/.test(a.currency))))
  );
}

/** Only the known parts of validated facts, so nothing else a page put there is stored. */
function copyFacts(f: CaptureFacts): CaptureFacts {
  const s = f.stated;
  return {
    ...(f.merchantId !== undefined ? { merchantId: f.merchantId } : {}),
    ...(f.merchantName !== undefined ? { merchantName: f.merchantName } : {}),
    ...(f.dateRange ? { dateRange: { from: f.dateRange.from, to: f.dateRange.to } } : {}),
    ...(s
      ? {
          stated: {
            ...(s.count !== undefined ? { count: s.count } : {}),
            ...(s.amount ? { amount: { value: s.amount.value, ...(s.amount.currency ? { currency: s.amount.currency } : {}) } } : {}),
            source: s.source,
          },
        }
      : {}),
    ...(f.walkedAllPages ? { walkedAllPages: true } : {}),
  };
}

/** Validates a message from a content script; returns a typed message or why it was refused. */
export function parseContentMessage(raw: unknown): Result<ContentToBackground> {
  const bad = (message: string): Result<ContentToBackground> => ({ ok: false, error: { code: 'bad_message', message } });
  if (!isObject(raw) || typeof raw.type !== 'string') return bad('not a message');
  switch (raw.type) {
    case 'content/capture':
      if (typeof raw.url !== 'string' || !Array.isArray(raw.rows) || raw.rows.length > MAX_ROWS_PER_MESSAGE) return bad('capture: url and rows expected');
      if (!raw.rows.every(isTransaction)) {
        const i18n = whyNotTransaction(raw.rows);
        return { ok: false, error: { code: 'bad_message', message: `capture: ${portalIssueText('en', { message: '', i18n })}`, i18n } };
      }
      if (raw.retaught !== undefined && typeof raw.retaught !== 'boolean') return bad('capture: retaught must be a boolean');
      if (raw.facts !== undefined && !isCaptureFacts(raw.facts)) return bad('capture: facts must be page facts (merchant, date range, stated count/amount)');
      return {
        ok: true,
        value: {
          type: raw.type,
          url: raw.url,
          rows: raw.rows,
          ...(raw.retaught ? { retaught: true } : {}),
          ...(raw.facts !== undefined ? { facts: copyFacts(raw.facts) } : {}),
        },
      };
    case 'content/getFindings':
      if (!isStringArray(raw.transactionIds, MAX_ROWS_PER_MESSAGE)) return bad('getFindings: transactionIds expected');
      return { ok: true, value: { type: raw.type, transactionIds: raw.transactionIds } };
    case 'content/saveColumnMap':
      if (!isColumnMap(raw.columnMap)) return bad('saveColumnMap: columnMap of header → known field or null expected');
      return { ok: true, value: { type: raw.type, columnMap: { ...raw.columnMap } } };
    case 'content/getSiteConfig':
      return { ok: true, value: { type: raw.type } };
    case 'content/confirmImitation':
      if (typeof raw.brand !== 'string' || !/^[a-z0-9-]{1,40}$/.test(raw.brand)) return bad('confirmImitation: brand id expected');
      return { ok: true, value: { type: raw.type, brand: raw.brand } };
    case 'content/reportUnreadTables':
      if (
        typeof raw.url !== 'string' ||
        raw.url.length > 4096 ||
        !Array.isArray(raw.tables) ||
        raw.tables.length > 50 ||
        !raw.tables.every((x) => isObject(x) && isStringArray(x.unplaced, 100))
      )
        return bad('reportUnreadTables: url and tables of unplaced column names expected');
      return { ok: true, value: { type: raw.type, url: raw.url, tables: raw.tables.map((x) => ({ unplaced: [...(x as { unplaced: string[] }).unplaced] })) } };
    default:
      return bad(`unknown message type ${raw.type.slice(0, 64)}`);
  }
}

// ── The dispute panel (DESIGN.md DOM contract: an extension page in an iframe) ──────────────
// `panel/…` come from entrypoints/panel, a page of the extension's own origin that the overlay
// shows in a frame on the portal; the page around it can neither read it nor click in it. The
// background answers for the site of the tab hosting the frame (lib/services/panel.ts), never a
// site the URL or payload names. The content script asks for none of this: it never sees letters.

/** What the letter of these findings needs; only findings of the hosting tab's site. */
export interface PanelDisputeMessage {
  type: 'panel/dispute';
  findingIds: string[];
}
/** This site's dispute drafts, newest first (the list behind Insert). */
export interface PanelDraftsMessage {
  type: 'panel/drafts';
}
/**
 * The merchant acted on a previewed letter (issue 15 item 3: previewing creates nothing): copied
 * it, inserted it into the page's complaint form, or marked it sent. Only then is the dispute kept.
 */
export interface PanelSaveDraftMessage {
  type: 'panel/saveDraft';
  action: 'copy' | 'insert' | 'sent';
  findingIds: string[];
  locale: 'zh-CN' | 'en';
  subject: string;
  text: string;
}
/** Insert a kept draft of this site into the hosting tab's complaint form. */
export interface PanelInsertMessage {
  type: 'panel/insert';
  draftId: string;
}
export interface PanelDismissMessage {
  type: 'panel/dismiss';
  findingId: string;
}
/** The panel's Close (or Escape): the hosting tab's overlay removes the frame. */
export interface PanelCloseMessage {
  type: 'panel/close';
}

export type PanelToBackground = PanelDisputeMessage | PanelDraftsMessage | PanelSaveDraftMessage | PanelInsertMessage | PanelDismissMessage | PanelCloseMessage;

export interface PanelResponseOf {
  'panel/dispute': DisputeContext;
  'panel/drafts': DraftSummary[];
  /** the kept draft; for 'insert', whether the page's form took it (nothing is kept when it did not) */
  'panel/saveDraft': { draft: DraftSummary | null; inserted?: boolean };
  'panel/insert': { inserted: boolean };
  'panel/dismiss': { dismissed: boolean };
  'panel/close': { closed: boolean };
}

/** From the background to the top frame's content script of the tab hosting the panel. */
export interface FillComplaintMessage {
  type: 'bg/fillComplaint';
  text: string;
}
export interface ClosePanelMessage {
  type: 'bg/closePanel';
}
export type BackgroundToContent = FindingsChangedMessage | FillComplaintMessage | ClosePanelMessage;

const MAX_LETTER_CHARS = 200_000;

/**
 * The content script's one message about the panel: a ticket for the frame it is about to show,
 * on the merchant's click. The panel sends it with every message; a frame the page made itself
 * has none, so it gets nothing (the page cannot read our closed shadow root or the frame's URL).
 */
export interface OpenPanelMessage {
  type: 'content/openPanel';
}

/** Messages lib/services/panel.ts answers: the panel's, and the content script's content/openPanel. */
export function isPanelMessageType(raw: unknown): boolean {
  return isObject(raw) && typeof raw.type === 'string' && (raw.type.startsWith('panel/') || raw.type === 'content/openPanel');
}

/** The ticket a panel message carries (empty when it carries none). */
export function ticketOf(raw: unknown): string {
  return isObject(raw) && typeof raw.ticket === 'string' && raw.ticket.length <= 128 ? raw.ticket : '';
}

/** Validates a message from the panel page; returns a typed message or why it was refused. */
export function parsePanelMessage(raw: unknown): Result<PanelToBackground> {
  const bad = (message: string): Result<PanelToBackground> => ({ ok: false, error: { code: 'bad_message', message } });
  if (!isObject(raw) || typeof raw.type !== 'string') return bad('not a message');
  const findingIds = (v: unknown): v is string[] => isStringArray(v, 1000) && v.length > 0;
  switch (raw.type) {
    case 'panel/dispute':
      if (!findingIds(raw.findingIds)) return bad('panel/dispute: findingIds expected');
      return { ok: true, value: { type: raw.type, findingIds: [...raw.findingIds] } };
    case 'panel/drafts':
    case 'panel/close':
      return { ok: true, value: { type: raw.type } };
    case 'panel/saveDraft':
      if (
        (raw.action !== 'copy' && raw.action !== 'insert' && raw.action !== 'sent') ||
        !findingIds(raw.findingIds) ||
        (raw.locale !== 'zh-CN' && raw.locale !== 'en') ||
        typeof raw.subject !== 'string' ||
        raw.subject.length > 2000 ||
        typeof raw.text !== 'string' ||
        raw.text.length === 0 ||
        raw.text.length > MAX_LETTER_CHARS
      )
        return bad('panel/saveDraft: action (copy, insert, sent), findingIds, locale, subject, text expected');
      return {
        ok: true,
        value: { type: raw.type, action: raw.action, findingIds: [...raw.findingIds], locale: raw.locale, subject: raw.subject, text: raw.text },
      };
    case 'panel/insert':
      if (!shortString(raw.draftId, 512)) return bad('panel/insert: draftId expected');
      return { ok: true, value: { type: raw.type, draftId: raw.draftId } };
    case 'panel/dismiss':
      if (!shortString(raw.findingId, 512)) return bad('panel/dismiss: findingId expected');
      return { ok: true, value: { type: raw.type, findingId: raw.findingId } };
    default:
      return bad(`unknown message type ${raw.type.slice(0, 64)}`);
  }
}
