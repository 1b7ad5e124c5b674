import { visible } from '../../src/render/text.js';

/**
 * Stored text an attacker (or a careless paste) could put into a summary, note, name, place or
 * cancel reason, meant to turn into syntax somewhere nsm prints it.
 */

/** Markdown that opens a block, a link, code, HTML or emphasis when it reaches a Markdown file raw. */
export const MARKDOWN_PAYLOADS = [
  '~~~',
  '```',
  '~~~ the rest of the agenda as code',
  '- x',
  '+ x',
  '* x',
  '1. x',
  '1) x',
  '---',
  '***',
  '___',
  'a line\n===',
  '===',
  '# x',
  '> x',
  'https://evil.example',
  'www.evil.example',
  'see https://evil.example/a_b?c=d now',
  'write to evil@evil.example',
  '<https://evil.example>',
  '<b>html</b>',
  '[link](x)',
  '![img](x)',
  '[ref]: /elsewhere',
  'a | b || c',
  'back\\slash\\',
  '*emph*',
  '_x_',
  '~~struck~~',
  '`tick`',
  'trailing two spaces  ',
  '&amp; &#60; &copy;',
  '  leading and trailing whitespace  ',
  '    four spaces',
];

/** Text for spreadsheets and terminals: formula prefixes, tabs, CRs, escape sequences, bidi overrides. */
export const TERMINAL_PAYLOADS = [
  '=1+1',
  '+cmd',
  '-x',
  '@x',
  'a\ttab',
  'a\rcarriage return',
  'two\nlines',
  '\u001b[31mred\u001b[0m',
  '\u001b]8;;https://evil.example\u0007click here\u001b]8;;\u0007',
  'invoice\u202Efdp.exe',
];

export const PAYLOADS = [...MARKDOWN_PAYLOADS, ...TERMINAL_PAYLOADS];

/** How one stored line reads in Markdown (or any one-line output): controls visible, lines joined, trimmed. */
export function shownOnOneLine(text: string): string {
  return visible(text).replace(/\n/g, ' ').trim();
}
