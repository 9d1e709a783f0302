// DOM helpers shared by the table readers. Page content is untrusted: it is only ever read as
// text (node values), never as HTML, and nothing here writes to the page.

// Elements whose boundaries separate words ("<div>2024-03-05</div><div>14:30</div>" is two
// values, while "¥<span>12</span>.00" is one).
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
  'BUTTON',
  'LABEL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'SELECT']);
const CELL_TAGS: readonly string[] = ['TD', 'TH'];

// Utility classes that mean display:none in the UI kits portals use (layui keeps the original
// <table class="layui-hide"> next to the grid it renders; Bootstrap d-none; AngularJS ng-hide).
// One test of the class attribute instead of a classList lookup per class: this runs for every
// element of every cell. Tokens are split on ASCII whitespace, as classList does.
const HIDDEN_CLASS = /(?:^|[\t\n\f\r ])(?:layui-hide|d-none|ng-hide|hidden|hide|x-hidden|ag-hidden)(?=[\t\n\f\r ]|$)/;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * True when the element is hidden by markup alone (we do not lay out the page: reading layout
 * would force the browser to compute it for thousands of rows). Called for every node of every
 * cell, so the common case (no class, no style) returns after a few attribute reads.
 */
export function isHiddenElement(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class');
  // every hidden class contains "hid" or "d-none": most class lists are rejected without the regex
  if (cls !== null && (cls.includes('hid') || cls.includes('d-none')) && HIDDEN_CLASS.test(cls)) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** True when the element or one of its ancestors is hidden by markup. */
export function isInHiddenSubtree(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isHiddenElement(e)) return true;
  return false;
}

/**
 * Visible text of an element, whitespace collapsed, block boundaries as single spaces. Skips
 * scripts, styles, `hidden`/`display:none` parts and SVG icons; form fields contribute their
 * value (some portals render cells as read-only inputs).
 */
export function textOf(el: Element): string {
  return cellText(el, el.tagName);
}

/**
 * textOf, where `elTag` null says `el` is a cell the table layout matched (td, th, a grid's div):
 * never a skipped or form tag, so its tag need not be read again. DOM calls are most of what
 * reading a 5,000-row table costs.
 */
function cellText(el: Element, elTag: string | null): string {
  // Fast path for the usual cell, <td>text</td> or <td><div class="cell">text</div></td>: a chain
  // of single visible element children ending in an element that holds only text.
  for (let e: Element = el, tag = elTag; ; ) {
    if ((tag !== null && SKIP.has(tag)) || isHiddenElement(e)) return '';
    // text only (one or more text nodes, comments): the text itself, without visiting the nodes;
    // form fields are read by the walk below
    if (e.childElementCount === 0) {
      if (tag === 'INPUT' || tag === 'TEXTAREA') break;
      return collapse(e.textContent ?? '');
    }
    // a single child that is an element (it has one): go down into it
    const only = e.firstChild;
    if (only !== e.lastChild) break;
    e = only as Element;
    tag = e.tagName;
  }
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (SKIP.has(e.tagName) || isHiddenElement(e)) return;
    if (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') {
      const type = (e.getAttribute('type') ?? 'text').toLowerCase();
      if (['checkbox', 'radio', 'hidden', 'button', 'submit', 'image', 'file', 'password'].includes(type)) return;
      parts.push(' ', (e as HTMLInputElement).value ?? e.getAttribute('value') ?? '', ' ');
      return;
    }
    const block = BLOCK.has(e.tagName);
    if (block) parts.push(' ');
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push(' ');
  };
  walk(el);
  return collapse(parts.join(''));
}

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** The characters SPACES matches: JavaScript's \s plus the zero-width space. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * True when collapse has something to do: two spaces in a row, a space we always normalise
 * (tab, newline, NBSP, ideographic, zero-width, BOM), or U+0020 at either end. A loop over char
 * codes rather than a regex test, since it runs for every cell of every row.
 */
export function needsCollapse(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return true;
  let prev = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // printable ASCII: most characters of most cells
    if ((c > 32 && c < 127) || !isSpace(c)) {
      prev = false;
      continue;
    }
    if (prev || (c !== 32 && (c <= 13 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff))) return true;
    prev = true;
  }
  return false;
}

function collapse(text: string): string {
  return needsCollapse(text) ? text.replace(SPACES, ' ').trim() : text;
}

/** Element children matching a tag set, in order (no nested-table surprises from querySelectorAll). */
export function childrenByTag(el: Element, tags: readonly string[]): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (tags.includes(c.tagName)) out.push(c);
  return out;
}

