import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';
import { meetingsOf, must } from './fixtures.js';
import { expectWellFramed, parseCalendar } from './ics.js';

/** `nsm calendar` on the demo store (precincts 75 and 14, a held and four scheduled meetings per sector). */

let store: string;
let meetings: Awaited<ReturnType<typeof meetingsOf>>;

beforeAll(async () => {
  store = await demoStore();
  meetings = await meetingsOf(store);
});

/** A settings file of its own, with these settings. */
function config(settings: Record<string, string>): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), 'nsm-calendar-config-')), 'config.json');
  writeFileSync(file, JSON.stringify(settings));
  return { NSM_CONFIG: file };
}

describe('the whole store, read back by ical.js', () => {
  it('has one event per meeting, at the UTC instants the store gives, in New York time', async () => {
    const run = await must(['calendar', '--precinct', 'all'], store);
    expectWellFramed(Buffer.from(run.stdout));
    const calendar = parseCalendar(run.stdout);
    expect(meetings.length).toBe(50);
    expect(calendar.events).toHaveLength(meetings.length);
    const byUid = new Map(calendar.events.map((e) => [e.uid, e]));
    for (const m of meetings) {
      const event = byUid.get(`${m.uuid}@nsm.invalid`);
      expect(event, m.id).toBeDefined();
      expect(event!.start, m.id).toBe(new Date(m.start).toISOString());
      expect(event!.end, m.id).toBe(new Date(m.end).toISOString());
      expect(event!.tzid).toBe('America/New_York');
      expect(event!.sequence).toBe(m.revision);
      expect(event!.status).toBe(m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
    }
    expect(calendar.calname).toBe('Neighborhood Safety Meetings: all precincts');
    expect(calendar.name).toBe(calendar.calname);
    // One zone block, before the events.
    expect(calendar.components.filter((c) => c === 'vtimezone')).toEqual(['vtimezone']);
    expect(calendar.components[0]).toBe('vtimezone');
  });

  it('writes the raw DTSTART with its TZID, DTSTAMP from the last change, and a refresh interval', async () => {
    const text = (await must(['calendar', '--sector', '75A'], store)).stdout;
    const first = meetings.find((m) => m.sector === '75A')!;
    expect(text).toContain(
      `DTSTART;TZID=America/New_York:${first.start.slice(0, 16).replace(/[-:]/g, '')}00\r\n`,
    );
    // The demo was built at the test clock, 2026-11-26T17:00Z.
    expect(text).toMatch(/^DTSTAMP:20261126T170000Z\r$/m);
    expect(text).toMatch(/^LAST-MODIFIED:20261126T170000Z\r$/m);
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT6H\r\n');
    expect(text).toContain('PRODID:-//nsm//Neighborhood Safety Meetings//EN\r\n');
    expect(text).not.toMatch(/X-WR-TIMEZONE|TIMEZONE-ID/);
  });

  it('says where and with whom: summary, location, the NCOs and the issues to be discussed', async () => {
    const calendar = parseCalendar((await must(['calendar', '--sector', '75A'], store)).stdout);
    expect(calendar.calname).toBe('Neighborhood Safety Meetings: Sector 75A (75th Precinct)');
    const next = calendar.events[1]!;
    expect(next.summary).toBe('Sector 75A Neighborhood Safety Meeting');
    expect(next.location).toBe('75th Precinct Community Room, 1000 Sutter Avenue');
    const hosts = JSON.parse((await must(['sector', 'show', '75A', '--json'], store)).stdout) as {
      ncos: string[];
    };
    expect(hosts.ncos.length).toBeGreaterThan(0);
    const names = JSON.parse((await must(['nco', 'list', '--json'], store)).stdout) as Array<{
      id: string;
      name: string;
    }>;
    for (const id of hosts.ncos) expect(next.description).toContain(names.find((n) => n.id === id)!.name);
    expect(next.description).toContain(
      'Open issues to be discussed:\n- I1 (traffic): Cars speeding on the avenue',
    );
    expect(next.url).toBeNull();
  });
});

describe('scopes', () => {
  it('without a scope: the precinct setting, else every precinct', async () => {
    const all = parseCalendar((await must(['calendar'], store)).stdout);
    expect(all.events).toHaveLength(meetings.length);
    const run = await nsmIn(['calendar'], { store, env: config({ precinct: '14' }) });
    const fourteen = parseCalendar(run.stdout);
    expect(fourteen.calname).toBe('Neighborhood Safety Meetings: Midtown South Precinct');
    expect(fourteen.events).toHaveLength(meetings.filter((m) => m.sector.startsWith('14')).length);
    // --sector and --meeting narrow past the setting rather than clash with it.
    const sector = await nsmIn(['calendar', '--sector', '75B'], { store, env: config({ precinct: '14' }) });
    expect(sector.status, sector.stderr).toBe(0);
    expect(parseCalendar(sector.stdout).events).toHaveLength(5);
  });

  it('a sector, a precinct, one meeting', async () => {
    const sector = parseCalendar((await must(['calendar', '--sector', '14b'], store)).stdout);
    expect(sector.events.map((e) => e.uid)).toEqual(
      meetings.filter((m) => m.sector === '14B').map((m) => `${m.uuid}@nsm.invalid`),
    );
    const precinct = parseCalendar((await must(['calendar', '--precinct', '75'], store)).stdout);
    expect(precinct.events).toHaveLength(meetings.filter((m) => m.sector.startsWith('75')).length);
    const one = meetings.find((m) => m.status === 'scheduled')!;
    const meeting = parseCalendar(
      (await must(['calendar', '--meeting', one.id.toLowerCase()], store)).stdout,
    );
    expect(meeting.events.map((e) => e.uid)).toEqual([`${one.uuid}@nsm.invalid`]);
    expect(meeting.calname).toContain(one.id);
  });

  it('--from and --to keep the meetings whose New York date falls between them, both days included', async () => {
    const sorted = meetings.map((m) => m.start.slice(0, 10)).sort();
    const [from, to] = [sorted[5]!, sorted[20]!];
    const expected = meetings.filter((m) => m.start.slice(0, 10) >= from && m.start.slice(0, 10) <= to);
    const run = await must(['calendar', '--precinct', 'all', '--from', from, '--to', to], store);
    expect(
      parseCalendar(run.stdout)
        .events.map((e) => e.start)
        .sort(),
    ).toEqual(expected.map((m) => new Date(m.start).toISOString()).sort());
  });

  it('an empty calendar is still a valid one (with its zone)', async () => {
    const run = await must(['calendar', '--precinct', 'all', '--from', '2040-01-01'], store);
    expectWellFramed(Buffer.from(run.stdout));
    const calendar = parseCalendar(run.stdout);
    expect(calendar.events).toEqual([]);
    expect(calendar.components).toEqual(['vtimezone']);
  });
});

describe('where the calendar goes', () => {
  it('-o writes the file (what stdout would print) and says so on stderr', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nsm-calendar-')), '75A.ics');
    const printed = (await must(['calendar', '--sector', '75A'], store)).stdout;
    const run = await must(['calendar', '--sector', '75A', '-o', file], store);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Wrote Neighborhood Safety Meetings: Sector 75A (75th Precinct) (5 meetings) to ${file}.\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(printed);
    const quiet = await must(['calendar', '--sector', '75A', '-o', file, '--force', '-q'], store);
    expect(quiet.stderr).toBe('');
    // `-o -` is stdout, as in every command that writes a file.
    const dash = await must(['calendar', '--sector', '75A', '-o', '-'], store);
    expect(dash.stdout).toBe(printed);
    expect(dash.stderr).toBe('');
  });

  it('--json prints a summary (with the calendar itself when it goes to stdout)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nsm-calendar-')), '75.ics');
    const summary = JSON.parse(
      (await must(['calendar', '--precinct', '75', '-o', file, '--json'], store)).stdout,
    );
    expect(summary).toMatchObject({
      name: 'Neighborhood Safety Meetings: 75th Precinct',
      scope: { kind: 'precinct', precinct: 75 },
      output: file,
      events: 25,
      cancelled: 0,
    });
    expect(summary.meetings).toHaveLength(25);
    expect(summary.ics).toBeUndefined();
    const printed = JSON.parse((await must(['calendar', '--sector', '75A', '--json'], store)).stdout);
    expect(printed.output).toBeNull();
    expect(printed.ics).toBe((await must(['calendar', '--sector', '75A'], store)).stdout);
  });

  it('UIDs end in the calendar.domain setting', async () => {
    const run = await nsmIn(['calendar', '--sector', '75A'], {
      store,
      env: config({ 'calendar.domain': 'nsm.pct75.example.org' }),
    });
    const uids = parseCalendar(run.stdout).events.map((e) => e.uid);
    expect(uids).toHaveLength(5);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f-]{36}@nsm\.pct75\.example\.org$/);
  });
});
