/**
 * The ledger command tests start from `nsm demo` at the fixed clock (Thu 2026-11-26, noon in New
 * York): precincts 75 and 14, held September meetings (M1 for 75A, M6 75B, M11 75C, …) with an
 * open issue each (I1 in 75A, I2 75B, I3 75C, …) and their solutions (S1 in progress and overdue
 * by 34 days, S2 done, S3 agreed and overdue, S4 agreed and overdue by 17 days, …); M2 is 75A's
 * next meeting (Tue Dec 8 2026, 7 pm), then M3 (Tue Mar 9 2027).
 */
export { demoStore } from '../helpers/demo.js';

/** After M2 has taken place (it is not marked held): Wed 2026-12-09, noon in New York. */
export const AFTER_M2 = { NSM_NOW: '2026-12-09T17:00:00Z' };
