import type { ApprovedMinutes, MinutesView } from '../../domain/schema.js';
import { longDate, shortDate } from '../../domain/calendar.js';
import type { Block, Column, PrintedDocument, Section } from '../document/model.js';
import { plural } from '../text.js';
import { dateAndTime, dayOf, meetingFacts } from './header.js';

export interface MinutesCopy {
  /** The minutes to print: the approved snapshot or today's draft, already made public if asked. */
  view: MinutesView;
  approval: Pick<ApprovedMinutes, 'approvedAt' | 'approvedOn' | 'amendments'> | null;
  /** Set for a public copy: how much private text it leaves out. */
  leftOut: { issues: number; solutions: number } | null;
  /** The copy holds private text (not public, and something is marked private). */
  holdsPrivate: boolean;
}

const WITHHELD = 'Withheld: this issue holds private information.';

const SOLUTION_COLUMNS: Column[] = [
  { header: 'Solution', width: 4.6 },
  { header: 'Owner', width: 2.2 },
  { header: 'Due', width: 1.9 },
  { header: 'Status', width: 1.8 },
];

/** The minutes of a held meeting as a printed document. */
export function minutesDocument(copy: MinutesCopy): PrintedDocument {
  const { view, approval } = copy;
  const held = longDate(dayOf(view.start));
  return {
    kind: 'Minutes',
    title: view.title,
    mark: approval ? null : 'DRAFT',
    facts: meetingFacts(view),
    notices: notices(copy),
    sections: [
      hosts(view),
      {
        heading: 'Attendance',
        blocks: [
          paragraph(
            view.attendance === null
              ? 'Not recorded.'
              : `${plural(view.attendance, 'person', 'people')} attended.`,
          ),
        ],
      },
      oldBusiness(view),
      raised(view),
      agreed(view),
      {
        heading: 'Next meeting',
        blocks: [
          paragraph(
            view.next
              ? `${dateAndTime(view.next.start)}${view.next.venue ? `, ${view.next.venue}` : ''} (${view.next.id}).`
              : 'Not scheduled yet.',
          ),
        ],
      },
      approvalSection(copy),
      ...(approval && approval.amendments.length > 0
        ? [
            {
              heading: 'Amendments',
              blocks: [
                {
                  kind: 'list',
                  items: approval.amendments.map((a) => `${longDate(a.on)}: ${a.note}`),
                } satisfies Block,
              ],
            },
          ]
        : []),
    ],
    footer: [
      view.precinctName,
      `Sector ${view.sector}`,
      `Minutes of ${view.meetingId}, ${held}`,
      approval ? `Approved at ${approval.approvedAt}` : 'DRAFT',
      ...(copy.leftOut ? ['Public copy'] : []),
    ].join(' · '),
  };
}

/** "the text of 2 private issues and of the 3 solutions agreed for them". */
export function leftOut({ issues, solutions }: { issues: number; solutions: number }): string {
  const them = issues === 1 ? 'it' : 'them';
  return `the text of ${plural(issues, 'private issue')}${solutions > 0 ? ` and of ${plural(solutions, 'solution')} agreed for ${them}` : ''}`;
}

function notices(copy: MinutesCopy): string[] {
  const notices: string[] = [];
  if (copy.leftOut) {
    const { issues, solutions } = copy.leftOut;
    notices.push(
      issues + solutions === 0
        ? 'Public copy: nothing in these minutes is marked private.'
        : `Public copy: ${leftOut(copy.leftOut)} is left out.`,
    );
  } else if (copy.holdsPrivate) {
    notices.push(
      `Holds private information (a resident's name or home address): not for distribution. A public copy leaves it out: nsm minutes ${copy.view.meetingId} --public.`,
    );
  }
  if (copy.approval && copy.approval.amendments.length > 0)
    notices.push(
      `Amended after approval: ${plural(copy.approval.amendments.length, 'amendment')} at the end.`,
    );
  return notices;
}

function hosts(view: MinutesView): Section {
  return {
    heading: 'Hosting officers',
    blocks: [
      view.hosts.length === 0
        ? paragraph('No Neighborhood Coordination Officer was assigned to the sector that day.')
        : { kind: 'list', items: view.hosts.map((n) => `${n.rank} ${n.name}, shield ${n.shield}`) },
    ],
  };
}

