import { visible } from './text.js';

/** Text from the store inside Markdown: control characters made visible, Markdown and HTML syntax escaped. */
export function md(text: string): string {
  return visible(text)
    .replace(/\n/g, ' ')
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}
