// Facts a portal page states outside its transaction table: the merchant (商户号：…, 商户名称：…),
// the terminal, the query date range (for rows that show "03-05 14:30" without a year) and the
// unit of the amounts (单位：元); what the portal says the query holds is read by
// stated-totals.ts with the helpers exported here. Read as text only, like everything taken from
// the page.
import type { IsoDate } from '../model';
import { parseDateTime } from '../dates';
import { normaliseCurrency } from '../money';
import { isHiddenElement, textOf } from './dom';

export interface PageMeta {
  merchantId?: string;
  merchantName?: string;
  terminalId?: string;
  /** the query range the page shows (查询日期 2024-03-01 至 2024-03-31, or its date pickers) */
  dateRange?: { from: IsoDate; to: IsoDate };
  /** a currency the page states for its amounts (单位：元, 币种：人民币, Currency: USD) */
  currency?: string;
}

type MetaKey = 'merchantId' | 'merchantName' | 'terminalId' | 'dateRange' | 'currency';

// Labels as they appear on portal pages (DOMAIN.md §1.1 and the 签购单 labels).
const LABELS: [RegExp, MetaKey][] = [
  [/^(商户号|商户编号|商户代码|银行商户号|收单商户号|merchant\s*(id|no\.?|number)|mid)$/i, 'merchantId'],
  [/^(商户名称|商户名|门店名称|门店名|商户简称|merchant\s*name)$/i, 'merchantName'],
  [/^(终端号|终端编号|terminal\s*(id|no\.?)|tid)$/i, 'terminalId'],
  [
    /^(查询日期|查询时间|交易日期|交易时间|日期范围|时间范围|起止日期|起止时间|统计日期|统计时间|账单日期|对账日期|查询区间|date\s*range|period|date)$/i,
    'dateRange',
  ],
  [/^(单位|金额单位|币种|货币|currency|unit)$/i, 'currency'],
];

function labelKey(label: string): MetaKey | null {
  const s = label
    .replace(/\*/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/[：:]\s*$/, '')
    .trim();
  // "当前商户 商户号" — the label proper is the last word
  const last = s.split(' ').pop() ?? '';
  for (const candidate of [s, last]) for (const [re, key] of LABELS) if (re.test(candidate)) return key;
  return null;
}

const FULL_DATE = /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\b\d{8}\b)/g;

/** Every full date (with a year) in a text, in order. */
function datesIn(text: string): IsoDate[] {
  const out: IsoDate[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const d = parseDateTime(m[1]!.replace(/\s+/g, ''));
    if (d) out.push(d.date);
  }
  return out;
}

function rangeOf(dates: IsoDate[]): { from: IsoDate; to: IsoDate } | undefined {
  if (dates.length === 0) return undefined;
  const sorted = [...dates].sort();
  return { from: sorted[0]!, to: sorted[sorted.length - 1]! };
}

export function currencyOf(text: string): string | undefined {
  const s = text.trim();
  if (/人民币|^元$|^万元$|rmb|cny|[¥￥]/i.test(s)) return 'CNY';
  const code = s.match(/\b(USD|EUR|GBP|HKD|JPY|AUD|CAD|SGD)\b/i);
  if (code) return code[1]!.toUpperCase();
  if (/美元|\$/.test(s)) return s.includes('HK$') ? normaliseCurrency('HK$') : 'USD';
  if (/港币|港元/.test(s)) return 'HKD';
  if (/欧元|€/.test(s)) return 'EUR';
  return undefined;
}

/** A merchant or terminal id: letters, digits, '_' or '-', 4–32 characters. */
function idValue(text: string): string | undefined {
  const m = text.trim().match(/^([A-Za-z0-9_-]{4,32})\b/);
  return m ? m[1] : undefined;
}

interface Pair {
  label: string;
  value: string;
}

