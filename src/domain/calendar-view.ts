import type { Issue, Meeting, Nco, Store } from './schema.js';
import { isOutstanding, statusBefore } from './issues.js';
import { startInstant } from './meetings.js';
import { byId, sectorOn } from './ncos.js';
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
  private readonly ncosBySector = new Map<string, Nco[]>();
  private readonly issuesBySector = new Map<string, Issue[]>();
  private readonly meetingsById = new Map<string, Meeting>();
  private readonly precinctNames = new Map<number, string>();
  private readonly events = new Map<string, CalendarEvent>();
  private readonly sorted: Meeting[];

  constructor(
    store: Store,
    private readonly domain: string,
  ) {
    for (const nco of [...store.ncos].sort(byId))
      for (const sector of new Set(nco.assignments.map((a) => a.sector)))
        push(this.ncosBySector, sector, nco);
    for (const issue of store.issues) push(this.issuesBySector, issue.sector, issue);
    for (const meeting of store.meetings) this.meetingsById.set(meeting.id, meeting);
    for (const p of store.precincts) this.precinctNames.set(p.precinct, p.name);
    // Soonest first, then by id, as compareMeetings orders them, with each start computed once.
    this.sorted = store.meetings
      .map((m) => ({ m, at: startInstant(m).getTime(), n: Number(m.id.slice(1)) }))
      .sort((a, b) => a.at - b.at || a.n - b.n)
      .map(({ m }) => m);
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
    const meetings = this.sorted.filter((m) => inScope(scope, m) && inRange(range, m));
    // No commas or semicolons of our own in the names: clients read X-WR-CALNAME with or without
    // unescaping them.
    return {
      name: `Neighborhood Safety Meetings: ${this.scopeName(scope)}`,
      description: `Neighborhood Safety Meetings of ${this.scopeName(scope)} in New York City. Times are New York time.`,
      events: meetings.map((m) => this.event(m)),
    };
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
        const m = this.meetingsById.get(scope.meeting);
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
    const day = m.start.slice(0, 10);
    return (this.ncosBySector.get(m.sector) ?? []).filter((n) => sectorOn(n, day) === m.sector);
  }

  /**
   * The meeting's old business, by the rule of `oldBusiness` (carry-forward.ts): issues of the
   * sector raised at an earlier meeting and still open or in progress when the meeting's day began.
   */
  private openIssues(m: Meeting): Issue[] {
    const day = m.start.slice(0, 10);
    const at = startInstant(m).getTime();
    return (this.issuesBySector.get(m.sector) ?? [])
      .filter((issue) => {
        const raisedAt = this.meetingsById.get(issue.meetingId);
        if (!raisedAt || issue.meetingId === m.id || startInstant(raisedAt).getTime() >= at) return false;
        const status = statusBefore(issue, day);
        return status !== null && isOutstanding(status);
      })
      .sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  }
}

/** An issue as the public may read it: a private one keeps only its id, category and status. */
function publicIssue(issue: Issue): string {
  if (issue.private) return `${issue.id} (${issue.category}): details withheld (private).`;
  return `${issue.id} (${issue.category}): ${issue.summary}${issue.location ? ` (${issue.location})` : ''}`;
}

function inScope(scope: CalendarScope, m: Meeting): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'precinct':
      return m.precinct === scope.precinct;
    case 'sector':
      return m.sector === scope.sector;
    case 'meeting':
      return m.id === scope.meeting;
  }
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
