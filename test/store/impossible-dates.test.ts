import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytes } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { expectRefusal } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

/** Dates that match YYYY-MM-DD but name no day, or times no clock shows, are damage: exit 6, nothing rewritten. */
describe('a store holding a date that does not exist', () => {
  it.each([
    [
      'a meeting on February 30',
      (s: Store) => (s.meetings[0]!.start = '2027-02-30T19:00'),
      /meetings\.0\.start: expected a date that exists/,
    ],
    [
      'a meeting at 25:00',
      (s: Store) => (s.meetings[0]!.start = '2027-02-03T25:00'),
      /meetings\.0\.start: expected a New York time/,
    ],
    [
      'an issue raised on 2027-99-99',
      (s: Store) => (s.issues[0]!.raisedOn = '2027-99-99'),
      /issues\.0\.raisedOn: expected a date that exists/,
    ],
    [
      'a solution due on 2026-04-31',
      (s: Store) => (s.solutions[0]!.due = '2026-04-31'),
      /solutions\.0\.due: expected a date that exists/,
    ],
  ])('%s is refused, and the file left as it is', async (_what, damage, message) => {
    const store = await demoStore();
    const data = JSON.parse(readFileSync(store, 'utf8')) as Store;
    damage(data);
    writeFileSync(store, JSON.stringify(data));
    const before = bytes(store);
    const run = await nsmIn(['meeting', 'list'], { store });
    expectRefusal(run, 6);
    expect(run.stderr).toMatch(message);
    expect(bytes(store).equals(before)).toBe(true);
    const doctor = await nsmIn(['doctor'], { store });
    expect(doctor.status).toBe(6);
    expect(doctor.stdout).toMatch(message);
  });
});

interface Store {
  meetings: Array<{ start: string }>;
  issues: Array<{ raisedOn: string }>;
  solutions: Array<{ due: string | null }>;
}
