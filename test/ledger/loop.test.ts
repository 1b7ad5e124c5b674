import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { refused } from '../helpers/e2e.js';
import { CLOCK, at, cloneStore, loopStore, ok } from './fixtures.js';

/** The whole ledger loop through the command line (in-process): raise, agree, follow up, carry forward, print the agenda. */

interface History {
  on: string;
  status: string;
  note: string;
  meetingId: string | null;
}
interface IssueJson {
  id: string;
  meetingId: string;
  status: string;
  history: History[];
  [field: string]: unknown;
}
interface SolutionJson {
  id: string;
  owner: string | null;
  ownerKind: string | null;
  due: string | null;
  status: string;
  overdue: boolean;
  history: History[];
  [field: string]: unknown;
}

let base: string;
let raised: IssueJson;
let agreed: SolutionJson[];

beforeAll(async () => {
  base = initializedStore();
  await loopStore(base);
  const march = at(CLOCK.afterMarch);
  const where = ['--location', 'Linden Blvd & Ashford St', '--category', 'Traffic'];
  const what = ['--summary', 'Cars speeding on Linden Blvd at dismissal'];
  raised = await ok<IssueJson>(base, ['issue', 'raise', '--meeting', 'm1', ...what, ...where], march);
  await ok(
    base,
    ['issue', 'raise', '--meeting', 'M1', '--summary', 'Noise from 12 Elm St apt 3', '--private'],
    march,
  );
  agreed = [];
  for (const [summary, owner, due] of [
    ['Ask DOT for a speed-bump survey', 'dot', '2027-04-30'],
    ['Traffic post at dismissal', 'n1', '2027-03-31'],
    ['Flyers from the block association', 'Linden Block Assn', null],
  ]) {
    agreed.push(
      await ok<SolutionJson>(
        base,
        ['solution', 'add', 'I1', '--summary', summary!, '--owner', owner!, ...(due ? ['--due', due] : [])],
        march,
      ),
    );
  }
});

