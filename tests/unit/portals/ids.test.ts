// DESIGN.md §3 id recipe: re-reading gives the same ids, and no two rows ever share one.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals/index';

const page = (rows: string) =>
  new DOMParser().parseFromString(
    `<table><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th><th>手续费</th><th>参考号</th></tr></thead><tbody>${rows}</tbody></table>`,
    'text/html',
  );
const ids = (doc: Document) => readPortalTables(doc, 'https://portal.example/', '2026-03-16T00:00:00Z').flatMap((t) => t.rows.map((r) => r.transaction?.id));

describe('transaction ids', () => {
  it('a reference repeated on the same day does not merge two rows; the first keeps its id', () => {
    const one = '<tr><td>2026-03-05 10:00:00</td><td>消费</td><td>100.00</td><td>0.60</td><td>606400000001</td></tr>';
    const two = '<tr><td>2026-03-05 11:00:00</td><td>消费</td><td>200.00</td><td>1.20</td><td>606400000001</td></tr>';
    const [a, b] = ids(page(one + two));
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
    expect(ids(page(one))[0]).toBe(a);
    expect(ids(page(one + two))).toEqual([a, b]);
  });
});
