import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, nsm, tempStore } from '../helpers/cli.js';

/**
 * The built program is one CommonJS file, with the large packages some commands use bundled apart
 * (scripts/bundle.mjs) and Node's heavier modules loaded at first use. Most tests run nsm's source
 * in-process; these run the real binary through each of those packages, so a bundle that lost one
 * (a default export taken for the module, a function not forwarded) fails here. Prompts and PDFs
 * are run by the binary in prompt.test.ts and documents.test.ts.
 */
describe('the built program, through each package bundled apart', () => {
  let store: string;
  beforeAll(() => {
    store = tempStore();
    const demo = nsm(['demo', '--store', store]);
    expect(demo.status, demo.stderr).toBe(0);
  });

  it('cli-table3: a table', () => {
    const run = nsm(['precinct', 'list', '--borough', 'Staten Island', '--format', 'table'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^┌─/);
    expect(run.stdout).toMatch(/│ 120 +│ 120th/);
  });

  it('csv-stringify: CSV that a CSV parser reads', () => {
    const run = nsm(['precinct', 'list', '--borough', 'Staten Island', '--format', 'csv'], { store });
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Pct)).toEqual(['120', '121', '122', '123']);
  });

  it('ical-generator and timezones-ical-library: a calendar that ical.js reads', () => {
    const run = nsm(['calendar', '--precinct', '75'], { store });
    expect(run.status, run.stderr).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(run.stdout));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'America/New_York',
    );
    const meetings = json<{ id: string }[]>(
      nsm(['meeting', 'list', '--precinct', '75', '--json'], { store }),
    );
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(meetings.length);
  });

  it('d3-geo: the rollout map, with a path for every sector', () => {
    const run = nsm(['report', 'rollout', '--format', 'svg'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml/);
    expect((run.stdout.match(/<path [^>]*d="M/g) ?? []).length).toBeGreaterThan(300);
  });

  it('fs/promises and child_process, loaded at first use: a change, and its undo', () => {
    const names = () =>
      json<{ name: string }[]>(nsm(['nco', 'list', '--json'], { store })).map((n) => n.name);
    const before = names();
    const add = nsm(['nco', 'add', '--name', 'Pat Doe', '--shield', '4321', '--precinct', '75'], { store });
    expect(add.status, add.stderr).toBe(0);
    expect(names()).toEqual([...before, 'Pat Doe']);
    const undo = nsm(['undo'], { store });
    expect(undo.status, undo.stderr).toBe(0);
    expect(names()).toEqual(before);
  });
});
