import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes, json } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { demoStore } from './ledger-fixture.js';

/**
 * Dates in the ledger: relative on a terminal ("overdue by 17 days", at the fixed clock
 * 2026-11-26T17:00Z), absolute in TSV, CSV and JSON; the agenda's JSON carries ISO 8601 instants.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let store: string;
beforeAll(async () => {
  store = await demoStore();
});

describe('on a terminal', () => {
  it('an open solution past its due date reads "overdue by N days"', async () => {
    // S4 (75C, agreed) was due 2026-11-09: 17 days before the clock's New York date.
    const copy = await demoStore();
    const run = await nsmIn(
      ['solution', 'update', 'S4', '--status', 'in-progress', '--note', 'Talk booked'],
      {
        store: copy,
        terminal: 80,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Due +2026-11-09 \(overdue by 17 days\)$/m);
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('solution list says how overdue each open one is; a done one is never overdue', async () => {
    const run = await nsmIn(['solution', 'list', '--sector', '75A'], { store, terminal: 200 });
    expect(run.status, run.stderr).toBe(0);
    const row = (id: string) => run.stdout.split('\n').find((l) => l.startsWith(`│ ${id} `))!;
    expect(row('S1')).toMatch(/│ 2026-10-23 \(overdue by 34 days\) +│ in-progress +│$/);
    expect(row('S2')).toMatch(/│ 2026-09-22 \(2 months ago\) +│ done +│$/);
    expect(row('S2')).not.toContain('overdue');
  });

  it('a due date still ahead reads "due in …"', async () => {
    const copy = await demoStore();
    const run = await nsmIn(
      ['solution', 'add', 'I3', '--summary', 'Lobby cameras', '--owner', 'NYCHA', '--due', '2026-12-08'],
      { store: copy, terminal: 80 },
    );
    expect(run.stdout).toMatch(/^Due +2026-12-08 \(due in 12 days\)$/m);
  });

  it('issue dates are relative too', async () => {
    const run = await nsmIn(['issue', 'show', 'I1'], { store, terminal: 100 });
    expect(run.stdout).toMatch(/^Raised +2026-09-08 \(2 months ago\)$/m);
    expect(run.stdout).toMatch(/│ M1 +│ Tue Sep 8 2026, 7:00 PM \(2 months ago\) +│ held +│/);
  });
});

describe('in files and for scripts, dates stay absolute', () => {
  it('TSV: plain dates, ISO instants with offsets, no relative words', async () => {
    const list = await nsmIn(['solution', 'list', '--sector', '75A'], { store });
    expect(list.stdout.split('\n')).toContain(
      'S1\tI1\t75A\tAsk DOT for a speed-bump survey\tDOT\t2026-10-23\tin-progress',
    );
    const shown = await nsmIn(['issue', 'show', 'I1'], { store });
    expect(shown.stdout).toMatch(/^Raised\t2026-09-08$/m);
    expect(shown.stdout).toMatch(/^M1\t2026-09-08T19:00:00-04:00\theld$/m);
    for (const out of [list.stdout, shown.stdout]) expect(out).not.toMatch(/overdue|ago|due in/);
  });

  it('CSV parses back with the due dates as written', async () => {
    const run = await nsmIn(['solution', 'list', '--precinct', '75', '--format', 'csv'], { store });
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.ID === 'S4')).toMatchObject({ Due: '2026-11-09', Status: 'agreed' });
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.Due!))).toBe(true);
    const issues = parse((await nsmIn(['issue', 'list', '--format', 'csv'], { store })).stdout, {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(issues[0]).toMatchObject({ ID: 'I1', Raised: '2026-09-08' });
  });

  it('JSON: dates as YYYY-MM-DD, overdue as a flag', async () => {
    const solutions = json<Array<{ id: string; due: string; overdue: boolean }>>(
      await nsmIn(['solution', 'list', '--sector', '75A', '--json'], { store }),
    );
    expect(solutions.map((s) => [s.id, s.due, s.overdue])).toEqual([
      ['S2', '2026-09-22', false],
      ['S1', '2026-10-23', true],
    ]);
  });
});

describe('agenda --json', () => {
  interface Agenda {
    start: string;
    end: string;
    next: { id: string; start: string; end: string } | null;
  }

  it('carries start and end as ISO 8601 instants with the New York offset, for the meeting and the next one', async () => {
    const run = await nsmIn(['agenda', 'M2', '--json'], { store });
    const agenda = json<Agenda & Record<string, unknown>>(run);
    expect(agenda).not.toHaveProperty('when');
    for (const value of [agenda.start, agenda.end, agenda.next!.start, agenda.next!.end])
      expect(value).toMatch(ISO_WITH_OFFSET);
    expect(agenda.start).toBe('2026-12-08T19:00:00-05:00');
    expect(new Date(agenda.start).toISOString()).toBe('2026-12-09T00:00:00.000Z');
    expect(new Date(agenda.end).getTime() - new Date(agenda.start).getTime()).toBe(90 * 60_000);
    expect(agenda.next).toMatchObject({ id: 'M3', start: '2027-03-09T19:00:00-05:00' });
  });

  it('the document says it as people do', async () => {
    const run = await nsmIn(['agenda', 'M2'], { store });
    expect(run.stdout).toContain(
      '**Date:** Tuesday, December 8, 2026  \n**Time:** 7:00 PM – 8:30 PM (New York time)',
    );
    expect(run.stdout).toContain('Tuesday, March 9, 2027, 7:00 PM, ');
  });

  it('uses the summer offset for a summer meeting', async () => {
    const agenda = json<Agenda>(await nsmIn(['agenda', 'M4', '--json'], { store }));
    expect(agenda.start).toBe('2027-06-08T19:00:00-04:00');
    expect(new Date(agenda.start).toISOString()).toBe('2027-06-08T23:00:00.000Z');
    expect(agenda.next!.start).toMatch(ISO_WITH_OFFSET);
  });
});

describe('agenda --format', () => {
  it.each(['csv', 'docx', 'table'])(
    '--format %s is a usage error naming the document formats',
    async (format) => {
      const run = await refused(['agenda', 'M2', '--format', format], store, 2);
      expect(run.stderr).toBe(
        `nsm: --format "${format}" is not a document format — use one of: pdf, html, md\n`,
      );
    },
  );

  it('--format md prints the Markdown agenda, before or after the meeting id', async () => {
    for (const args of [
      ['agenda', 'M2', '--format', 'md'],
      ['agenda', '--format', 'MD', 'M2'],
      ['agenda', 'M2'],
    ]) {
      const run = await nsmIn(args, { store });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^# Sector 75A Neighborhood Safety Meeting\n/);
      expect(run.stdout).toContain('## 2. Old business');
      expect(run.stdout).toContain('**Agenda**');
    }
  });

  it('--json and --format json print the JSON document', async () => {
    const before = bytes(store);
    for (const args of [
      ['agenda', 'M2', '--json'],
      ['agenda', 'M2', '--format', 'json'],
      ['agenda', 'M2', '--format', 'md', '--json'],
    ]) {
      const agenda = json<{ meetingId: string; format: string }>(await nsmIn(args, { store }));
      expect(agenda).toMatchObject({ meetingId: 'M2', format: 'md' });
    }
    expect(bytes(store).equals(before)).toBe(true);
  });
});
