import { describe, expect, it } from 'vitest';
import { checkStore, type Finding } from '../../src/domain/doctor.js';
import { understaffedSectors } from '../../src/domain/records.js';
import type { Store } from '../../src/domain/schema.js';
import { meeting, nco, precinct, sector, smallCity, store } from '../helpers/store-factory.js';
import { issue, solution } from '../ledger/fixtures.js';

const TODAY = '2026-11-26';

/** Precinct 75 (75A–75C) and 14 (14A), every sector with two NCOs: nothing to report. */
function healthy(): Store {
  const ncos = ['75A', '75A', '75B', '75B', '75C', '75C', '14A', '14A'].map((s, i) =>
    nco(`N${i + 1}`, Number(s.slice(0, -1)), [[s, '2026-01-01', null]]),
  );
  return smallCity(ncos);
}

const codes = (findings: Finding[]) => findings.map((f) => f.code);
const errors = (s: Store) => checkStore(s, TODAY).filter((f) => f.level === 'error');

describe('checkStore', () => {
  it('finds nothing in a healthy store', () => {
    expect(checkStore(healthy(), TODAY)).toEqual([]);
  });

  it.each<[string, (s: Store) => void, string, RegExp]>([
    ['a duplicate precinct', (s) => s.precincts.push(precinct(75)), 'duplicate-precinct', /precinct 75/],
    ['a duplicate sector', (s) => s.sectors.push(sector('75B')), 'duplicate-sector', /75B/],
    ['a duplicate NCO id', (s) => s.ncos.push(nco('N3', 75, [], { shield: '777' })), 'duplicate-nco', /N3/],
    ['a duplicate shield', (s) => (s.ncos[1]!.shield = s.ncos[0]!.shield), 'duplicate-shield', /N1 and N2/],
    [
      'a sector of a missing precinct',
      (s) => s.sectors.push(sector('99A')),
      'sector-without-precinct',
      /99A/,
    ],
    [
      'a sector whose id disagrees',
      (s) => s.sectors.push({ ...sector('75D'), letter: 'E' }),
      'sector-id',
      /75D/,
    ],
    ['an NCO of a missing precinct', (s) => (s.ncos[0]!.precinct = 99), 'nco-without-precinct', /N1.*99/],
    [
      'an assignment to a missing sector',
      (s) => (s.ncos[0]!.assignments[0]!.sector = '75Z'),
      'assignment-sector',
      /N1.*75Z/,
    ],
    [
      'an assignment to another precinct\u2019s sector',
      (s) => (s.ncos[0]!.assignments[0]!.sector = '14A'),
      'assignment-precinct',
      /N1.*14A/,
    ],
    [
      'an assignment that ends before it starts',
      (s) => (s.ncos[0]!.assignments[0]!.to = '2025-12-31'),
      'assignment-dates',
      /N1/,
    ],
    [
      'overlapping assignments',
      (s) => s.ncos[0]!.assignments.push({ sector: '75B', from: '2026-06-01', to: null }),
      'assignment-overlap',
      /N1.*75A.*75B/,
    ],
    [
      'an assignment that ends on the day the next starts',
      (s) => {
        s.ncos[0]!.assignments[0]!.to = '2026-06-01';
        s.ncos[0]!.assignments.push({ sector: '75B', from: '2026-06-01', to: null });
      },
      'assignment-overlap',
      /N1/,
    ],
    ['an id counter that would reuse an id', (s) => (s.nextId.nco = 8), 'id-counter', /N8/],
    ['an id counter below the highest id', (s) => (s.nextId.nco = 2), 'id-counter', /N2.*N8/],
  ])('reports %s as an error', (_what, damage, code, message) => {
    const s = healthy();
    damage(s);
    const found = errors(s);
    expect(codes(found)).toContain(code);
    expect(found.find((f) => f.code === code)!.message).toMatch(message);
  });

  describe('the ledger', () => {
    const ledger = () => {
      const s = healthy();
      const held = meeting({ id: 'M1', sector: '75A', start: '2026-03-10T19:00', status: 'held' });
      s.meetings = [held];
      s.issues = [issue('I1', held), issue('I2', held)];
      s.solutions = [solution('S1', 'I1')];
      s.nextId = { ...s.nextId, meeting: 2, issue: 3, solution: 2 };
      return s;
    };

    it('is fine when ids are unique and every reference resolves', () => {
      expect(errors(ledger())).toEqual([]);
    });

    it.each<[string, (s: Store) => void, string, RegExp]>([
      ['a duplicate issue id', (s) => s.issues.push({ ...s.issues[0]! }), 'duplicate-issue', /I1/],
      [
        'a duplicate solution id',
        (s) => s.solutions.push({ ...s.solutions[0]! }),
        'duplicate-solution',
        /S1/,
      ],
      ['an issue of a deleted meeting', (s) => (s.issues[1]!.meetingId = 'M9'), 'issue-meeting', /I2 .* M9/],
      [
        'a solution of a deleted issue',
        (s) => (s.solutions[0]!.issueId = 'I7'),
        'solution-issue',
        /S1 .* I7/,
      ],
      [
        'an issue counter that would reuse an id',
        (s) => (s.nextId.issue = 2),
        'id-counter',
        /would be I2, but I2 exists/,
      ],
      [
        'a solution counter that would reuse an id',
        (s) => (s.nextId.solution = 1),
        'id-counter',
        /would be S1, but S1 exists/,
      ],
    ])('reports %s', (_what, damage, code, message) => {
      const s = ledger();
      damage(s);
      const found = errors(s);
      expect(codes(found)).toEqual([code]);
      expect(found[0]!.message).toMatch(message);
    });
  });

  describe('approved minutes', () => {
    const approved = (meetingId: string, approvedAt: string) => ({
      meetingId,
      approvedAt,
      approvedOn: '2026-06-09',
      recordedAt: '2026-06-10T00:00:00.000Z',
      snapshot: {} as never,
      amendments: [],
    });
    const withMeetings = () => {
      const s = healthy();
      s.meetings = [
        meeting({ id: 'M1', sector: '75A', start: '2026-03-10T19:00', status: 'held' }),
        meeting({ id: 'M2', sector: '75A', start: '2026-06-09T19:00', status: 'held' }),
      ];
      s.nextId.meeting = 3;
      return s;
    };

    it('are fine when they name meetings that exist, once each', () => {
      const s = withMeetings();
      s.minutes = [approved('M1', 'M2')];
      expect(errors(s)).toEqual([]);
    });

    it.each<[string, Array<ReturnType<typeof approved>>, string, RegExp]>([
      ['of a missing meeting', [approved('M9', 'M2')], 'minutes-meeting', /M9/],
      ['approved at a missing meeting', [approved('M1', 'M8')], 'minutes-approved-at', /M1 .* M8/],
      ['approved twice', [approved('M1', 'M2'), approved('M1', 'M2')], 'duplicate-minutes', /M1/],
    ])('reports minutes %s', (_what, minutes, code, message) => {
      const s = withMeetings();
      s.minutes = minutes;
      const found = errors(s);
      expect(codes(found)).toEqual([code]);
      expect(found[0]!.message).toMatch(message);
    });
  });

  it('accepts back-to-back assignments (one ends the day before the next starts)', () => {
    const s = healthy();
    s.ncos[0]!.assignments = [
      { sector: '75A', from: '2026-01-01', to: '2026-05-31' },
      { sector: '75A', from: '2026-06-01', to: null },
    ];
    expect(errors(s)).toEqual([]);
  });

  it('reports staffed precincts whose sectors have fewer than two NCOs today, as a warning', () => {
    const s = healthy();
    s.ncos[2]!.assignments[0]!.to = '2026-11-25'; // N3 left 75B yesterday
    s.ncos.splice(4, 2); // 75C lost both
    const findings = checkStore(s, TODAY);
    const short = findings.filter((f) => f.code === 'sectors-below-two-ncos');
    expect(short).toEqual([
      {
        level: 'warning',
        code: 'sectors-below-two-ncos',
        message: expect.stringMatching(/precinct 75: 75B \(1\), 75C \(0\) have fewer than two/),
      },
    ]);
    expect(findings.every((f) => f.level === 'warning')).toBe(true);
  });

  it('counts staffing on the given day, not on the assignment dates', () => {
    const s = healthy();
    s.ncos[0]!.assignments[0]!.from = '2026-11-27'; // N1 starts in 75A tomorrow
    expect(codes(checkStore(s, '2026-11-26'))).toContain('sectors-below-two-ncos');
    expect(codes(checkStore(s, '2026-11-27'))).not.toContain('sectors-below-two-ncos');
  });

  it('summarises precincts with no NCOs at all in one warning', () => {
    const s = healthy();
    s.precincts.push(precinct(120), precinct(116));
    s.sectors.push(sector('120A'), sector('120B'));
    const findings = checkStore(s, TODAY);
    expect(findings.find((f) => f.code === 'precincts-without-ncos')?.message).toMatch(
      /1 precinct\(s\).*120$/,
    );
    expect(findings.find((f) => f.code === 'precinct-without-sectors')?.message).toMatch(
      /116.*nsm sector add 116A/,
    );
    expect(codes(findings)).not.toContain('sectors-below-two-ncos');
  });

  it('an empty store is fine', () => {
    expect(checkStore(store(), TODAY)).toEqual([]);
  });
});

describe('understaffedSectors', () => {
  it('lists sectors below two NCOs in sector order, optionally for one precinct', () => {
    const s = smallCity([
      nco('N1', 75, [['75B', '2026-01-01', null]]),
      nco('N2', 75, [['75B', '2026-01-01', null]]),
    ]);
    expect(understaffedSectors(s, TODAY)).toEqual([
      { sector: '14A', ncos: 0 },
      { sector: '75A', ncos: 0 },
      { sector: '75C', ncos: 0 },
    ]);
    expect(understaffedSectors(s, TODAY, 75).map((x) => x.sector)).toEqual(['75A', '75C']);
  });
});
