import { expect } from 'vitest';
import { initializedStore } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

/**
 * A store with the same ledger in two precincts, 75 and 77, each with a private issue whose every
 * piece of private text (summary, details, location, who raised it, a status note, a correction,
 * a solution with a resident as owner and its note, and the approved minutes that hold them)
 * carries the precinct's marker ("Secret75", "Secret77"), and a public issue. Built on a JSON
 * file by nsm itself, at the tests' fixed clock:
 *
 *   75: M1 (held, raised I1 private and I2 public, S1 for I1), M3 (held, approved M1's minutes)
 *   77: M2 (held, raised I3 private and I4 public, S2 for I3), M4 (held, approved M2's minutes),
 *       M5 (next, in January)
 */
export async function fencedStore(): Promise<string> {
  const store = initializedStore();
  const steps: string[][] = [
    ['meeting', 'schedule', '--sector', '75A', '--at', '2026-10-06 7pm', '--force'],
    ['meeting', 'schedule', '--sector', '77A', '--at', '2026-10-07 7pm', '--force'],
    ['meeting', 'schedule', '--sector', '75A', '--at', '2026-11-10 7pm', '--force'],
    ['meeting', 'schedule', '--sector', '77A', '--at', '2026-11-11 7pm', '--force'],
    ...['M1', 'M2', 'M3', 'M4'].map((m) => ['meeting', 'held', m, '--attendance', '12']),
    ...[
      ['75', 'M1'],
      ['77', 'M2'],
    ].flatMap(([p, m]) => [
      [
        'issue',
        'raise',
        '--meeting',
        m!,
        '--category',
        'noise',
        '--private',
        '--summary',
        `Secret${p} summary`,
        '--details',
        `Secret${p} details`,
        '--location',
        `Secret${p} location`,
        '--raised-by',
        `Secret${p} Resident`,
      ],
      ['issue', 'raise', '--meeting', m!, '--category', 'traffic', '--summary', `Public${p} pothole`],
    ]),
    ['solution', 'add', 'I1', '--summary', 'Secret75 solution', '--owner', 'Secret75 Block Association'],
    ['solution', 'add', 'I3', '--summary', 'Secret77 solution', '--owner', 'Secret77 Block Association'],
    ['issue', 'update', 'I1', '--status', 'in-progress', '--note', 'Secret75 note', '--meeting', 'M3'],
    ['issue', 'update', 'I3', '--status', 'in-progress', '--note', 'Secret77 note', '--meeting', 'M4'],
    ['issue', 'edit', 'I1', '--location', 'Secret75 corrected'],
    ['issue', 'edit', 'I3', '--location', 'Secret77 corrected'],
    ['solution', 'update', 'S1', '--status', 'in-progress', '--note', 'Secret75 solution note'],
    ['solution', 'update', 'S2', '--status', 'in-progress', '--note', 'Secret77 solution note'],
    ['minutes', 'approve', 'M1', '--at', 'M3'],
    ['minutes', 'approve', 'M2', '--at', 'M4'],
    ['meeting', 'schedule', '--sector', '77A', '--at', '2027-01-13 7pm'],
  ];
  for (const args of steps) {
    const run = await nsmIn(args, { store });
    expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  }
  return store;
}
