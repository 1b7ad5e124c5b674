import { describe, expect, it } from 'vitest';
import { json } from '../helpers/cli.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';
import { shownCommand } from '../../src/domain/command-privacy.js';

/** Recorded command lines keep a private issue's text out of `undo --list`, `undo` and `doctor`. */
const SECRET = 'Jane Doe at 12 Elm St apt 3';

describe('private text in the change history', () => {
  it('undo --list, undo and doctor show the command with the private text replaced', async () => {
    const store = await demoStore();
    const run = (args: string[]) => nsmIn(args, { store });
    expect(
      (
        await run([
          'issue',
          'raise',
          '--meeting',
          'M1',
          '--summary',
          `Noise reported by ${SECRET}`,
          '--private',
        ])
      ).status,
    ).toBe(0);
    expect(
      (await run(['issue', 'update', 'I11', '--status', 'in-progress', '--note', `Called ${SECRET}`])).status,
    ).toBe(0);
    expect((await run(['issue', 'note', 'I1', '--note', 'DOT survey booked'])).status).toBe(0);

    const list = await run(['undo', '--list']);
    expect(list.stdout).not.toContain('Jane Doe');
    expect(list.stdout).toContain('--summary … --private');
    expect(list.stdout).toContain('--note …');
    // A public issue's note stays readable.
    expect(list.stdout).toContain("'DOT survey booked'");
    const doctor = json<{ backups: Array<{ replacedBy: string | null }> }>(await run(['doctor', '--json']));
    expect(JSON.stringify(doctor)).not.toContain('Jane Doe');
    expect(doctor.backups.some((b) => b.replacedBy?.includes('--summary …'))).toBe(true);

    expect((await run(['undo'])).status).toBe(0); // the public note
    const undone = await run(['undo']);
    expect(undone.status).toBe(0);
    expect(undone.stderr).toContain('--note …');
    expect(undone.stderr).not.toContain('Jane Doe');
  });

  it('hides values however they are written, and leaves public commands alone', () => {
    const line = "nsm issue raise --meeting M1 --summary='It'\\''s Jane' --location 12-Elm --private";
    expect(shownCommand(line, null)).toBe('nsm issue raise --meeting M1 --summary=… --location … --private');
    expect(shownCommand("nsm meeting schedule --sector 75A --note 'x'", null)).toBe(
      "nsm meeting schedule --sector 75A --note 'x'",
    );
  });
});
