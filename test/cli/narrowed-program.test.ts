import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { definitions, nouns } from '../../src/cli/commands.js';
import { buildProgram } from '../../src/cli/program.js';
import { nsmIn } from '../helpers/in-process.js';

// main() registers only the verbs the command line's first word can reach (src/cli/register.ts).
// What a user sees must not depend on it.

const quiet = { writeOut() {}, writeErr() {} };
const build = (firstWord?: string) => buildProgram(async () => {}, quiet, firstWord);

function find(program: Command, path: readonly string[]): Command {
  let command = program;
  for (const word of path) command = command.commands.find((c) => c.name() === word)!;
  return command;
}

describe('the program built for one first word', () => {
  const full = build();
  const firstWords = [...new Set(definitions.map((d) => d.spec.path[0]!))];
  const paths = (program: Command) =>
    program.commands.flatMap((top) => [
      top.name(),
      ...top.commands.map((sub) => `${top.name()} ${sub.name()}`),
    ]);

  it('defines only the commands under that word, and every noun', () => {
    const narrowed = build('meeting');
    const under = paths(narrowed).filter((p) => p.includes(' '));
    expect(under.length).toBeGreaterThan(0);
    expect(under).toEqual(paths(full).filter((p) => p.startsWith('meeting ')));
    expect(narrowed.commands.map((c) => c.name())).toEqual(nouns.map((n) => n.name));
    expect(paths(build('agenda'))).toEqual([...nouns.map((n) => n.name), 'agenda']);
  });

  it.each(firstWords)('%s: the same help for every command it can reach', (word) => {
    const narrowed = build(word);
    for (const d of definitions.filter((d) => d.spec.path[0] === word)) {
      expect(find(narrowed, d.spec.path).helpInformation(), d.spec.path.join(' ')).toBe(
        find(full, d.spec.path).helpInformation(),
      );
    }
  });

  it('is every command when the first word names none', () => {
    for (const word of [undefined, 'help', 'meetng', '75A']) {
      expect(paths(build(word)), String(word)).toEqual(paths(full));
      expect(build(word).helpInformation()).toBe(full.helpInformation());
    }
  });

  it('still suggests a verb of the noun typed, and a noun when the noun is mistyped', async () => {
    const verb = await nsmIn(['meeting', 'nxt']);
    expect(verb.status).toBe(2);
    expect(verb.stderr).toMatch(/Did you mean next\?/);
    const noun = await nsmIn(['--quiet', 'meetng', 'next']);
    expect(noun.status).toBe(2);
    expect(noun.stderr).toMatch(/Did you mean meeting\?/);
  });
});
