import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { hasStoreShape } from '../../src/domain/shape-check.js';
import { SCHEMA_VERSION, schemaProblem, schemas } from '../../src/domain/schema.js';

/**
 * The plain shape check decides every read and write; the valibot schema is the specification it
 * mirrors. These tests damage a store that uses every branch of the schema (approved minutes with
 * every part, edit entries, nullable fields set and unset) in thousands of ways and require the
 * same verdict from both.
 */

const snapshotSolution = {
  id: 'S1',
  issueId: 'I1',
  summary: 'Speed survey',
  owner: 'DOT',
  due: '2027-03-01',
  status: 'agreed',
};

function fullStore(): Record<string, unknown> {
  // A deep copy each time: the damage is done in place.
  return structuredClone({
    schemaVersion: SCHEMA_VERSION,
    createdAt: '2026-11-26T17:00:00.000Z',
    nextId: { nco: 2, meeting: 3, series: 2, issue: 2, solution: 2 },
    precincts: [
      {
        precinct: 75,
        name: '75th Precinct',
        commonName: 'East New York',
        borough: 'Brooklyn',
        patrolBorough: 'Patrol Borough Brooklyn North',
        patrolBoroughCode: 'PBBN',
        address: '1000 Sutter Avenue',
        phone: '718-827-3511',
        url: 'https://example.org/75',
        rollout: { startDate: '2015-05-18', phase: 1 },
        opened: '1990-01-01',
        notes: null,
      },
    ],
    sectors: [{ id: '75A', precinct: 75, letter: 'A', description: 'north', sqMiles: 0.8 }],
    phases: [{ phase: 1, startDate: '2015-05-18', precincts: [75] }],
    psas: [{ psa: 1, name: 'Police Service Area 1', address: null, borough: 'Brooklyn' }],
    ncos: [
      {
        id: 'N1',
        name: 'Pat Doe',
        shield: '12345',
        rank: 'Police Officer',
        precinct: 75,
        email: 'pat@example.org',
        phone: null,
        assignments: [
          { sector: '75A', from: '2024-02-29', to: '2025-01-31' },
          { sector: '75A', from: '2025-02-01', to: null },
        ],
      },
    ],
    meetings: [
      {
        id: 'M1',
        uuid: 'e1b2e92d-8796-47c5-b5dd-b656c23d8099',
        precinct: 75,
        sector: '75A',
        title: 'Sector 75A Neighborhood Safety Meeting',
        start: '2026-09-08T19:00',
        durationMinutes: 90,
        location: 'Community Room',
        address: '1000 Sutter Avenue',
        onlineUrl: null,
        seriesId: 'R1',
        status: 'held',
        revision: 1,
        attendance: 18,
        notes: 'ran late',
        cancelReason: null,
        createdAt: '2026-08-01T00:00:00.000Z',
        updatedAt: '2026-09-09T00:00:00.000Z',
      },
      {
        id: 'M2',
        uuid: '136CC35C-5E97-4535-8046-4C5E2922C4C3',
        precinct: 75,
        sector: '75A',
        title: 'Sector 75A Neighborhood Safety Meeting',
        start: '2026-12-08T23:59',
        durationMinutes: 720,
        location: null,
        address: null,
        onlineUrl: 'https://example.org/meet',
        seriesId: null,
        status: 'cancelled',
        revision: 0,
        attendance: null,
        notes: null,
        cancelReason: 'snow',
        createdAt: '2026-08-01T00:00:00.000Z',
        updatedAt: '2026-08-01T00:00:00.000Z',
      },
    ],
    issues: [
      {
        id: 'I1',
        meetingId: 'M1',
        precinct: 75,
        sector: '75A',
        category: 'traffic',
        summary: 'Cars speeding',
        details: null,
        location: 'Linden Blvd',
        raisedBy: 'A resident',
        private: true,
        status: 'in-progress',
        raisedOn: '2026-09-08',
        history: [
          { on: '2026-09-08', status: 'open', note: 'raised', meetingId: 'M1' },
          {
            on: '2026-09-10',
            status: 'in-progress',
            note: 'corrected',
            meetingId: null,
            edit: [{ field: 'summary', from: 'Cars', to: 'Cars speeding' }],
          },
        ],
        createdAt: '2026-09-08T23:00:00.000Z',
      },
    ],
    solutions: [
      {
        id: 'S1',
        issueId: 'I1',
        summary: 'Speed survey',
        owner: 'DOT',
        ownerKind: 'agency',
        due: '2027-03-01',
        status: 'in-progress',
        agreedAt: 'M1',
        history: [
          { on: '2026-09-08', status: 'agreed', note: 'agreed', meetingId: 'M1' },
          { on: '2026-09-12', status: 'in-progress', note: 'edited', meetingId: null, edit: [] },
        ],
        createdAt: '2026-09-08T23:00:00.000Z',
      },
    ],
    minutes: [
      {
        meetingId: 'M1',
        approvedAt: 'M2',
        approvedOn: '2026-12-08',
        recordedAt: '2026-12-09T00:00:00.000Z',
        snapshot: {
          meetingId: 'M1',
          title: 'Sector 75A Neighborhood Safety Meeting',
          precinct: 75,
          precinctName: '75th Precinct',
          sector: '75A',
          start: '2026-09-08T19:00:00-04:00',
          end: '2026-09-08T20:30:00-04:00',
          location: 'Community Room',
          address: null,
          onlineUrl: null,
          hosts: [{ id: 'N1', rank: 'Police Officer', name: 'Pat Doe', shield: '12345' }],
          attendance: 18,
          previous: { id: 'M0', start: '2026-06-08T19:00:00-04:00' },
          oldBusiness: [
            {
              id: 'I0',
              category: 'noise',
              summary: null,
              location: null,
              private: false,
              statusBefore: 'open',
              status: 'resolved',
              raisedOn: '2026-06-08',
              raisedAt: 'M0',
              daysOpen: 92,
              meetingsOpen: 1.5,
              changes: [{ on: '2026-07-01', record: 'I0', status: 'resolved', note: null }],
              solutions: [snapshotSolution],
            },
          ],
          discussed: [
            {
              id: 'I9',
              category: 'other',
              summary: 'x',
              private: false,
              status: 'open',
              notes: ['n', null],
            },
          ],
          raised: [
            {
              id: 'I1',
              category: 'traffic',
              summary: null,
              location: null,
              private: true,
              status: 'open',
            },
          ],
          agreed: [{ ...snapshotSolution, private: true }],
          next: { id: 'M2', start: '2026-12-08T19:00:00-05:00', venue: 'Community Room' },
        },
        amendments: [{ on: '2026-12-10', note: 'typo', recordedAt: '2026-12-10T00:00:00.000Z' }],
      },
    ],
  });
}

