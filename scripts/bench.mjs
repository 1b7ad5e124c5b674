#!/usr/bin/env node
// Times whole nsm command runs on a small and a large store (median of N runs, in ms).
// Usage: npm run bench [-- --runs 7]. Needs a build (npm run build).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialStore } from '../dist/domain/initial-store.js';
import { loadReference } from '../dist/reference/reference.js';
import { serializeStore } from '../dist/store/store.js';

const outputs = mkdtempSync(join(tmpdir(), 'nsm-bench-out-'));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const bin = new URL('../bin/nsm.js', import.meta.url).pathname;
const NOW = '2026-11-26T17:00:00Z';

async function makeStore(ncos, meetings) {
  const store = initialStore(await loadReference(), NOW);
  for (let i = 0; i < ncos; i++) {
    const sector = store.sectors[i % store.sectors.length];
    store.ncos.push({
      id: `N${i + 1}`,
      name: `Bench Officer ${i + 1}`,
      shield: String(100000 + i),
      rank: 'Police Officer',
      precinct: sector.precinct,
      email: null,
      phone: null,
      assignments: [{ sector: sector.id, from: '2025-01-01', to: null }],
    });
  }
  store.nextId.nco = ncos + 1;
  for (let i = 0; i < meetings; i++) {
    const sector = store.sectors[i % store.sectors.length];
    const week = Math.floor(i / store.sectors.length);
    const day = new Date(Date.UTC(2026, 11, 1 + week * 7 + (i % 5))).toISOString().slice(0, 10);
    store.meetings.push({
      id: `M${i + 1}`,
      uuid: randomUUID(),
      precinct: sector.precinct,
      sector: sector.id,
      title: `Sector ${sector.id} Neighborhood Safety Meeting`,
      start: `${day}T19:00`,
      durationMinutes: 60,
      location: `Room ${i % 97}`,
      address: null,
      onlineUrl: null,
      seriesId: null,
      // The first is held, so that its minutes can be printed.
      status: i === 0 ? 'held' : 'scheduled',
      revision: 0,
      attendance: i === 0 ? 20 : null,
      notes: null,
      cancelReason: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
  }
  store.nextId.meeting = meetings + 1;
  // A ledger: one issue per meeting, raised in 2026 and in every status, each with a solution.
  const statuses = ['open', 'in-progress', 'resolved', 'closed'];
  for (let i = 0; i < meetings; i++) {
    const meeting = store.meetings[i];
    const raisedOn = `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    const status = statuses[i % 4];
    const history = [{ on: raisedOn, status: 'open', note: 'raised', meetingId: meeting.id }];
    if (status !== 'open') history.push({ on: '2026-11-01', status, note: 'moved', meetingId: null });
    store.issues.push({
      id: `I${i + 1}`,
      meetingId: meeting.id,
      precinct: meeting.precinct,
      sector: meeting.sector,
      category: ['traffic', 'noise', 'quality-of-life', 'drugs'][i % 4],
      summary: `Bench issue ${i + 1} on the block`,
      details: null,
      location: null,
      raisedBy: null,
      private: i % 10 === 0,
      status,
      raisedOn,
      history,
      createdAt: NOW,
    });
    store.solutions.push({
      id: `S${i + 1}`,
      issueId: `I${i + 1}`,
      summary: `Bench solution ${i + 1}`,
      owner: 'DOT',
      ownerKind: 'agency',
      due: '2026-10-15',
      status: i % 3 === 0 ? 'done' : 'agreed',
      agreedAt: meeting.id,
      history: [{ on: raisedOn, status: 'agreed', note: 'agreed', meetingId: meeting.id }],
      createdAt: NOW,
    });
  }
  store.nextId.issue = meetings + 1;
  store.nextId.solution = meetings + 1;
  const path = join(mkdtempSync(join(tmpdir(), 'nsm-bench-')), 'store.json');
  writeFileSync(path, serializeStore(store), { mode: 0o600 });
  return path;
}

function time(args, store) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args(i)], {
      env: {
        ...process.env,
        NSM_STORE: store,
        NSM_NOW: NOW,
        NSM_CONFIG: join(tmpdir(), 'nsm-bench-no-config.json'),
      },
      encoding: 'utf8',
    });
    samples.push(performance.now() - started);
    if (r.status !== 0) throw new Error(`nsm ${args(i).join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return Math.round(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]);
}

const cases = [
  ['nsm --version', () => ['--version']],
  ['precinct list', () => ['precinct', 'list']],
  ['sector locate', () => ['sector', 'locate', '--lat', '40.7484', '--lon', '-73.9857']],
  ['meeting next --sector 75A', () => ['meeting', 'next', '--sector', '75A']],
  ['meeting list --sector 75A', () => ['meeting', 'list', '--sector', '75A']],
  [
    'meeting list --precinct 75 --format csv',
    () => ['meeting', 'list', '--precinct', '75', '--format', 'csv'],
  ],
  ['nsm (home screen, every precinct)', () => []],
  [
    'calendar --precinct all -o <file> (every meeting)',
    (i) => ['calendar', '--precinct', 'all', '-o', join(outputs, `calendar-${i}.ics`), '--force'],
  ],
  [
    'minutes M1 -o <file> (PDF, fonts embedded)',
    (i) => ['minutes', 'M1', '-o', join(outputs, `minutes-${i}.pdf`), '--force'],
  ],
  ['agenda M2 --format html', () => ['agenda', 'M2', '--format', 'html']],
  ['report rollout', () => ['report', 'rollout']],
  [
    'report rollout --format svg -o <file> (the map)',
    (i) => ['report', 'rollout', '--format', 'svg', '-o', join(outputs, `map-${i}.svg`), '--force'],
  ],
  ['report staffing --precinct all', () => ['report', 'staffing', '--precinct', 'all']],
  ['report issues --precinct all', () => ['report', 'issues', '--precinct', 'all']],
  ['__complete sector (completion)', () => ['__complete', 'sector']],
  [
    'nco add (a write)',
    (i) => [
      'nco',
      'add',
      '--name',
      'Timing Officer',
      '--shield',
      String(900000 + i + Math.floor(Math.random() * 9000) * 10),
      '--precinct',
      '75',
    ],
  ],
  [
    'meeting schedule (a write)',
    (i) => [
      'meeting',
      'schedule',
      '--sector',
      '75A',
      '--at',
      `2030-0${1 + (i % 9)}-1${i % 10} 19:00`,
      '--force',
    ],
  ],
];

const small = await makeStore(20, 400);
const large = await makeStore(2000, 20000);
console.log(
  `node ${process.version}; median of ${runs} runs; small store ${Math.round(statSync(small).size / 1024)} KB (20 NCOs, 400 meetings and issues), large store ${(statSync(large).size / 1048576).toFixed(1)} MB (2,000 NCOs, 20,000 meetings, 20,000 issues and solutions)\n`,
);
console.log('| command | small store | large store |');
console.log('|---|---:|---:|');
for (const [name, args] of cases)
  console.log(`| ${name} | ${time(args, small)} ms | ${time(args, large)} ms |`);
