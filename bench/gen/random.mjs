// A small seeded pseudo-random source for the benchmark store generator (bench/generate.mjs).
// Everything the generator draws comes from here, never from Math.random, so the same arguments
// always give the same store, byte for byte.

/** FNV-1a hash of a text to 32 bits: turns a label such as "meetings" into a seed. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a tiny, fast 32-bit generator; returns a function giving floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The entries and total of each weights object given to weighted(), worked out once. */
const TABLES = new WeakMap();

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A random source with the helpers the generator needs. Each part of the store (roster,
 * meetings, ledger, ...) takes its own stream, named by a label, so that changing how one part
 * is drawn does not reshuffle the others.
 */
export class Random {
  constructor(seed, label) {
    this.next = mulberry32(hash32(`${seed}|${label}`));
  }

  /** A float in [0, 1). */
  float() {
    return this.next();
  }

  /** An integer from `low` to `high`, both included. */
  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** True with probability `p`. */
  chance(p) {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One key of `{ key: weight }`, in proportion to its weight. */
  weighted(weights) {
    let table = TABLES.get(weights);
    if (table === undefined) {
      const entries = Object.entries(weights);
      table = { entries, total: entries.reduce((sum, [, w]) => sum + w, 0) };
      TABLES.set(weights, table);
    }
    const { entries, total } = table;
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle(items) {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A version-4-shaped UUID drawn from this stream (version and variant bits set as RFC 9562 says). */
  uuid() {
    const b = new Array(16);
    for (let i = 0; i < 16; i += 4) {
      const word = Math.floor(this.next() * 4294967296);
      b[i] = word & 0xff;
      b[i + 1] = (word >>> 8) & 0xff;
      b[i + 2] = (word >>> 16) & 0xff;
      b[i + 3] = (word >>> 24) & 0xff;
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.map((x) => HEX[x]);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h.slice(10).join('')}`;
  }
}
