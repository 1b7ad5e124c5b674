import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/categories.js';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { refused } from '../helpers/e2e.js';
import { CLOCK, at, cloneStore, expectNoRawControls, loopStore, ok, refusedAt } from './fixtures.js';

/** Bad input to the ledger commands: the exit code, one line on stderr, the store byte-identical. */

let base: string;

beforeAll(async () => {
  base = initializedStore();
  await loopStore(base);
  const march = at(CLOCK.afterMarch);
  await ok(
    base,
    ['issue', 'raise', '--meeting', 'M1', '--summary', 'Speeding on Linden Blvd', '--category', 'traffic'],
    march,
  );
  await ok(
    base,
    ['solution', 'add', 'I1', '--summary', 'Speed-bump survey', '--owner', 'DOT', '--due', '2027-04-30'],
    march,
  );
  await ok(base, ['meeting', 'cancel', 'M4', '--reason', 'Holiday week']);
});

const raise = (meeting: string, ...more: string[]) => ['issue', 'raise', '--meeting', meeting, ...more];

describe('ledger refusals', () => {
  it('raising at a cancelled meeting, or before a meeting has started, is refused by a rule (3)', async () => {
    const store = cloneStore(base);
    const cancelled = await refusedAt(raise('M4', '--summary', 'x'), store, 3, at('2028-01-10T15:00:00Z'));
    expect(cancelled.stderr).toMatch(/M4 was cancelled/);
    const early = await refusedAt(raise('M2', '--summary', 'x'), store, 3, at('2027-06-08T22:59:00Z'));
    expect(early.stderr).toMatch(/M2 has not taken place yet/);
    // At 7:00 PM New York time the June meeting has started, even though it is not marked held.
    const onTime = await nsmIn([...raise('M2', '--summary', 'Dumping behind the bodega'), '--json'], {
      store,
      env: at('2027-06-08T23:00:00Z'),
    });
    expect(onTime.status, onTime.stderr).toBe(0);
    expect(JSON.parse(onTime.stdout)).toMatchObject({ id: 'I2', meetingId: 'M2', raisedOn: '2027-06-08' });
  });

  it('an unknown category is a usage error (2) that lists the categories', async () => {
    const run = await refused(raise('M1', '--summary', 'Loud music', '--category', 'loudness'), base, 2);
    for (const c of CATEGORIES) expect(run.stderr).toContain(c);
  });

  it('a summary must be there and short: empty, blank or 10,000 characters is a usage error (2)', async () => {
    const long = 'x'.repeat(10_000);
    for (const summary of ['', '   ', long]) {
      await refused(raise('M1', '--summary', summary), base, 2);
      await refused(['solution', 'add', 'I1', '--summary', summary], base, 2);
    }
    await refused(raise('M1'), base, 2);
    expect((await refused(raise('M1', '--summary', long), base, 2)).stderr).toMatch(/10000 characters/);
  });

  it('a status change needs --note (2); the same status or an illegal move is refused (3)', async () => {
    const store = cloneStore(base);
    await refused(['issue', 'update', 'I1', '--status', 'resolved'], store, 2);
    await refused(['issue', 'update', 'I1', '--status', 'resolved', '--note', '  '], store, 2);
    await refused(['issue', 'update', 'I1', '--status', 'fixed', '--note', 'x'], store, 2);
    await refused(['issue', 'update', 'I1', '--status', 'open', '--note', 'x'], store, 3);
    await ok(
      store,
      ['issue', 'update', 'I1', '--status', 'resolved', '--note', 'Speed bumps in'],
      at(CLOCK.april),
    );
    const illegal = await refused(
      ['issue', 'update', 'I1', '--status', 'in-progress', '--note', 'x'],
      store,
      3,
    );
    expect(illegal.stderr).toMatch(/cannot go from resolved to in-progress/);
    await refused(['solution', 'update', 'S1', '--status', 'done'], store, 2);
  });

  it('closing a solution twice is refused (3); done can be reopened with a note', async () => {
    const store = cloneStore(base);
    await ok(
      store,
      ['solution', 'update', 'S1', '--status', 'done', '--note', 'Survey done'],
      at(CLOCK.april),
    );
    expect(
      (await refused(['solution', 'update', 'S1', '--status', 'done', '--note', 'x'], store, 3)).stderr,
    ).toMatch(/already done/);
    await refused(['solution', 'update', 'S1', '--status', 'dropped', '--note', 'x'], store, 3);
    const reopened = await ok<{ status: string; history: Array<{ status: string; note: string }> }>(
      store,
      ['solution', 'update', 'S1', '--status', 'in-progress', '--note', 'Survey was incomplete'],
      at(CLOCK.april),
    );
    expect(reopened.status).toBe('in-progress');
    expect(reopened.history.map((h) => h.status)).toEqual(['agreed', 'done', 'in-progress']);
  });

  it('a due date before the issue was raised is refused (3); the raising day itself is fine', async () => {
    const store = cloneStore(base);
    const run = await refused(['solution', 'add', 'I1', '--summary', 'x', '--due', '2027-03-08'], store, 3);
    expect(run.stderr).toMatch(/before I1 was raised \(2027-03-09\)/);
    await refused(['solution', 'add', 'I1', '--summary', 'x', '--due', '2027-02-30'], store, 2);
    expect(
      (await ok(store, ['solution', 'add', 'I1', '--summary', 'x', '--due', '2027-03-09'], at(CLOCK.april)))
        .due,
    ).toBe('2027-03-09');
  });

  it.each([
    [['issue', 'show', 'I99']],
    [['issue', 'update', 'I99', '--status', 'resolved', '--note', 'x']],
    [['solution', 'add', 'i99', '--summary', 'x']],
    [['solution', 'update', 'S99', '--status', 'done', '--note', 'x']],
    [['solution', 'add', 'I1', '--summary', 'x', '--owner', 'N9']],
    [['issue', 'raise', '--meeting', 'M99', '--summary', 'x']],
    [['issue', 'list', '--meeting', 'M99']],
    [['issue', 'update', 'I1', '--status', 'resolved', '--note', 'x', '--meeting', 'M99']],
    [['agenda', 'M99']],
  ])('%j: not found (4)', async (args) => {
    await refused(args, base, 4);
  });
});

