// Bytes → text for every statement parser (STYLE.md: "parsers decode bytes themselves", after
// Actual Budget's importers). Order of evidence, strongest first:
//   1. binary containers (ZIP/XLSX, OLE2/XLS, PDF) are left undecoded for their own readers;
//   2. a byte-order mark (UTF-8, UTF-16LE/BE) decides;
//   3. UTF-16 without a BOM shows as NUL bytes in every other position;
//   4. strict UTF-8 (TextDecoder fatal): valid multi-byte UTF-8 is practically never an accident,
//      and it wins even over a declaration, because declarations lie (corpus README: OFX files
//      that say CHARSET:1252 but hold UTF-8);
//   5. a declaration (XML prolog encoding=, OFX CHARSET:/ENCODING:, <meta charset>) for bytes that
//      are not UTF-8;
//   6. a guess: GB18030 when the high bytes pair up like GB2312 text (every Alipay CSV is GBK),
//      CP852 when the bytes are impossible in windows-1252 but read as Central-European letters
//      (the corpus's Hungarian MT940), else windows-1252 — and the result says it was a guess.
//
// Single-byte tables are our own (latin-1 is the identity; CP852 below) rather than iconv-lite's:
// iconv-lite needs Node's Buffer, which the extension does not have. The unit test checks the
// CP852 table against iconv-lite byte for byte.
import type { DecodedFile } from './types';

/** CP852 (IBM Latin-2, "DOS Central European") bytes 0x80–0xFF. */
const CP852_HIGH = 'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00ad˝˛ˇ˘§÷¸°¨˙űŘř■\u00a0';

/**
 * windows-1252 bytes 0x80–0x9F (the rest is latin-1). Our own table because Node 20's TextDecoder
 * decodes 'windows-1252' as latin-1 (0x80 → U+0080, not €); browsers get it right, tests would not.
 * The five bytes 1252 leaves undefined map to the C1 code points, as WHATWG specifies.
 */
const WIN1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Bytes that windows-1252 leaves undefined; seeing one rules windows-1252 out. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export type BinaryKind = 'zip' | 'ole2' | 'pdf';

/** ZIP (XLSX, zipped statements), OLE2 compound file (BIFF .xls), PDF — by magic number. */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0x50 && at(1) === 0x4b && (at(2) === 0x03 || at(2) === 0x05 || at(2) === 0x07) && at(3) === at(2) + 1) return 'zip';
  if ([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => at(i) === b)) return 'ole2';
  if (at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46) return 'pdf';
  return null;
}

export function decodeBytes(name: string, bytes: Uint8Array): DecodedFile {
  const out = (text: string, encoding: string, encodingGuessed: boolean): DecodedFile => ({ name, bytes, text, encoding, encodingGuessed });
  if (bytes.length === 0) return out('', 'utf-8', false);

  const binary = sniffBinary(bytes);
  if (binary) return out('', 'binary', false);

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return out(decodeWith('utf-8', bytes.subarray(3)), 'utf-8', false);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return out(decodeWith('utf-16le', bytes.subarray(2)), 'utf-16le', false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return out(decodeWith('utf-16be', bytes.subarray(2)), 'utf-16be', false);

  const utf16 = sniffUtf16(bytes);
  if (utf16) return out(decodeWith(utf16, bytes), utf16, true);

  const utf8 = decodeStrictUtf8(bytes);
  // Valid UTF-8 is not a guess: multi-byte sequences are self-validating, and pure ASCII reads
  // the same in every candidate encoding.
  if (utf8 !== null) return out(utf8, 'utf-8', false);

  const declared = declaredEncoding(bytes);
  if (declared) {
    if (declared === 'iso-8859-1' && hasC1Bytes(bytes)) {
      // Files that declare 8859-1 but use 0x80 for € (corpus: Actual's QFX fixtures): C1 control
      // codes never occur in statement text, so these bytes only make sense as windows-1252.
      return out(decodeWith('windows-1252', bytes), 'windows-1252', false);
    }
    return out(decodeLegacy(declared, bytes), declared, false);
  }

  if (looksLikeGb18030(bytes)) {
    const gb = tryDecode('gb18030', bytes);
    if (gb !== null) return out(gb, 'gb18030', true);
  }
  if (looksLikeCp852(bytes)) return out(decodeLegacy('ibm852', bytes), 'ibm852', true);
  return out(decodeWith('windows-1252', bytes), 'windows-1252', true);
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeSingleByte(bytes, (b) => (b >= 0x80 && b <= 0x9f ? WIN1252_C1[b - 0x80]! : String.fromCharCode(b)));
  return new TextDecoder(encoding).decode(bytes);
}

function decodeSingleByte(bytes: Uint8Array, map: (b: number) => string): string {
  const chars: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) chars[i] = map(bytes[i]!);
  return chars.join('');
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  return tryDecode('utf-8', bytes);
}

