// What a portal page states about its query (DESIGN.md "Coverage"): the pager's row count
// (共 N 条, Total N, 1-20 of N), a summary bar's 交易笔数 / 交易金额, a 合计 row under the table;
// with the merchant and the query range of page-meta.ts, the page facts a capture carries.
import { parseAmount, toPlain } from '../money';
import { CONTROL_MARK, currencyOf, hasBlockChild, ownValue, readPageMeta, valueText, visibleElements, type PageMeta } from './page-meta';
import { isHiddenElement, queryOutside, textOf } from './dom';

/** What the portal itself says its query holds: rows and their total (DESIGN.md "Coverage"). */
export interface StatedTotals {
  /** rows in the query: 共 345 条, Total 345, 1-20 of 345, 交易笔数：41 笔, 合计 41 笔 */
  count?: number;
  /** the amount total: 交易金额：¥12,345.60, or the 合计 row's amount cell; a plain decimal string */
  amount?: { value: string; currency?: string };
  /** where it was read: 'pager', 'summary', 'totals-row', joined with '+' */
  source: string;
}

/** The page facts a capture carries: who, which query, and what the portal states about it. */
export interface PageFacts extends Pick<PageMeta, 'merchantId' | 'merchantName' | 'dateRange'> {
  stated?: StatedTotals;
}

/** A transaction table as read: its root (pager and footer live in or beside it) and its columns. */
export interface StatedTable {
  root: Element;
  columns: readonly { header: string; field: string | null }[];
}

// Pagers of the UI kits portals use; some sit inside the table's root (layui, EasyUI, AG Grid).
const PAGER_SELECTOR =
  '.el-pagination, .ant-pagination, .layui-laypage, .layui-table-page, .vxe-pager, .datagrid-pager, ' +
  '.pagination-info, .pagination-detail, .tabulator-footer, .MuiTablePagination-root, .MuiDataGrid-footerContainer, ' +
  '.ag-paging-panel, .arco-pagination, .t-pagination, .n-pagination, .ivu-page, .pagination, .pager';
// Rows a table keeps under its body for totals.
const FOOTER_ROWS =
  'tfoot tr, .el-table__footer-wrapper tr, .vxe-table--footer-wrapper tr, .layui-table-total tr, ' +
  '.datagrid-footer tr, .ant-table-summary tr, .ag-floating-bottom [role=row], tbody > tr:last-child';

/** A body of more rows than a footer ever has: the search for footers and pagers need not walk its cells. */
const LONG_BODY = 20;

/**
 * `selector` matched in a table without walking its long row bodies (a 5,000-row Element table
 * is 160,000 elements: 10-20 ms a query), in document order; a long body's last row is still
 * looked at (`tbody > tr:last-child`, a 合计 row at the end of the rows).
 */