type Path = Array<string | number>;

/** Every place in a JSON value: each object key and array index, however deep. */
function pathsOf(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  if (Array.isArray(value))
    value.forEach((item, i) => pathsOf(item, [...at, i], (into.push([...at, i]), into)));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) {
      into.push([...at, key]);
      pathsOf(item, [...at, key], into);
    }
  return into;
}

const DELETE = Symbol('delete');

/** Puts `replacement` at `path` (or removes the key or item), in place. */
function damage(root: unknown, path: Path, replacement: unknown): void {
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement !== DELETE) parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
}

/** Values near the edges of the schema's rules. */
const EDGES: unknown[] = [
  DELETE,
  null,
  true,
  0,
  -1,
  1,
  1.5,
  720,
  721,
  '',
  'x',
  '75A',
  '75a',
  'A',
  'AB',
  'N1',
  'N',
  'M1',
  'I1',
  'S1',
  '12345',
  '12a',
  '2027-02-28',
  '2027-02-29',
  '2028-02-29',
  '1900-02-29',
  '2000-02-29',
  '0099-01-01',
  '0100-01-01',
  '2027-13-01',
  '2027-04-31',
  '2027-01-00',
  '2027-1-01',
  '2027-01-01T19:00',
  '2027-01-01T24:00',
  '2027-01-01T23:60',
  '2027-02-30T19:00',
  '2027-01-01T19:00:00-05:00',
  '2027-01-01T19:00:00Z',
  'e1b2e92d-8796-47c5-b5dd-b656c23d8099',
  'e1b2e92d-8796-47c5-b5dd-b656c23d809',
  'open',
  'held',
  'agreed',
  'done',
  'in-progress',
  'agency',
  'nco',
  'citizen',
  [],
  [null],
  {},
  { on: '2027-01-01' },
];
const edgeValues = fc.constantFrom(...EDGES);

const anyDamage = (paths: Path[]) =>
  fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: paths.length - 1 }),
      fc.oneof({ weight: 4, arbitrary: edgeValues }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
    ),
    { minLength: 1, maxLength: 3 },
  );

describe('the plain shape check', () => {
  it('accepts a store that uses every part of the schema, as the schema does', () => {
    const store = fullStore();
    expect(v.safeParse(schemas().StoreSchema, store).success).toBe(true);
    expect(hasStoreShape(store, SCHEMA_VERSION)).toBe(true);
    expect(schemaProblem(store)).toBeNull();
  });

  it('gives the schema’s verdict for every edge value at every place in the store', () => {
    const paths = pathsOf(fullStore());
    let cases = 0;
    for (const path of paths)
      for (const value of EDGES) {
        const store = fullStore();
        damage(store, path, value);
        const expected = v.safeParse(schemas().StoreSchema, store).success;
        if (hasStoreShape(store, SCHEMA_VERSION) !== expected)
          throw new Error(`${path.join('.')} = ${JSON.stringify(value)}: the schema says ${expected}`);
        cases++;
      }
    expect(cases).toBeGreaterThan(10_000);
  });

  it('gives the schema’s verdict on thousands of stores damaged in several places', () => {
    const paths = pathsOf(fullStore());
    let refused = 0;
    fc.assert(
      fc.property(anyDamage(paths), (damages) => {
        const store = fullStore();
        for (const [index, value] of damages) {
          try {
            damage(store, paths[index]!, value);
          } catch {
            // An earlier damage removed the way to this path: that damage alone counts.
          }
        }
        const expected = v.safeParse(schemas().StoreSchema, store).success;
        expect(hasStoreShape(store, SCHEMA_VERSION)).toBe(expected);
        if (!expected) refused++;
      }),
      { numRuns: 5000, seed: 20261127 },
    );
    // Most damage is refused; the test is worthless if nearly none is.
    expect(refused).toBeGreaterThan(3000);
  });

  it('names where a refused store is wrong, in the schema’s words', () => {
    const store = fullStore();
    damage(store, ['meetings', 1, 'start'], '2027-02-30T19:00');
    expect(schemaProblem(store)).toBe('meetings.1.start: expected a date that exists');
    const other = fullStore();
    damage(other, ['minutes', 0, 'snapshot', 'agreed', 0, 'private'], DELETE);
    expect(schemaProblem(other)).toMatch(/^minutes\.0\.snapshot\.agreed\.0\.private: /);
  });
});