const LABEL_SELECTOR = '.ant-descriptions-item-label, .el-descriptions__label, .ant-form-item-label, .el-form-item__label, .layui-form-label, label, th';
const TEXT_BLOCKS = new Set(['P', 'SPAN', 'DIV', 'LI', 'TD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'SECTION', 'SMALL', 'STRONG']);
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The visible elements of `root` outside the excluded subtrees, in document order, from one
 * pruned walk: the transaction tables (thousands of cells) are never entered, and nothing is
 * asked twice whether an ancestor is hidden.
 */
export function visibleElements(root: ParentNode, exclude: ReadonlySet<Element>): Element[] {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  if (!doc) return [];
  const out: Element[] = [];
  const walker = doc.createTreeWalker(root as Node, 1 /* NodeFilter.SHOW_ELEMENT */, {
    acceptNode: (node) => {
      const el = node as Element;
      if (exclude.has(el) || NOT_TEXT.has(el.tagName) || isHiddenElement(el)) return 2; // FILTER_REJECT: skip the subtree
      return 1; // FILTER_ACCEPT
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Element);
  return out;
}

// Links, buttons and form controls beside a value are not part of it ("示例便利店 <a>退出</a>").
const CONTROL_TAGS = new Set(['A', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);
const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'tab', 'switch', 'checkbox']);
/** Marks where a control stood in valueText; never in page text we keep. */
export const CONTROL_MARK = '\u0000';

function isControl(el: Element): boolean {
  return CONTROL_TAGS.has(el.tagName) || CONTROL_ROLES.has(el.getAttribute('role') ?? '');
}

/**
 * The text of `el` with each link, button or control replaced by CONTROL_MARK, so a value can be
 * cut where a control follows it (textOf would glue "示例便利店" and the header's 退出 together).
 */
export function valueText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (NOT_TEXT.has(e.tagName) || isHiddenElement(e)) continue;
        if (isControl(e)) {
          out += `${CONTROL_MARK}${e.tagName === 'INPUT' ? '' : textOf(e)}${CONTROL_MARK}`;
          continue;
        }
        if (e.tagName === 'BR' || BLOCK_BREAK.has(e.tagName)) out += ' ';
        walk(e);
        if (BLOCK_BREAK.has(e.tagName)) out += ' ';
      }
    }
  };
  if (isControl(el)) return textOf(el);
  walk(el);
  return out.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}
const BLOCK_BREAK = new Set(['DIV', 'P', 'LI', 'TD', 'TH', 'DT', 'DD', 'SECTION', 'HEADER', 'LABEL']);

/** A value's own text: the first part not a control, or the control's text when that is all there is. */
export function ownValue(text: string): string {
  if (!text.includes(CONTROL_MARK)) return text.trim();
  const parts = text.split(CONTROL_MARK).map((p) => p.trim());
  // parts alternate: outside, inside a control, outside, … — text outside controls comes first
  const outside = parts.find((p, i) => i % 2 === 0 && p !== '');
  return outside ?? parts.find((p) => p !== '') ?? '';
}

/** True when an element holds block content of its own (then its text is not one "label：value"). */
export function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName === 'TABLE' || c.tagName === 'DIV' || c.tagName === 'P' || c.tagName === 'LI' || hasBlockChild(c)) return true;
  }
  return false;
}

