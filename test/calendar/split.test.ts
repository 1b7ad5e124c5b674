import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lexer } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStore } from '../helpers/demo.js';
import { meetingsOf, must } from './fixtures.js';
import { expectWellFramed, parseCalendar } from './ics.js';

/** `nsm calendar --split <folder>`: feeds to publish, one per sector and per precinct, and index.md. */

let store: string;

beforeAll(async () => {
  store = await demoStore();
});

type Cell = { text: string; tokens: Token[] };
type Token = {
  type: string;
  text?: string;
  href?: string;
  header?: Cell[];
  rows?: Cell[][];
  tokens?: Token[];
};

/** A cell as a reader sees it; a link cell as its target. */
const cellText = (cell: Cell): string => cell.tokens.find((t) => t.type === 'link')?.href ?? cell.text;

/** The index's table, read by marked (a Markdown parser nobody here wrote): [calendar, file link, meetings, cancelled]. */
function indexRows(folder: string): string[][] {
  const tokens = new Lexer().lex(readFileSync(join(folder, 'index.md'), 'utf8')) as unknown as Token[];
  expect(tokens[0]).toMatchObject({ type: 'heading', text: 'Neighborhood Safety Meeting calendars' });
  const tables = tokens.filter((t) => t.type === 'table');
  expect(tables).toHaveLength(1);
  expect(tables[0]!.header!.map((c) => c.text)).toEqual(['Calendar', 'File', 'Meetings', 'Cancelled']);
  return tables[0]!.rows!.map((row) => row.map(cellText));
}

describe('--split', () => {
  it('writes a feed per precinct and per sector, each the same as the one-scope export, and index.md', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'nsm-split-')), 'feeds');
    const run = await must(['calendar', '--split', folder, '--precinct', 'all'], store);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Wrote 78 precinct and 302 sector calendars (50 meetings) and index.md to ${folder}.\n`,
    );
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(78 + 302 + 1);
    expect(files).toContain('index.md');
    // No temporary file is left behind.
    expect(files.filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);

    for (const [scope, file] of [
      [['--sector', '75A'], 'sector-75A.ics'],
      [['--precinct', '14'], 'precinct-14.ics'],
      [['--sector', '40B'], 'sector-40B.ics'],
    ] as const) {
      const content = readFileSync(join(folder, file));
      expectWellFramed(content);
      expect(content.toString('utf8')).toBe((await must(['calendar', ...scope], store)).stdout);
    }
    // A sector with no meetings yet still has a valid (empty) feed to subscribe to.
    expect(parseCalendar(readFileSync(join(folder, 'sector-40B.ics'), 'utf8')).events).toEqual([]);
    // Published files are readable by a web server.
    expect(statSync(join(folder, 'sector-75A.ics')).mode & 0o044).toBe(0o044);

    const rows = indexRows(folder);
    expect(rows).toHaveLength(78 + 302);
    const meetings = await meetingsOf(store);
    expect(rows).toContainEqual([
      'Neighborhood Safety Meetings: Sector 75A (75th Precinct)',
      'sector-75A.ics',
      String(meetings.filter((m) => m.sector === '75A').length),
      '0',
    ]);
    // Every row links to a file that is there.
    for (const row of rows) expect(files).toContain(row[1]);
  });

  it('with --precinct only that precinct; --json lists the files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nsm-split-'));
    const summary = JSON.parse(
      (await must(['calendar', '--split', folder, '--precinct', '75', '--json'], store)).stdout,
    );
    expect(summary.files.map((f: { file: string }) => f.file)).toEqual([
      'precinct-75.ics',
      'sector-75A.ics',
      'sector-75B.ics',
      'sector-75C.ics',
      'sector-75D.ics',
      'sector-75E.ics',
    ]);
    expect(summary).toMatchObject({ folder, events: 25 });
    expect(readdirSync(folder).sort()).toEqual(
      [...summary.files.map((f: { file: string }) => f.file), 'index.md'].sort(),
    );
  });

  it('replaces earlier files atomically: a reader holding the old file keeps reading it whole', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nsm-split-'));
    const path = join(folder, 'sector-75A.ics');
    writeFileSync(path, 'stale calendar\r\n');
    const inodeBefore = statSync(path).ino;
    const stale = readFileSync(path, 'utf8');
    await must(['calendar', '--split', folder, '--precinct', '75'], store);
    // A new file took the name (rename), rather than the old one being rewritten in place.
    expect(statSync(path).ino).not.toBe(inodeBefore);
    expect(stale).toBe('stale calendar\r\n');
    expect(readFileSync(path, 'utf8')).toBe((await must(['calendar', '--sector', '75A'], store)).stdout);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Running it again over the same folder is fine: feeds are meant to be replaced.
    await must(['calendar', '--split', folder, '--precinct', '75'], store);
  });

  it('-o replaces a file atomically too (with --force)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nsm-calendar-'));
    const path = join(folder, '75.ics');
    writeFileSync(path, 'old');
    const inodeBefore = statSync(path).ino;
    await must(['calendar', '--precinct', '75', '-o', path, '--force'], store);
    expect(statSync(path).ino).not.toBe(inodeBefore);
    expect(readdirSync(folder)).toEqual(['75.ics']);
  });
});
