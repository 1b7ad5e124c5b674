import type { Store } from '../domain/schema.js';

/** Records are turned into text this many at a time. */
const BATCH = 2000;

/**
 * The store as JSON, a part at a time: joined, the parts are exactly `JSON.stringify(store)` and a
 * newline. A city's store is written from these parts as they come, so its text (100 MB) is never
 * whole in memory, nor beside its encoded bytes (test/store/serialize.test.ts holds the parts to
 * JSON.stringify's bytes).
 */
export function* storeParts(store: Store): Generator<string> {
  let first = true;
  yield '{';
  for (const key of Object.keys(store)) {
    const value = (store as unknown as Record<string, unknown>)[key];
    const head = `${first ? '' : ','}${JSON.stringify(key)}:`;
    if (Array.isArray(value)) {
      first = false;
      yield `${head}[`;
      for (let i = 0; i < value.length; i += BATCH) {
        const batch: string[] = [];
        for (let j = i; j < Math.min(i + BATCH, value.length); j++)
          // As in JSON.stringify, an item that has no JSON form (undefined, a function) is null.
          batch.push((JSON.stringify(value[j]) as string | undefined) ?? 'null');
        yield (i === 0 ? '' : ',') + batch.join(',');
      }
      yield ']';
    } else {
      // As in JSON.stringify, a property that has no JSON form is left out.
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) continue;
      first = false;
      yield head + text;
    }
  }
  yield '}\n';
}

/** The store's text, whole: for small stores (a new one, a sample). */
export function serializeStore(store: Store): string {
  return JSON.stringify(store) + '\n';
}
