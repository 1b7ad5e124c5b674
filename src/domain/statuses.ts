/**
 * The status lists of the records, in their own module so the command definitions can offer
 * them as choices without loading the schema library at start-up.
 */
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const ISSUE_STATUSES = ['open', 'in-progress', 'resolved', 'closed'] as const;
export const SOLUTION_STATUSES = ['agreed', 'in-progress', 'done', 'dropped'] as const;
