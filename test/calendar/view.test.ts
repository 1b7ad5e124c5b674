import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agendaView } from '../../src/domain/agenda.js';
import { calendarFeeds, calendarView } from '../../src/domain/calendar-view.js';
import { hostsOf } from '../../src/domain/meetings.js';
import type { Store } from '../../src/domain/schema.js';
import { demoStore } from '../helpers/demo.js';
import { meetingsOfSector, must } from './fixtures.js';

/**
 * The calendar indexes the store by sector for speed; what it says must stay what the agenda and
 * `meeting show` say: the same hosts, and the same old business (the carry-forward rule).
 */
describe('the calendar view agrees with the agenda', () => {
  it('lists, for every meeting, the hosts and the open issues the agenda would', async () => {
    const path = await demoStore();
    // Issues in several states, so the carry-forward rule has something to decide.
    const { held } = await meetingsOfSector(path, '75B');
    for (const summary of ['Broken street lights on the block', 'Double parking at the school'])
      await must(
        ['issue', 'raise', '--meeting', held.id, '--summary', summary, '--category', 'traffic'],
        path,
      );
    const issues = JSON.parse(
      (await must(['issue', 'list', '--precinct', 'all', '--json'], path)).stdout,
    ) as Array<{
      id: string;
      sector: string;
    }>;
    const resolved = issues.find((i) => i.sector === '75B')!;
    await must(['issue', 'update', resolved.id, '--status', 'resolved', '--note', 'fixed'], path);
    const store = JSON.parse(readFileSync(path, 'utf8')) as Store;

    const view = calendarView(store, { kind: 'all' }, {}, 'nsm.invalid');
    expect(view.events).toHaveLength(store.meetings.length);
    let carried = 0;
    for (const event of view.events) {
      const meeting = store.meetings.find((m) => m.id === event.meetingId)!;
      for (const host of hostsOf(store, meeting))
        expect(event.description).toContain(`${host.rank} ${host.name}`);
      if (meeting.status === 'cancelled') continue;
      const listed = [...event.description.matchAll(/^- (I\d+) /gm)].map((m) => m[1]);
      expect(listed, meeting.id).toEqual(agendaView(store, meeting).oldBusiness.map((i) => i.id));
      carried += listed.length;
    }
    expect(carried).toBeGreaterThan(5);
    // Resolved today, before every upcoming meeting: no calendar lists it any more.
    expect(view.events.some((e) => e.description.includes(`- ${resolved.id} `))).toBe(false);
  });

  it('builds the feeds of --split: each precinct, then its sectors in letter order', async () => {
    const store = JSON.parse(readFileSync(await demoStore(), 'utf8')) as Store;
    const feeds = calendarFeeds(store, 14, {}, 'nsm.invalid');
    expect(feeds.map((f) => f.scope)).toEqual([
      { kind: 'precinct', precinct: 14 },
      ...['14A', '14B', '14C', '14D', '14E'].map((sector) => ({ kind: 'sector', sector })),
    ]);
    const total = feeds.slice(1).reduce((sum, f) => sum + f.view.events.length, 0);
    expect(feeds[0]!.view.events).toHaveLength(total);
  });
});
