// The content script's work on a portal page: read the tables, send new rows to the background,
// mark every captured row, highlight the flagged ones, and keep doing it as the page changes.
// One shared observer; everything is torn down through one AbortSignal (after refined-github).
import { h, render } from 'preact';
import type { CapturedTable, StoredFinding } from '../../lib/model';
import type { ContentToBackground, DisputeContext, ResponseOf, Result, RowFindings } from '../../lib/messaging';
import type { Locale } from '../../lib/i18n/messages';
import { RowFlag, explainFinding } from './RowFlag';
import { DisputePanel } from './DisputePanel';
import { InsertControl } from './InsertControl';
import { findComplaintTextareas, fillTextarea } from './form-fill';
import { PAGE_CSS, SHADOW_CSS } from './styles';

export type Send = <M extends ContentToBackground>(msg: M) => Promise<Result<ResponseOf[M['type']]>>;

export interface OverlayDeps {
  doc: Document;
  send: Send;
  readTables: (doc: Document, url: string, now: string) => CapturedTable[];
  now: () => string;
  signal: AbortSignal;
  /** debounce for page changes; new rows are captured within a second */
  settleMs?: number;
}

const HOST_TAGS = new Set(['SG-FLAG', 'SG-PANEL', 'SG-INSERT']);
const CAPTURE_CHUNK = 2000;

function isOurs(node: Node): boolean {
  return node.nodeType === 1 && HOST_TAGS.has((node as Element).tagName);
}

export class PortalOverlay {
  private readonly rows = new Map<string, Element>();
  private readonly sent = new Set<string>();
  private findings: Record<string, StoredFinding[]> = {};
  private language: RowFindings['language'] = 'auto';
  private currency = 'CNY';
  private panelHost: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scanning: Promise<void> = Promise.resolve();
  /** issues of rows the reader could not read, shown on the row, never guessed */
  unreadable = 0;

  constructor(private readonly deps: OverlayDeps) {}

