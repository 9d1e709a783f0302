import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { loadFixture, page } from './fixture-util';

const NOW = '2024-05-08T03:00:00.000Z';

describe('element-ui', () => {
  it('captures each row once, from the main body, never from the fixed-column copies', () => {
    const doc = loadFixture('element-ui', 'settlement-fixed.html');
    const tables = readPortalTables(doc, 'https://mer.example.cn/settle', NOW);
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t!.adapter).toBe('element-ui');
    expect(doc.querySelectorAll('tr.el-table__row')).toHaveLength(12); // 4 rows × (main + left + right copies)
    expect(t!.rows).toHaveLength(4);
    for (const r of t!.rows) {
      expect(r.element.closest('.el-table__body-wrapper')).not.toBeNull();
      expect(r.element.closest('.el-table__fixed, .el-table__fixed-right')).toBeNull();
    }
    // cells of fixed columns are read from the main table even though they are marked is-hidden there
    expect(t!.rows[0]!.transaction?.occurredAt).toBe('2024-05-06T11:02:33');
  });

  it('reads Element Plus markup (inner wrapper, el-scrollbar around the body)', () => {
    const doc = page(`<div class="el-table--fit el-table--border el-table el-table--layout-fixed is-scrolling-none" style="width: 100%;">
      <div class="el-table__inner-wrapper"><div class="hidden-columns"><div></div><div></div><div></div></div>
        <div class="el-table__header-wrapper"><table class="el-table__header" border="0" cellpadding="0" cellspacing="0"><colgroup><col name="el-table_1_column_1"></colgroup>
          <thead><tr><th class="el-table_1_column_1 is-leaf el-table__cell" colspan="1" rowspan="1"><div class="cell">交易时间</div></th><th class="el-table_1_column_2 is-leaf el-table__cell"><div class="cell">交易类型</div></th><th class="el-table_1_column_3 is-leaf el-table__cell"><div class="cell">交易金额</div></th></tr></thead></table></div>
        <div class="el-table__body-wrapper"><div class="el-scrollbar"><div class="el-scrollbar__wrap el-scrollbar__wrap--hidden-default"><div class="el-scrollbar__view" style="display: inline-block; vertical-align: middle;">
          <table class="el-table__body" cellspacing="0" cellpadding="0" border="0" style="table-layout: fixed;"><tbody tabindex="-1">
            <tr class="el-table__row"><td class="el-table_1_column_1 el-table__cell" rowspan="1" colspan="1"><div class="cell">2024-03-05 10:00:00</div></td><td class="el-table_1_column_2 el-table__cell"><div class="cell">退款</div></td><td class="el-table_1_column_3 el-table__cell"><div class="cell">¥8.00</div></td></tr>
          </tbody></table></div></div></div></div>
        <div class="el-table__footer-wrapper"><table class="el-table__footer"><tbody><tr><td class="el-table__cell"><div class="cell">合计</div></td><td></td><td><div class="cell">8.00</div></td></tr></tbody></table></div>
      </div></div>`);
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.rows).toHaveLength(1);
    expect(t!.rows[0]!.transaction).toMatchObject({ kind: 'refund', amount: { amount: '-8.00' } });
  });

  it('an el-table that is not a transaction list gives nothing, and its inner tables are not read as plain tables', () => {
    const doc = page(`<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th><div class="cell">公告</div></th><th><div class="cell">日期</div></th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table class="el-table__body"><tbody><tr class="el-table__row"><td><div class="cell">维护通知</div></td><td><div class="cell">2024-03-01</div></td></tr></tbody></table></div></div>`);
    expect(readPortalTables(doc, 'https://m.example', NOW)).toEqual([]);
  });
});
