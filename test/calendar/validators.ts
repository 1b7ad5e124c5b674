import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Drives the two outside validators of the calendar tests: libical (the C parser Evolution uses,
 * through libical-check.py) and khal (a terminal calendar client built on Python's icalendar).
 * Debian packages: python3-gi gir1.2-ical-3.0 khal (.ci/run installs them; under CI their absence fails).
 */

const PYTHON = '/usr/bin/python3'; // Debian's own: a python3 earlier on PATH may not see python3-gi
const CHECKER = join(import.meta.dirname, 'libical-check.py');
const CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/** Whether a tool runs here. Under CI a missing tool is a broken set-up, so it fails the run. */
function installed(packages: string, command: string, args: string[]): boolean {
  const ok = spawnSync(command, args, { encoding: 'utf8' }).status === 0;
  if (!ok && CI) throw new Error(`${command} cannot run: .ci/run installs Debian ${packages}`);
  return ok;
}
const GI_IMPORT = 'import gi; gi.require_version("ICalGLib", "3.0"); from gi.repository import ICalGLib';
export const LIBICAL = installed('python3-gi gir1.2-ical-3.0', PYTHON, ['-c', GI_IMPORT]);
export const KHAL = installed('khal', 'khal', ['--version']);
const unless = (ok: boolean, packages: string) =>
  ok ? '' : ` (SKIPPED: not installed here; apt-get install -y ${packages})`;
export const NO_LIBICAL = unless(LIBICAL, 'python3-gi gir1.2-ical-3.0');
export const NO_KHAL = unless(KHAL, 'khal');

export function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nsm-validators-')), name);
  writeFileSync(file, text);
  return file;
}

/** libical's reading of one event. */
export interface LibicalEvent {
  uid: string;
  start: string;
  end: string;
  status: string | null;
  sequence: number;
  summary: string | null;
  location: string | null;
}

/** Runs libical-check.py: exit status, its complaints, and the events libical read when it had none. */
export function libical(file: string, events?: number) {
  const args = [CHECKER, file, ...(events === undefined ? [] : ['--events', String(events)])];
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 20_000 });
  const parsed = run.status === 0 ? (JSON.parse(run.stdout) as LibicalEvent[]) : [];
  return { status: run.status, stderr: run.stderr, events: parsed };
}

/** A throwaway khal: its own config, vdir and database, fixed formats, a TZ that is neither zone listed. */
function khalSandbox(): (zone: string, args: string[]) => string {
  const dir = mkdtempSync(join(tmpdir(), 'nsm-khal-'));
  mkdirSync(join(dir, 'vdir'));
  const env = { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'Asia/Tokyo' };
  const config = (zone: string) => {
    const file = join(dir, `${zone.replace('/', '-')}.conf`);
    const formats = ['timeformat = %H:%M', 'dateformat = %Y-%m-%d', 'longdateformat = %Y-%m-%d'];
    const text = [
      `[calendars]\n[[nsm]]\npath = ${join(dir, 'vdir')}`,
      `[sqlite]\npath = ${join(dir, `${zone.replace('/', '-')}.db`)}`,
      `[locale]\nlocal_timezone = ${zone}\ndefault_timezone = ${zone}`,
      ...formats,
      'datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n',
    ];
    writeFileSync(file, text.join('\n'));
    return file;
  };
  const xdg = { XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') };
  return (zone, args) => {
    const run = spawnSync('khal', ['-c', config(zone), ...args], {
      env: { ...env, ...xdg },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.status !== 0 || run.stderr.trim() !== '')
      throw new Error(
        `khal ${args[0]} exited ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`,
      );
    return run.stdout;
  };
}

/** Imports a file into a fresh khal and lists it in two zones: `{uid: "start end [CANCELLED]"}` per zone. */
export function throughKhal(file: string, from: string, to: string) {
  const khal = khalSandbox();
  khal('America/New_York', ['import', '--batch', '-a', 'nsm', file]);
  const format = '{uid}{tab}{start}{tab}{end}{tab}{cancelled}';
  const list = (zone: string) => {
    const out = khal(zone, ['list', '--once', '-a', 'nsm', '--day-format', '', '--format', format, from, to]);
    const rows = out.split('\n').filter((line) => line.includes('\t'));
    return Object.fromEntries(
      rows.map((row) => row.split('\t')).map(([uid, ...rest]) => [uid, rest.join(' ').trim()]),
    );
  };
  return { newYork: list('America/New_York'), utc: list('UTC') };
}
