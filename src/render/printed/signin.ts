import type { SigninView } from '../../domain/signin.js';
import type { PrintedDocument } from '../document/model.js';
import { dateAndTime, meetingFacts } from './header.js';

/** A sign-in sheet: ruled rows to sign on, with the NCOs and the next meeting at the foot of each page. */
export function signinDocument(view: SigninView, rows: number): PrintedDocument {
  const ncos = view.ncos.map((n) => `${n.rank} ${n.name}`).join(', ');
  const next = view.next ? `${dateAndTime(view.next.start)} (${view.next.id})` : 'to be announced';
  return {
    kind: 'Sign-in sheet',
    title: view.title,
    mark: null,
    facts: meetingFacts(view),
    notices: [
      "Please sign in. Your email is optional: it is used only to send you updates about this sector's meetings.",
    ],
    sections: [
      {
        heading: 'Sign in',
        blocks: [
          {
            kind: 'form',
            columns: [
              { header: 'Name', width: 3.2 },
              { header: 'Block or street', width: 3 },
              { header: 'Email for meeting updates (optional)', width: 4 },
            ],
            rows,
          },
        ],
      },
    ],
    footer: `Your Neighborhood Coordination Officers: ${ncos || 'to be assigned'}. Next meeting: ${next}.`,
  };
}
