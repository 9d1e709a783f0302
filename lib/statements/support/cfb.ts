// An XLS (BIFF8) is an OLE2 compound file ([MS-CFB]): streams stored as chains of sectors linked
// through a FAT. SheetJS follows those chains without bounding them, so a damaged FAT takes the
// whole process down before any exception: a chain that loops back is followed until the array
// holding it is too big for V8 ("invalid size error", uncatchable, even in a worker with a heap cap
// — found by the fuzzer, xlsx target, seed 20261208 case 3847: a corpus XLS cut short), and chains
// that run into one another are walked again from each of their sectors (a stream stored
// back to front: one buffer per sector, each as long as the rest of the stream). This walks the
// chains as SheetJS will (CFB parse, make_sector_list, read_directory), counting instead of
// copying, and refuses the file when a chain loops or the walk is many times the file's sectors.

const ENDOFCHAIN = -2;
const FREESECT = -1;
/** The sectors SheetJS may visit in all, per sector of the file: a sound file visits each once. */
const WALK_PER_SECTOR = 4;

/** Why SheetJS must not read this compound file, or null when its chains are sound (or it is not one SheetJS would get this far in). */
export function damagedCfb(bytes: Uint8Array): string | null {
  if (bytes.length < 512) return null; // SheetJS refuses it itself
  const int32 = (b: Uint8Array | undefined, at: number) =>
    b ? ((b[at + 3] ?? 0) << 24) | ((b[at + 2] ?? 0) << 16) | ((b[at + 1] ?? 0) << 8) | (b[at] ?? 0) : 0;
  const major = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  if (major !== 3 && major !== 4) return null; // SheetJS refuses it itself
  const ssz = major === 3 ? 512 : 4096;
  // sectorify: sector i is the file's bytes from (i + 1) × ssz
  const count = Math.ceil(bytes.length / ssz) - 1;
  const sector = (i: number) => (Number.isInteger(i) && i >= 0 && i < count ? bytes.subarray((i + 1) * ssz, Math.min(bytes.length, (i + 2) * ssz)) : undefined);
  const dirStart = int32(bytes, 48);

  // the FAT's sectors: 109 in the header, then the DIFAT chain (each of its sectors ends with the next)
  const fatAddrs: number[] = [];
  for (let j = 0; j < 109; j++) {
    const q = int32(bytes, 76 + 4 * j);
    if (q < 0) break;
    fatAddrs.push(q);
  }
  const difatSeen = new Set<number>();
  for (let idx = int32(bytes, 68), left = int32(bytes, 72); idx !== ENDOFCHAIN && idx !== FREESECT; left--) {
    const s = sector(idx);
    if (!s) break;
    if (difatSeen.has(idx)) return 'its DIFAT sector chain loops';
    difatSeen.add(idx);
    for (let i = 0; i < ssz / 4 - 1; i++) {
      const q = int32(s, i * 4);
      if (q === ENDOFCHAIN) break;
      fatAddrs.push(q);
    }
    if (left < 1) break;
    idx = int32(s, ssz - 4);
  }
  const next = (j: number): number | null => {
    const fat = sector(fatAddrs[Math.floor((j * 4) / ssz)]!);
    return fat ? int32(fat, (j * 4) & (ssz - 1)) : null;
  };

  // make_sector_list: a chain from every sector not yet on one, in order from the directory's
  const budget = WALK_PER_SECTOR * count + 1024;
  let walked = 0;
  const onChain = new Uint8Array(count);
  const heads = new Set<number>();
  for (let i = 0; i < count; i++) {
    let k = i + dirStart;
    if (k >= count) k -= count;
    if (k < 0 || onChain[k]) continue;
    heads.add(k);
    const seen = new Set<number>();
    for (let j: number | null = k; j !== null && j >= 0 && !seen.has(j); j = next(j)) {
      seen.add(j);
      if (j < count) onChain[j] = 1;
      if (++walked > budget)
        return `its sector chains run into one another (${walked.toLocaleString('en')} sectors walked for ${count.toLocaleString('en')} in the file)`;
    }
  }

  // read_directory: a stream of 4,096 bytes or more that starts inside another chain is followed
  // again from its start, this time without looking for a loop
  if (!heads.has(dirStart)) return null; // SheetJS cannot find the directory and says so
  const directory: Uint8Array[] = [];
  const dirSeen = new Set<number>();
  for (let j: number | null = dirStart; j !== null && j >= 0 && !dirSeen.has(j); j = next(j)) {
    dirSeen.add(j);
    const s = sector(j);
    if (s) directory.push(s);
  }
  for (const s of directory) {
    for (let at = 0; at + 128 <= s.length; at += 128) {
      const type = s[at + 66];
      const start = int32(s, at + 116);
      const size = int32(s, at + 120);
      if (type === 5 || size < 4096 || start < 0 || heads.has(start)) continue;
      heads.add(start);
      const seen = new Set<number>();
      for (let j: number | null = start; j !== null && j >= 0; j = next(j)) {
        if (seen.has(j)) return `the sector chain of one of its streams loops back (sector ${j})`;
        seen.add(j);
        if (++walked > budget)
          return `its sector chains run into one another (${walked.toLocaleString('en')} sectors walked for ${count.toLocaleString('en')} in the file)`;
      }
    }
  }
  return null;
}
