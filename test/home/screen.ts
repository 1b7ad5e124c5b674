import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOW, json, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { linesWiderThan, onTerminal, type WindowSize } from '../helpers/e2e.js';

/** Reading the home screen back, and the stores and settings its tests run against. */

export const SECTIONS = {
  nextMeetings: 'Next meetings',
  pastUnmarked: 'Past meetings not marked held or cancelled',
  minutesToApprove: 'Draft minutes to approve',
  overdueSolutions: 'Overdue solutions',
  oldestOpenIssues: 'Oldest open issues',
} as const;

export type Section = keyof typeof SECTIONS;

export interface ScreenSection {
  /** The ids in the first column of the section's table, top to bottom. */
  ids: string[];
  /** The indented command lines under the table. */
  commands: string[];
  lines: string[];
}

/** Splits a terminal screen into its sections by their headings. */
export function sections(screen: string): Partial<Record<Section, ScreenSection>> {
  const found: Partial<Record<Section, ScreenSection>> = {};
  let current: ScreenSection | null = null;
  for (const line of screen.split('\n')) {
    const name = (Object.keys(SECTIONS) as Section[]).find((key) => line.startsWith(SECTIONS[key]));
    if (name) {
      current = { ids: [], commands: [], lines: [] };
      found[name] = current;
      continue;
    }
    if (!current) continue;
    current.lines.push(line);
    const id = /^│ ([MSI]\d+) /.exec(line);
    if (id) current.ids.push(id[1]!);
    if (line.startsWith('  nsm ')) current.commands.push(line.trim());
  }
  return found;
}

/** Lines wider than `width` columns, after ANSI escapes are stripped. */
export const tooWide = linesWiderThan;

export function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

/** A fresh demo store (built in-process at the test clock). */
export async function demoStore(): Promise<string> {
  const store = tempStore();
  const run = await nsmIn(['demo', '--store', store]);
  if (run.status !== 0) throw new Error(`nsm demo failed: ${run.stderr}`);
  return store;
}

/** A settings file holding `settings`, for NSM_CONFIG. */
export function settingsFile(settings: Record<string, string>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nsm-home-config-')), 'config.json');
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

interface Identified {
  id: string;
}

/** What the list commands say each section should hold, read from the store's own JSON. */
export async function expectedIds(store: string, env: Record<string, string>, precinct: string) {
  const run = async <T>(args: string[]) =>
    json<T>(await nsmIn([...args, '--precinct', precinct, '--json'], { store, env }));
  const now = new Date(env.NSM_NOW ?? NOW).getTime();
  const upcoming = await run<Identified[]>(['meeting', 'list', '--upcoming']);
  const scheduled = await run<Array<Identified & { end: string }>>([
    'meeting',
    'list',
    '--status',
    'scheduled',
  ]);
  const overdue = await run<Identified[]>(['solution', 'list', '--overdue']);
  const issues = await run<Array<Identified & { status: string }>>(['issue', 'list']);
  const ids = (records: Identified[]) => records.map((r) => r.id);
  return {
    nextMeetings: ids(upcoming).slice(0, 5),
    nextMeetingsTotal: upcoming.length,
    pastUnmarked: ids(scheduled.filter((m) => new Date(m.end).getTime() <= now)),
    overdueSolutions: ids(overdue),
    oldestOpenIssues: ids(issues.filter((i) => i.status === 'open' || i.status === 'in-progress')).slice(
      0,
      5,
    ),
  };
}

/** Runs the built nsm on a pseudo-terminal of the given size; returns what the terminal shows. */
export function onSizedTerminal(
  args: string[],
  size: WindowSize,
  env: Record<string, string>,
): { output: string; status: number } {
  return onTerminal(args, env.NSM_STORE ?? '', [], env, size);
}
