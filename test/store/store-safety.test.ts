import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/domain/schema.js';
import { bytes, initializedStore, json, tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import {
  IS_ROOT,
  NOBODY,
  addArgs,
  addNco,
  backupNames,
  expectFailure,
  ncoCount,
  nsmUnprivileged,
  nsmWithin,
  readStore,
  snapshot,
} from './store-helpers.js';

const READ = ['precinct', 'list'];
const WRITE = addArgs(1);

/** A real store's text, to damage in different ways. */
function realStoreText(): string {
  return readFileSync(initializedStore(), 'utf8');
}

interface BadStore {
  name: string;
  /** Puts the bad store in place at `store`. */
  make: (store: string) => void;
  message: RegExp;
}

const BAD_STORES: BadStore[] = [
  { name: 'a folder', make: (s) => mkdirSync(s), message: /folder/ },
  { name: 'an empty file', make: (s) => writeFileSync(s, ''), message: /is empty/ },
  { name: 'a file of blanks', make: (s) => writeFileSync(s, ' \n\n'), message: /is empty/ },
  {
    name: 'truncated JSON (a real store cut in half)',
    make: (s) => {
      const text = realStoreText();
      writeFileSync(s, text.slice(0, Math.floor(text.length / 2)));
    },
    message: /not valid JSON.*cut short/,
  },
  { name: 'a JSON array', make: (s) => writeFileSync(s, '[]\n'), message: /not an nsm store/ },
  {
    name: 'an empty JSON object',
    make: (s) => writeFileSync(s, '{}\n'),
    message: /not an nsm store.*schemaVersion/,
  },
  { name: 'JSON null', make: (s) => writeFileSync(s, 'null'), message: /not an nsm store/ },
  {
    name: 'a real store with a sector id changed to a number',
    make: (s) => {
      const data = JSON.parse(realStoreText()) as { sectors: Array<{ id: unknown }> };
      data.sectors[3]!.id = 753;
      writeFileSync(s, JSON.stringify(data));
    },
    message: /does not validate as an nsm store \(sectors\.3\.id/,
  },
  {
    name: 'a store written by a newer nsm (schemaVersion 99)',
    make: (s) => {
      const data = JSON.parse(realStoreText()) as { schemaVersion: number };
      data.schemaVersion = 99;
      writeFileSync(s, JSON.stringify(data));
    },
    message: new RegExp(
      `written by a newer nsm \\(store format 99; this nsm reads up to ${SCHEMA_VERSION}\\).*upgrade nsm`,
    ),
  },
];

describe('stores nsm refuses to use', () => {
  for (const bad of BAD_STORES) {
    for (const [kind, args] of [
      ['a read', READ],
      ['a write', WRITE],
    ] as const) {
      it(`${bad.name}: ${kind} exits 6 with a clear message and changes nothing`, async () => {
        const store = tempStore();
        bad.make(store);
        const before = snapshot(store);
        expectFailure(await nsmIn([...args], { store }), 6, bad.message);
        expect(snapshot(store)).toEqual(before);
      });
    }
  }

  it('doctor on a damaged store exits 6 and reports it as unreadable, keeping the file', async () => {
    const store = initializedStore();
    writeFileSync(store, '{"schemaVersion": 1, "precincts": [');
    const before = bytes(store);
    const run = await nsmIn(['doctor', '--json'], { store });
    expect(run.status).toBe(6);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      findings: Array<{ code: string; message: string }>;
    };
    expect(report.ok).toBe(false);
    expect(report.findings.find((f) => f.code === 'unreadable')?.message).toMatch(/not valid JSON/);
    expect(bytes(store).equals(before)).toBe(true);
  });

  it('a missing store: reads and writes say to run nsm init (exit 6), and nothing is created', async () => {
    const store = tempStore();
    for (const args of [READ, WRITE])
      expectFailure(await nsmIn(args, { store }), 6, /there is no store at .*nsm init/);
    expect(snapshot(store).size).toBe(0);
  });

  it('init refuses a folder as the store path (exit 7) and leaves the folder alone', async () => {
    const store = tempStore();
    mkdirSync(store);
    expectFailure(await nsmIn(['init'], { store }), 7, /folder/);
    expect(statSync(store).isDirectory()).toBe(true);
  });
});

describe('a store that cannot be written', () => {
  const restore: string[] = [];
  afterEach(() => {
    for (const dir of restore.splice(0)) chmodSync(dir, 0o700);
  });

  it.skipIf(!existsSync('/proc/self'))(
    'init in a place no one can create folders (/proc) exits 7 promptly',
    () => {
      const run = nsmWithin(['init'], '/proc/nsm-test/store.json', 10_000);
      expect(run.timedOut, 'nsm init hung').toBe(false);
      expectFailure(run, 7, /cannot write \/proc\/nsm-test\/store\.json/);
      expect(existsSync('/proc/nsm-test')).toBe(false);
    },
  );

  it('a change in a read-only folder exits 7 and leaves the store byte-identical', async () => {
    const store = initializedStore();
    await addNco(store, 1);
    // As root, hand the folder to the unprivileged account the commands will run as.
    if (IS_ROOT) for (const path of [dirname(store), store]) chownSync(path, NOBODY, NOBODY);
    const before = snapshot(store);
    chmodSync(dirname(store), 0o555);
    restore.push(dirname(store));
    expect(nsmUnprivileged(['nco', 'list', '--json'], store).status, 'the store is readable').toBe(0);
    expectFailure(nsmUnprivileged(addArgs(2), store), 7, /cannot write .*permission denied/);
    expectFailure(nsmUnprivileged(['init', '--force'], store), 7, /permission denied/);
    expect(snapshot(store)).toEqual(before);
  });

  it('when the backup cannot be saved, the change is not made (exit 7) and the store is byte-identical', async () => {
    // Works as root too: a plain file where the backups folder should be blocks the backup.
    const store = initializedStore();
    await addNco(store, 1);
    rmSync(`${store}.backups`, { recursive: true });
    writeFileSync(`${store}.backups`, 'not a folder');
    const before = snapshot(store);
    expectFailure(await nsmIn(addArgs(2), { store }), 7, /cannot write .*store\.json/);
    expect(snapshot(store)).toEqual(before);
    expect(ncoCount(store)).toBe(1);
  });
});

describe('file modes', () => {
  it('the store, its backups and the journal are readable only by their owner, whatever the umask', () => {
    const store = tempStore();
    expect(nsmWithin(['init'], store, 15_000, '000').status).toBe(0);
    for (let shield = 1; shield <= 2; shield++)
      expect(nsmWithin(addArgs(shield), store, 15_000, '000').status).toBe(0);
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(backupNames(store)).toHaveLength(2);
    for (const name of [...backupNames(store), 'journal.json']) {
      expect(statSync(join(`${store}.backups`, name)).mode & 0o777, name).toBe(0o600);
    }
    expect(statSync(`${store}.backups`).mode & 0o077).toBe(0);
  });

  it('a store someone made world-readable is 0600 again after the next change', async () => {
    const store = initializedStore();
    chmodSync(store, 0o644);
    await addNco(store, 1);
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(readStore(store).ncos.map((n) => n.id)).toEqual(['N1']);
    expect(json<{ id: string }[]>(await nsmIn(['nco', 'list', '--json'], { store }))).toHaveLength(1);
  });
});
