import { describe, expect, it } from 'vitest';
import { initializedStore, nsm } from '../helpers/cli.js';
import { list, onTerminal, refused, type MeetingJson } from './helpers.js';

describe("the machine's TZ never changes a meeting", () => {
  /**
   * Schedules the same meetings with the binary's TZ set, then lists them as JSON and as TSV.
   * Spawned on purpose: Node takes TZ per process, so an in-process run cannot vary it.
   */
  function scheduleAndList(tz: string) {
    const store = initializedStore();
    const env = { TZ: tz };
    const runs = [
      ['--sector', '75A', '--at', '2026-12-08 7pm'],
      [
        '--sector',
        '75B',
        '--at',
        '2027-03-09 23:30',
        '--repeat',
        'weekly',
        '--count',
        '2',
        '--duration',
        '90',
      ],
      [
        '--sector',
        '75C',
        '--at',
        '2026-10-27 19:00',
        '--repeat',
        'FREQ=WEEKLY;BYDAY=TU',
        '--count',
        '2',
        '--force',
      ],
      ['--sector', '75D', '--at', 'tomorrow 11:30pm'],
    ].map((args) => nsm(['meeting', 'schedule', ...args], { store, env }));
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const json = nsm(['meeting', 'list', '--json'], { store, env });
    const tsv = nsm(['meeting', 'list'], { store, env });
    expect(json.status, json.stderr).toBe(0);
    return {
      times: (JSON.parse(json.stdout) as MeetingJson[]).map((m) => `${m.id} ${m.start} ${m.end}`),
      tsv: tsv.stdout,
    };
  }

  const EXPECTED = [
    'M4 2026-10-27T19:00:00-04:00 2026-10-27T20:00:00-04:00',
    'M5 2026-11-03T19:00:00-05:00 2026-11-03T20:00:00-05:00',
    'M6 2026-11-27T23:30:00-05:00 2026-11-28T00:30:00-05:00',
    'M1 2026-12-08T19:00:00-05:00 2026-12-08T20:00:00-05:00',
    'M2 2027-03-09T23:30:00-05:00 2027-03-10T01:00:00-05:00',
    'M3 2027-03-16T23:30:00-04:00 2027-03-17T01:00:00-04:00',
  ];

  it('TZ=UTC, Asia/Tokyo and Pacific/Auckland give the same start and end strings', () => {
    const utc = scheduleAndList('UTC');
    expect(utc.times).toEqual(EXPECTED);
    for (const tz of ['Asia/Tokyo', 'Pacific/Auckland']) {
      const other = scheduleAndList(tz);
      expect(other.times, tz).toEqual(utc.times);
      expect(other.tsv, tz).toBe(utc.tsv);
    }
    expect(utc.tsv).toMatch(/\t2026-11-27T23:30:00-05:00\t/);
  });
});

describe('nsm meeting schedule asks for what is missing, on a terminal', () => {
  it('precinct, sector from a list, date and time (re-asked after a bad one), duration, venue', async () => {
    const store = initializedStore();
    const { output, status } = onTerminal(
      store,
      ['meeting', 'schedule'],
      [
        { expect: 'Precinct number', send: '75\r' },
        { expect: '75E', send: '\u001b[B' }, // the list is shown; move down to 75B
        { expect: '❯ 75B', send: '\r' },
        { expect: 'Date and time', send: '2026-12-08 25:00\r' },
        // the error is shown under the prompt; clear the line and type a good time
        { expect: 'does not exist', send: '\u00152026-12-08 7pm\r' },
        { expect: 'Duration', send: '\r' }, // accept the default
        { expect: 'Venue', send: 'Library\r' },
      ],
    );
    expect(status, output).toBe(0);
    expect(output).toMatch(/--at "2026-12-08 25:00" has a time of day that does not exist/);
    expect(output).toMatch(/Scheduled M1 for 75B/);
    expect(await list(store)).toEqual([
      expect.objectContaining({
        id: 'M1',
        sector: '75B',
        precinct: 75,
        start: '2026-12-08T19:00:00-05:00',
        end: '2026-12-08T20:00:00-05:00',
        location: 'Library',
      }),
    ]);
  });

  it('a precinct that does not exist is asked again', async () => {
    const store = initializedStore();
    const { output, status } = onTerminal(
      store,
      ['meeting', 'schedule', '--at', '2026-12-08 19:00', '--location', 'Hall'],
      [
        { expect: 'Precinct number', send: '999\r' },
        { expect: 'no precinct 999', send: '\u001514\r' },
        { expect: '14E', send: '\r' },
        { expect: 'Duration', send: '90\r' },
      ],
    );
    expect(status, output).toBe(0);
    expect(await list(store)).toEqual([
      expect.objectContaining({ sector: '14A', durationMinutes: 90, location: 'Hall' }),
    ]);
  });
});

describe('nsm meeting schedule without a terminal', () => {
  it.each([
    [['--sector', '75A'], /missing --at/],
    [['--at', '2026-12-08 19:00'], /missing --sector/],
    [['--sector', '75A', '--no-input'], /missing --at/],
  ])('%j is a usage error naming the missing flag', async (args, why) => {
    const store = initializedStore();
    expect((await refused(store, ['meeting', 'schedule', ...args], 2)).stderr).toMatch(why);
  });
});
