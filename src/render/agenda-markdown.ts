import type { AgendaView } from '../domain/agenda.js';
import { friendly, wallOf } from '../domain/time.js';
import { md } from './markdown.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An ISO instant as the New York time people read: `Tue Dec 8 2026, 7:00 PM`. */
function newYorkTime(iso: string): string {
  return friendly(wallOf(new Date(iso)));
}

/** The agenda of a meeting as Markdown: welcome, old business, new business, next meeting. */
export function agendaMarkdown(view: AgendaView): string {
  const lines: string[] = [
    `# ${md(view.title)}`,
    '',
    `**Agenda** for ${newYorkTime(view.start)} (New York time), ${md(view.venue)}  `,
    `${md(view.precinctName)}, sector ${view.sector} · meeting ${view.meetingId}`,
    '',
    '## 1. Welcome',
    '',
    view.hosts.length > 0
      ? `- Welcome and introductions by the sector's Neighborhood Coordination Officers: ${view.hosts.map(md).join(', ')}.`
      : "- Welcome and introductions by the sector's Neighborhood Coordination Officers.",
    "- Purpose: identify the sector's public-safety problems, big or small, and agree on solutions.",
    '',
    '## 2. Old business',
    '',
  ];
  if (view.oldBusiness.length === 0) {
    lines.push('No issues are open from earlier meetings.', '');
  } else {
    lines.push(
      `${plural(view.oldBusiness.length, 'issue')} from earlier meetings ${view.oldBusiness.length === 1 ? 'is' : 'are'} still open. Progress on each:`,
      '',
    );
  }
  for (const issue of view.oldBusiness) {
    lines.push(
      `### ${issue.id} · ${issue.category} · ${issue.status}`,
      '',
      issue.summary === null
        ? '_Details withheld: this issue holds private information._'
        : md(issue.summary),
      '',
      `Raised at ${issue.raisedAt} on ${issue.raisedOn}; open ${plural(issue.daysOpen, 'day')}, through ${plural(issue.meetingsOpen, 'meeting')}.` +
        (issue.discussedAt.length > 0 ? ` Discussed at ${issue.discussedAt.join(', ')}.` : '') +
        (issue.location ? ` Where: ${md(issue.location)}.` : ''),
      '',
    );
    if (issue.solutions.length === 0) {
      lines.push('_No solution agreed yet._', '');
      continue;
    }
    lines.push('| Solution | Owner | Due | Status |', '|---|---|---|---|');
    for (const s of issue.solutions) {
      lines.push(
        `| ${s.id}${s.summary === null ? '' : ` ${md(s.summary)}`} | ${s.owner === null ? '' : md(s.owner)} | ${s.due ?? ''} | ${s.status}${s.overdue ? ' (overdue)' : ''} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    '## 3. New business',
    '',
    'Residents raise new public-safety problems. For each one, the meeting agrees on solutions, who owns them and when they are due.',
    '',
    '## 4. Next meeting',
    '',
    view.next
      ? `${newYorkTime(view.next.start)}, ${md(view.next.venue)} (${view.next.id}).`
      : 'Not scheduled yet.',
    '',
  );
  return lines.join('\n');
}