  start(): void {
    const { doc, signal } = this.deps;
    const style = doc.createElement('style');
    style.dataset.sg = 'overlay';
    style.textContent = PAGE_CSS;
    (doc.head ?? doc.documentElement).append(style);
    const observer = new MutationObserver((records) => {
      if (records.every((r) => isOurs(r.target) || ([...r.addedNodes, ...r.removedNodes].length > 0
        && [...r.addedNodes, ...r.removedNodes].every(isOurs)))) return;
      this.schedule();
    });
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(this.timer);
      style.remove();
      this.panelHost?.remove();
      doc.querySelectorAll('sg-flag, sg-insert').forEach((el) => el.remove());
    });
    this.schedule(0);
  }

  /** Re-read the page soon; bursts of mutations (a table re-rendering) make one scan. */
  schedule(ms = this.deps.settleMs ?? 250): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.scanning = this.scanning.then(() => this.scan()).catch((e) => console.warn('[SettleGuard]', e)); }, ms);
  }

  /** Resolves once pending scans are done (tests and the demo wait on it). */
  idle(): Promise<void> {
    return this.scanning;
  }

  async scan(): Promise<void> {
    const { doc, readTables, now } = this.deps;
    if (this.deps.signal.aborted) return;
    const tables = readTables(doc, doc.location?.href ?? '', now());
    this.rows.clear();
    const fresh = [];
    let unreadable = 0;
    for (const table of tables) {
      for (const row of table.rows) {
        if (!row.transaction) {
          unreadable++;
          row.element.setAttribute('data-sg-unreadable', row.issues.map((i) => i.message).join('; ').slice(0, 500));
          continue;
        }
        const tx = row.transaction;
        row.element.setAttribute('data-sg-row', tx.id);
        this.rows.set(tx.id, row.element);
        this.currency = tx.amount.currency;
        if (!this.sent.has(tx.id)) fresh.push(tx);
      }
    }
    this.unreadable = unreadable;
    for (let i = 0; i < fresh.length; i += CAPTURE_CHUNK) {
      const chunk = fresh.slice(i, i + CAPTURE_CHUNK);
      const res = await this.deps.send({ type: 'content/capture', url: doc.location?.href ?? '', rows: chunk });
      if (res.ok) {
        chunk.forEach((tx) => this.sent.add(tx.id));
        this.language = res.value.language;
      } else {
        console.warn('[SettleGuard] capture refused:', res.error.message);
      }
    }
    await this.refresh();
    this.mountInsertControls();
  }

  /** Ask the background for the findings of the rows on screen and show them. */
  async refresh(): Promise<void> {
    const ids = [...this.rows.keys()];
    if (!ids.length) return;
    const res = await this.deps.send({ type: 'content/getFindings', transactionIds: ids });
    if (!res.ok) return;
    this.findings = res.value.byTransaction;
    this.language = res.value.language;
    this.apply();
  }

  get locale(): Locale {
    if (this.language !== 'auto') return this.language;
    return this.currency === 'CNY' ? 'zh-CN' : 'en';
  }

  private apply(): void {
    for (const [id, el] of this.rows) {
      const list = (this.findings[id] ?? []).filter((f) => f.status === 'open');
      const host = el.querySelector(':scope > * > sg-flag, :scope > sg-flag');
      if (!list.length) {
        el.removeAttribute('data-sg-finding');
        el.removeAttribute('data-sg-severity');
        if (el.getAttribute('data-sg-title') !== null) { el.removeAttribute('title'); el.removeAttribute('data-sg-title'); }
        host?.remove();
        continue;
      }
      const kinds = [...new Set(list.map((f) => f.kind))];
      el.setAttribute('data-sg-finding', kinds.join(' '));
      el.setAttribute('data-sg-severity', list.some((f) => f.severity === 'overcharge') ? 'overcharge' : 'suspect');
      el.setAttribute('title', list.map((f) => explainFinding(f, this.locale)).join('\n'));
      el.setAttribute('data-sg-title', '');
      const flagHost = (host as HTMLElement | null) ?? this.createHost('sg-flag', el.lastElementChild ?? el);
      render(h(RowFlag, { findings: list, locale: this.locale, onDispute: () => void this.openDispute(list.map((f) => f.id)) }), flagHost.shadowRoot!.lastElementChild!);
    }
  }

  private createHost(tag: string, parent: Element, position: 'append' | 'after' = 'append'): HTMLElement {
    const host = this.deps.doc.createElement(tag);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.deps.doc.createElement('style');
    style.textContent = SHADOW_CSS;
    shadow.append(style, this.deps.doc.createElement('div'));
    if (position === 'append') parent.append(host);
    else parent.after(host);
    return host;
  }

  async openDispute(findingIds: string[]): Promise<void> {
    const res = await this.deps.send({ type: 'content/getDisputeContext', findingIds });
    if (!res.ok) return;
    this.showPanel(res.value);
  }

  private showPanel(context: DisputeContext): void {
    const doc = this.deps.doc;
    this.panelHost ??= this.createHost('sg-panel', doc.body ?? doc.documentElement);
    const mount = this.panelHost.shadowRoot!.lastElementChild!;
    const close = () => render(null, mount);
    render(h(DisputePanel, {
      context,
      initialLocale: this.locale,
      onClose: close,
      onDismiss: async (findingId: string) => {
        await this.deps.send({ type: 'content/setFindingStatus', findingId, status: 'dismissed' });
        close();
        await this.refresh();
      },
      onDraft: (d) => void this.deps.send({ type: 'content/recordDraft', findingIds: context.findings.map((f) => f.id), ...d }),
    }), mount);
  }

  private mountInsertControls(): void {
    for (const area of findComplaintTextareas(this.deps.doc)) {
      if (area.nextElementSibling?.tagName === 'SG-INSERT') continue;
      const host = this.createHost('sg-insert', area, 'after');
      render(h(InsertControl, {
        locale: this.locale,
        loadDrafts: async () => {
          const res = await this.deps.send({ type: 'content/latestDrafts' });
          return res.ok ? res.value : [];
        },
        onInsert: (text: string) => fillTextarea(area, text),
      }), host.shadowRoot!.lastElementChild!);
    }
  }
}
