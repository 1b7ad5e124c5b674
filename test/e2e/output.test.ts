import { beforeAll, describe, expect, it } from 'vitest';
import { initializedStore, json, nsm } from '../helpers/cli.js';
import { addNco, onTerminal, type NcoJson } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

const ESC = '\u001b';
const RED = `${ESC}[31m`;
const HOSTILE = `Evil ${RED}Red${ESC}[2J\u009b1A`;

describe('output: TSV when piped, JSON with --json, stored text never printed raw', () => {
  let store: string;
  beforeAll(async () => {
    store = initializedStore();
    await addNco(store, 'Maria Lopez', '12345', 75);
    await addNco(store, HOSTILE, '666', 75);
    await addNco(store, 'Tab\tNew\nLine', '777', 75);
    await nsmIn(['nco', 'assign', 'N1', '75A'], { store });
    await nsmIn(['nco', 'assign', 'N2', '75A'], { store });
  });

  it('piped lists are tab-separated with a header first, one row per record', async () => {
    const run = await nsmIn(['precinct', 'list', '--borough', 'Staten Island'], { store });
    expect(run.status).toBe(0);
    const lines = run.stdout.replace(/\n$/, '').split('\n');
    expect(lines[0]).toBe('Pct\tName\tBorough\tPatrol borough\tRollout\tSince\tPhase\tSectors');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line.split('\t')).toHaveLength(8);
    expect(lines[1]).toMatch(/^120\t120th Precinct\tStaten Island\tPBSI\t/);
    expect(run.stdout).not.toMatch(/[\u001b\u009b]|[│┌─]/);
  });

  // Spawned: colour libraries read FORCE_COLOR from the process's own environment.
  it('piped output has no colour codes even when colour is forced on', () => {
    const run = nsm(['sector', 'show', '75B'], { store, env: { NO_COLOR: undefined, FORCE_COLOR: '3' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/75B has 0 NCOs/);
    expect(run.stdout).not.toContain(ESC);
  });

  it('data goes to stdout, confirmations to stderr; --quiet silences them', async () => {
    const s = initializedStore();
    const run = await nsmIn(['nco', 'add', '--name', 'A', '--shield', '1', '--precinct', '75'], { store: s });
    expect(run.stdout).toMatch(/^NCO\tN1 — Police Officer A\n/);
    expect(run.stderr).toMatch(/^Added N1 A/);
    const quiet = await nsmIn(['nco', 'add', '--name', 'B', '--shield', '2', '--precinct', '75', '-q'], {
      store: s,
    });
    expect(quiet).toMatchObject({ status: 0, stderr: '' });
    expect(quiet.stdout).toMatch(/^NCO\tN2 — Police Officer B\n/);
  });

  it.each([
    [['precinct', 'list'], 'array'],
    [['sector', 'list', '--precinct', '75'], 'array'],
    [['nco', 'list'], 'array'],
    [['precinct', 'show', '75'], 'object'],
    [['sector', 'show', '75A'], 'object'],
    [['nco', 'show', 'N1'], 'object'],
    [['doctor'], 'object'],
  ])('%j --json prints one parseable %s and nothing else', async (args, kind) => {
    const run = await nsmIn([...args, '--json'], { store });
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as unknown; // throws if there were two documents or stray text
    expect(Array.isArray(doc) ? 'array' : typeof doc).toBe(kind);
    expect(run.stdout.endsWith('}\n') || run.stdout.endsWith(']\n')).toBe(true);
  });

  it('text with escape sequences is stored as given and visible in --json', async () => {
    const n = json<NcoJson>(await nsmIn(['nco', 'show', 'N2', '--json'], { store }));
    expect(n.name).toBe(HOSTILE);
    expect(json<NcoJson>(await nsmIn(['nco', 'show', 'N3', '--json'], { store })).name).toBe(
      'Tab\tNew\nLine',
    );
  });

  it.each([
    [['nco', 'list']],
    [['nco', 'show', 'N2']],
    [['sector', 'show', '75A']],
    [['sector', 'list', '--precinct', '75']],
    [['precinct', 'show', '75']],
  ])('%j never prints the escape sequence raw', async (args) => {
    const run = await nsmIn(args, { store });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Evil \\x1b[31mRed\\x1b[2J\\x9b1A');
    expect(run.stdout).not.toMatch(/[\u001b\u009b]/);
  });

  it('tabs and newlines inside a value cannot break the TSV rows', async () => {
    const lines = (await nsmIn(['nco', 'list'], { store })).stdout.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.split('\t')).toHaveLength(7);
    expect(lines[3]).toMatch(/^N3\tTab\\tNew\\nLine\t/);
  });

  it('confirmations on stderr do not print it raw either', async () => {
    const run = await nsmIn(['nco', 'edit', 'N2', '--rank', 'Detective'], { store });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Evil \\x1b[31mRed');
    expect(run.stderr).not.toContain(ESC);
  });

  it('on a terminal, tables are aligned and still show the escape as text', () => {
    // Wide enough that no name wraps (the table fits an 80-column terminal by wrapping long text).
    const { output, status } = onTerminal(['nco', 'list'], store, [], {}, { cols: 160, rows: 24 });
    expect(status).toBe(0);
    expect(output).not.toContain(RED);
    expect(output).toContain('Evil \\x1b[31mRed');
    expect(output).not.toMatch(/^ID\tName/m); // not the piped TSV form
    const header = output.split(/\r?\n/).find((l) => l.includes('ID') && l.includes('Name'))!;
    const row = output.split(/\r?\n/).find((l) => l.includes('Maria Lopez'))!;
    expect(row.indexOf('Maria Lopez')).toBe(header.indexOf('Name'));
  });
});
