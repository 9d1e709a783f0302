// Finding a table's pager, for "Capture all pages" (issue 3): the next-page control of each table
// family, or a generic button/link reading 下一页/Next/›. Read-only helpers; the controller clicks.

// Family next-page controls, most specific first (each family's own pager markup).
const NEXT_SELECTORS = [
  '.ant-pagination-next', // Ant Design: li.ant-pagination-next > button
  '.el-pagination .btn-next', '.btn-next', // Element UI / Plus
  '.layui-laypage-next', // layui laypage
  '.vxe-pager--next-btn', // vxe-table pager
  '.pagination .pagination-next', // EasyUI: a.l-btn > span.l-btn-icon.pagination-next
  '.ag-paging-button[ref=btNext]', '.ag-paging-panel [aria-label="Next Page"]', // AG Grid
  'button.pager-next', 'a.pager-next',
  '[aria-label="Next page"]', '[aria-label="Next Page"]', '[aria-label="下一页"]', '[aria-label="Next"]',
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
