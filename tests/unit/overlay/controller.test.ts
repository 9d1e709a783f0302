// The overlay's contract with the page (DESIGN.md "What the page shows"), with a fake reader and
// a fake background so only the controller is under test.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PortalOverlay, type Send } from '../../../components/overlay/controller';
import type { CapturedTable, PortalTransaction, StoredFinding } from '../../../lib/model';
import type { ContentToBackground } from '../../../lib/messaging';
import { tx } from '../services/builders';
import { portalIssue } from '../../../lib/i18n/issues-portal';

function finding(over: Partial<StoredFinding>): StoredFinding {
  return {
    id: 'f1',
    kind: 'fee_above_contract',
    severity: 'overcharge',
    transactionIds: [],
    statementLineIds: [],
    atStake: { amount: '2.00', currency: 'CNY' },
    explanation: {
      key: 'finding.fee_above_contract',
      params: { amount: '2500.00', currency: 'CNY', percent: '0.6', expected: '15.00', charged: '17.00', difference: '2.00' },
    },
    status: 'open',
    firstSeenAt: '2026-03-16T00:00:00Z',
    ...over,
  };
}

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = `<table><tbody>
    <tr id="r1"><td>a</td><td>详情</td></tr><tr id="r2"><td>b</td><td>详情</td></tr><tr id="r3"><td>c</td><td>详情</td></tr>
  </tbody><tfoot><tr id="total"><td>合计</td></tr></tfoot></table>`;
});
afterEach(() => controller.abort());

function setup(findingsFor: Record<string, StoredFinding[]>, rejected: string[] = []) {
  const rows: PortalTransaction[] = [tx({ id: 'A' }), tx({ id: 'B' })];
  const readTables = (): CapturedTable[] => [
    {
      adapter: 'generic',
      columns: [],
      rows: [
        { element: document.getElementById('r1')!, transaction: rows[0]!, issues: [] },
        { element: document.getElementById('r2')!, transaction: rows[1]!, issues: [] },
        {
          element: document.getElementById('r3')!,
          transaction: null,
          issues: [portalIssue('error', 'issue.amount_unreadable', { value: 'abc' }, { line: 3 })],
        },
      ],
    },
  ];
  const sent: ContentToBackground[] = [];
  const send = vi.fn(async (msg: ContentToBackground) => {
    sent.push(msg);
    const byTransaction = findingsFor;
    if (msg.type === 'content/capture') return { ok: true, value: { added: msg.rows.length, updated: 0, known: 0, byTransaction, language: 'auto' } };
    if (msg.type === 'content/getFindings') return { ok: true, value: { byTransaction, language: 'auto', ...(rejected.length ? { rejected } : {}) } };
    return { ok: false, error: { code: 'x', message: 'not in this test' } };
  }) as unknown as Send;
  const overlay = new PortalOverlay({ doc: document, send, readTables, now: () => '2026-03-16T00:00:00Z', signal: controller.signal, settleMs: 0 });
  return { overlay, sent };
}