describe('control characters and terminal escapes in stored text', () => {
  const summary = 'Loud\u001b[2J music\u0007 at night\u009b31m';
  const owner = 'Block\u001b]0;pwned\u0007 Assn';
  let store: string;

  beforeAll(async () => {
    store = cloneStore(base);
    const env = at(CLOCK.april);
    await ok(
      store,
      ['issue', 'raise', '--meeting', 'M1', '--summary', summary, '--location', 'Elm\u001b[1A St'],
      env,
    );
    await ok(
      store,
      ['solution', 'add', 'I2', '--summary', `Talk\u001b[31m to ${owner}`, '--owner', owner],
      env,
    );
  });

  it('are stored exactly as given (visible in --json, escaped as JSON)', async () => {
    const run = await nsmIn(['issue', 'show', 'I2', '--json'], { store });
    expect(run.status, run.stderr).toBe(0);
    expectNoRawControls(run.stdout);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary, location: 'Elm\u001b[1A St' });
    expect(readFileSync(store, 'utf8')).toContain(JSON.stringify(summary).slice(1, -1));
    expect((await ok<Array<{ owner: string }>>(store, ['solution', 'list']))[1]!.owner).toBe(owner);
  });

  it.each([
    [['issue', 'list'], 'Loud\\x1b[2J music\\x07 at night\\x9b31m'],
    [['issue', 'show', 'I2'], 'Elm\\x1b[1A St'],
    [['solution', 'list'], 'Block\\x1b]0;pwned\\x07 Assn'],
    [['sector', 'show', '75A'], 'Loud\\x1b[2J'],
    [['agenda', 'M2'], 'Talk\\\\x1b\\[31m to Block\\\\x1b\\]0;pwned'],
  ])('never reach the terminal raw: %j', async (args, shown) => {
    const run = await nsmIn(args, { store, env: at(CLOCK.april) });
    expect(run.status, run.stderr).toBe(0);
    expectNoRawControls(run.stdout);
    expectNoRawControls(run.stderr);
    expect(run.stdout).toContain(shown); // made visible, not dropped
  });

  it('the Markdown agenda shows them as visible text and keeps the table intact', async () => {
    const md = (await nsmIn(['agenda', 'M2'], { store, env: at(CLOCK.april) })).stdout;
    expect(md).toContain('Loud\\\\x1b\\[2J music\\\\x07 at night\\\\x9b31m');
    const row = md.split('\n').find((l) => l.startsWith('| S2 '))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
  });
});
