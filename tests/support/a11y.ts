// axe-core over the extension's screens (issue 15 item 7), shared by tests/e2e/a11y.spec.ts and
// the screenshot script: the options page through @axe-core/playwright; the toolbar popup, the
// panel frame and the overlay with the same axe-core build injected where Playwright's builder
// cannot go (the popup is a CDP target of its own; the overlay lives in closed shadow roots).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { CDPSession, Frame, Page, Worker } from '@playwright/test';
import type { ToolbarPopup } from './toolbar-popup';

export type Language = 'zh-CN' | 'en';
export type Scheme = 'light' | 'dark';

/** One violated rule, as reported: which rule, how bad, where (CSS paths) and why. */
export interface Violation {
  id: string;
  impact: ImpactValue | null;
  nodes: { target: string; summary: string }[];
}

export interface AxeRow {
  screen: string;
  language: Language;
  scheme: Scheme;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  /** rules run and passed on at least one element: a screen axe saw nothing of would have none */
  passes: number;
  violations: Violation[];
}

function toViolations(list: Result[]): Violation[] {
  return list.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
  }));
}

export function rowOf(screen: string, language: Language, scheme: Scheme, results: Pick<AxeResults, 'violations' | 'passes'>): AxeRow {
  const violations = toViolations(results.violations);
  const count = (impact: ImpactValue) => violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
  return {
    screen,
    language,
    scheme,
    critical: count('critical'),
    serious: count('serious'),
    moderate: count('moderate'),
    minor: count('minor'),
    passes: results.passes.length,
    violations,
  };
}