/** Label/value pairs from the page's common layouts. */
function collectPairs(elements: readonly Element[]): Pair[] {
  const visible = new Set(elements);
  const pairs: Pair[] = [];
  const push = (label: Element | string, value: Element | string | null | undefined): void => {
    if (value === null || value === undefined) return;
    const l = typeof label === 'string' ? label : textOf(label);
    // a value element's own text, without the links and buttons beside it
    const v = ownValue(typeof value === 'string' ? value : value.tagName === 'INPUT' ? textOf(value) : valueText(value));
    if (l && v) pairs.push({ label: l, value: v });
  };
  // a date range is two inputs (and a "至" between them) after one label
  const inputRun = (first: Element): string => {
    const values: string[] = [];
    for (let e: Element | null = first; e && values.length < 5 && e.tagName !== 'LABEL'; e = e.nextElementSibling) values.push(textOf(e));
    return values.join(' ');
  };
  // description lists: <dt>商户号</dt><dd>…</dd>
  for (const dt of elements) {
    if (dt.tagName !== 'DT') continue;
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') push(dt, dd);
  }
  // Ant Design / Element Plus descriptions, form items: label element + its content sibling
  for (const label of elements) {
    if (!label.matches(LABEL_SELECTOR)) continue;
    const forId = label.getAttribute('for');
    const target = forId ? (label.ownerDocument?.getElementById(forId) ?? null) : null;
    if (target) {
      // <label for="from">查询日期</label><input id="from"> 至 <input>: the range's end follows
      push(label, target.tagName === 'INPUT' && labelKey(textOf(label)) === 'dateRange' ? inputRun(target) : target);
      continue;
    }
    const next = label.nextElementSibling;
    if (next?.tagName === 'INPUT') push(label, inputRun(next));
    else if (next && !(label.tagName === 'TH' && next.tagName === 'TH')) push(label, next);
    const own = valueText(label);
    const colon = own.match(/^([^：:]{1,12})[：:]\s*(.+)$/);
    if (colon) push(colon[1]!, colon[2]!);
  }
  // free text: "商户号：898310048990001  商户名称：某某便利店". The shortest texts first: a span
  // holding one "Merchant name: Sample Corner Shop" is read before the header around it, whose
  // run-on text cannot tell where an English value ends and the next label begins.
  const texts = elements
    .filter((el) => TEXT_BLOCKS.has(el.tagName) && !hasBlockChild(el))
    .map((el) => ({ el, text: valueText(el) }))
    .sort((a, b) => a.text.length - b.text.length);
  for (const { el, text } of texts) {
    if (text.length > 300) continue;
    // "<span>商户号：</span><span>898…</span>": the value is the next element
    if (/^[^：:\u0000]{1,12}[：:]$/.test(text)) {
      const next = el.nextElementSibling;
      if (next && visible.has(next)) push(text, next);
      continue;
    }
    // a value may hold ':' only inside a time ("2024-03-01 00:00:00 至 …")
    const re = /([\u4e00-\u9fffA-Za-z ]{1,20}?)\s*[：:]\s*((?:[^：:]|:(?=\d))+?)(?=\s+[\u4e00-\u9fffA-Za-z ]{1,20}?\s*[：:]|$)/g;
    for (const m of text.matchAll(re)) push(m[1]!.trim(), m[2]!.trim());
  }
  return pairs;
}

export interface PageMetaOptions {
  /** elements whose content is not page meta (the transaction tables themselves) */
  exclude?: readonly Element[];
}

/** Reads the page facts of PageMeta from `root` (a Document or any element). */
export function readPageMeta(root: ParentNode, opts: PageMetaOptions = {}): PageMeta {
  const elements = visibleElements(root, new Set(opts.exclude ?? []));
  const meta: PageMeta = {};
  for (const { label, value } of collectPairs(elements)) {
    const key = labelKey(label);
    if (!key || meta[key] !== undefined) continue;
    if (key === 'merchantId' || key === 'terminalId') {
      const id = idValue(value);
      if (id) meta[key] = id;
    } else if (key === 'merchantName') {
      meta.merchantName = value.slice(0, 100);
    } else if (key === 'currency') {
      const c = currencyOf(value);
      if (c) meta.currency = c;
    } else {
      const r = rangeOf(datesIn(value));
      if (r) meta.dateRange = r;
    }
  }
  // Date pickers: a range picker keeps its dates in input values, not in text.
  if (!meta.dateRange) {
    const dates: IsoDate[] = [];
    for (const input of elements) {
      if (input.tagName !== 'INPUT') continue;
      const type = (input.getAttribute('type') ?? 'text').toLowerCase();
      if (!['text', 'date', 'datetime-local', 'search', ''].includes(type)) continue;
      const value = (input as HTMLInputElement).value || input.getAttribute('value') || '';
      dates.push(...datesIn(value));
    }
    meta.dateRange = rangeOf(dates);
    if (!meta.dateRange) delete meta.dateRange;
  }
  return meta;
}

/**
 * The year of a month/day shown without one, from the page's date range: the year that puts the
 * date inside the range (a range from 2023-12-25 to 2024-01-05 puts 12-31 in 2023 and 01-02 in
 * 2024). Undefined without a range: a year is never taken from the clock (lib/dates.ts).
 */
export function yearForMonthDay(month: number, day: number, range: PageMeta['dateRange']): number | undefined {
  if (!range) return undefined;
  const fromYear = Number(range.from.slice(0, 4));
  const toYear = Number(range.to.slice(0, 4));
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  for (let y = toYear; y >= fromYear; y--) {
    const d = `${y}-${md}`;
    if (d >= range.from && d <= range.to) return y;
  }
  return toYear;
}
