// The contract editor's "fee on a refund" choice: unknown (left out), given back, kept — saved as
// Contract.feeReturnedOnRefund, which the refund rule (D10 d) reads.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ContractEditor } from '../../../components/options/ContractEditor';
import type { Contract } from '../../../lib/model';

const BASE: Contract = {
  id: 'c1',
  label: '拉卡拉 2026',
  currency: 'CNY',
  effectiveFrom: '2026-01-01',
  settleCycle: 'T1',
  calendar: 'CN',
  rules: [{ cardType: 'any', percent: '0.6' }],
  periodicFees: [],
};

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function editAndSave(initial: Contract, choice: string): Promise<Contract> {
  host = document.createElement('div');
  document.body.append(host);
  let saved: Contract | undefined;
  await act(() => {
    render(
      <ContractEditor
        locale="en"
        initial={initial}
        presets={[]}
        onCancel={() => {}}
        onSave={async (c) => {
          saved = c;
          return { ok: true };
        }}
      />,
      host,
    );
  });
  const select = host.querySelector<HTMLSelectElement>('select[data-field="feeReturnedOnRefund"]')!;
  expect(select).not.toBeNull();
  await act(() => {
    select.value = choice;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(async () => {
    host.querySelector<HTMLButtonElement>('[data-testid="sg-contract-save"]')!.click();
  });
  return saved!;
}

describe('ContractEditor: fee on a refund', () => {
  it('starts from what the contract says', async () => {
    host = document.createElement('div');
    document.body.append(host);
    await act(() => {
      render(
        <ContractEditor
          locale="zh-CN"
          initial={{ ...BASE, feeReturnedOnRefund: false }}
          presets={[]}
          onCancel={() => {}}
          onSave={async () => ({ ok: true })}
        />,
        host,
      );
    });
    const select = host.querySelector<HTMLSelectElement>('select[data-field="feeReturnedOnRefund"]')!;
    expect(select.value).toBe('false');
    expect(select.selectedOptions[0]!.textContent).toBe('不退还');
  });

  it('saves "given back" as true and "kept" as false', async () => {
    expect((await editAndSave(BASE, 'true')).feeReturnedOnRefund).toBe(true);
    render(null, host);
    host.remove();
    expect((await editAndSave(BASE, 'false')).feeReturnedOnRefund).toBe(false);
  });

  it('"the contract does not say" removes the clause', async () => {
    const saved = await editAndSave({ ...BASE, feeReturnedOnRefund: true }, '');
    expect(saved).not.toHaveProperty('feeReturnedOnRefund');
    expect(saved.rules).toEqual(BASE.rules);
  });
});

describe('ContractEditor: a rule row’s inputs', () => {
  it('are named by their column in the page’s language, never by the field’s code', async () => {
    host = document.createElement('div');
    document.body.append(host);
    await act(() => {
      render(<ContractEditor locale="zh-CN" initial={BASE} presets={[]} onCancel={() => {}} onSave={async () => ({ ok: true })} />, host);
    });
    const names = [...host.querySelectorAll<HTMLInputElement>('input[data-field]')].filter((i) => i.closest('tbody')).map((i) => i.getAttribute('aria-label'));
    expect(names).toEqual(['金额大于', '金额不超过', '费率', '固定费', '封顶', '最低手续费', '秒到费']);
  });
});
