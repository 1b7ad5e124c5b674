import { visible } from './text.js';

/**
 * Text from the store on one Markdown line, so that it renders as typed: control characters made
 * visible, newlines joined, and whatever CommonMark or GitHub would read as syntax escaped: emphasis,
 * code, links, bare addresses that GitHub would link, HTML, entities (`&amp;`), table pipes,
 * strikethrough, and the markers that open a heading, list, quote or rule when the text starts a
 * line. Leading and trailing spaces are dropped (four of them would open a code block).
 */
export function md(text: string): string {
  return (
    inline(text)
      // A list marker is followed by a space or ends the line ("-5", "66.2%" open nothing); "---" is a rule.
      .replace(/^[-+](?=\s|$|-)/, (c) => `\\${c}`)
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
      // A line of only "=" under a paragraph line makes that line a heading.
      .replace(/^=+$/, (c) => `\\${c}`)
  );
}

/** Text after `#`, `##` …: a heading's text cannot open a list, so "1. Welcome" stays as it is. */
export function mdHeading(text: string): string {
  return inline(text);
}

function inline(text: string): string {
  return (
    visible(text)
      .replace(/\n/g, ' ')
      .trim()
      .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
      // GitHub (and marked) turn bare addresses into links: `https://…`, `ftp://…`, `www.…` and
      // anything@domain (mailto:, xmpp:). An escaped `:`, `.` or `@` reads the same but opens none.
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/(www)\./gi, '$1\\.')
      .replace(/(?<=[\w.+-])@/g, '\\@')
  );
}
