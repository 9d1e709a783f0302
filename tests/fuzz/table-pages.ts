// Generated portal pages for the table readers' fuzz: a table model (headers, rows of cells with
// hostile text, odd spans, nested tables, markup that does not close) drawn in the markup of each
// family in lib/portals/registry.ts, the way the unit tests draw them. Parsed with the DOMParser
// of happy-dom, as the unit tests do.
import fc from 'fast-check';
import { HOSTILE_TOKENS } from './mutate';

export interface CellModel {
  text: string;
  /** raw attribute values: numbers, absurd numbers, words */
  colspan?: string;
  rowspan?: string;
  /** a whole table of the same family inside this cell */
  nested?: TableModel;
  hidden?: boolean;
}

export interface TableModel {
  headers: CellModel[];
  rows: CellModel[][];
  /** keys (col-id, data-field, row-index…) as given, or hostile ones */
  keys: 'index' | 'duplicate' | 'hostile';
  thead: boolean;
}

export const FAMILIES = ['generic-table', 'ant-design', 'element-ui', 'layui', 'vxe-table', 'easyui', 'split-table', 'aria-grid', 'ag-grid'] as const;
export type Family = (typeof FAMILIES)[number];

const HEADERS = [
  '交易时间',
  '交易日期',
  '交易金额',
  '金额',
  '手续费',
  '参考号',
  '凭证号',
  '卡号',
  '终端号',
  '商户号',
  '交易类型',
  '状态',
  'Amount',
  'Fee',
  'Date',
  'Net',
  '合计',
  '',
];
const VALUES = [
  '2024-03-05 10:01:07',
  '2024/3/5',
  '03-05 10:01',
  '1,000.00',
  '-88.50',
  '¥6.00',
  '0.38%',
  '622848******1234',
  '6222021234567890123',
  '400000000001',
  'A7001234',
  '消费',
  '退货',
  '撤销',
  '成功',
  '借',
  '贷',
  '--',
  '暂无数据',
];
// spans as pages write them, and absurd ones (dom.ts caps a span at 1,000)
const SPANS = ['0', '1', '2', '3', '-1', 'abc', '1000', '65535', '99999999999', '', '2.5', ' 4'];
const span = fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...SPANS) });

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 10, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('<b>1,000.00</b>', '<td>x</td>', '</tr><tr>', '<table><tr><td>1</td></tr>', '<input value="9.99">', '<script>1</script>'),
  },
  { weight: 1, arbitrary: fc.nat({ max: 2_000 }).map((n) => '9'.repeat(n)) },
);

const cell = (depth: number): fc.Arbitrary<CellModel> =>
  fc.record(
    {
      text,
      colspan: span,
      rowspan: span,
      hidden: fc.boolean(),
      ...(depth > 0 ? { nested: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: table(depth - 1) }) } : {}),
    },
    { requiredKeys: ['text'] },
  );

function table(depth: number): fc.Arbitrary<TableModel> {
  const header = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HEADERS).map((t) => ({ text: t })) }, { weight: 1, arbitrary: cell(0) });
  // a table inside a cell is small; only the page's own tables are long
  const width = depth === 2 ? 12 : 4;
  const shapes: fc.WeightedArbitrary<CellModel[][]>[] = [{ weight: 8, arbitrary: fc.array(fc.array(cell(depth), { maxLength: width }), { maxLength: width }) }];
  // a long page: many rows of plain cells
  if (depth === 2)
    shapes.push({
      weight: 1,
      arbitrary: fc.array(
        fc.array(
          text.map((t) => ({ text: t })),
          { minLength: 3, maxLength: 8 },
        ),
        { minLength: 100, maxLength: 400 },
      ),
    });
  return fc.record({
    headers: fc.array(header, { maxLength: width }),
    rows: fc.oneof(...shapes),
    keys: fc.constantFrom('index' as const, 'duplicate' as const, 'hostile' as const),
    thead: fc.boolean(),
  });
}

export interface PageCase {
  family: Family;
  tables: TableModel[];
  /** a wrapper the tables sit in: none, a hidden div, another family's table cell */
  wrapper: 'none' | 'hidden' | 'layout-table';
}

