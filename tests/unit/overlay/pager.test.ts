// "Capture all pages" (issue 3): the page-size selector of each family's pager, found on the
// saved fixture pages and set to its largest size; and the walk itself, with Stop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTableRoots, readPortalTables } from '../../../lib/portals';
import { t } from '../../../lib/i18n/messages';
import type { ContentToBackground } from '../../../lib/messaging';
import { PortalOverlay, type Send } from '../../../components/overlay/controller';
import { findNextControl, findPageSizeControl, selectLargestPageSize } from '../../../components/overlay/pager';

const FIXTURES = join(__dirname, '../../fixtures/portals');

function fixture(path: string): { doc: Document; root: Element } {
  const doc = new DOMParser().parseFromString(readFileSync(join(FIXTURES, path), 'utf8'), 'text/html');
  const root = findTableRoots(doc)[0]?.root;
  if (!root) throw new Error(`${path}: no transaction table`);
  return { doc, root };
}

// Ant Design, layui, Element UI 2, vxe-table and EasyUI pagers as their libraries render them, around a one-row table (the real
// libraries' pages are walked end to end in tests/e2e/portal-libraries.spec.ts)
const ONE_ROW =
  '<thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead><tbody><tr><td>2024-03-05 10:00:00</td><td>消费</td><td>¥5.00</td></tr></tbody>';
const INLINE: Record<string, string> = {
  'ant-design': `<div class="ant-table-wrapper"><div class="ant-spin-container"><div class="ant-table"><div class="ant-table-container"><div class="ant-table-content"><table>
    ${ONE_ROW.replace('<tbody>', '<tbody class="ant-table-tbody">').replace('<thead>', '<thead class="ant-table-thead">').replace('<tr><td>', '<tr class="ant-table-row" data-row-key="1"><td>')}</table></div></div></div>
    <ul class="ant-pagination ant-table-pagination"><li class="ant-pagination-next" title="下一页"><button class="ant-pagination-item-link" type="button">›</button></li>
    <li class="ant-pagination-options"><div class="ant-select ant-pagination-options-size-changer ant-select-single"><div class="ant-select-selector">
      <span class="ant-select-selection-search"><input type="search" role="combobox" readonly value=""></span><span class="ant-select-selection-item" title="10 条/页">10 条/页</span></div></div></li></ul></div></div>`,
  layui: `<div class="layui-table-view"><div class="layui-table-box"><div class="layui-table-header"><table class="layui-table"><thead><tr>
    <th data-field="t"><div class="layui-table-cell">交易时间</div></th><th data-field="k"><div class="layui-table-cell">交易类型</div></th><th data-field="a"><div class="layui-table-cell">交易金额</div></th></tr></thead></table></div>
    <div class="layui-table-body layui-table-main"><table class="layui-table"><tbody><tr data-index="0"><td data-field="t"><div class="layui-table-cell">2024-03-05 10:00:00</div></td><td data-field="k"><div class="layui-table-cell">消费</div></td><td data-field="a"><div class="layui-table-cell">¥5.00</div></td></tr></tbody></table></div></div>
    <div class="layui-table-page"><div class="layui-laypage"><span class="layui-laypage-count">共 4 条</span><span class="layui-laypage-limits"><select lay-ignore>
      ${[10, 20, 30, 40, 50, 90].map((n) => `<option value="${n}"${n === 10 ? ' selected' : ''}>${n} 条/页</option>`).join('')}</select></span></div></div></div>`,
  // Element UI 2's el-pagination keeps the options inside the el-select until first opened
  'element-ui': `<div><table>${ONE_ROW}</table><div class="el-pagination is-background"><span class="el-pagination__total">共 4 条</span><span class="el-pagination__sizes"><div class="el-select el-select--mini">
    <div class="el-input el-input--mini el-input--suffix"><input type="text" readonly="readonly" class="el-input__inner" value="10条/页"></div>
    <div class="el-select-dropdown el-popper" style="display: none;"><div class="el-scrollbar"><div class="el-select-dropdown__wrap el-scrollbar__wrap"><ul class="el-scrollbar__view el-select-dropdown__list">
      ${[10, 20, 50, 100].map((n) => `<li class="el-select-dropdown__item${n === 10 ? ' selected' : ''}"><span>${n}条/页</span></li>`).join('')}</ul></div></div></div></div></span>
    <button type="button" disabled="disabled" class="btn-prev"></button><ul class="el-pager"><li class="number active">1</li></ul><button type="button" class="btn-next" disabled="disabled"></button></div></div>`,
  // vxe-pager's vxe-select, whose option panel is empty until opened
  'vxe-table': `<div><table>${ONE_ROW}</table><div class="vxe-pager size--small"><div class="vxe-pager--wrapper"><div class="vxe-select vxe-pager--sizes size--small">
    <div class="vxe-input type--text size--small is--suffix"><input class="vxe-input--inner" readonly="" type="text" value="10条/页"></div>
    <div class="vxe-table--ignore-clear vxe-select--panel size--small"><div class="vxe-select--panel-wrapper"><div class="vxe-select-option--wrapper"></div></div></div></div>
    <span class="vxe-pager--total">共 4 条记录</span></div></div></div>`,
  // EasyUI's pagination: a native page-list <select>
  easyui: `<div><table>${ONE_ROW}</table><div class="datagrid-pager pagination"><table><tbody><tr><td><select class="pagination-page-list"><option>10</option><option>20</option></select></td>
    <td><a href="javascript:;" class="l-btn l-btn-small l-btn-plain"><span class="l-btn-left l-btn-icon-left"><span class="l-btn-empty">&nbsp;</span><span class="l-btn-icon pagination-next">&nbsp;</span></span></a></td></tr></tbody></table></div></div>`,
};

