import { describe, expect, it } from 'vitest';
import { describeChanges, planReschedule, type MeetingChange } from '../../src/domain/reschedule.js';
import { meeting } from '../helpers/store-factory.js';

const m3 = meeting({
  id: 'M3',
  sector: '75A',
  start: '2027-03-09T19:00',
  durationMinutes: 90,
  location: 'Community Room',
  address: '1000 Sutter Avenue',
});

function planned(change: MeetingChange) {
  const plan = planReschedule(m3, change);
  return {
    ...plan.after,
    changed: plan.changed,
    dropped: plan.droppedAddress,
    text: describeChanges(m3, plan),
  };
}

describe('planReschedule', () => {
  it('moves the time and keeps everything else', () => {
    expect(planned({ start: '2027-03-02T19:00' })).toMatchObject({
      start: '2027-03-02T19:00',
      durationMinutes: 90,
      location: 'Community Room',
      address: '1000 Sutter Avenue',
      changed: ['time'],
      text: 'moved from Tue Mar 9 2027, 7:00 PM to Tue Mar 2 2027, 7:00 PM',
    });
  });

  it('a new venue name drops the old address, and says so; with --address it takes the new one', () => {
    expect(planned({ location: 'P.S. 190 Auditorium' })).toMatchObject({
      location: 'P.S. 190 Auditorium',
      address: null,
      dropped: '1000 Sutter Avenue',
      changed: ['venue'],
      text: 'venue now P.S. 190 Auditorium (was Community Room, 1000 Sutter Avenue)',
    });
    expect(planned({ location: 'P.S. 190 Auditorium', address: '590 Sheffield Avenue' })).toMatchObject({
      address: '590 Sheffield Avenue',
      dropped: null,
    });
  });

  it('the same place written in another case keeps its address', () => {
    expect(planned({ location: 'community  ROOM' })).toMatchObject({
      address: '1000 Sutter Avenue',
      dropped: null,
      changed: ['venue'],
    });
  });

  it('an online link is added or removed without touching the place', () => {
    expect(planned({ onlineUrl: 'https://meet.example.org/75a' })).toMatchObject({
      location: 'Community Room',
      address: '1000 Sutter Avenue',
      changed: ['venue'],
      text: 'online link now https://meet.example.org/75a',
    });
    const hybrid = planReschedule({ ...m3, onlineUrl: 'https://meet.example.org/75a' }, { onlineUrl: null });
    expect(describeChanges({ ...m3, onlineUrl: 'https://meet.example.org/75a' }, hybrid)).toBe(
      'online link https://meet.example.org/75a removed',
    );
  });

  it('lists every part that changed, and nothing when the values are the ones it has', () => {
    expect(
      planned({ start: '2027-03-02T18:30', durationMinutes: 60, address: '1 Main Street' }),
    ).toMatchObject({
      changed: ['time', 'length', 'venue'],
      text:
        'moved from Tue Mar 9 2027, 7:00 PM to Tue Mar 2 2027, 6:30 PM; length now 1h (was 1h 30m); ' +
        'venue now Community Room, 1 Main Street (was Community Room, 1000 Sutter Avenue)',
    });
    expect(
      planned({ start: '2027-03-09T19:00', durationMinutes: 90, location: 'Community Room' }).changed,
    ).toEqual([]);
  });
});
