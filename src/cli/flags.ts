/**
 * The flag most commands share, declared once: `--precinct`, filled from the `precinct` setting
 * unless a --sector narrows past it, with "all" to widen.
 */
export const precinctScope = {
  value: 'pct',
  description: 'only this precinct ("all" for every precinct)',
  complete: 'precinct',
  setting: 'precinct',
  settingUnless: ['sector'],
} as const;
