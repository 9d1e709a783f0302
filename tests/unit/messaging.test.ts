import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../lib/messaging';
import { tx } from './services/builders';

describe('parseContentMessage', () => {
  it('accepts a valid capture', () => {
    const res = parseContentMessage({ type: 'content/capture', url: 'http://127.0.0.1/', rows: [tx()] });
    expect(res.ok).toBe(true);
  });
  const refused: { description: string; input: unknown }[] = [
    { description: 'not an object', input: 'capture' },
    { description: 'unknown type', input: { type: 'content/deleteEverything' } },
    { description: 'capture without rows', input: { type: 'content/capture', url: 'x' } },
    { description: 'a row with a float amount', input: { type: 'content/capture', url: 'x', rows: [{ ...tx(), amount: { amount: 12.5, currency: 'CNY' } }] } },
    {
      description: 'a row with thousands separators',
      input: { type: 'content/capture', url: 'x', rows: [{ ...tx(), amount: { amount: '1,234.50', currency: 'CNY' } }] },
    },
    {
      description: 'a row carrying a full card number',
      input: { type: 'content/capture', url: 'x', rows: [{ ...tx(), evidence: { ...tx().evidence, cells: { 卡号: '6222021234567890123' } } }] },
    },
    // a finding is dismissed in the panel frame (panel/dismiss, with its ticket): a content script cannot change one
    { description: 'a finding status set by a content script', input: { type: 'content/setFindingStatus', findingId: 'f', status: 'dismissed' } },
    // letters and drafts live in the panel frame (panel/… messages): the content script cannot ask for them
    { description: 'a dispute letter asked by a content script', input: { type: 'content/getDisputeContext', findingIds: ['f1'] } },
    { description: 'the drafts asked by a content script', input: { type: 'content/latestDrafts' } },
    { description: 'a draft recorded by a content script', input: { type: 'content/recordDraft', findingIds: ['f1'], locale: 'en', subject: 's', text: 't' } },
  ];
  it.each(refused)('refuses $description', ({ input }) => {
    const res = parseContentMessage(input);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('bad_message');
  });
});
