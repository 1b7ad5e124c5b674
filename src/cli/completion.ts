import type { Definition } from './define.js';
import type { NounSpec } from './register.js';

// To be filled: this file's command specs and definitions (see ./meeting.ts for the pattern).
export const nouns: NounSpec[] = [];
export const definitions: Definition[] = [];
