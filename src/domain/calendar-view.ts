import type { Issue, Meeting, Nco, Store } from './schema.js';
import { LedgerIndex, oldBusinessOfSector } from './carry-forward.js';
import { groupBy, pushTo } from './lookup.js';
import { byStart, startInstant } from './meetings.js';
import { sectorRoster } from './ncos.js';
import { sectorsOf } from './records.js';
import { hasClearWallTimes, newYorkIso } from './calendar-times.js';

/**
 * What a calendar file says, computed from the store and nothing else (no clock, no machine zone),
 * so two exports of an unchanged store are the same. Only public text gets in: a private issue
 * shows its id and category, never its summary or location.
 */

/** Which meetings a calendar holds. */
export type CalendarScope =
  | { kind: 'all' }
  | { kind: 'precinct'; precinct: number }
  | { kind: 'sector'; sector: string }
  | { kind: 'meeting'; meeting: string };

/** Inclusive New York dates (YYYY-MM-DD) a meeting's start must fall between. */
export interface DateRange {
  from?: string;
  to?: string;
}

export interface CalendarEvent {
  meetingId: string;
  precinct: number;
  sector: string;
  /** `<meeting uuid>@<calendar domain>`: the same in every export, on every machine. */
  uid: string;
  /** The meeting's revision: raised by every move and cancellation, so clients replace their copy. */
  sequence: number;
  /** The meeting's last change (ISO 8601 UTC): DTSTAMP and LAST-MODIFIED. */
  changed: string;
  /** When it was created (ISO 8601 UTC). */
  created: string;
  /** ISO 8601 with the New York offset. */
  start: string;
  end: string;
  /**
   * Written as New York wall time (TZID), which calendars keep at 7 pm across clock changes. A
   * meeting that spans a clock change, or starts or ends in the hour that repeats in November,
   * has no unambiguous wall time (parsers disagree on which 1:30 am is meant): it is written in UTC.
   */
  zoned: boolean;
  summary: string;
  location: string | null;
  description: string;
  url: string | null;
  cancelled: boolean;
}

export interface CalendarView {
  /** Says which sector or precinct it is (X-WR-CALNAME, NAME). */
  name: string;
  description: string;
  events: CalendarEvent[];
}

/** The calendar of one scope: its meetings in the date range, soonest first. */
export function calendarView(
  store: Store,
  scope: CalendarScope,
  range: DateRange,
  domain: string,
): CalendarView {
  const index = new CalendarIndex(store, domain);
  return index.view(scope, range);
}

/** One calendar per sector and one per precinct of the given precincts (all when none). */
export function calendarFeeds(
  store: Store,
  precinct: number | undefined,
  range: DateRange,
  domain: string,
): Array<{ scope: CalendarScope; view: CalendarView }> {
  const index = new CalendarIndex(store, domain);
  const precincts = store.precincts
    .map((p) => p.precinct)
    .filter((p) => precinct === undefined || p === precinct)
    .sort((a, b) => a - b);
  return precincts.flatMap((p) => {
    const scopes: CalendarScope[] = [
      { kind: 'precinct', precinct: p },
      ...sectorsOf(store, p).map((s): CalendarScope => ({ kind: 'sector', sector: s.id })),
    ];
    return scopes.map((scope) => ({ scope, view: index.view(scope, range) }));
  });
}

/**
 * The store indexed by sector once, so a city of 20,000 meetings does not scan every NCO and
 * every issue for each meeting; each event is built once and shared by the feeds that hold it.
 */
class CalendarIndex {
  private readonly ncosOn: (sector: string, date: string) => Nco[];
  private readonly issuesBySector = new Map<string, Issue[]>();
  private readonly precinctNames = new Map<number, string>();
  private readonly events = new Map<string, CalendarEvent>();
  private readonly sorted: Meeting[];
  /** Each precinct's and sector's meetings, soonest first: a feed takes its own, not a filter of all. */
  private readonly byPrecinct: Map<number, Meeting[]>;
  private readonly bySector: Map<string, Meeting[]>;
  private readonly ledger: LedgerIndex;
  /** Each sector's old business by meeting id, worked out when its first event is built. */
  private readonly carried = new Map<string, Map<string, Issue[]>>();

  constructor(
    store: Store,
    private readonly domain: string,
  ) {
    this.ncosOn = sectorRoster(store);
    for (const issue of store.issues) pushTo(this.issuesBySector, issue.sector, issue);
    for (const p of store.precincts) this.precinctNames.set(p.precinct, p.name);
    this.ledger = new LedgerIndex(store);
    this.sorted = byStart(store.meetings).map((t) => t.meeting);
    this.byPrecinct = groupBy(this.sorted, (m) => m.precinct);
    this.bySector = groupBy(this.sorted, (m) => m.sector);
  }

  /** Formatted once per distinct value: a city's meetings share a few hundred evenings and stamps. */
  private readonly times = new Map<number, string>();
  private readonly stamps = new Map<string, string | null>();

  private time(ms: number): string {
    let iso = this.times.get(ms);
    if (iso === undefined) this.times.set(ms, (iso = newYorkIso(ms)));
    return iso;
  }

  /** A stored timestamp as ISO UTC; the other one when it does not parse (a hand-edited store). */
  private stamp(stamp: string, fallback: string): string {
    return this.utc(stamp) ?? this.utc(fallback) ?? new Date(0).toISOString();
  }

  private utc(stamp: string): string | null {
    let iso = this.stamps.get(stamp);
    if (iso === undefined) {
      const ms = Date.parse(stamp);
      this.stamps.set(stamp, (iso = Number.isNaN(ms) ? null : new Date(ms).toISOString()));
    }
    return iso;
  }

