import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { AFTER_M2, demoStore } from './ledger-fixture.js';

/** `nsm issue edit` and `nsm solution edit`: corrections kept in the history, never a discussion. */

interface Change {
  field: string;
  from: string | null;
  to: string | null;
}
interface Entry {
  on: string;
  status: string;
  note: string;
  meetingId: string | null;
  edit?: Change[];
}
interface IssueJson {
  id: string;
  summary: string;
  details: string | null;
  location: string | null;
  category: string;
  private: boolean;
  status: string;
  history: Entry[];
  meetingsDiscussed?: string[];
}
interface SolutionJson {
  id: string;
  summary: string;
  owner: string | null;
  ownerKind: string | null;
  due: string | null;
  history: Entry[];
}

let store: string;
beforeEach(async () => {
  store = await demoStore();
});

const run = (args: string[], env: Record<string, string> = {}) => nsmIn(args, { store, env });
const issue = async (id: string) => json<IssueJson>(await run(['issue', 'show', id, '--json']));
const edited = async (args: string[]) => json<IssueJson>(await run(['issue', 'edit', ...args, '--json']));
const solution = async (id: string) =>
  json<SolutionJson[]>(await run(['solution', 'list', '--precinct', 'all', '--json'])).find(
    (s) => s.id === id,
  )!;

describe('issue edit', () => {
  it('corrects each field and keeps the correction, old → new, in the history', async () => {
    const before = await issue('I1');
    const after = await edited([
      'I1',
      '--summary',
      'Cars speeding on Linden Blvd at dismissal',
      '--details',
      'Worst between 2:30 and 3:15 pm',
      '--location',
      'Linden Blvd & Elderts Ln',
      '--category',
      'noise',
    ]);
    expect(after).toMatchObject({
      summary: 'Cars speeding on Linden Blvd at dismissal',
      details: 'Worst between 2:30 and 3:15 pm',
      location: 'Linden Blvd & Elderts Ln',
      category: 'noise',
      status: 'open',
    });
    expect(after.history.slice(0, -1)).toEqual(before.history);
    const entry = after.history.at(-1)!;
    expect(entry).toMatchObject({ on: '2026-11-26', status: 'open', meetingId: null });
    expect(entry.edit).toEqual([
      { field: 'summary', from: before.summary, to: 'Cars speeding on Linden Blvd at dismissal' },
      { field: 'details', from: null, to: 'Worst between 2:30 and 3:15 pm' },
      { field: 'location', from: before.location, to: 'Linden Blvd & Elderts Ln' },
      { field: 'category', from: 'traffic', to: 'noise' },
    ]);
    expect(entry.note).toContain('category "traffic" → "noise"');
    expect(entry.note).toContain(`location "${before.location}" → "Linden Blvd & Elderts Ln"`);
    expect(await issue('I1')).toMatchObject({ summary: after.summary, history: after.history });
  });

  it('prints the record and a confirmation naming what changed', async () => {
    const out = await run(['issue', 'edit', 'I2', '--location', 'Lot on Atlantic Ave'], {});
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('Lot on Atlantic Ave');
    expect(out.stdout).toMatch(/Issue\s+I2 — Illegal dumping/);
    expect(out.stderr).toContain('I2: corrected location.');
  });

  it('"" clears details and location', async () => {
    await run(['issue', 'edit', 'I1', '--details', 'More text']);
    const after = await edited(['I1', '--details', '', '--location', '  ']);
    expect(after.details).toBeNull();
    expect(after.location).toBeNull();
    expect(after.history.at(-1)!.edit!.map((c) => [c.field, c.to])).toEqual([
      ['details', null],
      ['location', null],
    ]);
  });

  it('makes an issue private and public again; a private issue’s text stays out of the note', async () => {
    const priv = await edited(['I3', '--private', '--summary', 'Packages stolen from 12 Elm St lobby']);
    expect(priv.private).toBe(true);
    const entry = priv.history.at(-1)!;
    expect(entry.note).not.toContain('12 Elm St');
    expect(entry.note).toContain('private "no" → "yes"');
    expect(entry.edit).toContainEqual({
      field: 'summary',
      from: 'Packages stolen from building lobbies',
      to: 'Packages stolen from 12 Elm St lobby',
    });
    const pub = await edited(['I3', '--public', '--summary', 'Packages stolen from lobbies']);
    expect(pub.private).toBe(false);
    expect(pub.history.at(-1)!.note).not.toContain('12 Elm St');
    // The agenda prints no history note: the private text never reaches it.
    await run(['issue', 'edit', 'I3', '--private']);
    const agenda = await run(['agenda', 'M12', '--json'], AFTER_M2);
    expect(agenda.status, agenda.stderr).toBe(0);
    expect(agenda.stdout).toContain('"I3"');
    expect(agenda.stdout).not.toContain('12 Elm St');
    expect(agenda.stdout).not.toContain('Packages stolen from lobbies');
  });

  it('an edit is not a discussion: the meetings discussed and the agenda stay the same', async () => {
    const before = await issue('I1');
    const agendaBefore = (await run(['agenda', 'M2', '--json'], AFTER_M2)).stdout;
    await run(['issue', 'edit', 'I1', '--category', 'noise']);
    const after = await issue('I1');
    expect(after.meetingsDiscussed).toEqual(before.meetingsDiscussed);
    const agendaAfter = JSON.parse((await run(['agenda', 'M2', '--json'], AFTER_M2)).stdout) as {
      oldBusiness: Array<{ id: string; discussedAt: string[]; category: string }>;
    };
    const carried = agendaAfter.oldBusiness.find((i) => i.id === 'I1')!;
    const carriedBefore = (
      JSON.parse(agendaBefore) as { oldBusiness: Array<{ id: string; discussedAt: string[] }> }
    ).oldBusiness.find((i) => i.id === 'I1')!;
    expect(carried.discussedAt).toEqual(carriedBefore.discussedAt);
    expect(carried.category).toBe('noise');
  });

  it('undo takes an edit back', async () => {
    const before = await issue('I1');
    await run(['issue', 'edit', 'I1', '--summary', 'Typo fixed']);
    expect((await run(['undo'])).status).toBe(0);
    expect(await issue('I1')).toEqual(before);
  });

  it.each([
    ['no flags', ['issue', 'edit', 'I1'], 2, /nothing to change/],
    [
      'both --private and --public',
      ['issue', 'edit', 'I1', '--private', '--public'],
      2,
      /--private and --public/,
    ],
    [
      'a bad category, listing them',
      ['issue', 'edit', 'I1', '--category', 'weather'],
      2,
      /use one of: noise, drugs, traffic/,
    ],
    ['an unknown issue', ['issue', 'edit', 'I99', '--summary', 'x'], 4, /no issue I99/],
    ['a summary too long', ['issue', 'edit', 'I1', '--summary', 'x'.repeat(201)], 2, /201 characters/],
    ['an empty summary', ['issue', 'edit', 'I1', '--summary', ' '], 2, /--summary is empty/],
    ['nothing different', ['issue', 'edit', 'I1', '--category', 'traffic'], 3, /nothing changed/],
  ])('refuses %s in one line, the store unchanged', async (_what, args, code, message) => {
    const out = await refused(args, store, code);
    expect(out.stderr).toMatch(message);
  });
});

