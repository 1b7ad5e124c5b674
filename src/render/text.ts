/**
 * Text from the store is kept exactly as typed, but never reaches a terminal raw: control
 * characters, escape sequences and bidirectional overrides are shown as visible escapes (\x1b,
 * \x9b, \u202e) so a stored string cannot move the cursor, recolour the screen, reverse or hide
 * what follows it.
 */
// C0 and C1 controls, and the bidirectional marks and overrides (U+202E turns "gpj.exe" around).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One table cell or field on one line: also shows newlines and tabs as escapes. */
export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return visible(String(value)).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** Splits words longer than the column, which word wrapping alone would cut off. */
export function hardWrap(text: string, room: number): string {
  if (room < 1) return text;
  return text
    .split(' ')
    .map((word) =>
      width(word) <= room ? word : (word.match(new RegExp(`.{1,${room}}`, 'gu')) ?? [word]).join(' '),
    )
    .join(' ');
}

/** Word-wraps one line of text to `room` columns. */
export function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of hardWrap(paragraph, room).split(' ')) {
      if (line === '') line = word;
      else if (width(line) + 1 + width(word) <= room) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Columns a text takes on a terminal (one per code point). */
export function width(text: string): number {
  return [...text].length;
}

/** "1 issue", "3 issues", "2 people". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
