// What bench/run.mjs measures: each case is an nsm command on a store, with the floor it is
// compared with and its budget (the most the ratio of medians, case / floor, may be).
//
// A case is { id, label, store, command(i), floor: { label, command(i) }, budget, kind } where
// command(i) gives the command of the i-th run (write cases change their arguments every run),
// kind is 'budget' (has a budget), 'info' (reported only) or 'taskwarrior', and store names the
// store in the table ("scale 1", "demo", ...).

import { join } from 'node:path';
import { BIN, PARSE_FLOOR, WRITE_FLOOR } from './paths.mjs';
import { nsmEnv } from './stores.mjs';

/** An nsm command on a store. */
function nsm(storePath, args) {
  return { file: process.execPath, args: [BIN, ...args], env: nsmEnv(storePath) };
}

/** `node -e 0`: starting Node and doing nothing, the least any command costs. */
export function nodeFloor() {
  return {
    label: 'node -e 0',
    command: () => ({ file: process.execPath, args: ['-e', '0'], env: process.env }),
  };
}

/** A Node process that reads and parses the store: the least a command reading the store costs. */
export function parseFloor(storePath) {
  return {
    label: 'parse floor',
    command: () => ({ file: process.execPath, args: [PARSE_FLOOR, storePath], env: process.env }),
  };
}

/** Read, parse, serialize and durably replace a scratch copy: the least a change to the store costs. */
export function writeFloor(storePath, scratchPath) {
  return {
    label: 'write floor',
    command: () => ({
      file: process.execPath,
      args: [WRITE_FLOOR, storePath, scratchPath],
      env: process.env,
    }),
  };
}

/** A free slot for a new meeting, a week later for each run: Tuesdays from 2030-01-08, 7 pm. */
function freeSlot(i) {
  const day = new Date(Date.UTC(2030, 0, 8 + 7 * i)).toISOString().slice(0, 10);
  return `${day} 19:00`;
}

/** A new issue's summary, different each run. */
function benchSummary(i) {
  return `Bench: cars double parked outside the school (run ${i + 1})`;
}

/** The cases on the demo store (a small store: what start-up costs). */
export function demoCases(demo) {
  return [
    {
      id: 'version',
      label: 'nsm --version',
      store: 'demo',
      command: () => nsm(demo.path, ['--version']),
      floor: nodeFloor(),
      budget: 1.5,
      kind: 'budget',
    },
    {
      id: 'meeting-next',
      label: 'meeting next --sector 75A',
      store: 'demo',
      command: () => nsm(demo.path, ['meeting', 'next', '--sector', '75A']),
      floor: nodeFloor(),
      budget: 2,
      kind: 'budget',
    },
  ];
}

/**
 * The budgeted cases on a generated store, measured at every scale (the scaling table). `s` is
 * { label, path, scratch, generated, facts, out }: `path` is the private copy of the store that
 * nsm has written (see makeWorkCopy), which reads and writes alike use; `scratch` is the write
 * floor's; `generated` is the generator's own file.
 */
export function storeCases(s) {
  const parse = parseFloor(s.path);
  const write = writeFloor(s.path, s.scratch);
  return [
    {
      id: 'meeting-list',
      label: 'meeting list --sector 75A',
      command: () => nsm(s.path, ['meeting', 'list', '--sector', '75A']),
      floor: parse,
      budget: 1.3,
    },
    {
      id: 'issue-list',
      label: 'issue list --sector 75A',
      command: () => nsm(s.path, ['issue', 'list', '--sector', '75A']),
      floor: parse,
      budget: 1.3,
    },
    {
      id: 'agenda',
      label: `agenda ${s.facts.nextIn75A} (75A's next meeting)`,
      command: () => nsm(s.path, ['agenda', s.facts.nextIn75A]),
      floor: parse,
      budget: 1.3,
    },
    {
      id: 'issue-raise',
      label: `issue raise --meeting ${s.facts.heldIn75A} --summary … (a write)`,
      command: (i) =>
        nsm(s.path, [
          'issue',
          'raise',
          '--meeting',
          s.facts.heldIn75A,
          '--summary',
          benchSummary(i),
          '--category',
          'parking',
        ]),
      floor: write,
      budget: 1.3,
    },
    {
      id: 'meeting-schedule',
      label: 'meeting schedule --sector 75A --at <free slot> --force (a write)',
      command: (i) => nsm(s.path, ['meeting', 'schedule', '--sector', '75A', '--at', freeSlot(i), '--force']),
      floor: write,
      budget: 1.3,
    },
    {
      id: 'report-issues',
      label: 'report issues --precinct all',
      command: () => nsm(s.path, ['report', 'issues', '--precinct', 'all']),
      floor: parse,
      budget: 2,
    },
    {
      id: 'calendar',
      label: 'calendar --precinct all -o <file> --force',
      command: (i) =>
        nsm(s.path, ['calendar', '--precinct', 'all', '-o', join(s.out, `calendar-${i % 2}.ics`), '--force']),
      floor: parse,
      budget: 4,
    },
  ].map((c) => ({ ...c, store: s.label, kind: 'budget' }));
}