/** The serious and critical ones, one line each, for an assertion's message. */
export function blocking(row: AxeRow): string[] {
  return row.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${row.screen} ${row.language} ${row.scheme}: ${v.id} (${v.impact}) at ${n.target}: ${n.summary}`));
}

/** An extension page Playwright drives (the options page). */
export async function axeOnPage(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).analyze();
}

// what comes back from a run inside the page: JSON only
const RUN = `(ctx) => axe.run(ctx ?? document, { resultTypes: ['violations', 'passes'] }).then((r) => ({
  violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
  passes: r.passes.map((p) => ({ id: p.id })),
}))`;

type Found = Pick<AxeResults, 'violations' | 'passes'>;

/** A frame Playwright can reach but AxeBuilder cannot take on its own: the panel frame on the portal. */
export async function axeInFrame(frame: Frame): Promise<Found> {
  await frame.evaluate(axe.source);
  return frame.evaluate(`(${RUN})()`) as Promise<Found>;
}

/** The real toolbar popup (a CDP target, not a Playwright page). */
export async function axeInPopup(popup: ToolbarPopup): Promise<Found> {
  await popup.evaluate(`${axe.source}; true`);
  return popup.evaluate<Found>(`(${RUN})()`);
}

/** What the overlay mounts on a portal page. */
const OVERLAY = ['sg-flag', 'sg-tools', 'sg-insert', 'sg-panel', 'sg-phishing'];

interface DomNode {
  backendNodeId: number;
  localName?: string;
  shadowRootType?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * The overlay on a portal page. Its shadow roots are closed in production (issue 14 item 1), so
 * axe, running in the page, cannot walk into them through `element.shadowRoot`. The DevTools
 * protocol sees closed roots: each of ours is resolved to an object in the page's main world,
 * and for the length of the run `Element.prototype.shadowRoot` answers with it for its host —
 * in the test's page only, put back afterwards. axe then checks the overlay as rendered, with
 * its own styles, in the page it is part of; the page's own markup is left out (not ours),
 * except for the contrast of the rows we highlight.
 */
export async function axeOnOverlay(page: Page, cdp: CDPSession): Promise<Found> {
  await page.evaluate(axe.source);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const closed: number[] = [];
  const walk = (n: DomNode) => {
    for (const s of n.shadowRoots ?? []) {
      if (s.shadowRootType === 'closed' && n.localName?.startsWith('sg-')) closed.push(s.backendNodeId);
      walk(s);
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  for (const backendNodeId of closed) {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { ((window).__sgAxeRoots ??= new WeakMap()).set(this.host, this); }',
    });
  }
  return page.evaluate(
    async ({ include }) => {
      const w = window as unknown as { __sgAxeRoots?: WeakMap<Element, ShadowRoot> };
      const roots = w.__sgAxeRoots ?? new WeakMap<Element, ShadowRoot>();
      const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!;
      Object.defineProperty(Element.prototype, 'shadowRoot', {
        configurable: true,
        get(this: Element) {
          return roots.get(this) ?? own.get!.call(this);
        },
      });
      try {
        const { axe: runner } = window as unknown as { axe: typeof import('axe-core') };
        const plain = (list: import('axe-core').Result[]) =>
          list.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
        const present = include.filter((s) => document.querySelector(s));
        const ours = await runner.run({ include: present.map((s) => [s]) }, { resultTypes: ['violations', 'passes'] });
        const violations = plain(ours.violations);
        // The highlight paints the page's own rows: its text keeps the page's colours, on our
        // background. What counts against us is text the page made readable that our highlight
        // makes unreadable: the same contrast check with our row styles switched off tells.
        const rowStyle = document.querySelector<HTMLStyleElement>('style[data-sg="overlay"]');
        if (rowStyle?.sheet && document.querySelector('[data-sg-finding]')) {
          const rows = { include: [['[data-sg-finding]']], exclude: [['sg-flag']] };
          const contrast = { runOnly: ['color-contrast'], resultTypes: ['violations' as const] };
          const failing = async () => (await runner.run(rows, contrast)).violations.flatMap((v) => v.nodes);
          const highlighted = await failing();
          rowStyle.sheet.disabled = true;
          const plainPage = new Set((await failing()).map((n) => JSON.stringify(n.target)));
          rowStyle.sheet.disabled = false;
          const ourDoing = highlighted.filter((n) => !plainPage.has(JSON.stringify(n.target)));
          if (ourDoing.length)
            violations.push({
              id: 'color-contrast (row highlight)',
              impact: 'serious',
              nodes: ourDoing.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
            });
        }
        return { violations, passes: ours.passes.map((p) => ({ id: p.id })) };
      } finally {
        Object.defineProperty(Element.prototype, 'shadowRoot', own);
        delete w.__sgAxeRoots;
      }
    },
    { include: OVERLAY },
  ) as Promise<Found>;
}

/** Sets the extension's UI language (settings.language), as the Settings tab does. */
export async function setLanguage(worker: Worker, language: Language): Promise<void> {
  await worker.evaluate(
    (lang) =>
      new Promise<void>((done, fail) => {
        const req = indexedDB.open('settleguard');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const store = db.transaction('settings', 'readwrite').objectStore('settings');
          const get = store.get('main');
          get.onsuccess = () => {
            store.put({ id: 'main', merchant: {}, defaultCurrency: 'CNY', ...get.result, language: lang });
            store.transaction.oncomplete = () => {
              db.close();
              done();
            };
          };
        };
      }),
    language,
  );
}

/** The table for the closing note: reports/axe.md and one JSON line per screen in reports/axe.jsonl. */
export function writeAxeReport(rows: AxeRow[], dir: string): { md: string; jsonl: string } {
  mkdirSync(dir, { recursive: true });
  const md = resolve(dir, 'axe.md');
  const jsonl = resolve(dir, 'axe.jsonl');
  const rules = (r: AxeRow) => r.violations.map((v) => `${v.id} (${v.impact ?? '?'}, ${v.nodes.length})`).join(', ') || '—';
  const lines = [
    `# axe-core ${axe.version}: every screen × language × colour scheme`,
    '',
    '| screen | language | scheme | critical | serious | moderate | minor | rules passed | violations |',
    '|---|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.screen} | ${r.language} | ${r.scheme} | ${r.critical} | ${r.serious} | ${r.moderate} | ${r.minor} | ${r.passes} | ${rules(r)} |`),
    '',
  ];
  writeFileSync(md, lines.join('\n'));
  writeFileSync(jsonl, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return { md, jsonl };
}