describe('the ledger loop', () => {
  it('issue raise prints the contract fields, raised on the meeting’s date, with history[0]', async () => {
    expect(raised).toEqual({
      id: 'I1',
      meetingId: 'M1',
      precinct: 75,
      sector: '75A',
      category: 'traffic',
      summary: 'Cars speeding on Linden Blvd at dismissal',
      details: null,
      location: 'Linden Blvd & Ashford St',
      raisedBy: null,
      status: 'open',
      private: false,
      raisedOn: '2027-03-09', // the meeting's day, not the clock's (2027-03-10)
      history: [{ on: '2027-03-09', status: 'open', note: expect.stringMatching(/\S/), meetingId: 'M1' }],
      solutions: [],
    });
    const i2 = await ok<IssueJson>(base, ['issue', 'show', 'I2']);
    expect(i2).toMatchObject({ id: 'I2', private: true, category: 'other', status: 'open' });
  });

  it('solution add takes an agency, an NCO or a community owner, and a due date', async () => {
    expect(agreed.map((s) => [s.id, s.owner, s.ownerKind, s.due, s.status, s.overdue])).toEqual([
      ['S1', 'DOT', 'agency', '2027-04-30', 'agreed', false],
      ['S2', 'N1', 'nco', '2027-03-31', 'agreed', false],
      ['S3', 'Linden Block Assn', 'community', null, 'agreed', false],
    ]);
    for (const s of agreed) {
      expect(s).toMatchObject({ issueId: 'I1', summary: expect.any(String), agreedAt: 'M1' });
      expect(s.history).toEqual([
        { on: '2027-03-10', status: 'agreed', note: expect.any(String), meetingId: 'M1' },
      ]);
    }
    expect((await ok<IssueJson>(base, ['issue', 'show', 'I1'])).solutions).toEqual(['S1', 'S2', 'S3']);
  });

  it('solution list --overdue follows the clock, and a done solution is never overdue', async () => {
    const store = cloneStore(base);
    const overdue = async (clock: string) =>
      (await ok<SolutionJson[]>(store, ['solution', 'list', '--overdue'], at(clock))).map((s) => s.id);
    expect(await overdue(CLOCK.afterMarch)).toEqual([]);
    expect(await overdue('2027-03-31T15:00:00Z')).toEqual([]); // due today is not late
    expect(await overdue(CLOCK.april)).toEqual(['S2']);
    expect(await overdue(CLOCK.afterJune)).toEqual(['S2', 'S1']); // soonest due first
    await ok(
      store,
      ['solution', 'update', 'S2', '--status', 'done', '--note', 'Post staffed for two weeks'],
      at(CLOCK.april),
    );
    expect(await overdue(CLOCK.afterJune)).toEqual(['S1']);
    const piped = await nsmIn(['solution', 'list', '--overdue'], { store, env: at(CLOCK.afterJune) });
    // Piped rows stay absolute: the due date, the status; a terminal adds "overdue by N days".
    expect(piped.stdout).toMatch(/^S1\tI1\t75A\tAsk DOT for a speed-bump survey\tDOT\t2027-04-30\tagreed$/m);
    const seen = await nsmIn(['solution', 'list', '--overdue'], {
      store,
      env: at(CLOCK.afterJune),
      terminal: 100,
    });
    expect(seen.stdout).toMatch(/2027-04-30 \(overdue by \d+ days\)/);
    expect(
      (await ok<SolutionJson[]>(store, ['solution', 'list', '--owner', 'dot'])).map((s) => s.id),
    ).toEqual(['S1']);
  });

  it('issue update records the note, the day and the meeting; agendas carry the issue until it is resolved', async () => {
    const store = cloneStore(base);
    const updated = await ok<IssueJson>(
      store,
      ['issue', 'update', 'i1', '--status', 'in-progress', '--note', 'DOT survey booked', '--meeting', 'M1'],
      at(CLOCK.april),
    );
    expect(updated.status).toBe('in-progress');
    expect(updated.history).toHaveLength(2);
    expect(updated.history[1]).toEqual({
      on: '2027-04-15',
      status: 'in-progress',
      note: 'DOT survey booked',
      meetingId: 'M1',
    });

    const june = await nsmIn(['agenda', 'M2'], { store, env: at(CLOCK.juneMorning) });
    expect(june.status, june.stderr).toBe(0);
    expect(june.stdout).toContain('### I1 · traffic · in-progress');
    expect(june.stdout).toContain('**Open:** 91 days, through 1 meeting');
    expect(june.stdout).toContain(
      '| S2 Traffic post at dismissal | Maria Lopez | Mar 31, 2027 | agreed (overdue) |',
    );
    expect(june.stdout).toContain('### I2 · other · open');
    expect(june.stdout).not.toContain('Elm St');
    expect(june.stdout).toContain('Tuesday, September 14, 2027, 7:00 PM');

    await ok(store, ['meeting', 'held', 'M2', '--attendance', '24'], at(CLOCK.afterJune));
    await ok(
      store,
      ['issue', 'update', 'I1', '--status', 'resolved', '--note', 'Speed bumps installed'],
      at('2027-07-01T15:00:00Z'),
    );
    const september = await nsmIn(['agenda', 'M3'], { store, env: at('2027-07-01T15:00:00Z') });
    expect(september.status, september.stderr).toBe(0);
    expect(september.stdout).not.toContain('I1');
    expect(september.stdout).toContain('### I2 · other · open');
    expect(september.stdout).toContain('**Open:** 189 days, through 2 meetings');
    // June's minutes are history: I1 was still in progress when that day ended.
    const minutes = await nsmIn(['minutes', 'M2', '--format', 'md'], { store });
    expect(minutes.stdout).toContain('### I1 · traffic · in-progress');

    const shown = await ok<IssueJson & { meetingsDiscussed: string[] }>(store, ['issue', 'show', 'I1']);
    expect(shown.meetingsDiscussed).toEqual(['M1', 'M2']);
    expect(shown.history.map((h) => h.status)).toEqual(['open', 'in-progress', 'resolved']);
    const text = (await nsmIn(['issue', 'show', 'I1'], { store })).stdout;
    expect(text).toMatch(/Meetings where it was discussed \(2\)/);
    expect(text).toMatch(/^M1\t2027-03-09T19:00:00-05:00\theld$/m);
    expect(text).toMatch(/^M2\t2027-06-08T19:00:00-04:00\theld$/m);
    expect(text).not.toMatch(/^M3 /m);
  });

  it('agenda -o writes a file, refuses to replace it without --force; a .pdf file gets a PDF', async () => {
    const store = cloneStore(base);
    const file = join(mkdtempSync(join(tmpdir(), 'nsm-agenda-')), 'agenda-75A.md');
    const printed = (await nsmIn(['agenda', 'M2'], { store })).stdout;
    const first = await nsmIn(['agenda', 'M2', '-o', file], { store });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(readFileSync(file, 'utf8').trimEnd()).toBe(printed.trimEnd());
    expect(readFileSync(file, 'utf8')).toContain('### I1 · traffic · open');

    writeFileSync(file, 'my own notes\n');
    const again = await refused(['agenda', 'M2', '-o', file], store, 7);
    expect(again.stderr).toMatch(/already exists — .*--force/);
    expect(readFileSync(file, 'utf8')).toBe('my own notes\n');

    const forced = await nsmIn(['agenda', 'M2', '-o', file, '--force'], { store });
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(file, 'utf8').trimEnd()).toBe(printed.trimEnd());

    const pdf = join(file, '..', 'agenda.pdf');
    expect((await nsmIn(['agenda', 'M2', '-o', pdf], { store })).status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const mismatch = join(file, '..', 'agenda.html');
    await refused(['agenda', 'M2', '--format', 'pdf', '-o', mismatch], store, 2);
    expect(existsSync(mismatch)).toBe(false);
    await refused(['agenda', 'M99'], store, 4);
  });

  it('precinct show and sector show count the issues and list the open ones', async () => {
    const store = cloneStore(base);
    await ok(
      store,
      ['issue', 'update', 'I1', '--status', 'in-progress', '--note', 'Survey booked'],
      at(CLOCK.april),
    );
    await ok(
      store,
      ['issue', 'raise', '--meeting', 'M1', '--summary', 'Graffiti on the rail bridge'],
      at(CLOCK.april),
    );
    await ok(
      store,
      ['issue', 'update', 'I3', '--status', 'resolved', '--note', 'Painted over'],
      at(CLOCK.april),
    );
    const counts = { open: 1, 'in-progress': 1, resolved: 1, closed: 0 };
    const precinct = await ok<{ issueCounts: unknown; openIssues: string[] }>(store, [
      'precinct',
      'show',
      '75',
    ]);
    expect(precinct.issueCounts).toEqual(counts);
    expect(precinct.openIssues).toEqual(['I1', 'I2']);
    const sector = await ok<{ issueCounts: unknown; openIssues: string[] }>(store, ['sector', 'show', '75a']);
    expect(sector.issueCounts).toEqual(counts);
    expect(sector.openIssues).toEqual(['I1', 'I2']);
    expect(
      await ok<{ issueCounts: unknown; openIssues: string[] }>(store, ['sector', 'show', '75B']),
    ).toMatchObject({
      issueCounts: { open: 0, 'in-progress': 0, resolved: 0, closed: 0 },
      openIssues: [],
    });
    expect((await ok<{ openIssues: string[] }>(store, ['precinct', 'show', '14'])).openIssues).toEqual([]);
  });
});
