import type { Definition } from './define.js';
import type { NounSpec } from './register.js';
import * as home from './home.js';
import * as storeCommands from './store-commands.js';
import * as access from './access.js';
import * as precinct from './precinct.js';
import * as sector from './sector.js';
import * as nco from './nco.js';
import * as meeting from './meeting.js';
import * as ledger from './ledger.js';
import * as calendar from './calendar.js';
import * as documents from './documents.js';
import * as report from './report.js';
import * as config from './config.js';
import * as completion from './completion.js';
import * as agent from './agent.js';

const groups = [
  home,
  storeCommands,
  access,
  precinct,
  sector,
  nco,
  meeting,
  ledger,
  documents,
  calendar,
  report,
  config,
  completion,
  agent,
];

/** Every command nsm has, in the order help lists them. */
export const nouns: NounSpec[] = groups.flatMap((g) => g.nouns);
export const definitions: Definition[] = groups.flatMap((g) => g.definitions);
