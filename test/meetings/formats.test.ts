import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { schedule } from '../meetings/helpers.js';

/** M1 75A Tue Dec 8 2026 7 pm (winter, -05:00); M2 75B Tue Jul 13 2027 6:30 pm (summer, -04:00). */
let store: string;
beforeAll(async () => {
  store = initializedStore();
  // prettier-ignore
  await schedule(store, '--sector', '75A', '--at', '2026-12-08 19:00', '--location', '=Community Room', '--address', '1000 Sutter Avenue');
  await schedule(store, '--sector', '75B', '--at', 'Jul 13 2027 6:30pm', '--duration', '90');
});

async function listed(...args: string[]) {
  const run = await nsmIn(['meeting', 'list', ...args], { store });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('meeting list carries ISO 8601 instants with offsets in files', () => {
  it('--format csv: parsed back by a CSV parser', async () => {
    const rows = parse(await listed('--format', 'csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.ID, r['When (New York)'], r.Length, r.Sector])).toEqual([
      ['M1', '2026-12-08T19:00:00-05:00', '1h', '75A'],
      ['M2', '2027-07-13T18:30:00-04:00', '1h 30m', '75B'],
    ]);
    expect(rows[0]!.Where).toBe("'=Community Room, 1000 Sutter Avenue"); // a formula cell is neutralised
  });

  it('--format tsv (and a pipe): a header, then tab-separated rows', async () => {
    for (const text of [await listed('--format', 'tsv'), await listed()]) {
      const rows = text
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t'));
      expect(rows[0]).toEqual(['ID', 'When (New York)', 'Length', 'Sector', 'Where', 'Status']);
      expect(rows.slice(1).map((r) => r[1])).toEqual([
        '2026-12-08T19:00:00-05:00',
        '2027-07-13T18:30:00-04:00',
      ]);
    }
  });

  it('on a terminal the same times read as people say them', async () => {
    const run = await nsmIn(['meeting', 'list'], { store, terminal: 120 });
    expect(run.stdout).toMatch(/Tue Dec 8 2026, 7:00 PM \(in 12 days\)/);
    expect(run.stdout).toMatch(/Tue Jul 13 2027, 6:30 PM \(in 7 months\)/);
    expect(run.stdout).not.toMatch(/2026-12-08T19:00/);
  });

  it('--format md: friendly and absolute, no "in 12 days" in a document read later', async () => {
    const text = await listed('--format', 'md');
    expect(text).toMatch(/\| M1 \| Tue Dec 8 2026, 7:00 PM \|/);
    expect(text).not.toMatch(/in 12 days/);
  });
});

describe('meeting show', () => {
  it('--format csv: one row whose When is the ISO instant', async () => {
    const run = await nsmIn(['meeting', 'show', 'M2', '--format', 'csv'], { store });
    expect(run.status, run.stderr).toBe(0);
    const [row] = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(row).toMatchObject({ When: '2027-07-13T18:30:00-04:00', Length: '1h 30m', Status: 'scheduled' });
  });

  it('on a terminal: the time with how far off it is', async () => {
    const run = await nsmIn(['meeting', 'show', 'M1'], { store, terminal: 80 });
    expect(run.stdout).toMatch(/When\s+Tue Dec 8 2026, 7:00 PM \(in 12 days\)\n/);
    expect(run.stdout).toMatch(/Length\s+1h\n/);
  });
});
