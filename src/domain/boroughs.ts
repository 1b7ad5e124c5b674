import { UsageError } from '../errors.js';

export const BOROUGHS = ['Manhattan', 'Bronx', 'Brooklyn', 'Queens', 'Staten Island'] as const;

const BOROUGH_ALIASES: Record<string, string> = {
  mn: 'Manhattan',
  bx: 'Bronx',
  'the bronx': 'Bronx',
  bk: 'Brooklyn',
  qn: 'Queens',
  si: 'Staten Island',
};

export const PATROL_BOROUGHS: Record<string, string> = {
  PBMS: 'Patrol Borough Manhattan South',
  PBMN: 'Patrol Borough Manhattan North',
  PBBX: 'Patrol Borough Bronx',
  PBBS: 'Patrol Borough Brooklyn South',
  PBBN: 'Patrol Borough Brooklyn North',
  PBQS: 'Patrol Borough Queens South',
  PBQN: 'Patrol Borough Queens North',
  PBSI: 'Patrol Borough Staten Island',
};

/** Accepts a borough name in any case, or a two-letter abbreviation (MN, BX, BK, QN, SI). */
export function parseBorough(input: string, flag = '--borough'): string {
  const key = input.trim().toLowerCase();
  // Own keys only: "constructor" or "__proto__" would find the object's prototype instead.
  const found =
    BOROUGHS.find((b) => b.toLowerCase() === key) ??
    (Object.hasOwn(BOROUGH_ALIASES, key) ? BOROUGH_ALIASES[key] : undefined);
  if (!found) {
    throw new UsageError(`${flag} "${input}" is not a borough`, `use one of: ${BOROUGHS.join(', ')}`);
  }
  return found;
}

/** Accepts a patrol borough code (PBQS), its full name, or its short name (Queens South). */
export function parsePatrolBorough(input: string, flag = '--patrol-borough'): { code: string; name: string } {
  const key = input.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [code, name] of Object.entries(PATROL_BOROUGHS)) {
    const short = name.replace('Patrol Borough ', '').toLowerCase();
    if (key === code.toLowerCase() || key === name.toLowerCase() || key === short) return { code, name };
  }
  throw new UsageError(
    `${flag} "${input}" is not a patrol borough`,
    `use a code or name: ${Object.entries(PATROL_BOROUGHS)
      .map(([c, n]) => `${c} (${n.replace('Patrol Borough ', '')})`)
      .join(', ')}`,
  );
}
