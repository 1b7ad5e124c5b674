import type { Block, PrintedDocument } from '../../src/render/document/model.js';

/** Text a hostile or careless store could hold: markup, attribute breakouts, Markdown links. */
export const HOSTILE = [
  '<script>alert("x")</script>',
  '"><img src=x onerror=alert(1)>',
  '[click here](javascript:alert(1)) & *stars* _under_ `tick` | pipe',
];

/** Names that the standard PDF fonts garble. */
export const NAMES = ['Nguyễn Thị Hoa', 'Álvarez', "Seán O'Brien", 'Zoë Łukasik'];

/** A small document with every kind of block, accents and hostile text included. */
export function sampleDocument(overrides: Partial<PrintedDocument> = {}): PrintedDocument {
  return {
    kind: 'Minutes',
    title: 'Sector 75A Neighborhood Safety Meeting',
    mark: 'DRAFT',
    facts: [
      { label: 'Precinct', value: '75th Precinct' },
      { label: 'Sector', value: '75A' },
      { label: 'Date', value: 'Tuesday, December 8, 2026' },
      { label: 'Time', value: '7:00 PM – 8:00 PM' },
      { label: 'Place', value: `Cypress Hills Library, 1197 Sutter Ave ${HOSTILE[1]}` },
      { label: 'Meeting', value: 'M4' },
    ],
    notices: ['Holds private information: do not share outside the precinct.'],
    sections: [
      {
        heading: 'Hosting officers',
        blocks: [{ kind: 'list', items: NAMES.map((n) => `Police Officer ${n}`) }],
      },
      {
        heading: 'Attendance',
        blocks: [{ kind: 'paragraph', text: '42 residents attended.' }],
      },
      {
        heading: 'Issues raised',
        blocks: [
          { kind: 'subheading', text: 'I7 · traffic · open' },
          { kind: 'paragraph', text: HOSTILE[0]! },
          { kind: 'fields', fields: [{ label: 'Where', value: HOSTILE[2]! }] },
          {
            kind: 'table',
            columns: [
              { header: 'Solution', width: 5 },
              { header: 'Owner', width: 2 },
              { header: 'Due', width: 1.4 },
              { header: 'Status', width: 1.4 },
            ],
            rows: [
              ['S3 Speed humps on Linden Blvd', NAMES[0]!, '2027-01-15', 'agreed'],
              [`S4 ${HOSTILE[2]}`, 'DOT', '', 'in-progress'],
            ],
          },
          { kind: 'paragraph', text: 'No solution agreed yet.', tone: 'muted' },
        ],
      },
      {
        heading: 'Approval',
        blocks: [
          { kind: 'paragraph', text: 'To be approved at the next meeting of sector 75A.' },
          { kind: 'signatures', labels: ['Approved by', 'Date'] },
        ],
      },
      {
        heading: 'Sign in',
        blocks: [
          {
            kind: 'form',
            columns: [
              { header: 'Name', width: 3 },
              { header: 'Block or street', width: 3 },
              { header: 'Email for meeting updates (optional)', width: 4 },
            ],
            rows: 3,
          },
        ],
      },
    ],
    footer: `75th Precinct · Sector 75A · Minutes of M4 · ${NAMES[3]}`,
    ...overrides,
  };
}

/** A document long enough to run over several pages: `issues` issues, each with a two-row table. */
export function longDocument(issues: number): PrintedDocument {
  const blocks: Block[] = [];
  const rows: string[][] = [];
  for (let i = 1; i <= issues; i++) {
    blocks.push(
      { kind: 'subheading', text: `I${i} · noise · open` },
      {
        kind: 'paragraph',
        text: `Issue number ${i}: loud music from a car parked on Euclid Ave, raised by ${NAMES[i % 4]}.`,
      },
    );
    rows.push([`S${i} Patrol Euclid Ave on weekend nights (issue ${i})`, 'NCO', '2027-02-01', 'agreed']);
  }
  return sampleDocument({
    sections: [
      { heading: 'Issues raised', blocks },
      {
        heading: 'Solutions agreed',
        blocks: [
          {
            kind: 'table',
            columns: [
              { header: 'Solution', width: 5 },
              { header: 'Owner', width: 2 },
              { header: 'Due', width: 1.4 },
              { header: 'Status', width: 1.4 },
            ],
            rows,
          },
        ],
      },
    ],
  });
}