function oldBusiness(view: MinutesView): Section {
  const blocks: Block[] = [];
  const since = view.previous
    ? `since ${view.previous.id} (${shortDate(dayOf(view.previous.start))})`
    : 'since it was raised';
  blocks.push(
    paragraph(
      view.oldBusiness.length === 0
        ? 'No issues were open from earlier meetings.'
        : `${plural(view.oldBusiness.length, 'issue')} from earlier meetings ${view.oldBusiness.length === 1 ? 'was' : 'were'} carried in.`,
    ),
  );
  for (const issue of view.oldBusiness) {
    const moved = issue.status !== issue.statusBefore;
    blocks.push(
      {
        kind: 'subheading',
        text: `${issue.id} · ${issue.category} · ${moved ? `${issue.statusBefore} → ${issue.status}` : issue.status}`,
      },
      issue.summary === null ? paragraph(WITHHELD, 'muted') : paragraph(issue.summary),
      {
        kind: 'fields',
        fields: [
          ...(issue.location ? [{ label: 'Where', value: issue.location }] : []),
          { label: 'Raised', value: `at ${issue.raisedAt} on ${shortDate(issue.raisedOn)}` },
          {
            label: 'Open',
            value: `${plural(issue.daysOpen, 'day')}, through ${plural(issue.meetingsOpen, 'meeting')}`,
          },
        ],
      },
    );
    blocks.push(
      issue.changes.length === 0
        ? paragraph(`No change recorded ${since}.`, 'muted')
        : {
            kind: 'list',
            items: issue.changes.map(
              (c) => `${shortDate(c.on)}: ${c.record} ${c.status}${c.note === null ? '' : `: ${c.note}`}`,
            ),
          },
    );
    blocks.push(solutionTable(issue.solutions, 'No solution agreed yet.'));
  }
  if (view.discussed.length > 0) {
    blocks.push({ kind: 'subheading', text: 'Also discussed' });
    blocks.push({
      kind: 'list',
      items: view.discussed.map((i) => {
        const notes = i.notes.filter((n) => n !== null);
        return `${i.id} · ${i.category} · ${i.status}: ${i.summary ?? WITHHELD}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
      }),
    });
  }
  return { heading: 'Old business', blocks };
}

function raised(view: MinutesView): Section {
  if (view.raised.length === 0)
    return { heading: 'Issues raised', blocks: [paragraph('No new issue was raised.')] };
  return {
    heading: 'Issues raised',
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Issue', width: 1 },
          { header: 'Category', width: 1.6 },
          { header: 'Summary', width: 4.5 },
          { header: 'Where', width: 2.6 },
        ],
        rows: view.raised.map((i) => [i.id, i.category, i.summary ?? WITHHELD, i.location ?? '']),
      },
    ],
  };
}

function agreed(view: MinutesView): Section {
  return {
    heading: 'Solutions agreed',
    blocks: [solutionTable(view.agreed, 'No solution was agreed.', true)],
  };
}

function solutionTable(
  solutions: MinutesView['agreed'] | MinutesView['oldBusiness'][number]['solutions'],
  none: string,
  withIssue = false,
): Block {
  if (solutions.length === 0) return paragraph(none, 'muted');
  return {
    kind: 'table',
    columns: withIssue
      ? [...SOLUTION_COLUMNS.slice(0, 1), { header: 'Issue', width: 1 }, ...SOLUTION_COLUMNS.slice(1)]
      : SOLUTION_COLUMNS,
    rows: solutions.map((s) => [
      `${s.id} ${s.summary ?? '(withheld: private)'}`,
      ...(withIssue ? [s.issueId] : []),
      s.owner ?? '',
      s.due ? shortDate(s.due) : '',
      s.status,
    ]),
  };
}

function approvalSection(copy: MinutesCopy): Section {
  const { approval, view } = copy;
  if (approval)
    return {
      heading: 'Approval',
      blocks: [
        paragraph(
          `Approved at ${approval.approvedAt}, the sector's meeting of ${longDate(approval.approvedOn)}.`,
        ),
      ],
    };
  return {
    heading: 'Approval',
    blocks: [
      paragraph(
        `DRAFT: to be approved at a later meeting of sector ${view.sector}${view.next ? `, such as ${view.next.id} on ${shortDate(dayOf(view.next.start))}` : ''}.`,
      ),
      { kind: 'signatures', labels: ['Approved at the meeting of', 'Signed'] },
    ],
  };
}

function paragraph(text: string, tone: 'normal' | 'muted' = 'normal'): Block {
  return { kind: 'paragraph', text, tone };
}