function queryBesideRows(root: Element, selector: string): Element[] {
  const long = [...root.querySelectorAll('tbody')].filter((b) => b.childElementCount > LONG_BODY);
  if (long.length === 0) return [...root.querySelectorAll(selector)];
  const last = long.flatMap((b) => (b.lastElementChild?.matches(selector) ? [b.lastElementChild] : []));
  return [...queryOutside(root, selector, long), ...last].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

// "共 345 条", "总共 345 条记录", "Total 345", "Total: 345 items", "1-20 of 345", "Showing 1 to 10 of 345 rows"
// ("共 18 页" and "Page 1 of 18" count pages, not rows, and match none of these).
// a row count as written: 1,000 or 1000 (the grouping keeps "1,000Page 1 of 10" from reading as 1)
const N = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const COUNT_PATTERNS: RegExp[] = [
  new RegExp(String.raw`共\s*${N}\s*(?:条|笔|项|行|个|记录)`),
  new RegExp(String.raw`总(?:共|计|数|条数|笔数)?\s*[:：]?\s*${N}\s*(?:条|笔)`),
  new RegExp(
    String.raw`\btotal(?:\s+(?:items|records|rows|entries|count))?\s*[:：]?\s*${N}(?![\d,]*\.\d)(?:\s*(?:items|records|rows|entries|results))?\s*$`,
    'i',
  ),
  new RegExp(String.raw`\d[\d,]*\s*(?:-|–|—|~|to)\s*\d[\d,]*\s+of\s+${N}(?!\s*pages)`, 'i'),
];

function countIn(text: string): number | undefined {
  for (const re of COUNT_PATTERNS) {
    const m = text.match(re);
    if (m) return Number(m[1]!.replace(/,/g, ''));
  }
  return undefined;
}

const STATED_COUNT =
  /^(交易笔数|交易总笔数|总交易笔数|总笔数|笔数|交易数|成交笔数|合计笔数|成功笔数|transactions|number of transactions|transaction count|total transactions|total count)$/i;
const STATED_AMOUNT =
  /^(交易金额|交易总金额|交易总额|总交易金额|总金额|合计金额|金额合计|交易金额合计|成交金额|合计|total amount|gross amount|gross volume|total volume|total)$/i;
// totals of the page alone, not of the query
const PAGE_TOTAL = /本页|当页|小计|subtotal|sub-total|page total|this page/i;
const QUERY_TOTAL = /^(合计|总计|汇总|全部合计|total|totals|grand total)(?![a-z])/i;

/** A summary label ("交易金额(元)", "交易笔数：") as count or amount, with the unit it names. */
function statedLabel(text: string): { key: 'count' | 'amount'; currency?: string } | null {
  const unit = text.match(/[(（]\s*([^)）]{1,6})\s*[)）]/);
  const bare = text
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[：:]\s*$/, '')
    .trim();
  if (unit && /万/.test(unit[1]!)) return null; // 万元: a scaled figure, never read as yuan
  const currency = unit ? currencyOf(unit[1]!) : undefined;
  // "笔 交易金额" (the unit of the value before it, glued on): the label proper is the last word
  for (const candidate of [bare, bare.split(' ').pop() ?? '']) {
    if (STATED_COUNT.test(candidate)) return { key: 'count' };
    if (STATED_AMOUNT.test(candidate)) return { key: 'amount', ...(currency ? { currency } : {}) };
  }
  return null;
}

function statedCount(text: string): number | undefined {
  const m = text.trim().match(/^(\d[\d,]*)\s*(?:笔|条|个|items?|transactions?|txns?)?$/i);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/**
 * A stated amount: with a currency mark or a decimal point ("Total: 345" is a count, not money;
 * an amount written as a bare integer is left unread rather than guessed).
 */
function statedAmount(text: string, currency?: string): StatedTotals['amount'] {
  const s = text.trim();
  const p = parseAmount(s);
  if (!p || !(p.currency || /\.\d/.test(s))) return undefined;
  const c = p.currency ?? currency;
  return { value: toPlain(p.value), ...(c ? { currency: c } : {}) };
}

/** A row's cells by column position (colspan and aria-colindex respected). */
function cellsByColumn(row: Element): Map<number, string> {
  const out = new Map<number, string>();
  let pos = 0;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    const aria = Number(c.getAttribute('aria-colindex'));
    if (aria > 0) pos = aria - 1;
    if (!isHiddenElement(c)) out.set(pos, textOf(c));
    pos += Math.max(1, Number(c.getAttribute('colspan')) || 1);
  }
  return out;
}

/** A 合计/Total row of the query (never 本页合计): its count and its amount-column total. */
function totalsRow(table: StatedTable): { count?: number; amount?: StatedTotals['amount'] } | null {
  const amountAt = table.columns.findIndex((c) => c.field === 'amount');
  for (const row of queryBesideRows(table.root, FOOTER_ROWS)) {
    const cells = cellsByColumn(row);
    const label = [...cells.values()].find((t) => t !== '') ?? '';
    if (!QUERY_TOTAL.test(label) || PAGE_TOTAL.test(label)) continue;
    let count: number | undefined;
    for (const t of cells.values()) {
      const m = t.match(/(\d[\d,]*)\s*(?:笔|条)|(\d[\d,]*)\s+(?:transactions|items|rows)\b/i);
      if (m) {
        count = Number((m[1] ?? m[2]!).replace(/,/g, ''));
        break;
      }
    }
    const cell = amountAt >= 0 ? cells.get(amountAt) : undefined;
    const p = cell ? parseAmount(cell) : null;
    const amount = p ? { value: toPlain(p.value), ...(p.currency ? { currency: p.currency } : {}) } : undefined;
    if (count !== undefined || amount) return { ...(count !== undefined ? { count } : {}), ...(amount ? { amount } : {}) };
  }
  return null;
}

