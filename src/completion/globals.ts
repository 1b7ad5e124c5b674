import { FORMATS } from '../render/view.js';
import type { FlagModel } from './model.js';

/**
 * The global flags of src/cli/program.ts, as completion offers them after any command. They are
 * declared there as commander options, not as specs; test/completion checks that both lists agree.
 */
export const GLOBAL_FLAGS: readonly FlagModel[] = [
  { long: '--store', description: 'the store file', values: { from: 'file' } },
  { long: '--format', description: 'how records print', values: { from: 'words', words: FORMATS } },
  { long: '--json', description: 'print one JSON document (same as --format json)' },
  { long: '--no-color', description: 'no colour' },
  { long: '--no-input', description: 'never prompt' },
  { long: '--quiet', short: '-q', description: 'no confirmations on stderr' },
  { long: '--help', short: '-h', description: 'show help for a command' },
  { long: '--version', short: '-V', description: 'print the version' },
];
