// Finding a table's pager, for "Capture all pages" (issue 3): the next-page control of each table
// family, or a generic button/link reading 下一页/Next/›, which the controller clicks; and the
// family's page-size selector, set to its largest size before the walk.
import { isInHiddenSubtree } from '../../lib/portals/dom';

// Family next-page controls, most specific first (each family's own pager markup).
const NEXT_SELECTORS = [
  '.ant-pagination-next', // Ant Design: li.ant-pagination-next > button
  '.el-pagination .btn-next',
  '.btn-next', // Element UI / Plus
  '.layui-laypage-next', // layui laypage
  '.vxe-pager--next-btn', // vxe-table pager
  '.pagination .pagination-next', // EasyUI: a.l-btn > span.l-btn-icon.pagination-next
  '.ag-paging-button[ref=btNext]',
  '.ag-paging-panel [aria-label="Next Page"]', // AG Grid
  '.arco-pagination-item-next', // Arco Design Vue
  '.t-pagination__btn-next', // TDesign
  '.n-pagination-item--active ~ .n-pagination-item--button', // Naive UI: the arrow after the page numbers
  '.ivu-page-next', // View UI (Plus) / iView: li.ivu-page-next > a
  'button.pager-next',
  'a.pager-next',
  '[aria-label="Next page"]',
  '[aria-label="Next Page"]',
  '[aria-label="下一页"]',
  '[aria-label="Next"]',
];
const NEXT_TEXT = /^(下一页|下页|后一页|next|next page|›|>|»|→)$/i;
const CLICKABLE = 'button, a, [role=button], li';
const DISABLED_CLASS = /(^|[\s_-])(disabled|is-disabled|is--disabled|l-btn-disabled|layui-disabled|ag-disabled)(\s|$)/;
// how far up from the table to look for its pager (pagers sit next to the table, inside a card)
const MAX_LEVELS = 6;

function isOverlay(el: Element): boolean {
  return el.closest('sg-tools, sg-flag, sg-panel, sg-insert') !== null;
}

/** The element to click: Ant's li holds a button, EasyUI's icon span sits in an a.l-btn. */
function clickTarget(el: Element): HTMLElement {
  const inner = el.matches('li') ? el.querySelector('button, a') : null;
  return (inner ?? el.closest('a.l-btn') ?? el) as HTMLElement;
}

/** Disabled by attribute, ARIA or the family's disabled class, on the control or its wrapper. */
export function isDisabledControl(el: Element): boolean {
  for (const e of [el, el.parentElement, el.closest('li')]) {
    if (!e) continue;
    if (e.hasAttribute('disabled') || e.getAttribute('aria-disabled') === 'true') return true;
    if (DISABLED_CLASS.test(e.getAttribute('class') ?? '')) return true;
  }
  return false;
}

