// Teach columns shows where each column's reading came from (issue 12 item 2): the header, the
// values (marked, with how sure and why) or the merchant; one click confirms the inferred map as
// taught; a table SettleGuard could not read names the columns it could not place.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { TableTools } from '../../../components/overlay/TableTools';
import type { CapturedColumn } from '../../../lib/model';

afterEach(cleanup);

const COLUMNS: CapturedColumn[] = [
  { header: '交易时间', field: 'occurredAt', source: 'header', confidence: 1 },
  { header: '订单金额', field: 'amount', source: 'header', confidence: 1 },
  { header: '扣率金额', field: 'fee', source: 'values', confidence: 0.95, reason: { key: 'infer.feeFromNet', params: { net: '入账金额' } } },
  { header: '入账金额', field: 'net', source: 'header', confidence: 1 },
  { header: '流水凭证', field: 'rrn', source: 'values', confidence: 0.7, reason: { key: 'infer.rrn', params: { rows: '6' } } },
  { header: '扣款', field: 'fee', source: 'taught', confidence: 1 },
  { header: '备注', field: null },
];

function setup(props: Partial<Parameters<typeof TableTools>[0]> = {}) {
  const onSaveMap = vi.fn(async () => true);
  render(<TableTools locale="zh-CN" columns={COLUMNS} walk={null} onCaptureAll={() => {}} onStop={() => {}} onSaveMap={onSaveMap} {...props} />);
  return { onSaveMap };
}

describe('TableTools: Teach columns', () => {
  it('lists each column with its field, where it came from and how sure, inferred ones marked (zh-CN)', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: '教它认列' }));
    const rows = screen.getAllByTestId('sg-teach-column');
    expect(rows.map((r) => r.getAttribute('data-source'))).toEqual(['header', 'header', 'values', 'header', 'values', 'taught', 'none']);
    expect(rows.map((r) => (r.querySelector('select') as HTMLSelectElement).value)).toEqual(['occurredAt', 'amount', 'fee', 'net', 'rrn', 'fee', '-']);
    expect(rows[0]!.textContent).toContain('表头');
    expect(rows[2]!.className).toContain('inferred');
    expect(rows[2]!.textContent).toContain('≈ 扣率金额');
    expect(rows[2]!.textContent).toContain('从数值推断 · 把握大 · 每行等于金额减 入账金额');
    expect(rows[4]!.textContent).toContain('从数值推断 · 较有把握 · 12 位数字，6 行各不相同');
    expect(rows[5]!.textContent).toContain('你的设定');
    expect(rows[6]!.querySelector('.src')).toBeNull();
    expect(rows[0]!.className).not.toContain('inferred');
  });

  it('in English too', () => {
    setup({ locale: 'en' });
    expect(screen.getByTestId('sg-inferred-hint').textContent).toBe('2 columns read from their values: check them in Teach columns.');
    fireEvent.click(screen.getByRole('button', { name: 'Teach columns' }));
    expect(screen.getAllByTestId('sg-teach-column')[2]!.textContent).toContain('inferred from values · sure · the amount minus 入账金额 on every row');
  });

  it('one click confirms the inferred map as taught, leaving unplaced columns open', async () => {
    const { onSaveMap } = setup();
    fireEvent.click(screen.getByTestId('sg-confirm-columns'));
    await waitFor(() => expect(onSaveMap).toHaveBeenCalledTimes(1));
    expect(onSaveMap).toHaveBeenCalledWith({ 交易时间: 'occurredAt', 订单金额: 'amount', 扣率金额: 'fee', 入账金额: 'net', 流水凭证: 'rrn', 扣款: 'fee' });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', '已保存：此网站以后都按此识别。');
  });

  it('a correction through the select is saved with the rest', async () => {
    const { onSaveMap } = setup();
    fireEvent.click(screen.getByRole('button', { name: '教它认列' }));
    fireEvent.change(screen.getByRole('combobox', { name: '流水凭证' }), { target: { value: 'voucherNo' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaveMap).toHaveBeenCalledTimes(1));
    expect(onSaveMap).toHaveBeenCalledWith(expect.objectContaining({ 流水凭证: 'voucherNo', 扣率金额: 'fee', 备注: null }));
  });

  it('shows no hint or confirm when nothing was inferred', () => {
    setup({ columns: COLUMNS.filter((c) => c.source !== 'values') });
    expect(screen.queryByTestId('sg-inferred-hint')).toBeNull();
    expect(screen.queryByTestId('sg-confirm-columns')).toBeNull();
  });
});

describe('TableTools: a table SettleGuard could not read', () => {
  it('names the columns it could not place, with Teach columns open (and no Capture all pages)', () => {
    setup({
      unread: { unplaced: ['甲', '乙'] },
      columns: [
        { header: '发生', field: 'occurredAt', source: 'values', confidence: 0.75 },
        { header: '甲', field: null },
        { header: '乙', field: null },
      ],
    });
    expect(screen.getByRole('alert').textContent).toBe('结算卫士读不懂这个表格。无法识别的列：甲、乙。请用“教它认列”告诉它每列是什么。');
    expect(screen.getByRole('button', { name: '教它认列' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByRole('button', { name: /采集全部页|Capture all/ })).toBeNull();
  });

  it('in English, and for a table whose columns were placed but no row was read', () => {
    setup({ locale: 'en', unread: { unplaced: [] } });
    expect(screen.getByRole('alert').textContent).toBe('SettleGuard could not read any row of this table. Use Teach columns to check what each column holds.');
  });

  it('keeps hostile header text as text', () => {
    setup({ locale: 'en', unread: { unplaced: ['<img src=x onerror=alert(1)>'] }, columns: [{ header: '<img src=x onerror=alert(1)>', field: null }] });
    expect(screen.getByRole('alert').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
