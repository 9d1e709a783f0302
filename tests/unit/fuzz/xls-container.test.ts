// XLS (OLE2 compound file) containers whose sector chains SheetJS would follow without end, found
// by `npm run fuzz` (xlsx target, seed 20261208, case 3847: the corpus's deg_citic_credit_wps.xls
// cut to 22,655 bytes took the whole fuzz runner down: "Fatal JavaScript invalid size error",
// which no heap cap or try/catch contains). lib/statements/support/cfb.ts walks the chains first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CORPUS_DIR, statementWorkbook } from '../../fuzz/seeds';

const read = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@e965/xlsx', async (original) => {
  const real = await original<typeof import('@e965/xlsx')>();
  return {
    ...real,
    read: (...args: Parameters<typeof real.read>) => {
      read.calls++;
      return real.read(...args);
    },
  };
});

const { readWorkbook } = await import('../../../lib/statements/support/workbook');
const { damagedCfb } = await import('../../../lib/statements/support/cfb');
const { STATEMENT_FORMATS, decodeBytes } = await import('../../../lib/statements');

/**
 * A version-3 compound file ([MS-CFB] 2.2): FAT sectors first, then the directory (a root and a
 * "Workbook" stream), then `data` sectors of zeros; `nextOf(d)` links data sector d to the next
 * (a data index, or -2 for the chain's end). The stream starts at data sector `start`.
 */
function compoundFile(data: number, nextOf: (d: number) => number, start: number): Uint8Array {
  const fatSectors = Math.ceil((data + 3) / 128);
  const out = new Uint8Array(512 * (fatSectors + data + 2));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(24, 0x3e, true); // minor version
  v.setUint16(26, 3, true); // major version 3: 512-byte sectors
  v.setUint16(28, 0xfffe, true); // byte order
  v.setUint16(30, 9, true); // sector shift
  v.setUint16(32, 6, true); // mini sector shift
  v.setInt32(44, fatSectors, true);
  v.setInt32(48, fatSectors, true); // the directory's first sector
  v.setUint32(56, 4096, true); // mini stream cutoff
  v.setInt32(60, -2, true); // no mini FAT
  v.setInt32(68, -2, true); // no DIFAT
  for (let j = 0; j < 109; j++) v.setInt32(76 + 4 * j, j < fatSectors ? j : -1, true);
  const fat = (j: number, next: number) => v.setInt32(512 + j * 4, next, true); // the FAT sectors are contiguous
  for (let j = 0; j < fatSectors * 128; j++) fat(j, j < fatSectors ? -3 : -1);
  fat(fatSectors, -2);
  const first = fatSectors + 1;
  for (let d = 0; d < data; d++) fat(first + d, nextOf(d) < 0 ? nextOf(d) : first + nextOf(d));
  const dir = 512 * (fatSectors + 1);
  const entry = (at: number, name: string, type: number, begin: number, size: number) => {
    for (let i = 0; i < name.length; i++) v.setUint16(at + 2 * i, name.charCodeAt(i), true);
    v.setUint16(at + 64, 2 * name.length + 2, true);
    out[at + 66] = type;
    for (const sibling of [68, 72, 76]) v.setInt32(at + sibling, -1, true);
    v.setInt32(at + 116, begin, true);
    v.setInt32(at + 120, size, true);
  };
  entry(dir, 'Root Entry', 5, -2, 0);
  v.setInt32(dir + 76, 1, true); // the root's child: the stream
  entry(dir + 128, 'Workbook', 2, first + start, 512 * data);
  entry(dir + 256, '', 0, -2, -1);
  entry(dir + 384, '', 0, -2, -1);
  return out;
}

describe('XLS containers whose sector chains SheetJS would follow without end', () => {
  it('a stream whose chain loops back is refused before SheetJS reads it', () => {
    // data sectors 0 → 1 → … → 9 → 1: the stream starts at 1, inside the chain from 0
    const looping = compoundFile(10, (d) => (d === 9 ? 1 : d + 1), 1);
    expect(damagedCfb(looping)).toMatch(/loops back/);
    read.calls = 0;
    expect(readWorkbook(looping)).toMatchObject({ ok: false, message: expect.stringMatching(/OLE2 container is damaged.*loops back/) });
    expect(read.calls).toBe(0);
    const xlsx = STATEMENT_FORMATS.find((f) => f.id === 'xlsx')!;
    expect(xlsx.parse(decodeBytes('looping.xls', looping)).issues).toEqual([expect.objectContaining({ code: 'unreadable_workbook' })]);
  });

  it('a stream stored back to front (each sector walked again from every one after it) is refused; the same stream front to back is not', () => {
    // 2,000 sectors (1 MB): SheetJS copied 2,000²/2 sectors (1 GB) and ran out of memory
    const backwards = compoundFile(2000, (d) => (d === 0 ? -2 : d - 1), 1999);
    const start = performance.now();
    expect(damagedCfb(backwards)).toMatch(/run into one another/);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(readWorkbook(backwards)).toMatchObject({ ok: false });
    expect(damagedCfb(compoundFile(2000, (d) => (d === 1999 ? -2 : d + 1), 0))).toBeNull();
  });

  it('a sound XLS is still read', () => {
    const sound = statementWorkbook([['2024-01-02', '货款', '1000.00', '', '5000.00', '']], 'biff8');
    expect(damagedCfb(sound)).toBeNull();
    const wb = readWorkbook(sound);
    expect(wb.ok && wb.sheets[0]!.table.rows[1]).toEqual(['2024-01-02', '货款', '1000.00', '', '5000.00', '']);
  });

  const corpusFile = join(CORPUS_DIR, 'cn_bank/deg_citic_credit_wps.xls');
  it.runIf(existsSync(corpusFile))('the case itself: the corpus XLS cut to 22,655 bytes is refused, the whole file still read', () => {
    const whole = new Uint8Array(readFileSync(corpusFile));
    expect(damagedCfb(whole)).toBeNull();
    expect(readWorkbook(whole).ok).toBe(true);
    expect(readWorkbook(whole.subarray(0, 22_655))).toMatchObject({ ok: false, message: expect.stringMatching(/loops back/) });
  });
});
