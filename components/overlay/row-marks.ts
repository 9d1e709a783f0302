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

/**
 * What a row shows: its text and the grid's row key. Our chip adds no text (its content is in a
 * shadow root) and our data-sg-* attributes are not keys, so marking a row does not change it.
 */
export function rowSignature(el: Element): string {
  let key = '';
  for (const a of ROW_KEY_ATTRS) {
    const v = el.getAttribute(a);
    if (v !== null) key += `${a}=${v}\u001f`;
  }
  return `${key}\u001e${el.textContent ?? ''}`;
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
  /** what each marked row showed when it was marked */
  private readonly signatures = new WeakMap<Element, string>();
  /** nodes changed since the scan in progress began, with their ancestors; null between scans */
  private touched: Set<Node> | null = null;

  constructor(private readonly onCleared: (el: Element, id: string | null) => void) {}

  /** Remembers what a row shows as it is marked (once: an unchanged row keeps its signature). */
  marked(el: Element): void {
    if (!this.signatures.has(el)) this.signatures.set(el, rowSignature(el));
  }

  forget(el: Element): void {
    this.signatures.delete(el);
  }

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
      if (r.type === 'attributes' && r.oldValue === (r.target as Element).getAttribute(r.attributeName ?? '')) continue;
      if (r.type === 'characterData' && r.oldValue === r.target.nodeValue) continue;
      if (this.touched) this.touch(r.target);
      const start = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      const row = start?.closest(MARKED);
      if (row) rows.add(row);
      // a pooled row element changed while detached and is put back: its marks are those of before
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || isOurs(n)) continue;
        if (this.touched) this.touched.add(n);
        const el = n as Element;
        if (el.matches(MARKED)) rows.add(el);
        if (el.firstElementChild) for (const inner of el.querySelectorAll(MARKED)) rows.add(inner);
      }
    }
    for (const row of rows) {
      const before = this.signatures.get(row);
      if (before !== undefined && before === rowSignature(row)) continue;
      const id = row.getAttribute('data-sg-row');
      clearRowMarks(row);
      this.signatures.delete(row);
      this.onCleared(row, id);
    }
  }

  /** Adds a changed node and its ancestors (up to one already there: siblings share them). */
  private touch(node: Node): void {
    for (let n: Node | null = node; n && !this.touched!.has(n); n = n.parentNode) this.touched!.add(n);
  }
}
