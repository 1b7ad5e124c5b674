import { beforeAll, describe, expect, it } from 'vitest';
import { demoStore, expectedIds, onSizedTerminal, plain, sections, settingsFile, tooWide } from './screen.js';

/** The real binary on a real pseudo-terminal: the width comes from the window, not from a test hook. */
const LATER = '2026-12-10T17:00:00Z';

let env: Record<string, string>;
beforeAll(async () => {
  const store = await demoStore();
  // Colour stays on (NO_COLOR empty): the escapes are stripped before measuring.
  env = { NSM_STORE: store, NSM_CONFIG: settingsFile({ precinct: '75' }), NSM_NOW: LATER, NO_COLOR: '' };
});

describe('nsm alone on a pseudo-terminal', () => {
  it('shows the home screen, no line wider than its 80 columns', async () => {
    const { output, status } = onSizedTerminal([], { cols: 80, rows: 40 }, env);
    expect(status, output).toBe(0);
    expect(output).toMatch(/\x1b\[1m/); // it did draw in colour, so the stripping below is tested
    expect(tooWide(output, 80)).toEqual([]);
    const screen = plain(output);
    expect(screen.split('\n')[0]).toBe('Precinct 75: 75th Precinct');
    const expected = await expectedIds(env.NSM_STORE!, env, '75');
    const shown = sections(screen);
    expect(shown.nextMeetings?.ids).toEqual(expected.nextMeetings);
    expect(shown.pastUnmarked?.ids).toEqual(expected.pastUnmarked);
    expect(shown.overdueSolutions?.ids).toEqual(expected.overdueSolutions);
    expect(shown.oldestOpenIssues?.ids).toEqual(expected.oldestOpenIssues);
    // The table uses the width it has: its border runs the full 80 columns.
    expect(screen.split('\n').some((line) => [...line].length === 80)).toBe(true);
  });

  it('follows the window: 120 columns wide, the tables are wider than 80', () => {
    const { output, status } = onSizedTerminal([], { cols: 120, rows: 40 }, env);
    expect(status, output).toBe(0);
    expect(tooWide(output, 120)).toEqual([]);
    expect(tooWide(output, 80).length).toBeGreaterThan(0);
  });
});
