// Structure-aware mutations of real-shaped inputs, as fast-check arbitraries: lines deleted,
// repeated, swapped and cut; fields replaced by hostile values (huge and odd numbers, dates that do
// not exist, lone quotes, markup of the other formats); two files spliced; bytes flipped. The
// operations are data (MutationOp), so a failing case shrinks and prints what was done to what.
import fc from 'fast-check';

/** Values that have broken parsers elsewhere, and the markup of every format we read. */
export const HOSTILE_TOKENS = [
  '',
  '"',
  '""',
  "'",
  ',',
  ';',
  '\t',
  '|',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\ufeff',
  '\ufffd',
  '\u202e',
  '\u00a0',
  '-',
  '+',
  '.',
  '--1',
  '1e400',
  '-1e-400',
  'NaN',
  'Infinity',
  '-0',
  '0x1F',
  '9'.repeat(40),
  '1'.repeat(400),
  '0.' + '0'.repeat(60) + '1',
  '1,234,567,890.123456789',
  '１２３．４５',
  '¥-0.00',
  '(1,000.00)',
  '￥1,000.00元',
  '壹佰元',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '99991231',
  '31/02/2024',
  '2024年2月30日',
  '24:61:61',
  '9999-12-31T23:59:59Z',
  '<STMTTRN>',
  '</STMTTRN>',
  '<TRNAMT>',
  '<DTPOSTED>',
  '<Ntry>',
  '</Ntry>',
  '<Amt Ccy="EUR">',
  '<![CDATA[',
  '<!--',
  '&amp;',
  '&#0;',
  ':20:',
  ':25:',
  ':60F:',
  ':61:',
  ':86:',
  ':62F:',
  '-}',
  '{4:',
  '!Type:Bank',
  '^',
  'D',
  'T',
  'S',
  '$',
  '{"settleguard":1',
  '{',
  '}',
  '[',
  ']',
  'null',
  '"__proto__"',
  '"constructor"',
  '交易日期',
  '金额',
  '收入金额',
  '支出金额',
  '余额',
  '商户号',
  '终端号',
  '参考号',
  '手续费',
  '合计',
  '#',
  '6222021234567890123',
];

export type MutationOp =
  | { op: 'deleteLine'; at: number }
  | { op: 'repeatLine'; at: number; times: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'insertToken'; at: number; token: string }
  | { op: 'replaceField'; line: number; field: number; token: string }
  | { op: 'replaceNumber'; nth: number; token: string }
  | { op: 'splice'; other: number; at: number; from: number }
  | { op: 'flipByte'; at: number; value: number }
  | { op: 'insertBytes'; at: number; bytes: number[] };

const pos = fc.nat({ max: 1_000_000 });
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

export const mutationOp: fc.Arbitrary<MutationOp> = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: pos }),
  fc.record({ op: fc.constant('repeatLine' as const), at: pos, times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ op: fc.constant('swapLines' as const), a: pos, b: pos }),
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
  fc.record({ op: fc.constant('insertToken' as const), at: pos, token }),
  fc.record({ op: fc.constant('replaceField' as const), line: pos, field: fc.nat({ max: 40 }), token }),
  fc.record({ op: fc.constant('replaceNumber' as const), nth: fc.nat({ max: 200 }), token }),
  fc.record({ op: fc.constant('splice' as const), other: pos, at: pos, from: pos }),
  fc.record({ op: fc.constant('flipByte' as const), at: pos, value: fc.nat({ max: 255 }) }),
  fc.record({ op: fc.constant('insertBytes' as const), at: pos, bytes: fc.array(fc.nat({ max: 255 }), { maxLength: 16 }) }),
);

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
/** A case never grows past this: each stays small enough to be fast. */
export const MAX_CASE_BYTES = 256 * 1024;

const LINE_BREAK = /\r\n|\n|\r/;

/** `ops` applied in order to `bytes`; `others` are the files a splice can take from. */
export function applyMutations(bytes: Uint8Array, ops: readonly MutationOp[], others: readonly Uint8Array[]): Uint8Array {
  let out = bytes;
  for (const m of ops) {
    out = applyOne(out, m, others);
    if (out.length > MAX_CASE_BYTES) out = out.subarray(0, MAX_CASE_BYTES);
  }
  return out;
}

function applyOne(bytes: Uint8Array, m: MutationOp, others: readonly Uint8Array[]): Uint8Array {
  switch (m.op) {
    case 'flipByte': {
      if (bytes.length === 0) return bytes;
      const copy = bytes.slice();
      copy[m.at % copy.length] = m.value;
      return copy;
    }
    case 'insertBytes':
      return concat(bytes.subarray(0, m.at % (bytes.length + 1)), Uint8Array.from(m.bytes), bytes.subarray(m.at % (bytes.length + 1)));
    case 'truncate':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'splice': {
      const other = others.length ? others[m.other % others.length]! : bytes;
      return concat(bytes.subarray(0, m.at % (bytes.length + 1)), other.subarray(m.from % (other.length + 1)));
    }
    default:
      return encoder.encode(mutateText(decoder.decode(bytes), m));
  }
}

/** Text-level operations: the lines and fields of delimited formats, the numbers of every format. */
function mutateText(text: string, m: MutationOp): string {
  const lines = text.split(LINE_BREAK);
  const at = (n: number) => n % lines.length;
  switch (m.op) {
    case 'deleteLine':
      lines.splice(at(m.at), 1);
      return lines.join('\n');
    case 'repeatLine': {
      const i = at(m.at);
      lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i] ?? ''));
      return lines.join('\n');
    }
    case 'swapLines': {
      const a = at(m.a);
      const b = at(m.b);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'insertToken': {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.token + text.slice(i);
    }
    case 'replaceField': {
      const i = at(m.line);
      const line = lines[i] ?? '';
      const sep = [',', '\t', ';', '|'].find((s) => line.includes(s)) ?? ',';
      const fields = line.split(sep);
      fields[m.field % fields.length] = m.token;
      lines[i] = fields.join(sep);
      return lines.join('\n');
    }
    case 'replaceNumber': {
      let n = 0;
      const count = (text.match(/\d+(?:[.,]\d+)*/g) ?? []).length;
      if (count === 0) return text;
      const target = m.nth % count;
      return text.replace(/\d+(?:[.,]\d+)*/g, (d) => (n++ === target ? m.token : d));
    }
    default:
      return text;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
