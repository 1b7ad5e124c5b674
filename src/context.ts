import type { Writable } from 'node:stream';
import type { Settings } from './settings/file.js';
import type { Format } from './render/view.js';
import type { StoreSource } from './store/paths.js';

/**
 * Everything a command needs from the outside world, passed in so tests can build one with a
 * fixed clock and captured streams.
 */
export interface Context {
  /** Absolute path of the store file. */
  storePath: string;
  /** Whether it came from --store, NSM_STORE, the store setting or the default. */
  storeSource: StoreSource;
  /** The current instant. */
  now: () => Date;
  /** A new random UUID (meetings get one at creation, for calendar UIDs). */
  newUuid: () => string;
  stdout: Writable;
  stderr: Writable;
  /** stdout is a terminal: print tables and colour; otherwise TSV, no colour. */
  stdoutIsTTY: boolean;
  /** stderr is a terminal: long warnings and confirmations wrap at its width. */
  stderrIsTTY: boolean;
  /** Prompting is allowed (stdin is a terminal and --no-input was not given). */
  interactive: boolean;
  color: boolean;
  /** How records print: `--format`, else a table on a terminal and TSV in a pipe. */
  format: Format;
  /** The terminal's width in columns (80 when it cannot be known). */
  width: number;
  quiet: boolean;
  /** The user's settings (`nsm config`). */
  settings: Settings;
  env: NodeJS.ProcessEnv;
  /** The command line as typed, recorded in the undo journal. */
  commandLine: string;
}
