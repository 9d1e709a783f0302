// Deterministic ids (DESIGN.md §3): the same input always gives the same id, so re-capturing a
// page or re-importing a file adds nothing. A synchronous 64-bit hash is enough for ids; evidence
// integrity uses SHA-256 (lib/services/capture.ts) where WebCrypto is available.

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 13), 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * hash64 of a text given in pieces: `new Hash64().update('ab').update('c').digest() === hash64('abc')`.
 * For hot paths that would otherwise concatenate a key only to hash it (statement line ids).
 */
export class Hash64 {
  h1 = 0x811c9dc5 | 0;
  h2 = 0xcbf29ce4 | 0;

  reset(): this {
    this.h1 = 0x811c9dc5 | 0;
    this.h2 = 0xcbf29ce4 | 0;
    return this;
  }

  update(text: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c ^ (h1 >>> 13), 0x01000193);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  digest(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }
}

/** `prefix:hash` of the parts joined with a separator that cannot occur in them unescaped. */
export function stableId(prefix: string, parts: readonly (string | number | undefined)[]): string {
  return `${prefix}:${hash64(parts.map((p) => (p === undefined ? '\u0000' : String(p).replace(/\u001f/g, ' '))).join('\u001f'))}`;
}

/**
 * Ids for rows that may legitimately repeat (two identical coffees in a minute): the n-th
 * occurrence of the same key within one source gets index n, so identical rows never collapse.
 */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();
  next(key: string): number {
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    return n;
  }
}
