import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/schema.js';
import { storeParts } from '../../src/store/serialize.js';
import { demoStore } from '../helpers/demo.js';

/** The parts a store is written in must join to exactly JSON.stringify's text. */
describe('storeParts', () => {
  it('joins to JSON.stringify of the demo store, byte for byte', async () => {
    const store = JSON.parse(readFileSync(await demoStore(), 'utf8')) as Store;
    expect([...storeParts(store)].join('')).toBe(JSON.stringify(store) + '\n');
  });

  it('joins to JSON.stringify of any object of arrays and values, batches and odd values included', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 4500 }),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), value, { maxKeys: 6 }), (object) => {
        expect([...storeParts(object as unknown as Store)].join('')).toBe(JSON.stringify(object) + '\n');
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('writes a big array in batches, not as one piece', () => {
    const store = { issues: Array.from({ length: 5000 }, (_, i) => ({ id: `I${i}` })) };
    const parts = [...storeParts(store as unknown as Store)];
    expect(parts.length).toBeGreaterThan(4);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(JSON.stringify(store).length / 2);
  });
});
