/**
 * Splits an example the way a POSIX shell would (quotes, no expansions), up to a comment, a
 * redirection or a pipe: what follows them is the shell's business, not nsm's.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(#.*|[<>|].*)|((?:[^\s"'\\<>|]|\\.)+))/gy;
  let current: string | null = null;
  let last = 0;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    if (m[3] !== undefined) break;
    const glued = m.index === last && current !== null && !/^\s/.test(m[0]);
    const part = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[4]!.replace(/\\(.)/g, '$1'));
    if (glued) current += part;
    else {
      if (current !== null) words.push(current);
      current = part;
    }
    last = pattern.lastIndex;
  }
  if (current !== null) words.push(current);
  return words;
}
