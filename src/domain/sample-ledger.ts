import type { Meeting, Store } from './schema.js';

/** Fictional but typical issues for the demo, one set per sector, with the solutions agreed. */
const SAMPLES: Array<{
  category: string;
  summary: string;
  location: string;
  solutions: Array<{
    summary: string;
    owner: string;
    ownerKind: 'nco' | 'agency' | 'community' | null;
    dueInDays: number;
    status: 'agreed' | 'in-progress' | 'done';
  }>;
}> = [
  {
    category: 'traffic',
    summary: 'Cars speeding on the avenue at school dismissal',
    location: 'outside the elementary school',
    solutions: [
      {
        summary: 'Ask DOT for a speed-bump survey',
        owner: 'DOT',
        ownerKind: 'agency',
        dueInDays: 45,
        status: 'in-progress',
      },
      {
        summary: 'Traffic post at dismissal for two weeks',
        owner: 'NCO',
        ownerKind: 'nco',
        dueInDays: 14,
        status: 'done',
      },
    ],
  },
  {
    category: 'quality-of-life',
    summary: 'Illegal dumping in the vacant lot',
    location: 'vacant lot by the rail line',
    solutions: [
      {
        summary: 'Request a DSNY clean-up and a fence repair',
        owner: 'DSNY',
        ownerKind: 'agency',
        dueInDays: 30,
        status: 'agreed',
      },
    ],
  },
  {
    category: 'package-theft',
    summary: 'Packages stolen from building lobbies',
    location: 'apartment buildings on the block',
    solutions: [
      {
        summary: 'Crime-prevention talk with the tenants association',
        owner: 'Tenants association',
        ownerKind: 'community',
        dueInDays: 60,
        status: 'agreed',
      },
    ],
  },
];

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Raises sample issues at each held meeting given and agrees their solutions. */
export function addSampleLedger(store: Store, held: Meeting[], stamp: string): number {
  let count = 0;
  held.forEach((meeting, i) => {
    const sample = SAMPLES[i % SAMPLES.length]!;
    const day = meeting.start.slice(0, 10);
    const id = `I${store.nextId.issue++}`;
    store.issues.push({
      id,
      meetingId: meeting.id,
      precinct: meeting.precinct,
      sector: meeting.sector,
      category: sample.category,
      summary: sample.summary,
      details: null,
      location: sample.location,
      raisedBy: null,
      private: false,
      status: 'open',
      raisedOn: day,
      history: [{ on: day, status: 'open', note: `raised at ${meeting.id}`, meetingId: meeting.id }],
      createdAt: stamp,
    });
    const nco = store.ncos.find((n) => n.assignments.some((a) => a.sector === meeting.sector));
    for (const s of sample.solutions) {
      const owner = s.ownerKind === 'nco' ? (nco?.id ?? null) : s.owner;
      const history: Store['solutions'][number]['history'] = [
        { on: day, status: 'agreed', note: `agreed at ${meeting.id}`, meetingId: meeting.id },
      ];
      if (s.status !== 'agreed')
        history.push({
          on: addDays(day, 7),
          status: s.status,
          note: s.status === 'done' ? 'completed' : 'work started',
          meetingId: null,
        });
      store.solutions.push({
        id: `S${store.nextId.solution++}`,
        issueId: id,
        summary: s.summary,
        owner,
        ownerKind: owner === null ? null : s.ownerKind,
        due: addDays(day, s.dueInDays),
        status: s.status,
        agreedAt: meeting.id,
        history,
        createdAt: stamp,
      });
    }
    count++;
  });
  return count;
}
