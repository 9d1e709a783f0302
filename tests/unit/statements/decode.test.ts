// decodeBytes: which encoding each kind of file is read as, and whether that was a guess.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, sniffBinary } from '../../../lib/statements/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const enc = (s: string, encoding: string) => new Uint8Array(iconv.encode(s, encoding));

const CSV_CN = '交易日期,摘要,金额\n2024-03-05,消费 北京餐厅,-35.00\n';

describe('decodeBytes', () => {
  const cases: { description: string; input: Uint8Array; text: string; encoding: string; guessed: boolean }[] = [
    {
      description: 'plain ASCII is UTF-8, not a guess',
      input: utf8('Date,Amount\n2024-01-01,1.00\n'),
      text: 'Date,Amount\n2024-01-01,1.00\n',
      encoding: 'utf-8',
      guessed: false,
    },
    { description: 'UTF-8 without BOM (valid multi-byte) is not a guess', input: utf8(CSV_CN), text: CSV_CN, encoding: 'utf-8', guessed: false },
    { description: 'UTF-8 BOM is stripped', input: bytes([0xef, 0xbb, 0xbf], utf8(CSV_CN)), text: CSV_CN, encoding: 'utf-8', guessed: false },
    { description: 'UTF-16LE with BOM', input: bytes([0xff, 0xfe], enc(CSV_CN, 'utf-16le')), text: CSV_CN, encoding: 'utf-16le', guessed: false },
    { description: 'UTF-16BE with BOM', input: bytes([0xfe, 0xff], enc(CSV_CN, 'utf-16be')), text: CSV_CN, encoding: 'utf-16be', guessed: false },
    {
      description: 'UTF-16LE without BOM (NUL in every odd byte)',
      input: enc('Datum;Betrag\n01.02.2024;-12,50\n', 'utf-16le'),
      text: 'Datum;Betrag\n01.02.2024;-12,50\n',
      encoding: 'utf-16le',
      guessed: true,
    },
    {
      description: 'UTF-16BE without BOM',
      input: enc('Date,Amount\n2024-01-01,1.00\n', 'utf-16be'),
      text: 'Date,Amount\n2024-01-01,1.00\n',
      encoding: 'utf-16be',
      guessed: true,
    },
    { description: 'GBK CSV (every Alipay export) → gb18030, guessed', input: enc(CSV_CN, 'gbk'), text: CSV_CN, encoding: 'gb18030', guessed: true },
    {
      description: 'GB18030 with a 4-byte character',
      input: enc('日期,说明,金额\n2024-01-01,张三的€咖啡,-1.00\n', 'gb18030'),
      text: '日期,说明,金额\n2024-01-01,张三的€咖啡,-1.00\n',
      encoding: 'gb18030',
      guessed: true,
    },
    {
      description: 'windows-1252 with € (0x80) and é',
      input: bytes(utf8('Caf'), [0xe9], utf8(' '), [0x80], utf8('5')),
      text: 'Café €5',
      encoding: 'windows-1252',
      guessed: true,
    },
    {
      description: 'declared CHARSET:1252 over cp1252 bytes is not a guess',
      input: bytes(utf8('CHARSET:1252\nSoci'), [0xe9], utf8('t'), [0xe9]),
      text: 'CHARSET:1252\nSociété',
      encoding: 'windows-1252',
      guessed: false,
    },
    {
      description: 'declared ISO-8859-1 without C1 bytes → true latin-1',
      input: bytes(utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>M'), [0xfc], utf8('ller</a>')),
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>Müller</a>',
      encoding: 'iso-8859-1',
      guessed: false,
    },
    {
      description: 'declared 8859-1 but 0x80 used for € → windows-1252',
      input: bytes(utf8('CHARSET:8859-1\n'), [0x80], utf8('1')),
      text: 'CHARSET:8859-1\n€1',
      encoding: 'windows-1252',
      guessed: false,
    },
    {
      description: 'declared 1252 but the bytes are UTF-8: UTF-8 wins (declarations lie)',
      input: utf8('CHARSET:1252\nAçaí'),
      text: 'CHARSET:1252\nAçaí',
      encoding: 'utf-8',
      guessed: false,
    },
    {
      description: 'CP852 (Hungarian MT940): 0xA0 = á, 0x81 = ü',
      input: enc(':86:Átutalás Müller', 'cp852'),
      text: ':86:Átutalás Müller',
      encoding: 'ibm852',
      guessed: true,
    },
  ];
  it.each(cases)('$description', ({ input, text, encoding, guessed }) => {
    const d = decodeBytes('f.csv', input);
    expect(d.text).toBe(text);
    expect(d.encoding).toBe(encoding);
    expect(d.encodingGuessed).toBe(guessed);
  });

  it('leaves binary containers undecoded', () => {
    for (const [magic, kind] of [
      [[0x50, 0x4b, 0x03, 0x04], 'zip'],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'ole2'],
      [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
    ] as const) {
      const b = bytes([...magic], utf8('rest of file'));
      expect(sniffBinary(b)).toBe(kind);
      const d = decodeBytes('x.bin', b);
      expect(d.text).toBe('');
      expect(d.encoding).toBe('binary');
    }
  });

  it('an empty file decodes to empty text', () => {
    expect(decodeBytes('empty.csv', new Uint8Array()).text).toBe('');
  });

  it('our CP852 table matches iconv-lite for every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const ours = decodeBytes('x', bytes(utf8('CHARSET:852\n'), all)).text.slice('CHARSET:852\n'.length);
    expect(ours).toBe(iconv.decode(Buffer.from(all), 'cp852'));
  });
});
