import { isOutstanding } from '../domain/issues.js';
import { compareMeetings, upcomingMeetings } from '../domain/meetings.js';
import { byId } from '../domain/ncos.js';
import type { Meeting, Store } from '../domain/schema.js';
import { friendly } from '../domain/time.js';
import type { Settings } from '../settings/file.js';
import { KEYS } from '../settings/keys.js';
import type { StoreKind } from './protocol.js';

/**
 * The values a shell offers for each kind of completion, read from the store: ids with a few
 * words on what each is. Those of the default precinct (the `precinct` setting) come first.
 */

export interface Candidate {
  value: string;
  description: string;
}

export interface Sources {
  /** Null when there is no readable store: only setting keys can be offered then. */
  store: Store | null;
  settings: Settings;
  now: Date;
  /** What is typed so far; per-sector setting keys are spelt out only once it asks for them. */
  typed: string;
}

/** A candidate with the precinct it belongs to, so the default precinct's can come first. */
interface Placed extends Candidate {
  precinct?: number | undefined;
}

type Producer = (store: Store, sources: Sources) => Placed[];

const PRODUCERS: Record<Exclude<StoreKind, 'setting'>, Producer> = {
  precinct: (store) =>
    [...store.precincts]
      .sort((a, b) => a.precinct - b.precinct)
      .map((p) => ({
        value: String(p.precinct),
        description: `${p.name}, ${p.borough}`,
        precinct: p.precinct,
      })),
  sector: (store) => {
    const names = new Map(store.precincts.map((p) => [p.precinct, `${p.name}, ${p.borough}`]));
    return sectorsOf(store).map((s) => ({
      value: s.id,
      description: names.get(s.precinct) ?? `precinct ${s.precinct}`,
      precinct: s.precinct,
    }));
  },
  meeting: (store, { now }) => {
    const upcoming = upcomingMeetings(store, now);
    const soon = new Set(upcoming);
    const rest = store.meetings.filter((m) => !soon.has(m)).sort((a, b) => compareMeetings(b, a));
    return [...upcoming, ...rest].map(meeting);
  },
  'upcoming-meeting': (store, { now }) => upcomingMeetings(store, now).map(meeting),
  'held-meeting': (store) =>
    store.meetings
      .filter((m) => m.status === 'held')
      .sort((a, b) => compareMeetings(b, a))
      .map(meeting),
  issue: (store) => [...store.issues].sort(byId).map(issue),
  'open-issue': (store) =>
    store.issues
      .filter((i) => isOutstanding(i.status))
      .sort(byId)
      .map(issue),
  solution: (store) => {
    const issues = new Map(store.issues.map((i) => [i.id, i]));
    return [...store.solutions].sort(byId).map((s) => ({
      value: s.id,
      description: `${s.issueId} ${s.status}: ${s.summary}`,
      precinct: issues.get(s.issueId)?.precinct,
    }));
  },
  nco: (store) =>
    [...store.ncos].sort(byId).map((n) => ({ value: n.id, description: n.name, precinct: n.precinct })),
};

/** The candidates of one kind, the default precinct's first, each group in its own order. */
export function candidates(kind: StoreKind, sources: Sources): Candidate[] {
  if (kind === 'setting') return settingKeys(sources);
  if (!sources.store) return [];
  const all = PRODUCERS[kind](sources.store, sources);
  const first = defaultPrecinct(sources.settings);
  const mine = all.filter((c) => c.precinct === first);
  return [...mine, ...all.filter((c) => c.precinct !== first)].map(({ value, description }) => ({
    value,
    description,
  }));
}

export function isKind(kind: string): kind is StoreKind {
  return kind === 'setting' || Object.hasOwn(PRODUCERS, kind);
}

function meeting(m: Meeting): Placed {
  return { value: m.id, description: `${m.sector} ${friendly(m.start)}, ${m.status}`, precinct: m.precinct };
}

function issue(i: Store['issues'][number]): Placed {
  return { value: i.id, description: `${i.sector} ${i.status}: ${i.summary}`, precinct: i.precinct };
}

function sectorsOf(store: Store): Array<Store['sectors'][number]> {
  return [...store.sectors].sort((a, b) => a.precinct - b.precinct || a.letter.localeCompare(b.letter));
}

function defaultPrecinct(settings: Settings): number | undefined {
  const number = Number(settings.precinct);
  return Number.isInteger(number) ? number : undefined;
}

/**
 * The setting keys. A per-sector key (`venue.<sector>`) is spelt out for the default precinct's
 * sectors, and for every sector only once what is typed starts it (`v`, `venue.7`): the city's
 * 302 sectors would otherwise bury the other keys under 604 of them.
 */
function settingKeys({ store, settings, typed }: Sources): Candidate[] {
  const sectors = store ? sectorsOf(store) : [];
  const first = defaultPrecinct(settings);
  return KEYS.flatMap((key) => {
    if (!key.perSector) return [{ value: key.name, description: key.description }];
    const stem = key.name.slice(0, key.name.indexOf('.') + 1);
    const lower = typed.toLowerCase();
    const asked = lower !== '' && (lower.startsWith(stem) || stem.startsWith(lower));
    return sectors
      .filter((s) => asked || s.precinct === first)
      .map((s) => ({ value: stem + s.id, description: key.description.replace('<sector>', s.id) }));
  });
}
