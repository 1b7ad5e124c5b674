import { describe, expect, it } from 'vitest';
import { NotFoundError, RuleError, UsageError } from '../../src/errors.js';
import { CATEGORIES, assertIssueMove, parseCategory, statusBefore } from '../../src/domain/issues.js';
import { assertSolutionMove, isOverdue, parseOwner } from '../../src/domain/solutions.js';
import { ISSUE_STATUSES, SOLUTION_STATUSES } from '../../src/domain/schema.js';
import type { IssueStatus, SolutionStatus } from '../../src/domain/schema.js';
import { entry, issue, ledgerStore, meeting, solution } from './fixtures.js';

const march = meeting('M1', '75A', '2027-03-09T19:00', { status: 'held' });
const issueIn = (status: IssueStatus) =>
  issue('I1', march, status === 'open' ? [] : [entry('2027-04-01', status)]);

/** Every pair of issue statuses, and whether the move is allowed (README: the ledger). */
const ISSUE_ALLOWED: Record<IssueStatus, IssueStatus[]> = {
  open: ['in-progress', 'resolved', 'closed'],
  'in-progress': ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};
const issuePairs = ISSUE_STATUSES.flatMap((from) =>
  ISSUE_STATUSES.map((to) => [from, to, ISSUE_ALLOWED[from].includes(to)] as const),
);

describe('assertIssueMove', () => {
  it('covers all 16 pairs', () => expect(issuePairs).toHaveLength(16));

  it.each(issuePairs.filter(([, , ok]) => ok))('%s → %s is allowed', (from, to) => {
    expect(() => assertIssueMove(issueIn(from), to)).not.toThrow();
  });

  it.each(issuePairs.filter(([from, to, ok]) => !ok && from !== to))('%s → %s is refused', (from, to) => {
    const move = () => assertIssueMove(issueIn(from), to);
    expect(move).toThrow(RuleError);
    expect(move).toThrow(`I1 cannot go from ${from} to ${to}`);
  });

  it.each(ISSUE_STATUSES.map((s) => [s]))('%s → the same status is refused', (status) => {
    const move = () => assertIssueMove(issueIn(status), status);
    expect(move).toThrow(RuleError);
    expect(move).toThrow(`already ${status}`);
  });
});

const SOLUTION_ALLOWED: Record<SolutionStatus, SolutionStatus[]> = {
  agreed: ['in-progress', 'done', 'dropped'],
  'in-progress': ['agreed', 'done', 'dropped'],
  done: ['in-progress'],
  dropped: ['agreed', 'in-progress'],
};
const solutionPairs = SOLUTION_STATUSES.flatMap((from) =>
  SOLUTION_STATUSES.map((to) => [from, to, SOLUTION_ALLOWED[from].includes(to)] as const),
);

describe('assertSolutionMove', () => {
  it.each(solutionPairs.filter(([, , ok]) => ok))('%s → %s is allowed', (from, to) => {
    expect(() => assertSolutionMove(solution('S1', 'I1', from), to)).not.toThrow();
  });

  it.each(solutionPairs.filter(([, , ok]) => !ok))('%s → %s is refused (exit 3)', (from, to) => {
    const err = (() => {
      try {
        assertSolutionMove(solution('S1', 'I1', from), to);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).exitCode).toBe(3);
  });

  it.each([['done'], ['dropped']] as const)('closing a %s solution a second time is refused', (status) => {
    expect(() => assertSolutionMove(solution('S1', 'I1', status), status)).toThrow(`S1 is already ${status}`);
  });

  it.each([
    ['done', 'in-progress'],
    ['dropped', 'agreed'],
    ['dropped', 'in-progress'],
  ] as const)('a %s solution can be reopened to %s', (from, to) => {
    expect(() => assertSolutionMove(solution('S1', 'I1', from), to)).not.toThrow();
  });
});

describe('isOverdue', () => {
  it.each([
    ['agreed', '2027-04-30', '2027-05-01', true],
    ['in-progress', '2027-04-30', '2027-06-08', true],
    ['agreed', '2027-04-30', '2027-04-30', false], // due today is not late yet
    ['agreed', '2027-04-30', '2027-04-29', false],
    ['done', '2027-04-30', '2027-06-08', false],
    ['dropped', '2027-04-30', '2027-06-08', false],
    ['agreed', null, '2099-01-01', false], // no due date, never overdue
    ['agreed', '2026-12-31', '2027-01-01', true], // across a year end (string order still right)
  ] as const)('%s, due %s, on %s → %s', (status, due, today, expected) => {
    expect(isOverdue(solution('S1', 'I1', status, { due }), today)).toBe(expected);
  });
});

describe('parseCategory', () => {
  it.each([
    ['traffic', 'traffic'],
    ['  NOISE ', 'noise'],
    ['Quality of Life', 'quality-of-life'],
    ['package_theft', 'package-theft'],
    ['Other', 'other'],
  ])('%j → %s', (input, expected) => {
    expect(parseCategory(input)).toBe(expected);
  });

  it.each([['speeding'], [''], ['traffic!'], ['noises']])(
    '%j is a usage error listing every category',
    (input) => {
      let err: unknown;
      try {
        parseCategory(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      const message = `${(err as UsageError).message} — ${(err as UsageError).hint}`;
      for (const c of CATEGORIES) expect(message).toContain(c);
      expect(message).toContain('--category');
    },
  );

  it('the documented list is the fixed one from cli.md', () => {
    expect([...CATEGORIES]).toEqual(
      'noise drugs traffic parking vending homelessness package-theft burglary robbery assault vandalism youth quality-of-life other'.split(
        ' ',
      ),
    );
  });
});

describe('parseOwner', () => {
  const store = ledgerStore();

  it.each([
    ['N1', 'N1', 'nco'],
    ['n2', 'N2', 'nco'],
    ['N03', 'N3', 'nco'],
    ['dot', 'DOT', 'agency'],
    ['  Dsny ', 'DSNY', 'agency'],
    ['PARKS', 'Parks', 'agency'],
    ['community board', 'Community Board', 'agency'],
    ['311', '311', 'agency'],
    ['Linden Block Association', 'Linden Block Association', 'community'],
    ['N1 and DOT', 'N1 and DOT', 'community'],
    ['DOTS', 'DOTS', 'community'],
  ])('%j → %s (%s)', (input, owner, kind) => {
    expect(parseOwner(store, input)).toEqual({ owner, ownerKind: kind });
  });

  it.each([['N4'], ['n99']])('an NCO id that does not exist (%s) is not found', (input) => {
    expect(() => parseOwner(store, input)).toThrow(NotFoundError);
  });

  it.each([[''], ['   '], ['x'.repeat(121)]])('%j is a usage error', (input) => {
    expect(() => parseOwner(store, input)).toThrow(UsageError);
  });
});

describe('statusBefore', () => {
  const i = issue('I1', march, [
    entry('2027-04-01', 'in-progress'),
    entry('2027-06-08', 'resolved'),
    entry('2027-07-01', 'open'),
  ]);

  it.each([
    ['2027-03-09', null], // raised that day: nothing before the day began
    ['2027-03-10', 'open'],
    ['2027-04-01', 'open'], // a change that day does not count yet
    ['2027-04-02', 'in-progress'],
    ['2027-06-08', 'in-progress'],
    ['2027-06-09', 'resolved'],
    ['2027-07-02', 'open'],
    ['2030-01-01', 'open'],
  ])('before %s → %s', (date, expected) => {
    expect(statusBefore(i, date)).toBe(expected);
  });
});
