// Internationalised hostnames reach us as the browser shows them to scripts: each non-ASCII label
// as 'xn--' + Punycode (RFC 3492). The phishing guard (lib/phishing.ts) decodes them to see the
// letters a lookalike domain is made of ('xn--lkala-4ve' is 'lаkala' with a Cyrillic а).

/** RFC 3492 Punycode decoding of one label without its 'xn--' prefix; null when malformed. */
export function decodePunycode(input: string): string | null {
  const base = 36,
    tMin = 1,
    tMax = 26,
    skew = 38,
    damp = 700;
  const adapt = (delta: number, points: number, first: boolean) => {
    let d = first ? Math.floor(delta / damp) : delta >> 1;
    d += Math.floor(d / points);
    let k = 0;
    while (d > ((base - tMin) * tMax) >> 1) {
      d = Math.floor(d / (base - tMin));
      k += base;
    }
    return k + Math.floor(((base - tMin + 1) * d) / (d + skew));
  };
  const digit = (c: number) => (c >= 48 && c <= 57 ? c - 22 : c >= 97 && c <= 122 ? c - 97 : c >= 65 && c <= 90 ? c - 65 : base);
  const cut = input.lastIndexOf('-');
  const output = [...(cut > 0 ? input.slice(0, cut) : '')].map((c) => c.codePointAt(0)!);
  let n = 128,
    i = 0,
    bias = 72;
  for (let pos = cut > 0 ? cut + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = base; ; k += base) {
      if (pos >= input.length) return null;
      const d = digit(input.charCodeAt(pos++));
      if (d >= base) return null;
      i += d * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (d < t) break;
      w *= base - t;
      if (i > 0x10ffff * 64) return null;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}