describe('PortalOverlay', () => {
  it('marks captured rows only, flags rows with findings, and reports unreadable rows', async () => {
    const { overlay, sent } = setup({ A: [finding({ transactionIds: ['A'] })] });
    await overlay.scan();
    expect(document.getElementById('r1')!.getAttribute('data-sg-row')).toBe('A');
    expect(document.getElementById('r2')!.getAttribute('data-sg-row')).toBe('B');
    expect(document.getElementById('r3')!.hasAttribute('data-sg-row')).toBe(false);
    // in the overlay's language (the test browser's: English), from the catalogue
    expect(document.getElementById('r3')!.getAttribute('data-sg-unreadable')).toBe(
      'Line 3: cannot read the amount "abc" (expected an amount such as 1,234.50 or ¥-12.00).',
    );
    expect(document.getElementById('total')!.hasAttribute('data-sg-row')).toBe(false);
    expect(document.getElementById('r1')!.getAttribute('data-sg-finding')).toBe('fee_above_contract');
    expect(document.getElementById('r2')!.hasAttribute('data-sg-finding')).toBe(false);
    // the explanation is on the row and the Dispute control is inside it, in a shadow root
    expect(document.getElementById('r1')!.getAttribute('title')).toMatch(/15\.00/);
    const flag = document.querySelector('#r1 sg-flag')!;
    const button = overlay.shadowOf(flag)!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toMatch(/申诉|Dispute/);
    expect(sent.filter((m) => m.type === 'content/capture')).toHaveLength(1);
  });

  it('does not send rows it already sent; a re-scan only refreshes findings', async () => {
    const { overlay, sent } = setup({});
    await overlay.scan();
    await overlay.scan();
    expect(sent.filter((m) => m.type === 'content/capture')).toHaveLength(1);
    expect(sent.filter((m) => m.type === 'content/getFindings')).toHaveLength(2);
  });

  it('removes the highlight when the finding is gone (dismissed)', async () => {
    const findings: Record<string, StoredFinding[]> = { A: [finding({ transactionIds: ['A'] })] };
    const { overlay } = setup(findings);
    await overlay.scan();
    delete findings.A;
    await overlay.refresh();
    expect(document.getElementById('r1')!.hasAttribute('data-sg-finding')).toBe(false);
    expect(document.querySelector('#r1 sg-flag')).toBeNull();
    expect(document.getElementById('r1')!.hasAttribute('title')).toBe(false);
  });

  it('a disputed finding is not highlighted but marked quietly, with no Dispute control', async () => {
    const { overlay } = setup({ A: [finding({ transactionIds: ['A'], status: 'disputed' })] });
    await overlay.scan();
    const row = document.getElementById('r1')!;
    expect(row.hasAttribute('data-sg-finding')).toBe(false);
    expect(row.getAttribute('data-sg-disputed')).toBe('fee_above_contract');
    const root = overlay.shadowOf(row.querySelector('sg-flag')!)!;
    expect(root.textContent).toMatch(/申诉中|Disputed/);
    expect(root.querySelector('button')).toBeNull();
  });

  it('a disputed finding whose dispute was rejected says so on the row, and where to escalate it', async () => {
    const { overlay } = setup({ A: [finding({ transactionIds: ['A'], status: 'disputed' })] }, ['f1']);
    await overlay.scan();
    const row = document.getElementById('r1')!;
    expect(row.hasAttribute('data-sg-finding')).toBe(false);
    expect(row.getAttribute('data-sg-disputed')).toBe('fee_above_contract');
    const chip = overlay.shadowOf(row.querySelector('sg-flag')!)!.querySelector('.chip')!;
    expect(chip.className).toContain('rejected');
    expect(chip.textContent).toMatch(/申诉被拒|Dispute rejected/);
    expect(chip.getAttribute('title')).toMatch(/升级|书面投诉|written complaint/);
    expect(chip.textContent).not.toMatch(/申诉中|Disputed:/);
  });

  it('renders hostile page text in explanations as text only', async () => {
    const hostile = finding({
      transactionIds: ['A'],
      kind: 'hidden_fee',
      explanation: {
        key: 'finding.hidden_fee',
        params: { label: '<img src=x onerror="window.__pwned=1">', amount: '48.00', currency: 'CNY', date: '2026-03-05' },
      },
    });
    const { overlay } = setup({ A: [hostile] });
    await overlay.scan();
    const root = overlay.shadowOf(document.querySelector('#r1 sg-flag')!)!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x');
  });
});

describe('PortalOverlay capture delivery', () => {
  // the first capture fails (refused, or the message itself fails); the rows have left the page
  // (a virtualised grid scrolled on) by the time it is sent again
  it.each([
    ['refused by the background', async () => ({ ok: false, error: { code: 'busy', message: 'database busy' } })],
    [
      'the message failed',
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    ],
  ])('rows the background did not take are sent again until taken (%s)', async (_name, firstReply) => {
    const rows = [tx({ id: 'A' }), tx({ id: 'B' })];
    let onPage = true;
    const readTables = (): CapturedTable[] => [
      {
        adapter: 'generic',
        columns: [],
        rows: onPage
          ? [
              { element: document.getElementById('r1')!, transaction: rows[0]!, issues: [] },
              { element: document.getElementById('r2')!, transaction: rows[1]!, issues: [] },
            ]
          : [],
      },
    ];
    const captures: string[][] = [];
    let calls = 0;
    const send = vi.fn(async (msg: ContentToBackground) => {
      if (msg.type === 'content/capture') {
        captures.push(msg.rows.map((r) => r.id));
        if (calls++ === 0) return firstReply();
        return { ok: true, value: { added: msg.rows.length, updated: 0, known: 0, byTransaction: {}, language: 'auto' } };
      }
      if (msg.type === 'content/getFindings') return { ok: true, value: { byTransaction: {}, language: 'auto' } };
      return { ok: false, error: { code: 'x', message: 'not in this test' } };
    }) as unknown as Send;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const overlay = new PortalOverlay({
      doc: document,
      send,
      readTables,
      now: () => '2026-03-16T00:00:00Z',
      signal: controller.signal,
      settleMs: 0,
      captureRetryMs: 5,
    });
    await overlay.scan();
    expect(captures).toEqual([['A', 'B']]);
    onPage = false;
    await vi.waitFor(() =>
      expect(captures).toEqual([
        ['A', 'B'],
        ['A', 'B'],
      ]),
    );
    // taken: a later scan sends nothing again
    onPage = true;
    await overlay.scan();
    await new Promise((r) => setTimeout(r, 20));
    expect(captures).toHaveLength(2);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
