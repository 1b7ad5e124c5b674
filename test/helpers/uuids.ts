import { readFileSync } from 'node:fs';

/**
 * A file store and a database store given the same commands differ only in the random UUIDs of
 * the meetings those commands made: these put them aside, so the rest can be compared exactly.
 */

/** The text with each UUID numbered in the order it first appears. */
export function sameUuids(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (u) => {
    if (!seen.has(u)) seen.set(u, `uuid-${seen.size + 1}`);
    return seen.get(u)!;
  });
}

/**
 * Two store files, parsed, with each meeting of the second given the UUID of the first's meeting
 * of the same id: `[fromFirst, fromSecond]`, to be compared record for record.
 */
export function storesWithSameUuids(first: string, second: string): [unknown, unknown] {
  const fromFirst = JSON.parse(readFileSync(first, 'utf8')) as { meetings: { id: string; uuid: string }[] };
  let text = readFileSync(second, 'utf8');
  for (const m of (JSON.parse(text) as typeof fromFirst).meetings)
    text = text.replaceAll(m.uuid, fromFirst.meetings.find((f) => f.id === m.id)!.uuid);
  return [fromFirst, JSON.parse(text)];
}
