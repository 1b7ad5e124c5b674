import { describe, expect, it } from 'vitest';
import { calendarView } from '../../src/domain/calendar-view.js';
import { renderICalendar } from '../../src/render/icalendar.js';
import { nco } from '../helpers/store-factory.js';
import { issue, ledgerStore, meeting } from '../ledger/fixtures.js';
import { expectWellFramed, parseCalendar } from './ics.js';

/**
 * A small calendar of sector 75A, compared with test/golden/calendar-75A.ics. The store: N1, N2
 * and Sergeant Nguyễn Thị Hoa on 75A; a held October meeting (before the November clock change)
 * with a public and a private issue; December moved online (revision 2); March 9 cancelled
 * (revision 1); March 16, after the March clock change, with commas and a semicolon in its title.
 */
const october = meeting('M1', '75A', '2026-10-27T19:00', { status: 'held', attendance: 31 });
const december = meeting('M2', '75A', '2026-12-08T19:00', {
  revision: 2,
  location: null,
  address: null,
  onlineUrl: 'https://meet.example.org/75a?room=east,west;pin=7',
  durationMinutes: 90,
  updatedAt: '2026-11-20T14:05:09.123Z',
});
const march9 = meeting('M3', '75A', '2027-03-09T19:00', {
  status: 'cancelled',
  revision: 1,
  cancelReason: 'the room is flooded',
  updatedAt: '2027-03-01T12:00:00.000Z',
});
const march16 = meeting('M4', '75A', '2027-03-16T18:30', {
  title: 'Safety, traffic; and parking: 75A spring meeting',
  location: 'P.S. 190 Auditorium',
  address: '590 Sheffield Ave, Brooklyn',
});
const PRIVATE = 'Parties every night at 123 Elm St apt 2, reported by Jane Doe';

const store = ledgerStore({
  meetings: [october, december, march9, march16, meeting('M5', '75B', '2026-12-09T19:00')],
  issues: [
    issue('I1', october, [], {
      summary: 'Cars speeding on Linden Blvd at school dismissal',
      location: 'Linden Blvd & Ashford St',
    }),
    issue('I2', october, [], { category: 'noise', private: true, summary: PRIVATE, location: '123 Elm St' }),
  ],
});
store.ncos.push(nco('N4', 75, [['75A', '2026-01-01', null]], { name: 'Nguyễn Thị Hoa', rank: 'Sergeant' }));
const ics = renderICalendar(calendarView(store, { kind: 'sector', sector: '75A' }, {}, 'nsm.example.org'));

describe('the iCalendar file (golden file)', () => {
  it('matches test/golden/calendar-75A.ics', async () => {
    await expect(ics).toMatchFileSnapshot('../golden/calendar-75A.ics');
  });

  it('says the right things, independently of the snapshot', () => {
    expectWellFramed(Buffer.from(ics));
    const calendar = parseCalendar(ics);
    expect(calendar.name).toBe('Neighborhood Safety Meetings: Sector 75A (75th Precinct)');
    expect(calendar.events.map((e) => [e.uid.split('@')[1], e.sequence, e.status, e.start, e.end])).toEqual([
      ['nsm.example.org', 0, 'CONFIRMED', '2026-10-27T23:00:00.000Z', '2026-10-28T00:00:00.000Z'],
      ['nsm.example.org', 2, 'CONFIRMED', '2026-12-09T00:00:00.000Z', '2026-12-09T01:30:00.000Z'],
      ['nsm.example.org', 1, 'CANCELLED', '2027-03-10T00:00:00.000Z', '2027-03-10T01:00:00.000Z'],
      ['nsm.example.org', 0, 'CONFIRMED', '2027-03-16T22:30:00.000Z', '2027-03-16T23:30:00.000Z'],
    ]);
    const [held, online, cancelled, spring] = calendar.events as [
      (typeof calendar.events)[0],
      (typeof calendar.events)[0],
      (typeof calendar.events)[0],
      (typeof calendar.events)[0],
    ];
    expect(held.description).toContain('This meeting was held.');
    expect(online.url).toBe('https://meet.example.org/75a?room=east%2Cwest%3Bpin=7');
    expect(online.location).toBe('https://meet.example.org/75a?room=east,west;pin=7');
    expect(online.description).toContain('Join online: https://meet.example.org/75a?room=east,west;pin=7');
    expect(online.description).toContain(
      'Neighborhood Coordination Officers: Police Officer Maria Lopez, Sergeant Sam Ortiz, Sergeant Nguyễn Thị Hoa.',
    );
    expect(online.description).toContain('- I1 (traffic): Cars speeding on Linden Blvd at school dismissal');
    expect(online.description).toContain('- I2 (noise): details withheld (private).');
    expect(online.stamp).toBe('2026-11-20T14:05:09.000Z');
    expect(cancelled.summary).toBe('Cancelled: Sector 75A Neighborhood Safety Meeting');
    expect(cancelled.description).toContain('This meeting is cancelled: the room is flooded');
    expect(spring.summary).toBe('Safety, traffic; and parking: 75A spring meeting');
    expect(spring.location).toBe('P.S. 190 Auditorium, 590 Sheffield Ave, Brooklyn');
    expect(ics).not.toContain('Elm St');
    expect(ics).not.toContain('Jane Doe');
    expect(ics).not.toContain('Kim Park'); // N3 works 75B
    expect(ics).toContain('DTSTART;TZID=America/New_York:20261208T190000\r\n');
    expect(ics).toContain('DTSTAMP:20261120T140509Z\r\n');
    expect(ics).toContain('SUMMARY:Safety\\, traffic\\; and parking: 75A spring meeting\r\n');
    expect(ics.match(/^STATUS:CANCELLED\r$/gm)).toHaveLength(1);
    expect(ics.match(/^TRANSP:TRANSPARENT\r$/gm)).toHaveLength(1);
  });

  it('does not depend on the order the store keeps meetings in', () => {
    const shuffled = { ...store, meetings: [...store.meetings].reverse() };
    expect(
      renderICalendar(calendarView(shuffled, { kind: 'sector', sector: '75A' }, {}, 'nsm.example.org')),
    ).toBe(ics);
  });
});
