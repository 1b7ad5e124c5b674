/**
 * Lookups built once per run. Commands that filtered or searched a whole list for every record
 * were quadratic, and took seconds on a city's store.
 */

/** Records grouped by a key, each group in the records' order. */
export function groupBy<K, T>(records: Iterable<T>, key: (record: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const record of records) pushTo(groups, key(record), record);
  return groups;
}

/** Adds a value to the list a map holds for its key. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * How many leading indices of a list satisfy `holds`, a test true up to some index and false
 * from there on (a sorted list cut at a value), found by halving.
 */
export function prefixLength(length: number, holds: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (holds(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