/** The `<tr>`s of a table element itself (via thead/tbody/tfoot), never those of nested tables. */
export function ownRows(table: Element): { section: 'thead' | 'tbody' | 'tfoot'; tr: Element }[] {
  const out: { section: 'thead' | 'tbody' | 'tfoot'; tr: Element }[] = [];
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName === 'TR') out.push({ section: 'tbody', tr: c });
    else if (c.tagName === 'THEAD' || c.tagName === 'TBODY' || c.tagName === 'TFOOT') {
      const section = c.tagName.toLowerCase() as 'thead' | 'tbody' | 'tfoot';
      for (const tr of childrenByTag(c, ['TR'])) out.push({ section, tr });
    }
  }
  return out;
}

export interface GridRow {
  element: Element;
  /** cell texts, read on first access (a 5,000-row table is laid out without reading its text) */
  cells: string[];
  /** the cell elements (the spanning cell repeated where it spans) */
  cellElements: (Element | null)[];
}

/**
 * A row whose `cells` are computed on first access, from a getter on the prototype (no
 * per-row property definition). Detection only needs the headers, so reading every cell's text
 * is left to whoever builds the rows — in slices, off the long task.
 */
export class LazyRow {
  declare readonly element: Element;
  declare readonly rowNumber: number;
  declare private readonly compute: () => string[];
  declare private cache: string[] | undefined;
  constructor(element: Element, rowNumber: number, compute: () => string[]) {
    this.element = element;
    this.rowNumber = rowNumber;
    this.compute = compute;
  }
  get cells(): string[] {
    return (this.cache ??= this.compute());
  }
}

/** A row of layoutRows: its cell elements once laid out, their texts when `cells` is first read. */
class LaidRow implements GridRow {
  declare readonly element: Element;
  declare readonly rowNumber: number;
  declare private readonly layOutThrough: (index: number) => void;
  declare private readonly read: (el: Element | null) => string;
  declare laid: (Element | null)[] | undefined;
  declare private cache: string[] | undefined;
  constructor(element: Element, rowNumber: number, layOutThrough: (index: number) => void, read: (el: Element | null) => string) {
    this.element = element;
    this.rowNumber = rowNumber;
    this.layOutThrough = layOutThrough;
    this.read = read;
  }
  get cellElements(): (Element | null)[] {
    if (!this.laid) this.layOutThrough(this.rowNumber - 1);
    return this.laid!;
  }
  get cells(): string[] {
    return (this.cache ??= this.cellElements.map(this.read));
  }
}

/** Rows laid out by layoutRows as RawRows, numbered from 1, their text still unread. */
export function toRawRows(grid: readonly (GridRow & { rowNumber: number })[]): { element: Element; cells: string[]; rowNumber: number }[] {
  return grid as (GridRow & { rowNumber: number })[];
}

function span(el: Element, attr: 'colspan' | 'rowspan'): number {
  const a = el.getAttribute(attr);
  if (a === null) return 1;
  const n = Number.parseInt(a, 10);
  // rowspan="0" means "to the end of the section"; cap absurd values so a hostile page cannot make us allocate
  if (!Number.isFinite(n) || n < 1) return attr === 'rowspan' && n === 0 ? 1000 : 1;
  return Math.min(n, 1000);
}

/**
 * Lays out rows of th/td cells into a rectangular grid, resolving colspan and rowspan the way the
 * HTML table model does: a cell spanning 2 columns fills both positions with its text; a cell
 * spanning rows is repeated in the rows below. Rows are numbered from 1. Each row is laid out when
 * its cells are first used (after every row above it, since rowspans carry down): detection sees
 * only the rows, and the cells of a 5,000-row table are placed in the slices that read them.
 */
export function layoutRows(rows: readonly Element[], cellTags: readonly string[] = CELL_TAGS): (GridRow & { rowNumber: number })[] {
  const grid: LaidRow[] = [];
  const anyTag = cellTags !== CELL_TAGS;
  // cells of the layout are read without looking at their tag again, unless a caller lays out
  // tags that textOf treats specially
  const cellTag = anyTag && cellTags.some((t) => SKIP.has(t) || t === 'INPUT' || t === 'TEXTAREA') ? undefined : null;
  // a spanning cell is read once however many positions it fills
  const spanned = new Map<Element, string | undefined>();
  const read = (el: Element | null): string => {
    if (!el) return '';
    if (!spanned.has(el)) return cellTag === null ? cellText(el, null) : textOf(el);
    let t = spanned.get(el);
    if (t === undefined) spanned.set(el, (t = textOf(el)));
    return t;
  };
  // pending rowspans: column index → { element, remaining rows }
  const carry = new Map<number, { el: Element; left: number }>();
  let next = 0;
  const layOutThrough = (index: number): void => {
    for (; next <= index && next < grid.length; next++) {
      const row = grid[next]!;
      const els: (Element | null)[] = [];
      // the usual row spans nothing: one query instead of reading two attributes of every cell
      if (carry.size === 0 && row.element.querySelector('[colspan],[rowspan]') === null) {
        for (let cell = row.element.firstElementChild; cell; cell = cell.nextElementSibling) {
          const tag = cell.tagName;
          if (anyTag ? cellTags.includes(tag) : tag === 'TD' || tag === 'TH') els.push(cell);
        }
        row.laid = els;
        continue;
      }
      let col = 0;
      for (let cell = row.element.firstElementChild; cell; cell = cell.nextElementSibling) {
        if (!cellTags.includes(cell.tagName)) continue;
        if (carry.size) col = fillCarried(carry, els, col);
        const cs = span(cell, 'colspan');
        const rs = span(cell, 'rowspan');
        if (cs > 1 || rs > 1) spanned.set(cell, undefined);
        for (let k = 0; k < cs; k++) {
          els[col] = cell;
          if (rs > 1) carry.set(col, { el: cell, left: rs - 1 });
          col += 1;
        }
      }
      if (carry.size) {
        col = fillCarried(carry, els, col);
        // trailing carried cells beyond the last own cell
        for (const [c, v] of [...carry.entries()].sort((a, b) => a[0] - b[0])) {
          if (c >= col && els[c] === undefined) {
            els[c] = v.el;
            v.left -= 1;
            if (v.left <= 0) carry.delete(c);
          }
        }
      }
      // holes (a carried cell placed beyond a gap) read as no cell
      for (let i = 0; i < els.length; i++) els[i] ??= null;
      row.laid = els;
    }
  };
  for (const tr of rows) grid.push(new LaidRow(tr, grid.length + 1, layOutThrough, read));
  return grid;
}