/**
 * The other commands the old scripts/bench.mjs timed, reported against the parse floor with no
 * budget; and a read of the generator's file, which nsm did not write, so checks in full.
 */
export function infoCases(s) {
  const parse = parseFloor(s.path);
  return [
    {
      id: 'issue-list-unchecked',
      label: 'issue list --sector 75A (a store nsm did not write: checked in full)',
      command: () => nsm(s.generated, ['issue', 'list', '--sector', '75A']),
      floor: parseFloor(s.generated),
    },
    { id: 'home', label: 'nsm (home screen)', command: () => nsm(s.path, []) },
    { id: 'precinct-list', label: 'precinct list', command: () => nsm(s.path, ['precinct', 'list']) },
    {
      id: 'sector-locate',
      label: 'sector locate --lat 40.7484 --lon -73.9857',
      command: () => nsm(s.path, ['sector', 'locate', '--lat', '40.7484', '--lon', '-73.9857']),
    },
    {
      id: 'minutes-pdf',
      label: `minutes ${s.facts.heldIn75A} -o x.pdf --force`,
      command: (i) =>
        nsm(s.path, ['minutes', s.facts.heldIn75A, '-o', join(s.out, `minutes-${i % 2}.pdf`), '--force']),
    },
    { id: 'report-rollout', label: 'report rollout', command: () => nsm(s.path, ['report', 'rollout']) },
    {
      id: 'report-staffing',
      label: 'report staffing --precinct all',
      command: () => nsm(s.path, ['report', 'staffing', '--precinct', 'all']),
    },
    {
      id: 'complete-sector',
      label: '__complete sector',
      command: () => nsm(s.path, ['__complete', 'sector']),
    },
    {
      id: 'nco-add',
      label: 'nco add --name … --shield … --precinct 75 (a write)',
      command: (i) =>
        nsm(s.path, [
          'nco',
          'add',
          '--name',
          `Bench Officer ${i + 1}`,
          '--shield',
          String(900000 + i),
          '--precinct',
          '75',
        ]),
    },
  ].map((c) => ({ floor: parse, ...c, store: s.label, budget: null, kind: 'info' }));
}

/**
 * nsm against Taskwarrior with as many open issues as pending tasks. `s` is the open-issues store
 * (as for storeCases); `taskEnv` runs `task` on the imported tasks.
 */
export function taskwarriorCases(s, taskEnv, version) {
  const task = (args) => ({ file: 'task', args, env: taskEnv });
  const sector = s.facts.busiest;
  return [
    {
      id: 'tw-list',
      label: `issue list --sector ${sector} (busiest: ${s.facts.busiestOpen} open)`,
      command: () => nsm(s.path, ['issue', 'list', '--sector', sector]),
      floor: { label: `task list (Taskwarrior ${version})`, command: () => task(['list']) },
      budget: 1,
      kind: 'taskwarrior',
    },
    {
      // The same command against the same scope: the sector's tasks only.
      id: 'tw-list-sector',
      label: `issue list --sector ${sector} (same scope)`,
      command: () => nsm(s.path, ['issue', 'list', '--sector', sector]),
      floor: { label: `task project:${sector} list`, command: () => task([`project:${sector}`, 'list']) },
      budget: null,
      kind: 'taskwarrior',
    },
    {
      id: 'tw-add',
      label: `issue raise --meeting ${s.facts.heldInBusiest} --summary … (a write)`,
      command: (i) =>
        nsm(s.path, [
          'issue',
          'raise',
          '--meeting',
          s.facts.heldInBusiest,
          '--summary',
          benchSummary(i),
          '--category',
          'parking',
        ]),
      floor: {
        label: 'task add …',
        command: (i) => task(['add', benchSummary(i), `project:${sector}`, '+parking']),
      },
      budget: null,
      kind: 'taskwarrior',
    },
  ].map((c) => ({ ...c, store: s.label }));
}
