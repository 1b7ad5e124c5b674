import { beforeEach, describe, expect, it } from 'vitest';
import { bytes, json } from '../helpers/cli.js';
import { refused } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';
import { AFTER_M2, demoStore } from './ledger-fixture.js';

/** `nsm issue note`: an issue discussed, its status unchanged. */

interface IssueJson {
  id: string;
  status: string;
  history: Array<{ on: string; status: string; note: string; meetingId: string | null }>;
  meetingsDiscussed?: string[];
}
interface AgendaJson {
  oldBusiness: Array<{ id: string; discussedAt: string[] }>;
  markdown: string;
}

let store: string;
beforeEach(async () => {
  store = await demoStore();
});

const run = (args: string[], env: Record<string, string> = {}) => nsmIn(args, { store, env });
const issue = async (id: string, env: Record<string, string> = {}) =>
  json<IssueJson>(await run(['issue', 'show', id, '--json'], env));
const carried = async (meeting: string, issueId: string) =>
  json<AgendaJson>(await run(['agenda', meeting, '--json'], AFTER_M2)).oldBusiness.find(
    (i) => i.id === issueId,
  )!;

describe('issue note', () => {
  it('adds a history entry that keeps the status, with the note, the day and the meeting', async () => {
    const before = await issue('I1');
    const noted = json<IssueJson>(
      await run(['issue', 'note', 'I1', '--note', '  DOT survey still pending  ', '--json']),
    );
    expect(noted.status).toBe('open');
    expect(noted.history).toEqual([
      ...before.history,
      // Default meeting: the sector's latest one that took place (M1; M2 is still ahead).
      { on: '2026-11-26', status: 'open', note: 'DOT survey still pending', meetingId: 'M1' },
    ]);
    expect(await issue('I1')).toMatchObject({ status: 'open', history: noted.history });
  });

  it('keeps an in-progress issue in progress', async () => {
    await run(['issue', 'update', 'I3', '--status', 'in-progress', '--note', 'Talk booked']);
    const noted = json<IssueJson>(
      await run(['issue', 'note', 'i3', '--note', 'Talk moved to January', '--meeting', 'm11', '--json']),
    );
    expect(noted.status).toBe('in-progress');
    expect(noted.history.map((h) => [h.status, h.meetingId])).toEqual([
      ['open', 'M11'],
      ['in-progress', null],
      ['in-progress', 'M11'],
    ]);
  });

  it('makes the issue count as discussed at that meeting, in agendas and in issue show', async () => {
    // M2 took place on Dec 8 but is not marked held, so only a note makes I1 discussed there.
    expect((await carried('M3', 'I1')).discussedAt).toEqual([]);
    expect((await issue('I1', AFTER_M2)).meetingsDiscussed).toEqual(['M1']);

    const noted = await run(['issue', 'note', 'I1', '--note', 'Residents report more speeding'], AFTER_M2);
    expect(noted.status, noted.stderr).toBe(0);
    expect(noted.stderr).toContain('discussed at M2');

    const agenda = await carried('M3', 'I1');
    expect(agenda.discussedAt).toEqual(['M2']);
    const markdown = (await run(['agenda', 'M3'], AFTER_M2)).stdout;
    expect(markdown).toMatch(/^\*\*Open:\*\* .*; discussed at M2$/m);
    expect((await issue('I1', AFTER_M2)).meetingsDiscussed).toEqual(['M1', 'M2']);
    const shown = await nsmIn(['issue', 'show', 'I1'], { store, env: AFTER_M2, terminal: 120 });
    expect(shown.stdout).toMatch(/Meetings where it was discussed \(2\)/);
    expect(shown.stdout).toMatch(/│ M2 +│ Tue Dec 8 2026, 7:00 PM \(yesterday\) +│ scheduled │/);
  });

  it('is taken back by undo', async () => {
    const before = bytes(store);
    expect((await run(['issue', 'note', 'I1', '--note', 'Discussed again'], AFTER_M2)).status).toBe(0);
    expect(bytes(store).equals(before)).toBe(false);
    const undone = await run(['undo'], AFTER_M2);
    expect(undone.status, undone.stderr).toBe(0);
    expect(undone.stderr).toContain('nsm issue note I1');
    expect((await issue('I1')).history).toHaveLength(1);
    expect((await carried('M3', 'I1')).discussedAt).toEqual([]);
    expect((await issue('I1', AFTER_M2)).meetingsDiscussed).toEqual(['M1']);
  });
});

describe('issue note refusals leave the store byte-identical', () => {
  it.each([
    [['issue', 'note', 'I99', '--note', 'x']],
    [['issue', 'note', 'I1', '--note', 'x', '--meeting', 'M99']],
  ])('%j: not found (4)', async (args) => {
    await refused(args, store, 4);
  });

  it.each([
    [['issue', 'note', 'I1']],
    [['issue', 'note', 'I1', '--note', '']],
    [['issue', 'note', 'I1', '--note', '   ']],
    [['issue', 'note', 'I1', '--note', 'x'.repeat(2001)]],
    [['issue', 'note', 'X1', '--note', 'x']],
  ])('%j: usage (2)', async (args) => {
    const run = await refused(args, store, 2);
    if (args.length === 3)
      expect(run.stderr).toMatch(/^nsm: missing --note — say what was discussed or done/);
  });

  it.each([
    [
      ['issue', 'note', 'I1', '--note', 'x', '--meeting', 'M6'],
      /M6 is a meeting of 75B, and I1 belongs to 75A/,
    ],
    [['issue', 'note', 'I1', '--note', 'x', '--meeting', 'M2'], /M2 has not taken place yet/],
  ])('%j: refused by a rule (3)', async (args, message) => {
    expect((await refused(args, store, 3)).stderr).toMatch(message);
  });
});