/**
 * What the portal states about its query: the pager's row count, a summary bar's 交易笔数 and
 * 交易金额, a 合计 row under the table. Query filters (inside a <form>) are not statements.
 * Undefined when the page states nothing.
 */
export function readStatedTotals(doc: ParentNode, tables: readonly StatedTable[] = []): StatedTotals | undefined {
  const roots = tables.map((t) => t.root);
  const outside = visibleElements(doc, new Set(roots)).filter((el) => !el.closest('form'));
  const pagers = roots.flatMap((r) => queryBesideRows(r, PAGER_SELECTOR).filter((el) => !isHiddenElement(el)));
  let count: { n: number; source: string } | undefined;
  let amount: { value: StatedTotals['amount']; source: string } | undefined;
  for (const el of [...outside, ...pagers.flatMap((p) => [p, ...p.querySelectorAll('*')])]) {
    if (hasBlockChild(el)) continue;
    const marked = valueText(el);
    // several statements may sit in one element, with links between them: pairs are cut one by one
    const text = marked.split(CONTROL_MARK).join(' ').replace(/ +/g, ' ').trim();
    if (!text || text.length > 120) continue;
    const source = el.closest(PAGER_SELECTOR) ? 'pager' : 'summary';
    const n = countIn(text);
    if (n !== undefined && (!count || (count.source !== 'pager' && source === 'pager'))) count = { n, source };
    // "<span>交易笔数</span><span>41</span>", "交易笔数：41 笔", "交易金额(元)：¥12,345.60"
    const pairs: [string, string][] = [];
    const label = statedLabel(text);
    if (label && el.nextElementSibling) pairs.push([text, ownValue(valueText(el.nextElementSibling))]);
    for (const m of marked.matchAll(/([\u4e00-\u9fffA-Za-z ()（）]{1,24}?)\s*[：:]\s*([^：:]+?)(?=\s+[\u4e00-\u9fffA-Za-z ()（）]{1,24}?\s*[：:]|$)/g))
      pairs.push([m[1]!.trim(), ownValue(m[2]!)]);
    for (const [l, v] of pairs) {
      const key = statedLabel(l);
      if (key?.key === 'count' && !count) {
        const c = statedCount(v);
        if (c !== undefined) count = { n: c, source: 'summary' };
      } else if (key?.key === 'amount' && !amount) {
        const a = statedAmount(v, key.currency);
        if (a) amount = { value: a, source: 'summary' };
      }
    }
  }
  for (const table of tables) {
    if (count && amount) break;
    const row = totalsRow(table);
    if (!row) continue;
    if (!count && row.count !== undefined) count = { n: row.count, source: 'totals-row' };
    if (!amount && row.amount) amount = { value: row.amount, source: 'totals-row' };
  }
  if (!count && !amount) return undefined;
  const sources = [...new Set([count?.source, amount?.source].filter((x): x is string => !!x))];
  return { ...(count ? { count: count.n } : {}), ...(amount ? { amount: amount.value } : {}), source: sources.join('+') };
}

/** The facts a capture message carries (lib/messaging.ts): merchant, query range, stated totals. */
export function readPageFacts(doc: Document, tables: readonly StatedTable[]): PageFacts {
  const meta = readPageMeta(doc, { exclude: tables.map((t) => t.root) });
  const stated = readStatedTotals(doc, tables);
  if (stated?.amount && !stated.amount.currency && meta.currency) stated.amount.currency = meta.currency;
  const facts: PageFacts = {};
  if (meta.merchantId) facts.merchantId = meta.merchantId;
  if (meta.merchantName) facts.merchantName = meta.merchantName;
  if (meta.dateRange) facts.dateRange = meta.dateRange;
  if (stated) facts.stated = stated;
  return facts;
}
