// Sets the number of outstanding (open or in-progress) issues of a benchmark store to an exact
// figure, for `bench/generate.mjs --open-issues <k>`: a backlog to compare with a to-do list of as
// many pending tasks. Issues chosen at random are closed at their sector's last held meeting, or
// had their resolution never happen, until the count is right.

import { isoOf } from './dates.mjs';

const outstanding = (issue) => issue.status === 'open' || issue.status === 'in-progress';

/**
 * Closes or reopens random issues until exactly `wanted` are outstanding. `lastHeld` maps each
 * sector to its last held meeting (a draft of makeMeetings). Throws when the store has too few issues.
 */
export function setOutstanding(issues, wanted, lastHeld, random) {
  const open = issues.filter(outstanding);
  if (open.length > wanted) {
    for (const issue of random.shuffle(open).slice(0, open.length - wanted)) closeInReview(issue, lastHeld);
  } else if (open.length < wanted) {
    const settled = issues.filter((i) => !outstanding(i));
    if (open.length + settled.length < wanted)
      throw new Error(
        `--open-issues ${wanted} is more than the ${issues.length} issues of this scale; raise --scale`,
      );
    for (const issue of random.shuffle(settled).slice(0, wanted - open.length)) neverResolved(issue);
  }
}

/** Closes an outstanding issue at the last held meeting of its sector (on or after all its history). */
function closeInReview(issue, lastHeld) {
  const meeting = lastHeld.get(issue.sector);
  issue.history.push({
    on: isoOf(meeting.day),
    status: 'closed',
    note: 'closed in a review of the backlog',
    meetingId: meeting.record.id,
  });
  issue.status = 'closed';
}

/** Cuts a settled issue's history before its first resolution: it is still being worked on. */
function neverResolved(issue) {
  const first = issue.history.findIndex((h) => h.status === 'resolved' || h.status === 'closed');
  issue.history.length = first;
  issue.status = issue.history[first - 1].status;
}
