import { beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';
import {
  bashComplete,
  fishComplete,
  sandbox,
  script,
  shell,
  values,
  zshComplete,
  type Sandbox,
} from './shells.js';

/**
 * The scripts of `nsm completion bash|zsh|fish`, loaded into the real shells and asked for the
 * completions of partial command lines, store ids read from a demo store by `nsm __complete`.
 */

const VERBS = ['schedule', 'list', 'show', 'next', 'reschedule', 'cancel', 'held'];
const STATUSES = ['scheduled', 'held', 'cancelled'];

let box: Sandbox;
/** The demo store's meetings and open issues, as `--json` lists them. */
let upcoming: string[];
let past: string[];
let openIssues: string[];

beforeAll(async () => {
  const store = tempStore();
  expect((await nsmIn(['demo', '--store', store])).status).toBe(0);
  box = sandbox({ NSM_STORE: store, NSM_CONFIG: `${store}.no-config.json` });
  const list = async (args: string[]) =>
    (
      JSON.parse((await nsmIn([...args, '--json'], { store })).stdout) as Array<{
        id: string;
        status: string;
      }>
    ).map((r) => r);
  const meetings = await list(['meeting', 'list', '--precinct', 'all']);
  upcoming = (await list(['meeting', 'list', '--precinct', 'all', '--upcoming'])).map((m) => m.id);
  past = meetings.map((m) => m.id).filter((id) => !upcoming.includes(id));
  openIssues = (await list(['issue', 'list', '--precinct', 'all']))
    .filter((i) => i.status === 'open' || i.status === 'in-progress')
    .map((i) => i.id);
  expect(upcoming.length).toBeGreaterThan(0);
  expect(past.length).toBeGreaterThan(0);
});

/** Each shell gives the values it would offer at the end of a line. */
const shells = [
  { name: 'bash', complete: (file: string, line: string) => bashComplete(box, file, line, false) },
  {
    name: 'bash with bash-completion',
    complete: (file: string, line: string) => bashComplete(box, file, line, true),
  },
  { name: 'zsh', complete: (file: string, line: string) => values(zshComplete(box, file, line)) },
  { name: 'fish', complete: (file: string, line: string) => values(fishComplete(box, file, line)) },
] as const;

const binary = { bash: shell('bash'), zsh: shell('zsh'), fish: shell('fish') };

describe.each(shells)('$name', ({ name, complete }) => {
  const program = name.split(' ')[0] as 'bash' | 'zsh' | 'fish';
  let file: string;
  beforeAll(() => {
    file = script(box, program);
  });

  it.skipIf(!binary[program])('completes a noun', () => {
    expect(complete(file, 'nsm mee')).toEqual(['meeting']);
  });

  it.skipIf(!binary[program])('completes the verbs of a noun, in their order', () => {
    expect(complete(file, 'nsm meeting ')).toEqual(VERBS);
  });

  it.skipIf(!binary[program])('completes the flags of the command being typed, and the global ones', () => {
    expect(complete(file, 'nsm meeting list --st').sort()).toEqual(['--status', '--store']);
    expect(complete(file, 'nsm meeting list --up')).toEqual(['--upcoming']);
    // meeting show has no --status; only the global flags start with --st there.
    expect(complete(file, 'nsm meeting show --st')).toEqual(['--store']);
  });

  it.skipIf(!binary[program])('completes the choices of a flag, also after --flag=', () => {
    expect(complete(file, 'nsm meeting list --status ')).toEqual(STATUSES);
    const joined = complete(file, 'nsm meeting list --status=h');
    // fish completes the whole token; bash and zsh the part after "=".
    expect(joined).toEqual([program === 'fish' ? '--status=held' : 'held']);
    expect(complete(file, 'nsm --format ')).toEqual(['table', 'tsv', 'csv', 'json', 'md']);
  });

  it.skipIf(!binary[program])("completes an argument's choices: the shells", () => {
    expect(complete(file, 'nsm completion ')).toEqual(['bash', 'zsh', 'fish']);
  });

  it.skipIf(!binary[program])('completes meeting ids read from the store, upcoming ones included', () => {
    const offered = complete(file, 'nsm meeting show ');
    expect([...offered].sort()).toEqual([...upcoming, ...past].sort());
    // Upcoming meetings come first, soonest first.
    expect(offered.slice(0, upcoming.length).sort()).toEqual([...upcoming].sort());
  });

  it.skipIf(!binary[program])('offers only upcoming meetings where only they make sense', () => {
    expect(complete(file, 'nsm meeting cancel ').sort()).toEqual([...upcoming].sort());
  });

  it.skipIf(!binary[program])('completes open issue ids, and ids typed in lower case', () => {
    expect(complete(file, 'nsm issue show ').sort()).toEqual([...openIssues].sort());
    expect(complete(file, 'nsm issue show i1').sort()).toEqual(
      openIssues.filter((i) => /^I1\d*$/.test(i)).sort(),
    );
  });

  it.skipIf(!binary[program])('completes values after global flags and past earlier arguments', () => {
    expect(complete(file, 'nsm --no-color meeting list --status held --up')).toEqual(['--upcoming']);
    expect(complete(file, 'nsm --format json meeting show M2')).toContain('M2');
    expect(complete(file, `nsm --quiet issue note ${openIssues[0]} --meeting M`).length).toBeGreaterThan(0);
    // The second argument of nco assign is a sector.
    expect(complete(file, 'nsm nco assign N1 75')).toContain('75A');
  });

  it.skipIf(!binary[program])('offers suggestions for open-ended flags, spaces and all', () => {
    const boroughs = complete(file, 'nsm precinct list --borough ');
    expect(boroughs).toContain(program === 'bash' ? 'Staten\\ Island' : 'Staten Island');
  });

  it.skipIf(!binary[program])('completes files for a flag that writes one', () => {
    const offered = complete(file, `nsm agenda M2 --output ${box.dir}/nsm.`);
    // zsh's matches are the names in the folder typed; bash and fish give whole paths.
    expect(offered).toContain(program === 'zsh' ? `nsm.${program}` : `${box.dir}/nsm.${program}`);
  });

  it.skipIf(!binary[program])(
    'a noun that acts on its own: its verbs and its own argument, then its flags',
    () => {
      const offered = complete(file, 'nsm minutes ');
      // The verbs first, then the held meetings whose minutes it prints.
      expect(offered.slice(0, 2)).toEqual(['approve', 'amend']);
      expect(offered.slice(2).length).toBeGreaterThan(0);
      for (const id of offered.slice(2)) expect(past).toContain(id); // the demo's held meetings
      expect(complete(file, 'nsm minutes M1 --pu')).toEqual(['--public']);
      expect(complete(file, 'nsm minutes M1 --format ')).toEqual(['pdf', 'html', 'md']);
      expect(complete(file, 'nsm minutes approve M1 --a')).toEqual(['--at']);
      expect(complete(file, 'nsm minutes app')).toEqual(['approve']);
    },
  );

  it.skipIf(!binary[program])('offers nothing for free text', () => {
    expect(complete(file, 'nsm meeting schedule --title ')).toEqual([]);
  });
});

describe.skipIf(!binary.zsh)('zsh descriptions', () => {
  it('shows what each command and id is', () => {
    const file = script(box, 'zsh');
    const nouns = zshComplete(box, file, 'nsm mee');
    expect(nouns).toEqual([
      { value: 'meeting', description: expect.stringMatching(/^Neighborhood Safety Meetings/) },
    ]);
    const ncos = zshComplete(box, file, 'nsm nco show N1');
    expect(ncos.find((n) => n.value === 'N1')?.description).toMatch(/Sample/);
  });

  it('works installed in $fpath as _nsm, before compinit', () => {
    const file = script(box, 'zsh');
    expect(values(zshComplete(box, file, 'nsm meeting ', 'fpath'))).toEqual(VERBS);
  });
});

describe.skipIf(!binary.fish)('fish descriptions', () => {
  it('shows what each command and id is', () => {
    const file = script(box, 'fish');
    expect(fishComplete(box, file, 'nsm meeting sch')).toEqual([
      { value: 'schedule', description: expect.stringMatching(/^schedule a meeting/) },
    ]);
    const meetings = fishComplete(box, file, 'nsm meeting show M2');
    expect(meetings[0]).toEqual({
      value: 'M2',
      description: expect.stringMatching(/^\d+[A-Z] \w{3} \w{3} \d+ \d{4}/),
    });
  });
});