/** Encodings we decode ourselves or through TextDecoder, by the names we report. */
function decodeLegacy(encoding: string, bytes: Uint8Array): string {
  // TextDecoder's 'iso-8859-1' is really windows-1252 (WHATWG); true latin-1 is the identity.
  if (encoding === 'iso-8859-1') return decodeSingleByte(bytes, (b) => String.fromCharCode(b));
  if (encoding === 'ibm852') return decodeSingleByte(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : CP852_HIGH[b - 0x80]!));
  return decodeWith(encoding, bytes);
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true;
  return false;
}

/** UTF-16 without BOM: ASCII-heavy text leaves a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Normalise what a file declares about itself to the names we report; null when nothing (or nothing we know). */
function declaredEncoding(bytes: Uint8Array): string | null {
  // Declarations are ASCII and sit at the top of the file.
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 1024)));
  const m =
    head.match(/<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i) ??
    head.match(/^\s*CHARSET\s*:\s*(\S+)/im) ??
    head.match(/<meta[^>]*charset\s*=\s*["']?([\w-]+)/i) ??
    head.match(/^\s*ENCODING\s*:\s*(\S+)/im);
  if (!m) return null;
  const label = m[1]!.trim().toLowerCase().replace(/_/g, '-');
  if (['1252', 'cp1252', 'windows-1252', 'win-1252'].includes(label)) return 'windows-1252';
  if (['8859-1', 'iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'iso-latin-1', 'usascii', 'us-ascii'].includes(label)) return 'iso-8859-1';
  if (['gb2312', 'gbk', 'gb18030', 'cp936', '936'].includes(label)) return 'gb18030';
  if (['852', 'cp852', 'ibm852'].includes(label)) return 'ibm852';
  if (['iso-8859-2', '8859-2', 'latin2'].includes(label)) return 'iso-8859-2';
  if (['big5', 'cp950', '950'].includes(label)) return 'big5';
  return null; // 'utf-8', 'none' or unknown: the bytes were not UTF-8, so fall through to a guess
}

/**
 * GB18030 text is mostly two-byte pairs from the GB2312 block (lead A1–F7, trail A1–FE). Latin-1
 * accented text sometimes pairs up too ("é" + "t"), but then the trail byte is ASCII. So: enough
 * pairs, and most of them GB2312-shaped.
 */
function looksLikeGb18030(bytes: Uint8Array): boolean {
  let core = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const t = bytes[i + 1] ?? -1;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) core++;
    else other++;
    i++;
  }
  return core >= 2 && core >= (core + other) * 0.7;
}

/**
 * CP852 only when windows-1252 is ruled out (a byte it leaves undefined) or when a NBSP (0xA0,
 * CP852 "á") sits between letters, which real windows-1252 text never does.
 */
function looksLikeCp852(bytes: Uint8Array): boolean {
  let evidence = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (UNDEFINED_IN_1252.has(b)) evidence++;
    else if (b === 0xa0 && isAsciiLetter(bytes[i - 1]) && isAsciiLetter(bytes[i + 1])) evidence++;
  }
  return evidence > 0;
}

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}
