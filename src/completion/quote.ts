/**
 * Quoting for the generated scripts. Command words, flags and choices come from nsm's own
 * definitions, but every one is still quoted as data, so no text can become shell code.
 */

const BARE = /^[A-Za-z0-9_.,:@+/=-]+$/;

/** A POSIX single-quoted literal (bash and zsh): nothing inside is expanded. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Words a reader could take for bash or zsh syntax (`done` among the solution statuses). */
const RESERVED = new Set([
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'select',
  'then',
  'time',
  'until',
  'while',
]);

/** A bash or zsh word: bare when it holds nothing the shell treats specially. */
export function shWord(text: string): string {
  return BARE.test(text) && !RESERVED.has(text) ? text : shQuote(text);
}

/** A fish single-quoted literal: inside, only \\ and \' mean anything. */
export function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

export function fishWord(text: string): string {
  return BARE.test(text) ? text : fishQuote(text);
}

/** Descriptions are shown one per line: whitespace runs and control characters become one space. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
