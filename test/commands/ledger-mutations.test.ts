import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { demoStore } from './ledger-fixture.js';

/** A change to the ledger shows the record it left behind as fields, never a raw tab row. */

let store: string;
beforeEach(async () => {
  store = await demoStore();
});

const changes: Array<{ args: string[]; fields: Array<[string, string]> }> = [
  {
    args: [
      'issue',
      'raise',
      '--meeting',
      'M1',
      '--summary',
      'Double parking at dismissal',
      '--category',
      'parking',
    ],
    fields: [
      ['Issue', 'I11 — Double parking at dismissal'],
      ['Sector', '75A (precinct 75)'],
      ['Category', 'parking'],
      ['Status', 'open'],
      ['Raised', '2026-09-08'],
      ['Raised at', 'M1'],
    ],
  },
  {
    args: [
      'issue',
      'update',
      'I3',
      '--status',
      'resolved',
      '--note',
      'Lobby doors fixed',
      '--meeting',
      'M11',
    ],
    fields: [
      ['Issue', 'I3 — Packages stolen from building lobbies'],
      ['Status', 'resolved'],
      ['Recorded', '2026-11-26'],
      ['Discussed at', 'M11'],
      ['Note', 'Lobby doors fixed'],
    ],
  },
  {
    args: ['issue', 'note', 'I2', '--note', 'DSNY has not come yet'],
    fields: [
      ['Issue', 'I2 — Illegal dumping in the vacant lot'],
      ['Status', 'open'],
      ['Discussed at', 'M6'],
      ['Note', 'DSNY has not come yet'],
    ],
  },
  {
    args: [
      'solution',
      'add',
      'I2',
      '--summary',
      'Ask Parks about the fence',
      '--owner',
      'parks',
      '--due',
      '2027-01-15',
    ],
    fields: [
      ['Solution', 'S15 — Ask Parks about the fence'],
      ['Issue', 'I2'],
      ['Owner', 'Parks'],
      ['Due', '2027-01-15'],
      ['Status', 'agreed'],
      ['Agreed at', 'M6'],
    ],
  },
  {
    args: ['solution', 'update', 'S3', '--status', 'done', '--note', 'Lot cleared'],
    fields: [
      ['Solution', 'S3 — Request a DSNY clean-up and a fence repair'],
      ['Due', '2026-10-09'],
      ['Status', 'done'],
      ['Note', 'Lot cleared'],
    ],
  },
];

describe.each(changes)('nsm $args.0 $args.1', ({ args, fields }) => {
  it('piped: one label<TAB>value line per field', async () => {
    const run = await nsmIn(args, { store });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    for (const [label, value] of fields) expect(lines).toContain(`${label}\t${value}`);
    for (const line of lines) expect(line).toMatch(/^[A-Z][a-z]+( [a-z]+)?\t/);
  });

  it('on a terminal: aligned fields, with relative dates', async () => {
    const run = await nsmIn(args, { store, terminal: 80 });
    expect(run.status, run.stderr).toBe(0);
    const status = fields.find(([label]) => label === 'Status')![1];
    expect(run.stdout).toMatch(new RegExp(`^Status +${status}$`, 'm'));
    expect(run.stdout).not.toMatch(/\t/);
    expect(run.stdout).toMatch(/\((today|.* ago|due in .*|overdue by .*)\)$/m);
  });

  it('--json: the record, the same as show or list gives', async () => {
    const record = json<{ id: string }>(await nsmIn([...args, '--json'], { store }));
    const kind = args[0] === 'issue' ? 'issue' : 'solution';
    if (kind === 'issue') {
      const shown = json<Record<string, unknown>>(
        await nsmIn(['issue', 'show', record.id, '--json'], { store }),
      );
      expect(shown).toMatchObject(record);
    } else {
      const listed = json<Array<{ id: string }>>(
        await nsmIn(['solution', 'list', '--precinct', 'all', '--json'], { store }),
      );
      expect(listed.find((s) => s.id === record.id)).toEqual(record);
    }
  });
});
