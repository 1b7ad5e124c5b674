import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import { demoStore } from '../helpers/demo.js';

/** The demo store: NCOs in the 75th and 14th (75E and 14E one short), none in the other precincts. */
let demo: string;
beforeAll(async () => {
  demo = await demoStore();
});

/** A fresh copy of the demo store, for a test that changes it. */
const demoCopy = demoStore;

function settings(values: Record<string, string>): Record<string, string> {
  const path = join(mkdtempSync(join(tmpdir(), 'nsm-config-')), 'config.json');
  writeFileSync(path, JSON.stringify(values));
  return { NSM_CONFIG: path };
}

interface Finding {
  level: string;
  code: string;
  message: string;
}

interface DoctorJson {
  ok: boolean;
  precinct: number | null;
  findings: Finding[];
  backups: Array<{ name: string; savedAt: string; replacedBy: string | null }>;
}

async function doctor(store: string, args: string[] = [], env: Record<string, string> = {}) {
  const run = await nsmIn(['doctor', ...args, '--json'], { store, env });
  return { status: run.status, report: JSON.parse(run.stdout) as DoctorJson };
}

const codes = (report: DoctorJson) => report.findings.map((f) => f.code);

describe('doctor scopes its staffing findings to a precinct', () => {
  it('with no setting it looks at every precinct', async () => {
    const { report } = await doctor(demo);
    expect(report.precinct).toBeNull();
    expect(report.findings.filter((f) => f.code === 'sectors-below-two-ncos').map((f) => f.message)).toEqual([
      'precinct 14: 14E (1) has fewer than two NCOs today',
      'precinct 75: 75E (1) has fewer than two NCOs today',
    ]);
    expect(codes(report)).toContain('precincts-without-ncos');
    expect(codes(report)).toContain('precinct-without-sectors'); // the 116th
  });

  it('the precinct setting narrows them to that precinct, and the output says so', async () => {
    const env = settings({ precinct: '75' });
    const { report } = await doctor(demo, [], env);
    expect(report.precinct).toBe(75);
    expect(report.findings).toEqual([
      {
        level: 'warning',
        code: 'sectors-below-two-ncos',
        message: 'precinct 75: 75E (1) has fewer than two NCOs today',
      },
    ]);
    const text = await nsmIn(['doctor'], { store: demo, env, terminal: 80 });
    expect(text.stdout).toMatch(/^Staffing checked +precinct 75 \(every precinct: --precinct all\)$/m);
    expect(text.stdout).not.toContain('14E');
  });

  it('--precinct all widens past the setting, --precinct 14 picks another', async () => {
    const env = settings({ precinct: '75' });
    const all = (await doctor(demo, ['--precinct', 'all'], env)).report;
    expect(all.precinct).toBeNull();
    expect(codes(all)).toContain('precincts-without-ncos');
    const other = (await doctor(demo, ['--precinct', '14'], env)).report;
    expect(other.findings.map((f) => f.message)).toEqual([
      'precinct 14: 14E (1) has fewer than two NCOs today',
    ]);
    const text = await nsmIn(['doctor', '--precinct', 'all'], { store: demo, env });
    expect(text.stdout).toMatch(/^Staffing checked\tevery precinct$/m);
  });

  it('store-wide integrity checks run whatever the precinct', async () => {
    const store = await demoCopy();
    const data = JSON.parse(readFileSync(store, 'utf8')) as {
      ncos: Array<{ id: string; assignments: Array<{ sector: string }> }>;
    };
    // An NCO of the 14th assigned to a sector that does not exist: found even when looking at the 75th.
    const n10 = data.ncos.find((n) => n.id === 'N10')!;
    n10.assignments[0]!.sector = '14Z';
    writeFileSync(store, JSON.stringify(data));
    const { status, report } = await doctor(store, ['--precinct', '75']);
    expect(status).toBe(6);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual({
      level: 'error',
      code: 'assignment-sector',
      message: 'N10 is assigned to 14Z, which is not in the store',
    });
    expect(codes(report)).not.toContain('precincts-without-ncos');
  });

  it('a default precinct the store lacks is a warning, not a failure', async () => {
    const { status, report } = await doctor(demo, [], settings({ precinct: '117' }));
    expect(status).toBe(0);
    expect(report.findings).toEqual([
      expect.objectContaining({ level: 'warning', code: 'unknown-precinct' }),
    ]);
    expect(report.findings[0]!.message).toMatch(/^precinct 117 is not in the store/);
  });

  it('a --precinct that is not a precinct number is a usage error', async () => {
    const run = await nsmIn(['doctor', '--precinct', 'seventy'], { store: demo });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('times a person sees are New York times', () => {
  // The test clock is 2026-11-26T17:00Z: noon in New York.
  it('undo --list: 12:00 PM on a terminal, ISO with the New York offset in TSV and JSON', async () => {
    const store = await demoCopy();
    expect((await nsmIn(['nco', 'edit', 'N1', '--rank', 'Sergeant'], { store })).status).toBe(0);
    const shown = await nsmIn(['undo', '--list'], { store, terminal: 100 });
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(
      /│ 1 │ Thu Nov 26 2026, 12:00 PM \(today\) +│ nsm nco edit N1 --rank Sergeant +│ yes/,
    );
    expect(shown.stdout).not.toMatch(/5:00 PM|17:00/);
    const piped = await nsmIn(['undo', '--list'], { store });
    expect(piped.stdout.split('\n')[1]).toBe(
      '1\t2026-11-26T12:00:00-05:00\tnsm nco edit N1 --rank Sergeant\tyes',
    );
    const listed = JSON.parse((await nsmIn(['undo', '--list', '--json'], { store })).stdout) as Array<{
      at: string;
    }>;
    expect(listed[0]!.at).toBe('2026-11-26T12:00:00-05:00');
  });

  it('undo says when the change it reversed was made, in New York time', async () => {
    const store = await demoCopy();
    await nsmIn(['nco', 'edit', 'N1', '--rank', 'Sergeant'], { store });
    const run = await nsmIn(['undo'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      'Undid change #1 of Thu Nov 26 2026, 12:00 PM: nsm nco edit N1 --rank Sergeant\n',
    );
    const json = JSON.parse((await nsmIn(['undo', '--list', '--json'], { store })).stdout) as unknown[];
    expect(json).toEqual([]);
  });

  it('doctor lists backups with the New York time their change was made', async () => {
    const store = await demoCopy();
    await nsmIn(['nco', 'edit', 'N1', '--rank', 'Sergeant'], { store });
    const { report } = await doctor(store);
    expect(report.backups).toEqual([
      expect.objectContaining({
        savedAt: '2026-11-26T12:00:00-05:00',
        replacedBy: 'nsm nco edit N1 --rank Sergeant',
      }),
    ]);
    const shown = await nsmIn(['doctor'], { store, terminal: 100 });
    expect(shown.stdout).toMatch(
      /│ \d{6} +│ Thu Nov 26 2026, 12:00 PM \(today\) +│ nsm nco edit N1 --rank Sergeant/,
    );
    const name = report.backups[0]!.name;
    const restored = await nsmIn(['doctor', '--restore', name], { store });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(
      new RegExp(`^Restored backup ${name}\\.json \\(saved Thu Nov 26 2026, 12:00 PM\\)\\.`),
    );
  });
});

describe('init and demo', () => {
  it('init refuses an existing store (exit 3) and leaves it byte-identical', async () => {
    const store = await demoCopy();
    const before = bytes(store);
    const run = await nsmIn(['init'], { store });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^nsm: a store already exists at .* — .*nsm init --force.*\n$/);
    expect(bytes(store).equals(before)).toBe(true);
  });

  it('init --empty makes a store with no reference data, and says where on stdout', async () => {
    const store = tempStore();
    const run = await nsmIn(['init', '--empty', '--json'], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ store, precincts: 0, sectors: 0, replaced: null });
  });

  it('demo builds where --store says', async () => {
    const target = tempStore();
    const run = await nsmIn(['demo', '--store', target, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ store: target, ncos: 18 });
    expect(existsSync(target)).toBe(true);
  });

  it('demo without --store never builds in the store NSM_STORE names', async () => {
    const mine = tempStore();
    const run = await nsmIn(['demo', '--json'], { store: mine });
    expect(run.status, run.stderr).toBe(0);
    const built = (JSON.parse(run.stdout) as { store: string }).store;
    expect(built).not.toBe(mine);
    expect(built.startsWith(tmpdir())).toBe(true);
    expect(existsSync(mine)).toBe(false);
  });

  it('demo without --store never builds in the store the store setting names', async () => {
    const mine = tempStore();
    const run = await nsmIn(['demo', '--json'], { env: settings({ store: mine }) });
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { store: string }).store).not.toBe(mine);
    expect(existsSync(mine)).toBe(false);
  });

  it('demo refuses a --store that exists (exit 3), byte-identical', async () => {
    const store = await demoCopy();
    const before = bytes(store);
    const run = await nsmIn(['demo', '--store', store]);
    expect(run.status).toBe(3);
    expect(bytes(store).equals(before)).toBe(true);
  });
});

describe('the commands have the help their definitions give', () => {
  it('doctor --help names --precinct and its setting', async () => {
    const run = await nsmIn(['doctor', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /--precinct <pct> +the precinct whose staffing is checked .*\[setting: precinct\]/s,
    );
  });
});
