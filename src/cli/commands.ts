import type { Definition } from './define.js';
import type { NounSpec } from './register.js';
import * as meeting from './meeting.js';

/** Every command nsm has, in the order help lists them. */
export const nouns: NounSpec[] = [meeting.noun];
export const definitions: Definition[] = [...meeting.definitions];
