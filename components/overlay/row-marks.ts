// The marks the overlay puts on the page's rows belong to the row's content, not to its element
// (DESIGN.md "What the page shows"): a virtual grid (AG Grid, MUI X DataGrid, vxe-table…) keeps a
// pool of row elements and, as the merchant scrolls, writes another row's cells into one. The
// moment that happens the old marks must go — before the next paint, never a second row shown
// with the first row's highlight — and the next scan marks the element for what it now holds.

/** Every attribute the overlay puts on a row. */
const MARK_ATTRS = ['data-sg-row', 'data-sg-finding', 'data-sg-severity', 'data-sg-disputed', 'data-sg-unreadable'] as const;
const MARKED = '[data-sg-row], [data-sg-finding], [data-sg-disputed], [data-sg-unreadable]';
/** Which data row an element shows, as virtual grids write it on the row: part of its content. */
export const ROW_KEY_ATTRS = ['row-index', 'row-id', 'aria-rowindex', 'data-rowindex', 'data-id', 'rowid', 'rowkey', 'data-row-key', 'data-index'];
const OUR_TAGS = new Set(['SG-FLAG', 'SG-PANEL', 'SG-INSERT', 'SG-TOOLS']);

export function isOurs(node: Node): boolean {
  return node.nodeType === 1 && OUR_TAGS.has((node as Element).tagName);
}

/** A mutation only of our own elements (a chip added to a row, the table tools re-rendered). */
export function isOurMutation(r: MutationRecord): boolean {
  if (isOurs(r.target)) return true;
  if (r.type !== 'childList' || r.addedNodes.length + r.removedNodes.length === 0) return false;
  for (const n of r.addedNodes) if (!isOurs(n)) return false;
  for (const n of r.removedNodes) if (!isOurs(n)) return false;
  return true;
}

/** A node that shows text: a text node with some, or an element holding some (our chips hold none). */
function showsText(n: Node): boolean {
  if (n.nodeType === 3) return (n.nodeValue ?? '').trim() !== '';
  return n.nodeType === 1 && !isOurs(n) && (n.textContent ?? '').trim() !== '';
}

/**
 * Whether a mutation changes what a row shows: a text written (not the same text again), a node
 * with text put in or taken out, a row key (row-index, aria-rowindex…) changed. An empty tooltip
 * host or icon put into a cell is not a new row. Read from the record alone: nothing is kept per
 * marked row (reading every row's text when marking 5,000 rows cost more than the marking).
 */
function changesContent(r: MutationRecord): boolean {
  if (r.type === 'attributes') return r.oldValue !== (r.target as Element).getAttribute(r.attributeName ?? '');
  if (r.type === 'characterData') return r.oldValue !== r.target.nodeValue;
  for (const n of r.addedNodes) if (showsText(n)) return true;
  for (const n of r.removedNodes) if (showsText(n)) return true;
  return false;
}

/** Removes every mark of one row: attributes, our title, the chip. */
export function clearRowMarks(el: Element): void {
  for (const a of MARK_ATTRS) el.removeAttribute(a);
  if (el.hasAttribute('data-sg-title')) {
    el.removeAttribute('title');
    el.removeAttribute('data-sg-title');
  }
  el.querySelector(':scope > * > sg-flag, :scope > sg-flag')?.remove();
}

/**
 * Watches the marked rows through the controller's MutationObserver records. `onCleared` hears of
 * every row whose marks went (so the controller forgets it); rows read during a scan are marked
 * only when nothing changed in them since the scan began (`changedDuringScan`).
 */
export class RowMarks {
  /** nodes changed since the scan in progress began, with their ancestors; null between scans */
  private touched: Set<Node> | null = null;

  constructor(private readonly onCleared: (el: Element, id: string | null) => void) {}

  beginScan(): void {
    this.touched = new Set();
  }

  endScan(): void {
    this.touched = null;
  }

  /** True when the row (or something in it) changed after the scan in progress began reading. */
  changedDuringScan(el: Element): boolean {
    return this.touched?.has(el) ?? false;
  }

  /**
   * Called synchronously from the MutationObserver callback, so a recycled row loses its marks
   * before the browser paints it. Our own mutations must already be filtered out.
   */
  check(records: readonly MutationRecord[]): void {
    const rows = new Set<Element>();
    for (const r of records) {
      if (!changesContent(r)) continue;
      if (this.touched) this.touch(r.target);
      const start = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      const row = start?.closest(MARKED);
      if (row) rows.add(row);
      // a pooled row element put back may have been rewritten while detached (unobserved): its
      // marks go, and the next scan marks it for what it shows
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || isOurs(n)) continue;
        if (this.touched) this.touched.add(n);
        const el = n as Element;
        if (el.matches(MARKED)) rows.add(el);
        if (el.firstElementChild) for (const inner of el.querySelectorAll(MARKED)) rows.add(inner);
      }
    }
    for (const row of rows) {
      const id = row.getAttribute('data-sg-row');
      clearRowMarks(row);
      this.onCleared(row, id);
    }
  }

  /** Adds a changed node and its ancestors (up to one already there: siblings share them). */
  private touch(node: Node): void {
    for (let n: Node | null = node; n && !this.touched!.has(n); n = n.parentNode) this.touched!.add(n);
  }
}