/** A fixture file, or one of the inline pagers above by its family name. */
function inlineOrFile(path: string): { doc: Document; root: Element } {
  const family = path.split('/')[0]!;
  if (!INLINE[family]) return fixture(path);
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${INLINE[family]}</body></html>`, 'text/html');
  return { doc, root: findTableRoots(doc)[0]!.root };
}

/** The polling the controller passes in: real timers, 10 ms steps. */
async function waitFor(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) if (test()) return true;
  return test();
}

/** Records which of `els` got a click (the kits select an option on click). */
function clicks(els: Iterable<Element>): string[] {
  const got: string[] = [];
  for (const el of els) el.addEventListener('click', () => got.push((el.textContent ?? '').trim()));
  return got;
}

describe('page-size selectors on the fixture pages', () => {
  it('Element UI: picks the largest of the options el-select keeps until first opened', async () => {
    const { doc, root } = inlineOrFile('element-ui');
    const found = findPageSizeControl(root);
    expect(found?.control.matches('.el-pagination__sizes .el-select')).toBe(true);
    const chosen = clicks(doc.querySelectorAll('.el-select-dropdown__item'));
    expect(await selectLargestPageSize(root, waitFor)).toBe(true);
    expect(chosen).toEqual(['100条/页']);
  });

  it('Ant Design: opens the size changer (rc-select opens on mousedown), then picks the largest option', async () => {
    const { doc, root } = inlineOrFile('ant-design');
    const chosen: string[] = [];
    // what rc-select does on opening: a dropdown in <body>, with a hidden listbox for screen readers
    doc.querySelector('.ant-pagination-options-size-changer .ant-select-selector')!.addEventListener('mousedown', () => {
      const popup = doc.createElement('div');
      popup.innerHTML = `<div class="ant-select-dropdown ant-select-dropdown-placement-bottomLeft"><div role="listbox" style="height: 0; width: 0; overflow: hidden">
        <div role="option" aria-selected="true">10</div><div role="option">20</div></div><div class="rc-virtual-list"><div class="rc-virtual-list-holder-inner">
        ${[10, 20, 50, 100].map((n) => `<div class="ant-select-item ant-select-item-option" title="${n} 条/页"><div class="ant-select-item-option-content">${n} 条/页</div></div>`).join('')}
        </div></div></div>`;
      doc.body.append(popup);
      popup.querySelectorAll('.ant-select-item-option').forEach((o) => o.addEventListener('click', () => chosen.push(o.textContent!.trim())));
    });
    expect(findPageSizeControl(root)?.control.matches('.ant-pagination-options-size-changer')).toBe(true);
    expect(await selectLargestPageSize(root, waitFor)).toBe(true);
    expect(chosen).toEqual(['100 条/页']);
  });

  it('vxe-table: opens the vxe-select, whose panel is filled on opening, then picks the largest', async () => {
    const { doc, root } = inlineOrFile('vxe-table');
    const chosen: string[] = [];
    doc.querySelector('.vxe-pager--sizes input')!.addEventListener('click', () => {
      const wrapper = doc.querySelector('.vxe-select-option--wrapper')!;
      wrapper.innerHTML = [10, 20, 50, 100, 200].map((n) => `<div class="vxe-select-option" optid="${n}">${n}条/页</div>`).join('');
      wrapper.querySelectorAll('.vxe-select-option').forEach((o) => o.addEventListener('click', () => chosen.push(o.textContent!)));
    });
    expect(await selectLargestPageSize(root, waitFor)).toBe(true);
    expect(chosen).toEqual(['200条/页']);
  });

  it.each([
    ['layui', '.layui-laypage-limits select', '90'],
    ['easyui', 'select.pagination-page-list', '20'],
  ])('%s: sets the native <select> to its largest size and tells the page', async (path, selector, largest) => {
    const { doc, root } = inlineOrFile(path);
    const select = doc.querySelector<HTMLSelectElement>(selector)!;
    expect(findPageSizeControl(root)?.control).toBe(select);
    const events: string[] = [];
    for (const type of ['input', 'change']) select.addEventListener(type, () => events.push(`${type}:${select.value}`));
    expect(await selectLargestPageSize(root, waitFor)).toBe(true);
    expect(events).toEqual([`input:${largest}`, `change:${largest}`]);
    // already at its largest: nothing to do
    expect(await selectLargestPageSize(root, waitFor)).toBe(false);
    expect(events).toHaveLength(2);
  });

  it('a pager without a size selector (the generic fixture) is left alone', async () => {
    const { root } = fixture('generic/basic.html');
    expect(findPageSizeControl(root)).toBeNull();
    expect(await selectLargestPageSize(root, waitFor)).toBe(false);
  });

  // a plain table with a <select> beside its pager: a page-size select only when its options say so
  const withSelect = (select: string) => {
    const doc = new DOMParser().parseFromString(
      `<!doctype html><html><body><div><table><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody><tr><td>2024-03-05 10:00:00</td><td>消费</td><td>¥5.00</td></tr></tbody></table><nav><a href="#">Next</a> ${select}</nav></div></body></html>`,
      'text/html',
    );
    return { doc, root: findTableRoots(doc)[0]!.root };
  };

  it.each([
    ['<select aria-label="Rows per page"><option>10 per page</option><option>20 per page</option><option>50 per page</option></select>', '50 per page'],
    ['<select class="tabulator-page-size"><option value="10">10</option><option value="50">50</option></select>', '50'],
    ['<select title="每页条数"><option>10</option><option>20</option></select>', '20'],
  ])('a <select> of page sizes (%s) is set to its largest', async (select, largest) => {
    const { doc, root } = withSelect(select);
    expect(await selectLargestPageSize(root, waitFor)).toBe(true);
    const s = doc.querySelector('select')!;
    expect(s.options[s.selectedIndex]!.text).toBe(largest);
  });

  it.each([
    '<select name="term"><option>10293847</option><option>10293848</option></select>',
    '<select><option>10</option><option>20</option></select>',
    '<select aria-label="Rows per page"><option>10 per page</option></select>',
  ])('a <select> that is not a page-size selector (%s) is left alone', (select) => {
    expect(findPageSizeControl(withSelect(select).root)).toBeNull();
  });
});

// A paginated portal in the test document: 5 rows, a layui-style pager (next link disabled on the
// last page, a limits <select>); a new page or size re-renders the rows in place after a moment.
function paginatedPortal(sizes: number[], opts: { loop?: boolean } = {}): { nextClicks: () => number } {
  const rows = Array.from({ length: 5 }, (_, i) => ({ time: `2024-03-0${i + 1} 10:00:00`, amount: `${100 + i}.00`, fee: '0.60', rrn: `51000000000${i}` }));
  document.body.innerHTML = `<div class="card"><table id="t"><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th><th>手续费</th><th>参考号</th></tr></thead><tbody></tbody></table>
    <div class="layui-laypage"><a class="layui-laypage-next" href="javascript:;">下一页</a>
    <span class="layui-laypage-limits"><select>${sizes.map((n) => `<option value="${n}">${n} 条/页</option>`).join('')}</select></span></div></div>`;
  let page = 1;
  let size = sizes[0]!;
  let nextClicks = 0;
  const next = document.querySelector('.layui-laypage-next')!;
  const render = () => {
    document.querySelector('#t tbody')!.innerHTML = rows
      .slice((page - 1) * size, page * size)
      .map((r) => `<tr><td>${r.time}</td><td>消费</td><td>${r.amount}</td><td>${r.fee}</td><td>${r.rrn}</td></tr>`)
      .join('');
    next.className = `layui-laypage-next${page * size >= rows.length && !opts.loop ? ' layui-disabled' : ''}`;
  };
  render();
  // a looping pager (bootstrap-table's default) goes from the last page back to the first
  next.addEventListener('click', () => {
    nextClicks++;
    setTimeout(() => {
      page = page * size >= rows.length ? 1 : page + 1;
      render();
    }, 20);
  });
  document.querySelector('select')!.addEventListener('change', (e) => {
    size = Number((e.target as HTMLSelectElement).value);
    page = 1;
    setTimeout(render, 20);
  });
  return { nextClicks: () => nextClicks };
}

let controller: AbortController;
afterEach(() => controller?.abort());

function overlayFor(onCapture: (ids: string[]) => void = () => {}): { overlay: PortalOverlay; captured: string[][] } {
  controller = new AbortController();
  const captured: string[][] = [];
  const send = vi.fn(async (msg: ContentToBackground) => {
    if (msg.type === 'content/capture') {
      const ids = msg.rows.map((r) => r.id);
      captured.push(ids);
      onCapture(ids);
      return { ok: true, value: { added: ids.length, updated: 0, known: 0, byTransaction: {}, language: 'en' } };
    }
    if (msg.type === 'content/getFindings') return { ok: true, value: { byTransaction: {}, language: 'en' } };
    return { ok: false, error: { code: 'x', message: 'not in this test' } };
  }) as unknown as Send;
  const overlay = new PortalOverlay({
    doc: document,
    send,
    readTables: readPortalTables,
    now: () => '2026-03-16T00:00:00Z',
    signal: controller.signal,
    settleMs: 0,
    pageTimeoutMs: 2000,
    // the test presses Stop from script: its click stands for the merchant's (trusted) one
    isTrusted: () => true,
  });
  current = overlay;
  return { overlay, captured };
}

/** the overlay of the test running: its tools' shadow root is closed to everything else */
let current: PortalOverlay | null = null;

function tools(): ShadowRoot {
  return current!.shadowOf(document.querySelector('sg-tools')!)!;
}

function summary(): HTMLElement | null {
  return tools().querySelector('[data-testid="sg-capture-summary"]');
}

describe('Capture all pages', () => {
  it('sets the page size to its largest first, so one page holds every row and no next page is clicked', async () => {
    const portal = paginatedPortal([2, 10]);
    const { overlay, captured } = overlayFor();
    await overlay.scan();
    const walk = await overlay.captureAllPages(document.getElementById('t')!);
    expect(walk).toMatchObject({ running: false, done: 'finished', pages: 1, rows: 5 });
    expect(portal.nextClicks()).toBe(0);
    expect(document.querySelectorAll('#t tbody tr[data-sg-row]')).toHaveLength(5);
    expect(captured.flat()).toHaveLength(5);
  });

  it('walks the next-page control to the last page when the size cannot grow', async () => {
    const portal = paginatedPortal([2]);
    const { overlay } = overlayFor();
    await overlay.scan();
    const walk = await overlay.captureAllPages(document.getElementById('t')!);
    expect(walk).toMatchObject({ done: 'finished', pages: 3, rows: 5 });
    expect(portal.nextClicks()).toBe(2);
    expect(summary()?.dataset).toMatchObject({ pages: '3', rows: '5' });
  });

  it('a pager that goes round from the last page to the first: the walk ends there, every page walked once', async () => {
    const portal = paginatedPortal([2], { loop: true });
    const { overlay } = overlayFor();
    await overlay.scan();
    const walk = await overlay.captureAllPages(document.getElementById('t')!);
    expect(walk).toMatchObject({ done: 'finished', pages: 3, rows: 5 });
    expect(portal.nextClicks()).toBe(3);
  });

  it('Stop pressed while a page is being captured: that page counts, the walk goes no further', async () => {
    const portal = paginatedPortal([2]);
    let captures = 0;
    const { overlay } = overlayFor(() => {
      // the second page's rows are on their way to the background: the merchant presses Stop
      if (++captures === 2) {
        const stop = [...tools().querySelectorAll('button')].find((b) => b.textContent === t('en', 'overlay.stop'));
        stop!.click();
      }
    });
    await overlay.scan();
    captures = 1; // the rows of page 1 were sent by the scan above
    const walk = await overlay.captureAllPages(document.getElementById('t')!);
    expect(walk).toMatchObject({ running: false, done: 'stopped', pages: 2, rows: 4 });
    expect(portal.nextClicks()).toBe(1);
    expect(summary()?.dataset).toMatchObject({ pages: '2', rows: '4' });
    expect(summary()?.textContent).toContain(t('en', 'overlay.captureStopped'));
  });
});

// the Vue kits' next-page controls (their real pagers are walked end to end in tests/e2e/portal-libraries.spec.ts)
describe('next-page controls of the Vue kits', () => {
  const around = (pager: string) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><html><body><div><table>${ONE_ROW}</table>${pager}</div></body></html>`, 'text/html');
    return { doc, root: findTableRoots(doc)[0]!.root };
  };

  it.each([
    [
      'Arco',
      '<div class="arco-pagination"><span class="arco-pagination-item arco-pagination-item-previous">‹</span><ul><li class="arco-pagination-item arco-pagination-item-active">1</li></ul><span class="arco-pagination-item arco-pagination-item-next" id="next">›</span></div>',
    ],
    [
      'TDesign',
      '<div class="t-pagination"><div class="t-pagination__btn t-pagination__btn-prev t-is-disabled"></div><ul class="t-pagination__pager"><li class="t-pagination__number t-is-current">1</li></ul><div class="t-pagination__btn t-pagination__btn-next" id="next"></div></div>',
    ],
    // Naive UI's arrows share one class: the next one is the arrow after the page numbers
    [
      'Naive UI',
      '<div class="n-pagination"><div class="n-pagination-item n-pagination-item--button n-pagination-item--disabled"></div><div class="n-pagination-item n-pagination-item--active">1</div><div class="n-pagination-item n-pagination-item--clickable">2</div><div class="n-pagination-item n-pagination-item--button" id="next"></div></div>',
    ],
    [
      'View UI',
      '<ul class="ivu-page"><li title="上一页" class="ivu-page-prev ivu-page-disabled"><a></a></li><li class="ivu-page-item ivu-page-item-active"><a>1</a></li><li title="下一页" class="ivu-page-next"><a id="next"></a></li></ul>',
    ],
  ])('%s: the next button, not the previous one', (_, pager) => {
    const { root } = around(pager);
    expect(findNextControl(root)?.id).toBe('next');
  });
});
