/** The documented categories of a public-safety issue. */
export const CATEGORIES = [
  'noise',
  'drugs',
  'traffic',
  'parking',
  'vending',
  'homelessness',
  'package-theft',
  'burglary',
  'robbery',
  'assault',
  'vandalism',
  'youth',
  'quality-of-life',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
