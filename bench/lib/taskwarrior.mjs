// Taskwarrior for bench/run.mjs: the to-do list nsm's issue ledger is compared with. A fresh,
// private TASKDATA and TASKRC hold one pending task per outstanding issue of the open-issues store
// (loaded with `task import` from a JSON file made from that store, so it is deterministic).
//
// The rc keeps Taskwarrior's defaults (garbage collection, verbosity, colour rules, reports) but
// for what a benchmark cannot have or a settled user would not see: confirmation=off (no prompts),
// hooks=off (no user scripts), news.version (the "please run task news" reminder of a fresh 2.6).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The installed Taskwarrior's version, or `{ missing: why }`. */
export function taskwarriorVersion() {
  const r = spawnSync('task', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error)
    return {
      missing:
        r.error.code === 'ENOENT'
          ? '`task` is not on PATH (Debian: apt-get install taskwarrior)'
          : r.error.message,
    };
  if (r.status !== 0) return { missing: `task --version exited ${r.status}` };
  return { version: r.stdout.trim() };
}

/** A version-4-shaped UUID from a text, so the same issue always gives the same task. */
function uuidFrom(text) {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Taskwarrior's date form (20261126T170000Z) of an ISO instant. */
function taskDate(iso) {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The open and in-progress issues of a store as Taskwarrior tasks: summary, sector as project, category as tag. */
export function writeTasksFile(storePath, file) {
  const store = JSON.parse(readFileSync(storePath, 'utf8'));
  const tasks = store.issues
    .filter((i) => i.status === 'open' || i.status === 'in-progress')
    .map((i) => ({
      uuid: uuidFrom(`nsm-bench|${i.id}`),
      description: i.summary,
      status: 'pending',
      entry: taskDate(i.createdAt),
      modified: taskDate(i.createdAt),
      project: i.sector,
      tags: [i.category],
      ...(i.status === 'in-progress' ? { start: taskDate(i.createdAt) } : {}),
    }));
  writeFileSync(file, JSON.stringify(tasks) + '\n');
  return tasks.length;
}

/**
 * A fresh Taskwarrior in `folder` holding the tasks of `tasksFile`. Returns the environment to
 * run `task` with. Throws when the import does not leave exactly `expected` pending tasks.
 */
export function freshTaskwarrior(folder, tasksFile, expected, version) {
  rmSync(folder, { recursive: true, force: true });
  const data = join(folder, 'data');
  mkdirSync(data, { recursive: true });
  const rc = join(folder, 'taskrc');
  const [major, minor] = version.split('.');
  writeFileSync(
    rc,
    [`data.location=${data}`, 'confirmation=off', 'hooks=off', `news.version=${major}.${minor}.0`, ''].join(
      '\n',
    ),
  );
  const env = { ...process.env, TASKRC: rc, TASKDATA: data };
  const run = (args) => {
    const r = spawnSync('task', args, {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
    });
    if (r.error || r.status !== 0)
      throw new Error(`task ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
    return r.stdout;
  };
  run(['import', tasksFile]);
  const pending = Number(run(['status:pending', 'count']).trim());
  if (pending !== expected)
    throw new Error(`Taskwarrior holds ${pending} pending tasks after the import, not ${expected}`);
  if (!existsSync(join(data, 'pending.data'))) throw new Error('Taskwarrior wrote no pending.data');
  return env;
}
