import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nsmIn } from '../helpers/in-process.js';

/**
 * Under `umask 000` nsm still keeps its files to their owner: the store's folders 0700, the store
 * 0600, a document holding private text 0600; public outputs (calendars, public minutes, feeds) are
 * readable by all but writable by their owner only. (This file runs in a process of its own.)
 */
let previous: number;
let dir: string;
beforeAll(() => {
  previous = process.umask(0);
  dir = mkdtempSync(join(tmpdir(), 'nsm-modes-'));
});
afterAll(() => {
  process.umask(previous);
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('modes under umask 000', () => {
  it('the store, its new folders, and every output', async () => {
    const store = join(dir, 'new', 'nested', 'store.json');
    expect((await nsmIn(['demo', '--store', store, '-q'])).status).toBe(0);
    expect(mode(join(dir, 'new'))).toBe(0o700);
    expect(mode(join(dir, 'new', 'nested'))).toBe(0o700);
    expect(mode(store)).toBe(0o600);

    const run = (args: string[]) => nsmIn(args, { store });
    expect((await run(['minutes', 'M1', '-o', join(dir, 'public.pdf'), '--public'])).status).toBe(0);
    expect(mode(join(dir, 'public.pdf'))).toBe(0o644);
    expect((await run(['issue', 'edit', 'I1', '--private'])).status).toBe(0);
    expect((await run(['minutes', 'M1', '-o', join(dir, 'full.html')])).status).toBe(0);
    expect(mode(join(dir, 'full.html'))).toBe(0o600);
    expect((await run(['agenda', 'M2', '-o', join(dir, 'agenda.md')])).status).toBe(0);
    expect(mode(join(dir, 'agenda.md'))).toBe(0o644);
    expect((await run(['calendar', '--sector', '75A', '-o', join(dir, '75A.ics')])).status).toBe(0);
    expect(mode(join(dir, '75A.ics'))).toBe(0o644);
    expect((await run(['report', 'rollout', '--format', 'svg', '-o', join(dir, 'map.svg')])).status).toBe(0);
    expect(mode(join(dir, 'map.svg'))).toBe(0o644);

    const feeds = join(dir, 'feeds');
    expect((await run(['calendar', '--split', feeds, '--precinct', '75'])).status).toBe(0);
    expect(mode(feeds)).toBe(0o755);
    for (const name of readdirSync(feeds)) expect(mode(join(feeds, name)), name).toBe(0o644);
  });
});
