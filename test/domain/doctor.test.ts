import { describe, expect, it } from 'vitest';
import { checkStore, idFloors, raiseIdCounters, type Finding } from '../../src/domain/doctor.js';
import { understaffedSectors } from '../../src/domain/records.js';
import { storeProblem, type Store } from '../../src/domain/schema.js';
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
      ['an issue of a missing sector', (s) => (s.issues[0]!.sector = '75Z'), 'issue-sector', /I1 .* 75Z/],
      [
        'an issue whose history names a deleted meeting',
        (s) => s.issues[0]!.history.push({ on: '2026-04-01', status: 'open', note: 'n', meetingId: 'M7' }),
        'issue-history-meeting',
        /I1.*M7/,
      ],
      [
        'a solution agreed at a deleted meeting',
        (s) => (s.solutions[0]!.agreedAt = 'M5'),
        'solution-meeting',
        /S1 .* M5/,
      ],
      [
        'a solution whose history names a deleted meeting',
        (s) => (s.solutions[0]!.history[0]!.meetingId = 'M6'),
        'solution-history-meeting',
        /S1.*M6/,
      ],
      [
        'a series counter that would reuse a series id',
        (s) => {
          s.meetings[0]!.seriesId = 'R4';
          s.nextId.series = 4;
        },
        'id-counter',
        /would be R4, but R4 exists/,
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

  it('reports a rollout phase that names a missing precinct, and a duplicate housing PSA', () => {
    const s = healthy();
    s.phases = [{ phase: 1, startDate: '2015-05-18', precincts: [75, 33] }];
    s.psas = [1, 1].map((psa) => ({ psa, name: 'PSA 1', address: null, borough: 'Brooklyn' }));
    expect(codes(errors(s))).toEqual(['duplicate-psa', 'phase-precinct']);
    expect(errors(s)[1]!.message).toMatch(/phase 1 names precinct 33/);
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

describe('storeProblem', () => {
  const withLedger = () => {
    const s = healthy();
    const held = meeting({ id: 'M1', sector: '75A', start: '2026-03-10T19:00', status: 'held' });
    s.meetings = [held];
    s.issues = [issue('I1', held), issue('I2', held)];
    s.nextId = { ...s.nextId, meeting: 2, issue: 3 };
    return s;
  };

  it('accepts a sound store', () => {
    expect(storeProblem(withLedger())).toBeNull();
  });

  it('refuses duplicate ids, broken references and a lowered counter, naming the first and counting the rest', () => {
    const s = withLedger();
    s.issues.push({ ...s.issues[1]! }); // I2 twice
    s.issues[0]!.meetingId = 'M9';
    s.nextId.issue = 2;
    expect(storeProblem(s)).toBe(
      'issue id I2 is used more than once; and 2 more problems (nsm doctor lists them)',
    );
  });

  it('checks the shape first', () => {
    const s = withLedger() as unknown as { nextId: { issue: unknown } };
    s.nextId.issue = 'three';
    expect(storeProblem(s)).toMatch(/^nextId\.issue: /);
  });
});

describe('idFloors', () => {
  it('reads the counters and the highest ids of a store that no longer parses', () => {
    const text =
      '{"schemaVersion":6,"nextId":{"nco":3,"meeting":9,"series":2,"issue":4,"solution":1},' +
      '"ncos":[{"id":"N7"}],"meetings":[{"id":"M12","seriesId":"R5"}],"issues":[{"id":"I2"},{"id":"I2"}],"solu';
    expect(idFloors(text)).toEqual({ nco: 8, meeting: 13, series: 6, issue: 4, solution: 1 });
  });

  it('finds nothing in text that holds no ids', () => {
    expect(idFloors('\u0000garbage')).toEqual({});
  });

  it('only ever raises a counter', () => {
    const s = healthy();
    s.nextId.nco = 20;
    expect(raiseIdCounters(s, { nco: 9, issue: 5 })).toBe(true);
    expect(s.nextId.nco).toBe(20);
    expect(s.nextId.issue).toBe(5);
    expect(raiseIdCounters(s, { issue: 5 })).toBe(false);
  });
});
