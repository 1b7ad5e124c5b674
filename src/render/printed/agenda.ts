import type { AgendaView } from '../../domain/agenda.js';
import { shortDate } from '../../domain/calendar.js';
import type { Block, PrintedDocument } from '../document/model.js';
import { plural } from '../text.js';
import { dateAndTime, meetingFacts } from './header.js';

/** The agenda of an upcoming meeting: welcome, old business, new business, next meeting. */
export function agendaDocument(view: AgendaView): PrintedDocument {
  return {
    kind: 'Agenda',
    title: view.title,
    mark: null,
    facts: meetingFacts(view),
    notices: [],
    sections: [
      {
        heading: '1. Welcome',
        blocks: [
          {
            kind: 'list',
            items: [
              view.hosts.length > 0
                ? `Welcome and introductions by the sector's Neighborhood Coordination Officers: ${view.hosts.join(', ')}.`
                : "Welcome and introductions by the sector's Neighborhood Coordination Officers.",
              "Purpose: identify the sector's public-safety problems, big or small, and agree on solutions.",
            ],
          },
        ],
      },
      { heading: '2. Old business', blocks: oldBusiness(view) },
      {
        heading: '3. New business',
        blocks: [
          paragraph(
            'Residents raise new public-safety problems. For each one, the meeting agrees on solutions, who owns them and when they are due.',
          ),
        ],
      },
      {
        heading: '4. Next meeting',
        blocks: [
          paragraph(
            view.next
              ? `${dateAndTime(view.next.start)}${view.next.venue ? `, ${view.next.venue}` : ''} (${view.next.id}).`
              : 'Not scheduled yet.',
          ),
        ],
      },
    ],
    footer: `${view.precinctName} · Sector ${view.sector} · Agenda of ${view.meetingId}`,
  };
}

function oldBusiness(view: AgendaView): Block[] {
  const open = view.oldBusiness.length;
  const blocks: Block[] = [
    paragraph(
      open === 0
        ? 'No issues are open from earlier meetings.'
        : `${plural(open, 'issue')} from earlier meetings ${open === 1 ? 'is' : 'are'} still open. Progress on each:`,
    ),
  ];
  for (const issue of view.oldBusiness) {
    blocks.push(
      { kind: 'subheading', text: `${issue.id} · ${issue.category} · ${issue.status}` },
      issue.summary === null
        ? paragraph('Details withheld: this issue holds private information.', 'muted')
        : paragraph(issue.summary),
      {
        kind: 'fields',
        fields: [
          ...(issue.location ? [{ label: 'Where', value: issue.location }] : []),
          { label: 'Raised', value: `at ${issue.raisedAt} on ${shortDate(issue.raisedOn)}` },
          {
            label: 'Open',
            value: `${plural(issue.daysOpen, 'day')}, through ${plural(issue.meetingsOpen, 'meeting')}${issue.discussedAt.length > 0 ? `; discussed at ${issue.discussedAt.join(', ')}` : ''}`,
          },
        ],
      },
      issue.solutions.length === 0
        ? paragraph('No solution agreed yet.', 'muted')
        : {
            kind: 'table',
            columns: [
              { header: 'Solution', width: 4.6 },
              { header: 'Owner', width: 2.2 },
              { header: 'Due', width: 1.9 },
              { header: 'Status', width: 1.8 },
            ],
            rows: issue.solutions.map((s) => [
              `${s.id}${s.summary === null ? '' : ` ${s.summary}`}`,
              s.owner ?? '',
              s.due ? shortDate(s.due) : '',
              `${s.status}${s.overdue ? ' (overdue)' : ''}`,
            ]),
          },
    );
  }
  return blocks;
}

function paragraph(text: string, tone: 'normal' | 'muted' = 'normal'): Block {
  return { kind: 'paragraph', text, tone };
}
