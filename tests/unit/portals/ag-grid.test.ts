// Edge cases of the AG Grid reader on small inline grids. The real grids (AG Grid 36 and 35,
// built from their npm packages) are read end to end in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { agGrid } from '../../../lib/portals/ag-grid';
import { page } from './fixture-util';

const NOW = '2024-09-08T00:00:00.000Z';
const COLS = [
  ['time', '交易时间'],
  ['kind', '交易类型'],
  ['amount', '交易金额'],
  ['rrn', '参考号'],
] as const;
const header = (cols: readonly (readonly [string, string])[], first = 1) =>
  cols
    .map(
      ([id, title], i) =>
        `<div class="ag-header-cell" role="columnheader" col-id="${id}" aria-colindex="${first + i}"><span class="ag-header-cell-text">${title}</span></div>`,
    )
    .join('');
const cell = (id: string, text: string, colindex: number) => `<div role="gridcell" col-id="${id}" aria-colindex="${colindex}">${text}</div>`;
const values = (i: number): Record<string, string> => ({
  time: `2024-09-02 10:1${i}:00`,
  kind: i === 2 ? '退货' : '消费',
  amount: `${i + 1}0.00`,
  rrn: `40000000000${i}`,
});

describe('ag-grid', () => {
  it('v33+: one row element holds its pinned and scrolling cells; rows are put in row-index order', () => {
    // rows in the DOM in the order AG Grid recycled them, not row order
    const rows = [2, 0, 1]
      .map((i) => {
        const v = values(i);
        return `<div role="row" row-index="${i}" class="ag-row">
        <div class="ag-grid-pinned-left-cells"><div class="ag-grid-container-wrapper">${cell('time', v.time!, 1)}</div></div>
        <div class="ag-grid-scrolling-cells">${cell('kind', v.kind!, 2)}${cell('amount', v.amount!, 3)}${cell('rrn', v.rrn!, 4)}</div></div>`;
      })
      .join('');
    const doc = page(`<div class="ag-root-wrapper"><div class="ag-root"><div class="ag-grid-viewport" role="grid" aria-colcount="4">
      <div class="ag-header"><div class="ag-header-row" role="row">
        <div class="ag-grid-pinned-left-cells">${header(COLS.slice(0, 1))}</div><div class="ag-grid-scrolling-cells">${header(COLS.slice(1), 2)}</div></div></div>
      <div class="ag-grid-pinned-top-rows-container"><div role="row" row-index="t-0">${cell('time', '合计', 1)}${cell('amount', '60.00', 3)}</div></div>
      <div class="ag-grid-scrolling-rows"><div class="ag-grid-scrolling-container">${rows}</div></div>
    </div></div></div>`);
    const [t] = readPortalTables(doc, 'https://dash.example/payments', NOW);
    expect(t!.adapter).toBe('ag-grid');
    expect(t!.columns.map((c) => c.field)).toEqual(['occurredAt', 'kind', 'amount', 'rrn']);
    expect(t!.rows.map((r) => r.element.getAttribute('row-index'))).toEqual(['0', '1', '2']);
    expect(t!.rows[2]!.transaction).toMatchObject({ occurredAt: '2024-09-02T10:12:00', kind: 'refund', amount: { amount: '-30.00' }, rrn: '400000000002' });
  });

  it('up to v32: a row split over the pinned and center containers is one row, the center part its element', () => {
    const part = (container: string, cells: string) =>
      `<div class="${container}">${[0, 1]
        .map((i) => {
          const v = values(i);
          return `<div role="row" row-index="${i}">${cells === 'left' ? cell('time', v.time!, 1) : `${cell('kind', v.kind!, 2)}${cell('amount', v.amount!, 3)}${cell('rrn', v.rrn!, 4)}`}</div>`;
        })
        .join('')}</div>`;
    const doc = page(`<div class="ag-root-wrapper"><div class="ag-root" role="grid">
      <div class="ag-header"><div class="ag-pinned-left-header">${header(COLS.slice(0, 1))}</div><div class="ag-header-viewport">${header(COLS.slice(1), 2)}</div></div>
      <div class="ag-body">${part('ag-pinned-left-cols-container', 'left')}${part('ag-center-cols-container', 'center')}</div>
      <div class="ag-floating-bottom"><div class="ag-center-cols-container"><div role="row" row-index="b-0">${cell('amount', '30.00', 3)}</div></div></div>
    </div></div>`);
    const [t] = readPortalTables(doc, 'https://dash.example/payments', NOW);
    expect(t!.rows).toHaveLength(2);
    for (const r of t!.rows) expect(r.element.closest('.ag-center-cols-container')).not.toBeNull();
    expect(t!.rows[1]!.transaction).toMatchObject({ occurredAt: '2024-09-02T10:11:00', amount: { amount: '20.00' }, rrn: '400000000001' });
  });

  it('columns virtualised out of view are not read, and the cells in view stay under their own headers', () => {
    // a wide grid scrolled right: columns 2-3 rendered, column 1 (the time) and 4 are not
    const doc = page(`<div class="ag-root-wrapper"><div class="ag-root"><div class="ag-grid-viewport" role="grid" aria-colcount="4">
      <div class="ag-header">${header(COLS.slice(1, 3), 2)}</div>
      <div class="ag-grid-scrolling-container"><div role="row" row-index="0">${cell('amount', '10.00', 3)}${cell('kind', '消费', 2)}</div></div>
    </div></div></div>`);
    const raw = agGrid.read(agGrid.detect(doc)[0]!)!;
    expect(raw.headers).toEqual(['交易类型', '交易金额']);
    expect(raw.rows[0]!.cells).toEqual(['消费', '10.00']);
  });

  it('a grid without column headers is not a table', () => {
    const doc = page('<div class="ag-root-wrapper"><div class="ag-root"><div class="ag-header"></div></div></div>');
    expect(agGrid.read(agGrid.detect(doc)[0]!)).toBeNull();
  });
});
