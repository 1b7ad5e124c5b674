import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { add, list, raise, solutionList, solutionUpdate, update } from '../../src/cli/ledger.js';
import { CATEGORIES } from '../../src/domain/categories.js';
import { ISSUE_STATUSES, SOLUTION_STATUSES } from '../../src/domain/schema.js';
import { AGENCIES } from '../../src/domain/solutions.js';
import { json } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { demoStore } from './ledger-fixture.js';

/** The ledger's fixed values come from the schema's own constants and are checked before a command runs. */

let store: string;
beforeEach(async () => {
  store = await demoStore();
});

describe('the ledger specs take their choices from the schema', () => {
  it('categories, statuses and agencies are the constants themselves, not copies', () => {
    expect(raise.flags.category.choices).toBe(CATEGORIES);
    expect(list.flags.category.choices).toBe(CATEGORIES);
    expect(list.flags.status.choices).toBe(ISSUE_STATUSES);
    expect(update.flags.status.choices).toBe(ISSUE_STATUSES);
    expect(solutionList.flags.status.choices).toBe(SOLUTION_STATUSES);
    expect(solutionUpdate.flags.status.choices).toBe(SOLUTION_STATUSES);
    expect(add.flags.owner.suggestions).toBe(AGENCIES);
    expect(solutionList.flags.owner.suggestions).toBe(AGENCIES);
  });

  it('--help lists every category', async () => {
    const help = await nsmIn(['issue', 'raise', '--help']);
    expect(help.status).toBe(0);
    for (const c of CATEGORIES) expect(help.stdout).toContain(c);
  });
});

describe('a value outside the choices is a usage error (2) naming them all; the store is untouched', () => {
  it.each([
    [['issue', 'raise', '--meeting', 'M1', '--summary', 'Loud music', '--category', 'loudness']],
    [['issue', 'list', '--category', 'loudness']],
  ])('%j lists every category', async (args) => {
    const run = await refused(args, store, 2);
    expect(run.stderr).toMatch(/^nsm: --category "loudness" is not a category — use one of: /);
    expect(run.stderr).toContain(`use one of: ${CATEGORIES.join(', ')}\n`);
  });

  it.each([
    [['issue', 'update', 'I1', '--status', 'fixed', '--note', 'x'], ISSUE_STATUSES, 'an issue status'],
    [['issue', 'list', '--status', 'fixed'], ISSUE_STATUSES, 'an issue status'],
    [
      ['solution', 'update', 'S3', '--status', 'fixed', '--note', 'x'],
      SOLUTION_STATUSES,
      'a solution status',
    ],
    [['solution', 'list', '--status', 'fixed'], SOLUTION_STATUSES, 'a solution status'],
  ])('%j lists every status', async (args, statuses, what) => {
    const run = await refused(args, store, 2);
    expect(run.stderr).toContain(`--status "fixed" is not ${what} — use one of: ${statuses.join(', ')}`);
  });

  it('a bad choice is refused before a missing note is noticed', async () => {
    const run = await refused(['issue', 'update', 'I1', '--status', 'fixed'], store, 2);
    expect(run.stderr).toMatch(/not an issue status/);
  });
});

describe('choices are read in any case, with spaces for hyphens', () => {
  it('stores the canonical value', async () => {
    const raised = json<{ category: string }>(
      await nsmIn(
        [
          'issue',
          'raise',
          '--meeting',
          'M1',
          '--summary',
          'Boxes taken',
          '--category',
          'Package Theft',
          '--json',
        ],
        { store },
      ),
    );
    expect(raised.category).toBe('package-theft');
    const updated = json<{ status: string }>(
      await nsmIn(
        ['solution', 'update', 'S3', '--status', 'IN PROGRESS', '--note', 'DSNY booked', '--json'],
        {
          store,
        },
      ),
    );
    expect(updated.status).toBe('in-progress');
  });

  it('--category and --status filter a list', async () => {
    const issues = json<Array<{ id: string }>>(
      await nsmIn(['issue', 'list', '--category', 'TRAFFIC', '--precinct', '75', '--json'], { store }),
    );
    expect(issues.map((i) => i.id)).toEqual(['I1', 'I4']);
    const done = json<Array<{ id: string }>>(
      await nsmIn(['solution', 'list', '--status', 'done', '--json'], { store }),
    );
    expect(done.map((s) => s.id).sort()).toEqual(['S10', 'S14', 'S2', 'S6']);
  });
});

describe('the precinct setting scopes the lists; --precinct all and --sector widen or narrow it', () => {
  const ids = async (args: string[], env: Record<string, string>) =>
    json<Array<{ id: string }>>(await nsmIn([...args, '--json'], { store, env })).map((r) => r.id);

  it('issue list and solution list', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nsm-ledger-config-'));
    const config = join(folder, 'config.json');
    writeFileSync(config, JSON.stringify({ precinct: '14' }));
    const env = { NSM_CONFIG: config };
    expect(await ids(['issue', 'list'], env)).toEqual(['I6', 'I7', 'I8', 'I9', 'I10']);
    expect(await ids(['issue', 'list', '--precinct', 'all'], env)).toHaveLength(10);
    expect(await ids(['issue', 'list', '--sector', '75A'], env)).toEqual(['I1']);
    expect((await ids(['solution', 'list'], env)).sort()).toEqual([
      'S10',
      'S11',
      'S12',
      'S13',
      'S14',
      'S8',
      'S9',
    ]);
    expect(await ids(['solution', 'list', '--precinct', 'all'], env)).toHaveLength(14);
    expect(await ids(['solution', 'list', '--sector', '75C'], env)).toEqual(['S4']);
  });
});
