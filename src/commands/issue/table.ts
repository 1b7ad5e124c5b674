import type { Issue } from '../../domain/schema.js';
import { day, table, type Block } from '../../render/view.js';

/** The issue table shared by issue list and the show commands (the coordinator's own view: private text shown, marked). */
export function issueTable(issues: Issue[], empty?: string): Block {
  return table(
    ['ID', 'Sector', 'Raised', 'Category', 'Status', 'Summary'],
    issues.map((i) => [
      i.id,
      i.sector,
      day(i.raisedOn),
      i.category,
      i.status,
      `${i.summary}${i.private ? ' (private)' : ''}`,
    ]),
    empty,
  );
}
