// Hostile import files, built at test time (issue 14 item 3): a tiny XLSX declaring a huge sheet
// range, and ZIPs whose parts inflate from a raw deflate stream of zeros to a size we choose.
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** A real one-sheet XLSX (a small bank statement) whose sheet XML then gets `edit`. */
export function xlsxWith(edit: (sheetXml: string) => string = (x) => x): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['交易日期', '摘要', '收入金额', '支出金额', '余额'],
    ['2024-01-02', '货款', '1000.00', '', '5000.00'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const files = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
  files['xl/worksheets/sheet1.xml'] = strToU8(edit(strFromU8(files['xl/worksheets/sheet1.xml']!)));
  return zipSync(files, { level: 9 });
}

/** The workbook of the review: a few KB declaring A1:XFD1048576 (17 billion cells). */
export function hugeRangeXlsx(): Uint8Array {
  return xlsxWith((xml) => xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>'));
}

/**
 * A raw deflate stream (RFC 1951) inflating to `bytes` zeros: one fixed-Huffman block, a literal 0
 * then matches of length 258 at distance 1 (13 bits each, ~1,000:1) — what a zip bomb is made of,
 * written directly so the test does not have to deflate a gigabyte.
 */
export function deflatedZeros(bytes: number): Uint8Array {
  const matches = Math.floor((bytes - 1) / 258);
  const tail = bytes - 1 - matches * 258; // written as literal zeros
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + tail * 8 + 7 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, n: number) => {
    // LSB first (header fields, extra bits)
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (value: number, n: number) => {
    // Huffman codes go most significant bit first
    for (let i = n - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  put(1, 1);
  put(1, 2); // BFINAL, BTYPE = fixed Huffman
  code(0b00110000, 8); // literal 0
  for (let i = 0; i < matches; i++) {
    code(0b11000101, 8);
    code(0, 5);
  } // length 258 (code 285), distance 1
  for (let i = 0; i < tail; i++) code(0b00110000, 8);
  code(0, 7); // end of block
  return out.subarray(0, Math.ceil(bit / 8));
}

/** A ZIP of stored-as-given parts: `declared` is what the directory says each inflates to. */
export function zipOf(parts: { name: string; data: Uint8Array; method: 0 | 8; declared: number }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = strToU8(p.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, p.method, true);
    lv.setUint32(18, p.data.length, true);
    lv.setUint32(22, p.declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, p.method, true);
    dv.setUint32(20, p.data.length, true);
    dv.setUint32(24, p.declared, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, p.data);
    central.push(dir);
    offset += local.length + p.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** An XLSX-looking ZIP (its workbook parts first, so it is sniffed as a workbook) with a part of `inflates` zeros. */
export function zipBomb(inflates: number, declared = inflates): Uint8Array {
  const real = unzipSync(xlsxWith());
  const parts = Object.entries(real).map(([name, data]) => ({ name, data, method: 0 as const, declared: data.length }));
  return zipOf([...parts, { name: 'xl/media/image1.bin', data: deflatedZeros(inflates), method: 8, declared }]);
}
