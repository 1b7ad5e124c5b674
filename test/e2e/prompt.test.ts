import { describe, expect, it } from 'vitest';
import { bytes, initializedStore, json } from '../helpers/cli.js';
import { addNco, onTerminal, type NcoJson } from '../helpers/e2e.js';
import { nsmIn } from '../helpers/in-process.js';

/** Ctrl-U erases the line typed so far (the prompt keeps a rejected answer for editing). */
const ERASE = '\u0015';
const CTRL_C = '\u0003';

describe('prompts on a real terminal', () => {
  it('nco add with no flags asks for name, shield (rejecting abc) and precinct, then creates the NCO', async () => {
    const store = initializedStore();
    const { output, status } = onTerminal(['nco', 'add'], store, [
      { expect: "Officer's name:", send: 'Pat Doe\r' },
      { expect: 'Shield number:', send: 'abc\r' },
      { expect: 'is not a shield number', send: `${ERASE}4321\r` },
      { expect: 'Precinct number:', send: '75\r' },
    ]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/--shield "abc" is not a shield number/);
    expect(output).toMatch(/Added N1 Pat Doe \(shield 4321\) to precinct 75/);
    const ncos = json<NcoJson[]>(await nsmIn(['nco', 'list', '--json'], { store }));
    expect(ncos).toEqual([
      expect.objectContaining({ id: 'N1', name: 'Pat Doe', shield: '4321', precinct: 75, sector: null }),
    ]);
  });

  it('asks only for what the flags did not give, and checks a typed precinct and shield against the store', async () => {
    const store = initializedStore();
    await addNco(store, 'Maria Lopez', '12345', 75);
    const { output, status } = onTerminal(['nco', 'add', '--name', 'Sam Ortiz'], store, [
      { expect: 'Shield number:', send: '12345\r' },
      { expect: 'already belongs to N1', send: `${ERASE}555\r` },
      { expect: 'Precinct number:', send: '750\r' },
      { expect: 'no precinct 750', send: `${ERASE}14\r` },
    ]);
    expect(status, output).toBe(0);
    expect(output).not.toContain("Officer's name:");
    expect(json<NcoJson>(await nsmIn(['nco', 'show', 'N2', '--json'], { store }))).toMatchObject({
      name: 'Sam Ortiz',
      shield: '555',
      precinct: 14,
    });
  });

  it.each([
    ['the first prompt', []],
    ['the second prompt', [{ expect: "Officer's name:", send: 'Pat Doe\r' }]],
  ])(
    'Ctrl-C at %s exits 130 with one line, no stack trace, and the store byte-identical',
    async (_where, before) => {
      const store = initializedStore();
      const original = bytes(store);
      const waitFor = before.length === 0 ? "Officer's name:" : 'Shield number:';
      const { output, status } = onTerminal(['nco', 'add'], store, [
        ...before,
        { expect: waitFor, send: CTRL_C },
      ]);
      expect(status, output).toBe(130);
      expect(output.match(/nsm: /g)).toEqual(['nsm: ']);
      expect(output).toMatch(/nsm: cancelled at the prompt; nothing was changed/);
      expect(output).not.toMatch(/ExitPromptError|\n\s+at |internal error/);
      expect(bytes(store).equals(original)).toBe(true);
      expect(json(await nsmIn(['nco', 'list', '--json'], { store }))).toEqual([]);
    },
  );

  it('--no-input on a terminal does not prompt: the missing flag is a usage error', () => {
    const store = initializedStore();
    const original = bytes(store);
    const { output, status } = onTerminal(['nco', 'add', '--no-input', '--name', 'Pat Doe'], store, []);
    expect(status).toBe(2);
    expect(output).toMatch(/nsm: missing --shield — give it, for example --shield 12345/);
    expect(output).not.toContain('Shield number:');
    expect(bytes(store).equals(original)).toBe(true);
  });
});