  view(scope: CalendarScope, range: DateRange): CalendarView {
    const meetings = this.meetingsOf(scope).filter((m) => inRange(range, m));
    // No commas or semicolons of our own in the names: clients read X-WR-CALNAME with or without
    // unescaping them.
    return {
      name: `Neighborhood Safety Meetings: ${this.scopeName(scope)}`,
      description: `Neighborhood Safety Meetings of ${this.scopeName(scope)} in New York City. Times are New York time.`,
      events: meetings.map((m) => this.event(m)),
    };
  }

  /** The meetings of a scope, soonest first. */
  private meetingsOf(scope: CalendarScope): Meeting[] {
    switch (scope.kind) {
      case 'all':
        return this.sorted;
      case 'precinct':
        return this.byPrecinct.get(scope.precinct) ?? [];
      case 'sector':
        return this.bySector.get(scope.sector) ?? [];
      case 'meeting':
        return this.sorted.filter((m) => m.id === scope.meeting);
    }
  }

  private scopeName(scope: CalendarScope): string {
    switch (scope.kind) {
      case 'all':
        return 'all precincts';
      case 'precinct':
        return this.precinctName(scope.precinct);
      case 'sector':
        return this.sectorName(scope.sector);
      case 'meeting': {
        const m = this.ledger.meetingsById.get(scope.meeting);
        return m ? `${this.sectorName(m.sector)} meeting ${m.id}` : `meeting ${scope.meeting}`;
      }
    }
  }

  private precinctName(precinct: number): string {
    return this.precinctNames.get(precinct) ?? `Precinct ${precinct}`;
  }

  private sectorName(sector: string): string {
    return `Sector ${sector} (${this.precinctName(Number(sector.slice(0, -1)))})`;
  }

  private event(m: Meeting): CalendarEvent {
    let event = this.events.get(m.id);
    if (event === undefined) {
      event = this.build(m);
      this.events.set(m.id, event);
    }
    return event;
  }

  private build(m: Meeting): CalendarEvent {
    const cancelled = m.status === 'cancelled';
    const start = startInstant(m).getTime();
    const end = start + m.durationMinutes * 60_000;
    const title = namesSector(m.title, m.sector) ? m.title : `${m.title} (sector ${m.sector})`;
    return {
      meetingId: m.id,
      precinct: m.precinct,
      sector: m.sector,
      uid: `${m.uuid}@${this.domain}`,
      sequence: m.revision,
      changed: this.stamp(m.updatedAt, m.createdAt),
      created: this.stamp(m.createdAt, m.updatedAt),
      start: this.time(start),
      end: this.time(end),
      zoned: hasClearWallTimes(start, end),
      summary: cancelled ? `Cancelled: ${title}` : title,
      location: [m.location, m.address].filter(Boolean).join(', ') || m.onlineUrl,
      description: this.describe(m).join('\n'),
      url: m.onlineUrl,
      cancelled,
    };
  }

  private describe(m: Meeting): string[] {
    const lines = [`Neighborhood Safety Meeting ${m.id} of ${this.sectorName(m.sector)}.`];
    if (m.status === 'cancelled')
      lines.push(`This meeting is cancelled${m.cancelReason ? `: ${m.cancelReason}` : '.'}`);
    if (m.status === 'held') lines.push('This meeting was held.');
    const hosts = this.hosts(m);
    lines.push(
      hosts.length > 0
        ? `Neighborhood Coordination Officers: ${hosts.map((n) => `${n.rank} ${n.name}`).join(', ')}.`
        : 'Neighborhood Coordination Officers: to be announced.',
    );
    if (m.onlineUrl) lines.push(`Join online: ${m.onlineUrl}`);
    if (m.status === 'cancelled') return lines;
    const issues = this.openIssues(m);
    lines.push(
      '',
      m.status === 'held' ? 'Open issues carried to this meeting:' : 'Open issues to be discussed:',
    );
    if (issues.length === 0) lines.push('none.');
    for (const issue of issues) lines.push(`- ${publicIssue(issue)}`);
    return lines;
  }

  /** The sector's NCOs on the meeting's date, as `hostsOf` finds them. */
  private hosts(m: Meeting): Nco[] {
    return this.ncosOn(m.sector, m.start.slice(0, 10));
  }

  /**
   * The meeting's old business, by the rule of `oldBusiness` (carry-forward.ts): issues of the
   * sector raised at an earlier meeting and still open or in progress when the meeting's day began.
   * Worked out for all of the sector's meetings at once, as a city's calendar holds them all.
   */
  private openIssues(m: Meeting): Issue[] {
    let carried = this.carried.get(m.sector);
    if (carried === undefined) {
      carried = oldBusinessOfSector(this.ledger, m.sector, this.issuesBySector.get(m.sector) ?? []);
      this.carried.set(m.sector, carried);
    }
    return carried.get(m.id) ?? [];
  }
}

/** An issue as the public may read it: a private one keeps only its id, category and status. */
function publicIssue(issue: Issue): string {
  if (issue.private) return `${issue.id} (${issue.category}): details withheld (private).`;
  return `${issue.id} (${issue.category}): ${issue.summary}${issue.location ? ` (${issue.location})` : ''}`;
}

function inRange(range: DateRange, m: Meeting): boolean {
  const day = m.start.slice(0, 10);
  return (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
}

/** The title already says the sector ("Sector 75A …", "75A spring meeting"), as a word of its own. */
function namesSector(title: string, sector: string): boolean {
  const at = title.indexOf(sector);
  return at !== -1 && title.split(/[^0-9A-Za-z]+/).includes(sector);
}
