import { describe, expect, it } from 'vitest';
import { initializedStore, json } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { onTmux } from '../helpers/tmux.js';

describe('a prompt flow on an 80-column terminal', () => {
  it('meeting schedule asks, re-asks after a bad time, warns, and no line is wider than 80', async () => {
    const store = initializedStore();
    const { screen, status, seen } = onTmux(
      ['meeting', 'schedule'],
      { NSM_STORE: store, NSM_CONFIG: '/nonexistent/nsm-config.json' },
      [
        { expect: 'Precinct number', send: '75\r' },
        { expect: '75E', send: '\u001b[B' },
        { expect: '❯ 75B', send: '\r' },
        { expect: 'Date and time', send: 'someday soon\r' },
        { expect: 'is not a date and time', send: '\u0015next tuesday 7pm\r' },
        { expect: 'Duration', send: '\r' },
        { expect: 'Venue', send: 'Library\r' },
      ],
    );
    expect(status, screen).toBe(0);
    for (const shown of [...seen, screen])
      expect(
        shown.split('\n').filter((l) => [...l].length > 80),
        shown,
      ).toEqual([]);
    // What the person saw: the refusal of the bad time with every accepted form, the warning, the result.
    expect(seen[4]).toMatch(/"someday soon" is not a date and time/);
    // Wrapped between words, never inside one (a terminal or the prompt library would cut "2026-12-15").
    for (const form of ['2026-12-15 19:00', '12/15/2026 7pm', 'next tuesday 7pm'])
      expect(seen[4]).toContain(form);
    expect(screen).toMatch(/nsm: warning: .*no NCO is assigned/);
    expect(screen).toMatch(/Scheduled M1 for 75B/);
    const meetings = json<Array<{ start: string }>>(await nsmIn(['meeting', 'list', '--json'], { store }));
    expect(meetings.map((m) => m.start)).toEqual(['2026-12-01T19:00:00-05:00']);
  });
});
