import { HtmlRenderer, Parser } from 'commonmark';
import { marked } from 'marked';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

/**
 * Markdown read back as a reader sees it, by two parsers nobody here wrote: marked (CommonMark with
 * GitHub's tables, strikethrough and bare-address links) and commonmark.js (the reference
 * implementation of CommonMark). Each one's HTML is parsed by parse5, then compared by its shape
 * (the elements, without text) and its text, entities decoded.
 */
export const PARSERS = {
  marked: (markdown: string): string => marked.parse(markdown, { async: false, gfm: true }),
  commonmark: (markdown: string): string => new HtmlRenderer().render(new Parser().parse(markdown)),
} as const;
export type ParserName = keyof typeof PARSERS;

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);

/** Text content, with a line break where the HTML breaks the line (a `<br>`). */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === 'br') return '\n';
  return children(node).map(textOf).join('');
}

/** The elements alone, nested: `p(strong)ul(li)`; what the Markdown built, whatever its words. */
export function shapeOf(node: Node): string {
  return children(node)
    .filter((c) => !c.nodeName.startsWith('#'))
    .map((c) => `${c.nodeName}(${shapeOf(c)})`)
    .join('');
}

/** Every element under `node`, in document order. */
export function elementsOf(node: Node): Element[] {
  return children(node).flatMap((c) => (c.nodeName.startsWith('#') ? [] : [c as Element, ...elementsOf(c)]));
}

export interface Reading {
  html: string;
  root: Node;
  shape: string;
  text: string;
  /** How many of each element: { p: 3, a: 1 }. */
  counts: Record<string, number>;
}

/** One parser's reading of a Markdown text. */
export function read(markdown: string, parser: ParserName): Reading {
  const html = PARSERS[parser](markdown);
  const root = parseFragment(html);
  const counts: Record<string, number> = {};
  for (const e of elementsOf(root)) counts[e.nodeName] = (counts[e.nodeName] ?? 0) + 1;
  return { html, root, shape: shapeOf(root), text: textOf(root), counts };
}

/** Elements that only syntax in stored text would create: links, pictures, code, emphasis, raw HTML. */
export const INJECTED = ['a', 'img', 'code', 'pre', 'em', 'del', 's', 'b', 'i', 'script', 'blockquote'];