export function pageCases(family: Family): fc.Arbitrary<PageCase> {
  return fc.record({
    family: fc.constant(family),
    tables: fc.array(table(2), { minLength: 0, maxLength: 3 }),
    wrapper: fc.constantFrom('none' as const, 'none' as const, 'hidden' as const, 'layout-table' as const),
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A cell's contents: escaped text, except the markup values (a page can hold any markup). */
function inner(c: CellModel, family: Family): string {
  const t = c.text.startsWith('<') ? c.text : esc(c.text);
  return c.nested ? `${t}${renderTable(c.nested, family)}` : t;
}

function spans(c: CellModel): string {
  return `${c.colspan !== undefined ? ` colspan="${attr(c.colspan)}"` : ''}${c.rowspan !== undefined ? ` rowspan="${attr(c.rowspan)}"` : ''}${c.hidden ? ' style="display:none"' : ''}`;
}

function key(t: TableModel, i: number, prefix: string): string {
  if (t.keys === 'duplicate') return `${prefix}${i % 2}`;
  if (t.keys === 'hostile') return ['', 'NaN', '-1', '1e9', '__proto__', 'constructor', `${prefix}${i}`, '"'][i % 8]!;
  return `${prefix}${i}`;
}

const tds = (t: TableModel, row: CellModel[], family: Family, tag = 'td', keyAttr?: string) =>
  row.map((c, j) => `<${tag}${spans(c)}${keyAttr ? ` ${keyAttr}="${attr(key(t, j, 'c'))}"` : ''}>${inner(c, family)}</${tag}>`).join('');

/** One table drawn the way `family` draws it. */
export function renderTable(t: TableModel, family: Family): string {
  const head = (tag = 'th', keyAttr?: string) => `<tr>${tds(t, t.headers, family, tag, keyAttr)}</tr>`;
  const body = (trAttrs: (i: number) => string, keyAttr?: string) =>
    t.rows.map((r, i) => `<tr ${trAttrs(i)}>${tds(t, r, family, 'td', keyAttr)}</tr>`).join('');
  switch (family) {
    case 'generic-table':
      return t.thead ? `<table><thead>${head()}</thead><tbody>${body(() => '')}</tbody></table>` : `<table>${head()}${body(() => '')}</table>`;
    case 'ant-design':
      return `<div class="ant-table-wrapper"><div class="ant-table"><div class="ant-table-container"><div class="ant-table-content"><table><thead class="ant-table-thead">${head()}</thead><tbody class="ant-table-tbody">${body((i) => `class="ant-table-row" data-row-key="${attr(key(t, i, 'r'))}"`)}</tbody></table></div></div></div></div>`;
    case 'element-ui':
      return `<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header"><thead>${head()}</thead></table></div><div class="el-table__body-wrapper"><table class="el-table__body"><tbody>${body(() => 'class="el-table__row"')}</tbody></table></div></div>`;
    case 'layui':
      return `<div class="layui-table-view"><div class="layui-table-box"><div class="layui-table-header"><table class="layui-table"><thead>${head('th', 'data-field')}</thead></table></div><div class="layui-table-body layui-table-main"><table class="layui-table"><tbody>${body((i) => `data-index="${attr(key(t, i, ''))}"`, 'data-field')}</tbody></table></div></div></div>`;
    case 'vxe-table':
      return `<div class="vxe-table"><div class="vxe-table--main-wrapper"><div class="vxe-table--header-wrapper"><table class="vxe-table--header"><thead><tr class="vxe-header--row">${tds(t, t.headers, family, 'th', 'colid')}</tr></thead></table></div><div class="vxe-table--body-wrapper"><table class="vxe-table--body"><tbody>${body((i) => `class="vxe-body--row" rowid="${attr(key(t, i, 'row_'))}"`, 'colid')}</tbody></table></div></div><div class="vxe-table--fixed-left-wrapper"><div class="vxe-table--body-wrapper"><table><tbody>${body((i) => `class="vxe-body--row" rowid="${attr(key(t, i, 'row_'))}"`, 'colid')}</tbody></table></div></div></div>`;
    case 'easyui':
      return `<div class="datagrid"><div class="datagrid-wrap"><div class="datagrid-view"><div class="datagrid-view2"><div class="datagrid-header"><table><tbody><tr class="datagrid-header-row">${tds(t, t.headers, family, 'td', t.thead ? 'field' : undefined)}</tr></tbody></table></div><div class="datagrid-body"><table class="datagrid-btable"><tbody>${body((i) => `class="datagrid-row" datagrid-row-index="${attr(key(t, i, ''))}"`, t.thead ? 'field' : undefined)}</tbody></table></div></div></div></div></div>`;
    case 'split-table':
      return `<div class="arco-table"><div class="arco-table-header"><table><thead>${head()}</thead></table></div><div class="arco-table-body"><table><tbody>${body(() => 'class="arco-table-tr"')}</tbody></table></div></div>`;
    case 'aria-grid': {
      const cells = (row: CellModel[], role: string) =>
        row
          .map((c, j) => `<div role="${role}" aria-colindex="${attr(t.keys === 'index' ? String(j + 1) : key(t, j, ''))}"${spans(c)}>${inner(c, family)}</div>`)
          .join('');
      return `<div role="grid"><div role="row">${cells(t.headers, 'columnheader')}</div>${t.rows.map((r) => `<div role="row">${cells(r, 'gridcell')}</div>`).join('')}</div>`;
    }
    case 'ag-grid': {
      const header = t.headers
        .map(
          (c, j) =>
            `<div class="ag-header-cell" role="columnheader" col-id="${attr(key(t, j, 'c'))}" aria-colindex="${j + 1}"><span class="ag-header-cell-text">${inner(c, family)}</span></div>`,
        )
        .join('');
      const rows = t.rows
        .map(
          (r, i) =>
            `<div role="row" row-index="${attr(t.keys === 'hostile' ? key(t, i, '') : String(i))}">${r.map((c, j) => `<div role="gridcell" col-id="${attr(key(t, j, 'c'))}">${inner(c, family)}</div>`).join('')}</div>`,
        )
        .join('');
      return `<div class="ag-root-wrapper"><div class="ag-root" role="grid"><div class="ag-header"><div class="ag-header-row" role="row">${header}</div></div><div class="ag-body"><div class="ag-center-cols-container">${rows}</div></div></div></div>`;
    }
  }
}

/** The page's HTML. */
export function renderPage(p: PageCase): string {
  const tables = p.tables.map((t) => renderTable(t, p.family)).join('');
  if (p.wrapper === 'hidden') return `<div style="display:none">${tables}</div><p>共 ${p.tables.length} 条</p>`;
  if (p.wrapper === 'layout-table') return `<table><tr><td>${tables}</td><td>菜单</td></tr></table>`;
  return tables;
}
