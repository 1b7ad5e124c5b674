import type { ApprovedMinutes } from '../../domain/schema.js';
import { day, fields, type Block, type Cell } from '../../render/view.js';

/** Approved minutes as a field list: what approve and amend print. */
export function approvalFields(record: ApprovedMinutes): Block {
  const s = record.snapshot;
  return fields([
    ['Minutes of', `${record.meetingId} (sector ${s.sector})`],
    ['Approved at', record.approvedAt],
    ['Approved on', day(record.approvedOn)],
    ['Carried in', s.oldBusiness.length],
    ['Raised', s.raised.length],
    ['Agreed', s.agreed.length],
    ...record.amendments.map((a, i): [string, Cell] => [i === 0 ? 'Amendments' : '', `${a.on}: ${a.note}`]),
  ]);
}

export function approvalJson(record: ApprovedMinutes) {
  const { snapshot, ...rest } = record;
  return { ...rest, minutes: snapshot };
}