/** Places the cells carried down from rows above at `col` onwards; returns the next free column. */
function fillCarried(carry: Map<number, { el: Element; left: number }>, els: (Element | null)[], col: number): number {
  for (let c = carry.get(col); c; c = carry.get(col)) {
    els[col] = c.el;
    c.left -= 1;
    if (c.left <= 0) carry.delete(col);
    col += 1;
  }
  return col;
}

const SIMPLE_CLASS = /^\.[\w-]+$/;

/**
 * Elements matching `selector` in `root`, in document order, leaving out the subtrees of
 * `exclude` (tables a family already read). The browser's own query runs on each part of the
 * page outside them, so a 5,000-row table already read is not walked again by every later
 * reader (an attribute selector such as [role=grid] tested 160,000 cells of an Element table:
 * 12 ms of every scan).
 */
export function queryOutside(root: ParentNode, selector: string, exclude: readonly Element[] = []): Element[] {
  if (exclude.length === 0) return [...root.querySelectorAll(selector)];
  const out: Element[] = [];
  const visit = (parent: ParentNode): void => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (exclude.includes(el)) continue;
      if (el.matches(selector)) out.push(el);
      if (exclude.some((x) => el.contains(x))) visit(el);
      else for (const hit of el.querySelectorAll(selector)) out.push(hit);
    }
  };
  visit(root);
  return out;
}

/**
 * Elements matching `selector` within `root` that are not inside another match (outermost only),
 * outside the subtrees of `exclude`.
 */
export function outermost(root: ParentNode, selector: string, exclude: readonly Element[] = []): Element[] {
  // A list of classes (".ag-root-wrapper, .ag-root") makes the browser test every element against
  // each; one class alone takes its fast path. Most pages hold none of a family's classes: look
  // for each alone first, and walk with the whole list only when one is there.
  const parts = selector.split(',').map((p) => p.trim());
  if (exclude.length === 0 && parts.length > 1 && parts.every((p) => SIMPLE_CLASS.test(p)) && parts.every((p) => root.querySelector(p) === null)) return [];
  const all = queryOutside(root, selector, exclude);
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

export interface KeyedCell {
  key: string;
  /** the cell's text, or the element to read it from when the row is built */
  text?: string;
  el?: Element;
}

/**
 * A RawTable from grids that key their cells by column id instead of position (layui data-field,
 * vxe-table colid, EasyUI field, AG Grid col-id): columns follow the header order, and each row's
 * cells are placed by key, so cells split over pinned/frozen parts of a row fall into place.
 * Body cell texts are read when a row's `cells` are first used.
 */
export function keyedTable(
  root: Element,
  headers: readonly { key: string; text: string }[],
  rows: readonly { element: Element; cells: readonly KeyedCell[] }[],
): { root: Element; headers: string[]; rows: { element: Element; cells: string[]; rowNumber: number }[] } {
  const keys: string[] = [];
  const titles: string[] = [];
  for (const h of headers) {
    if (keys.includes(h.key)) continue;
    keys.push(h.key);
    titles.push(h.text);
  }
  return {
    root,
    headers: titles,
    rows: rows.map(
      (r, i) =>
        new LazyRow(r.element, i + 1, () => {
          const byKey = new Map<string, KeyedCell>();
          for (const c of r.cells) if (!byKey.has(c.key)) byKey.set(c.key, c);
          return keys.map((k) => {
            const c = byKey.get(k);
            return c === undefined ? '' : (c.text ?? (c.el ? textOf(c.el) : ''));
          });
        }),
    ),
  };
}