function findIn(scope: Element): HTMLElement | null {
  for (const sel of NEXT_SELECTORS) {
    const hit = [...scope.querySelectorAll(sel)].find((e) => !isOverlay(e));
    if (hit) return clickTarget(hit);
  }
  for (const el of scope.querySelectorAll(CLICKABLE)) {
    if (isOverlay(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
    if (NEXT_TEXT.test(text) || NEXT_TEXT.test(label.trim())) return clickTarget(el);
  }
  return null;
}

/**
 * The next-page control of the table at `root`: looked for in the table, then in each ancestor
 * up to a few levels (the pager sits beside the table, not inside it). Null when there is none.
 */
export function findNextControl(root: Element): HTMLElement | null {
  let scope: Element | null = root;
  for (let level = 0; scope && level <= MAX_LEVELS; level++, scope = scope.parentElement) {
    const hit = findIn(scope);
    if (hit) return hit;
    if (scope.tagName === 'BODY') break;
  }
  return null;
}

/** A cheap fingerprint of what the table shows: changes when the page of rows changes. */
export function contentSignature(root: Element): string {
  const text = root.textContent ?? '';
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return `${text.length}:${h}`;
}

// Page-size selectors ("10条/页"), for "Capture all pages" to read fewer, larger pages. Native
// <select>s are set and told (input, change); the UI kits' own dropdowns are pressed like a
// mouse would (mousedown, mouseup, click: rc-select opens on mousedown, Element and vxe on click).
interface SizeKit {
  /** the control: a <select>, or the root of the kit's dropdown */
  control: string;
  /** what opens the dropdown (empty: a native <select>) */
  trigger: string;
  /** the dropdown's options, inside the control or in a popup the kit adds to <body> on opening */
  items: string;
  /** for a control matched by a loose selector: whether this one is a page-size selector */
  accepts?: (control: HTMLElement) => boolean;
}

// a page-size option: "20", "20条/页", "20 / page", "20 per page", "Show 20 rows"
const SIZE_OPTION = /^\s*(show\s+)?\d+\s*(条\s*\/\s*页|条每页|条|\/\s*page|per\s+page|rows?|items?|entries)?\s*$/i;
/** A plain <select> whose every option is a page size, with a label or options that say so. */
function isSizeSelect(control: HTMLElement): boolean {
  const options = [...(control as HTMLSelectElement).options];
  if (options.length < 2 || !options.every((o) => SIZE_OPTION.test(o.text))) return false;
  const says = /每页|条\/页|page|rows|per/i;
  return says.test(control.getAttribute('aria-label') ?? '') || says.test(control.getAttribute('title') ?? '') || options.some((o) => /\D/.test(o.text.trim()));
}

const SIZE_KITS: SizeKit[] = [
  { control: '.layui-laypage-limits select', trigger: '', items: '' }, // layui laypage
  { control: 'select.pagination-page-list', trigger: '', items: '' }, // EasyUI pagination
  // Element UI keeps its options in the control until first opened; Element Plus renders them on opening
  { control: '.el-pagination__sizes .el-select', trigger: '.el-select__wrapper, input', items: '.el-select-dropdown__item' },
  // antd v4+ (v6: .ant-select-content; v3: .ant-select-selection, .ant-select-dropdown-menu-item); options rendered on opening
  {
    control: '.ant-pagination-options-size-changer',
    trigger: '.ant-select-selector, .ant-select-content, .ant-select-selection',
    items: '.ant-select-item-option, .ant-select-dropdown-menu-item',
  },
  { control: '.vxe-pager--sizes', trigger: 'input', items: '.vxe-select-option' }, // vxe-pager's vxe-select
  { control: 'select.tabulator-page-size', trigger: '', items: '' }, // Tabulator
  // Vue kits whose selects render their options in a popup on opening (Arco, TDesign, Naive UI, View UI)
  { control: '.arco-pagination-options .arco-select', trigger: '.arco-select-view', items: '.arco-select-option' },
  { control: '.t-pagination__select', trigger: '.t-input', items: '.t-select-option' }, // opens on its inner .t-input, not the wrapper
  { control: '.n-pagination .n-select', trigger: '.n-base-selection', items: '.n-base-select-option' },
  { control: '.ivu-page-options-sizer', trigger: '.ivu-select-selection', items: '.ivu-select-item' },
  // AG Grid's pager: an ag-select that opens on mousedown, its list added to the grid's popup layer
  { control: '.ag-paging-page-size', trigger: '.ag-picker-field-wrapper', items: '.ag-select-list-item, .ag-list-item' },
  // bootstrap-table: a Bootstrap dropdown whose items are in the page, hidden by CSS, until opened
  { control: '.fixed-table-pagination .page-list', trigger: '.dropdown-toggle', items: '.dropdown-item' },
  // any other <select> of page sizes ("20 per page"), as server-rendered consoles have
  { control: 'select', trigger: '', items: '', accepts: isSizeSelect },
];

/** The number a size option shows: "100条/页", "20 / page", "50". */
function sizeOf(text: string | null | undefined): number | null {
  const m = /\d+/.exec(text ?? '');
  return m ? Number(m[0]) : null;
}

/** The page-size selector of the table at `root`, looked for where its pager is; null when none. */
export function findPageSizeControl(root: Element): { control: HTMLElement; kit: SizeKit } | null {
  let scope: Element | null = root;
  for (let level = 0; scope && level <= MAX_LEVELS; level++, scope = scope.parentElement) {
    for (const kit of SIZE_KITS) {
      const hit = [...scope.querySelectorAll<HTMLElement>(kit.control)].find((e) => !isOverlay(e) && (!kit.accepts || kit.accepts(e)));
      if (hit) return { control: hit, kit };
    }
    if (scope.tagName === 'BODY') break;
  }
  return null;
}

function press(el: Element): void {
  for (const type of ['mousedown', 'mouseup', 'click']) el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));
}

/** The option with the largest size, or null when none shows a number. */
function largest<T>(options: readonly T[], size: (o: T) => number | null): T | null {
  let best: T | null = null;
  let bestSize = -1;
  for (const o of options) {
    const s = size(o);
    if (s !== null && s > bestSize) {
      best = o;
      bestSize = s;
    }
  }
  return best;
}

/**
 * Sets the page-size selector of the table at `root` to its largest size. `waitFor(test, ms)`
 * polls until `test` holds (a dropdown's options appear after it opens). True when it chose a
 * size other than the one shown; the table then re-renders, which is the caller's to wait for.
 */
export async function selectLargestPageSize(root: Element, waitFor: (test: () => boolean, ms: number) => Promise<boolean>): Promise<boolean> {
  const found = findPageSizeControl(root);
  if (!found) return false;
  const { control, kit } = found;
  if (control.tagName === 'SELECT') {
    const select = control as HTMLSelectElement;
    const best = largest([...select.options], (o) => sizeOf(o.value) ?? sizeOf(o.text));
    if (!best || best.selected) return false;
    select.value = best.value;
    for (const type of ['input', 'change']) select.dispatchEvent(new Event(type, { bubbles: true }));
    return true;
  }
  const shown = sizeOf(control.querySelector('input')?.value || control.textContent);
  const visible = (e: Element) => !isOverlay(e) && !isInHiddenSubtree(e) && sizeOf(e.textContent) !== null;
  let items = [...control.querySelectorAll(kit.items)];
  if (items.length === 0) {
    press(control.querySelector(kit.trigger) ?? control);
    await waitFor(() => (items = [...control.ownerDocument.querySelectorAll(kit.items)].filter(visible)).length > 0, 1500);
  }
  const best = largest(items, (e) => sizeOf(e.textContent));
  if (!best || sizeOf(best.textContent) === shown) return false;
  press(best);
  return true;
}

/**
 * The element that scrolls the rows of the table at `root` (itself or inside it), when its rows
 * do not all fit: the one holding the most rows we read. A grid that renders only the rows in
 * view (AG Grid with a pager keeps virtualising each page) shows a page's rows only as this
 * scrolls. Null when the rows fit.
 */
export function findRowScroller(root: Element): HTMLElement | null {
  let best: HTMLElement | null = null;
  let most = 0;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (!(el instanceof HTMLElement) || el.scrollHeight <= el.clientHeight + 2 || el.clientHeight === 0) continue;
    const overflow = el.ownerDocument.defaultView?.getComputedStyle(el).overflowY ?? '';
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    const rows = el.querySelectorAll('[data-sg-row]').length;
    if (rows > most) {
      most = rows;
      best = el;
    }
  }
  return best;
}
