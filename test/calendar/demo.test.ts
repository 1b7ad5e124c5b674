import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { must, writeDemoCalendars } from './fixtures.js';
import { expectWellFramed, parseCalendar } from './ics.js';

describe('nsm demo and its calendar', () => {
  it("writes the demo precinct's calendar beside the store and says where", async () => {
    const store = tempStore();
    const run = await nsmIn(['demo', '--store', store]);
    expect(run.status, run.stderr).toBe(0);
    const path = join(dirname(store), 'calendar-75.ics');
    expect(run.stdout).toContain(`\n  ${path}\n`);
    expect(run.stdout).toMatch(/calendar .*\(nsm calendar --precinct 75\)/);
    const written = readFileSync(path, 'utf8');
    expect(written).toBe((await must(['calendar', '--precinct', '75'], store)).stdout);
    expectWellFramed(Buffer.from(written));
    expect(parseCalendar(written).events).toHaveLength(25);
  });

  it('gives the path in its JSON too', async () => {
    const store = tempStore();
    const demo = JSON.parse((await nsmIn(['demo', '--store', store, '--json'])).stdout) as {
      calendar: string;
    };
    expect(demo.calendar).toBe(join(dirname(store), 'calendar-75.ics'));
  });
});

describe('the calendars handed to the outside validators (libical, khal)', () => {
  it('are four well-framed files that ical.js reads', async () => {
    const paths = await writeDemoCalendars();
    expect(paths.map((p) => p.split('/').at(-1))).toEqual([
      'demo-all.ics',
      'demo-75A.ics',
      'changed-75.ics',
      'hostile-75B.ics',
    ]);
    const counts = paths.map((path) => {
      const bytes = readFileSync(path);
      expectWellFramed(bytes);
      return parseCalendar(bytes.toString('utf8')).events.length;
    });
    expect(counts).toEqual([50, 5, 25, 6]);
    expect(readFileSync(paths[2]!, 'utf8')).toContain('STATUS:CANCELLED\r\n');
  });
});
