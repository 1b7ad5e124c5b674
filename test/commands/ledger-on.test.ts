import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { demoStore } from './ledger-fixture.js';

/** `--on`: a status change recorded after the fact, kept in date order. Today is 2026-11-26. */

interface Entry {
  on: string;
  status: string;
  note: string;
  edit?: unknown[];
}
interface RecordJson {
  id: string;
  status: string;
  raisedOn?: string;
  history: Entry[];
}

let store: string;
beforeEach(async () => {
  store = await demoStore();
});

const run = (args: string[]) => nsmIn(args, { store });
const issue = async (id: string) => json<RecordJson>(await run(['issue', 'show', id, '--json']));

describe('issue update --on', () => {
  it('records the change on that day', async () => {
    const out = await run([
      'issue',
      'update',
      'I1',
      '--status',
      'in-progress',
      '--note',
      'Survey',
      '--on',
      '2026-11-20',
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('I1: open → in-progress, recorded on 2026-11-20.');
    const after = await issue('I1');
    expect(after.status).toBe('in-progress');
    expect(after.history.at(-1)).toMatchObject({ on: '2026-11-20', status: 'in-progress', note: 'Survey' });
  });

  it('accepts today and goes before a later correction, which then carries the new status', async () => {
    await run(['issue', 'edit', 'I1', '--category', 'noise']);
    const updated = json<RecordJson>(
      await run([
        'issue',
        'update',
        'I1',
        '--status',
        'resolved',
        '--note',
        'Fixed',
        '--on',
        '2026-11-20',
        '--json',
      ]),
    );
    expect(updated.status).toBe('resolved');
    expect(updated.history.slice(-2).map((h) => [h.on, h.status, Boolean(h.edit)])).toEqual([
      ['2026-11-20', 'resolved', false],
      ['2026-11-26', 'resolved', true],
    ]);
    const today = json<RecordJson>(
      await run(['issue', 'update', 'I1', '--status', 'closed', '--note', 'Done', '--on', 'today', '--json']),
    );
    expect(today.history.at(-1)).toMatchObject({ on: '2026-11-26', status: 'closed' });
  });

  it.each([
    ['before the issue was raised', ['--on', '2026-01-01'], 3, /before I1 was raised/],
    ['in the future', ['--on', 'tomorrow'], 3, /--on 2026-11-27 is in the future/],
    ['not a date', ['--on', 'last week'], 2, /--on "last week" is not a date/],
  ])('refuses a date %s', async (_what, flags, code, message) => {
    const out = await refused(
      ['issue', 'update', 'I1', '--status', 'in-progress', '--note', 'x', ...flags],
      store,
      code,
    );
    expect(out.stderr).toMatch(message);
  });

  it('refuses a date before the latest status change or note', async () => {
    await run(['issue', 'note', 'I1', '--note', 'Still pending']);
    const out = await refused(
      ['issue', 'update', 'I1', '--status', 'in-progress', '--note', 'x', '--on', '2026-11-20'],
      store,
      3,
    );
    expect(out.stderr).toMatch(/before the latest entry in I1's history \(2026-11-26\)/);
  });
});

describe('solution update --on', () => {
  const solution = async (id: string) =>
    json<RecordJson[]>(await run(['solution', 'list', '--precinct', 'all', '--json'])).find(
      (s) => s.id === id,
    )!;

  it('records the change on that day', async () => {
    const out = await run([
      'solution',
      'update',
      'S1',
      '--status',
      'done',
      '--note',
      'Installed',
      '--on',
      '2026-11-20',
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('S1: in-progress → done, recorded on 2026-11-20.');
    expect((await solution('S1')).history.at(-1)).toMatchObject({ on: '2026-11-20', status: 'done' });
  });

  it.each([
    ['before its issue was raised', ['--on', '2026-01-01'], 3, /before I1 was raised/],
    ['in the future', ['--on', '2027-01-01'], 3, /in the future/],
    ['not a date', ['--on', '2026-02-30'], 2, /not a date/],
  ])('refuses a date %s', async (_what, flags, code, message) => {
    const out = await refused(
      ['solution', 'update', 'S1', '--status', 'done', '--note', 'x', ...flags],
      store,
      code,
    );
    expect(out.stderr).toMatch(message);
  });
});
