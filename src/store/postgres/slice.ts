import type { Client } from 'pg';
import { noSuchIssue } from '../../domain/issues.js';
import { noSuchMeeting } from '../../domain/meetings.js';
import { noSuchSolution } from '../../domain/solutions.js';
import type { StoreSlice } from '../slice.js';

/** How a record named by a slice leads to its sector, and the error when there is no such record. */
const BY_RECORD = {
  meeting: {
    sector: 'SELECT sector FROM meetings WHERE id = $1',
    missing: async (client: Client, id: string) =>
      noSuchMeeting(id, (await client.query('SELECT FROM meetings LIMIT 1')).rowCount! > 0),
  },
  issue: {
    sector: 'SELECT sector FROM issues WHERE id = $1',
    missing: async (client: Client, id: string) =>
      noSuchIssue(id, (await client.query('SELECT FROM issues LIMIT 1')).rowCount! > 0),
  },
  solution: {
    sector: 'SELECT i.sector FROM solutions s JOIN issues i ON i.id = s.issue_id WHERE s.id = $1',
    missing: async (_: Client, id: string) => noSuchSolution(id),
  },
} as const;

/**
 * The sectors whose meetings, issues, solutions and minutes a slice reads. A meeting, issue or
 * solution that does not exist is refused here, with the domain's own error: the slice it would
 * have named cannot tell whether the store holds any others, which the error's hint depends on.
 */
export async function sectorsOf(client: Client, slice: StoreSlice): Promise<string[]> {
  if ('sector' in slice) return [slice.sector];
  if ('precinct' in slice)
    return (
      await client.query<{ id: string }>('SELECT id FROM sectors WHERE precinct = $1', [slice.precinct])
    ).rows.map((r) => r.id);
  const kind = (['meeting', 'issue', 'solution'] as const).find((k) => k in slice)!;
  const id = (slice as Record<typeof kind, string>)[kind];
  const { sector, missing } = BY_RECORD[kind];
  const found = await client.query<{ sector: string }>(sector, [id]);
  if (found.rows.length === 0) throw await missing(client, id);
  return [found.rows[0]!.sector];
}