describe('solution edit', () => {
  it('corrects summary, owner and due date, with the history entry', async () => {
    const before = await solution('S3');
    const after = json<SolutionJson>(
      await run([
        'solution',
        'edit',
        'S3',
        '--summary',
        'DSNY clean-up',
        '--owner',
        'parks',
        '--due',
        '2027-01-15',
        '--json',
      ]),
    );
    expect(after).toMatchObject({
      summary: 'DSNY clean-up',
      owner: 'Parks',
      ownerKind: 'agency',
      due: '2027-01-15',
    });
    expect(after.history.slice(0, -1)).toEqual(before.history);
    expect(after.history.at(-1)).toMatchObject({
      on: '2026-11-26',
      status: before.history.at(-1)!.status,
      meetingId: null,
      edit: [
        { field: 'summary', from: before.summary, to: 'DSNY clean-up' },
        { field: 'owner', from: 'DSNY', to: 'Parks' },
        { field: 'due', from: before.due, to: '2027-01-15' },
      ],
    });
    expect(await solution('S3')).toMatchObject({ due: '2027-01-15', owner: 'Parks' });
  });

  it('none clears the owner and the due date; a name becomes a community owner', async () => {
    const cleared = json<SolutionJson>(
      await run(['solution', 'edit', 'S1', '--owner', 'none', '--due', 'none', '--json']),
    );
    expect(cleared).toMatchObject({ owner: null, ownerKind: null, due: null });
    const named = json<SolutionJson>(
      await run(['solution', 'edit', 'S1', '--owner', 'Block association', '--json']),
    );
    expect(named).toMatchObject({ owner: 'Block association', ownerKind: 'community' });
  });

  it('prints the record and what changed; undo takes it back', async () => {
    const before = await solution('S3');
    const out = await run(['solution', 'edit', 'S3', '--due', '2027-02-01']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Solution\s+S3/);
    expect(out.stderr).toContain('S3: corrected due.');
    expect((await run(['undo'])).status).toBe(0);
    expect(await solution('S3')).toEqual(before);
  });

  it.each([
    ['no flags', ['solution', 'edit', 'S1'], 2, /nothing to change/],
    ['an unknown solution', ['solution', 'edit', 'S99', '--due', 'none'], 4, /no solution S99/],
    ['a bad due date', ['solution', 'edit', 'S1', '--due', 'soon'], 2, /--due "soon" is not a date/],
    [
      'a due date before the issue',
      ['solution', 'edit', 'S1', '--due', '2020-01-01'],
      3,
      /before I1 was raised/,
    ],
    ['a summary too long', ['solution', 'edit', 'S1', '--summary', 'y'.repeat(201)], 2, /201 characters/],
    ['an unknown NCO', ['solution', 'edit', 'S1', '--owner', 'N999'], 4, /N999/],
  ])('refuses %s in one line, the store unchanged', async (_what, args, code, message) => {
    const out = await refused(args, store, code);
    expect(out.stderr).toMatch(message);
  });
});
