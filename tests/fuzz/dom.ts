// The DOM the table targets of `npm run fuzz` parse their pages with (SG_FUZZ_DOM). linkedom by
// default: a page costs ~1 ms to parse and ~5 ms to read there against ~4 and ~10 in happy-dom, and
// 100,000 pages per reader need that. happy-dom (the unit run's DOM, vitest's environment) stays
// one switch away: SG_FUZZ_DOM=happy-dom. On 60 generated pages per family both DOMs gave the same
// tables and row counts on 532 of 540; the rest were pages of markup that does not close, which the
// two parsers repair differently. linkedom comes with wxt (not a dependency of ours): without it
// the runner falls back to happy-dom and says so.
import { Window } from 'happy-dom';

export interface FuzzDom {
  name: 'linkedom' | 'happy-dom';
  parse: (html: string) => Document;
  /** called after each page: happy-dom frees what a window parsed only once the window is closed */
  settle: () => Promise<void>;
}

const SHOW_ELEMENT = 1;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/**
 * linkedom's createTreeWalker ignores its filter (it lists every node the mask shows); the portal
 * readers' page text walk (lib/portals/page-meta.ts) rejects hidden and excluded subtrees through
 * it. This walker honours the filter as a browser's does, for the element-only walks we make.
 */
function elementWalker(root: Node, whatToShow: number, filter?: NodeFilter | null) {
  const accept = typeof filter === 'function' ? filter : filter?.acceptNode.bind(filter);
  const nodes: Node[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const verdict = accept ? accept(child) : FILTER_ACCEPT;
      if (verdict === FILTER_REJECT) continue;
      if (verdict === FILTER_ACCEPT && whatToShow & SHOW_ELEMENT) nodes.push(child);
      visit(child);
    }
  };
  visit(root.nodeType === 9 ? ((root as Document).documentElement ?? root) : root);
  let i = 0;
  return {
    root,
    currentNode: root,
    nextNode() {
      this.currentNode = (nodes[i++] ?? null) as Node;
      return nodes[i - 1] ?? null;
    },
  };
}

async function linkedom(): Promise<FuzzDom | null> {
  let mod: typeof import('linkedom');
  try {
    mod = await import('linkedom');
  } catch {
    return null;
  }
  const parser = new mod.DOMParser();
  const proto = Object.getPrototypeOf(parser.parseFromString('<!doctype html><html></html>', 'text/html'));
  // on the HTMLDocument class of linkedom only, not a global
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.hasOwn(p, 'createTreeWalker')) {
      p.createTreeWalker = (root: Node, whatToShow = 0xffffffff, filter?: NodeFilter | null) => elementWalker(root, whatToShow, filter);
      break;
    }
  }
  Object.assign(globalThis, { NodeFilter: { SHOW_ELEMENT, FILTER_ACCEPT, FILTER_REJECT, FILTER_SKIP: 3 } });
  return {
    name: 'linkedom',
    parse: (html) => parser.parseFromString(html, 'text/html') as unknown as Document,
    settle: async () => {},
  };
}

/** A happy-dom parser whose windows are closed (and their documents freed) every 50 pages. */
function happyDom(): FuzzDom {
  let window = new Window();
  // lib/portals reads NodeFilter as a global, as in a browser
  Object.assign(globalThis, { NodeFilter: window.NodeFilter });
  let parsed = 0;
  return {
    name: 'happy-dom',
    parse: (html) => {
      parsed++;
      return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    },
    settle: async () => {
      if (parsed < 50) return;
      const old = window;
      window = new Window();
      parsed = 0;
      await old.happyDOM.close();
    },
  };
}

/** The DOM SG_FUZZ_DOM names (linkedom unless 'happy-dom'). */
export async function fuzzDom(): Promise<FuzzDom> {
  if (process.env['SG_FUZZ_DOM'] === 'happy-dom') return happyDom();
  const light = await linkedom();
  if (light) return light;
  console.warn('fuzz: linkedom is not installed; table pages are parsed with happy-dom (slower)');
  return happyDom();
}
