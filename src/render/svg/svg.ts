import { longDate } from '../../domain/calendar.js';
import { visible } from '../text.js';

/**
 * The pieces both report pictures share: escaping, the document frame and text. The pictures must
 * open alone (in a browser, pasted into a slide, converted by rsvg-convert), so everything is
 * inline SVG 1.1: no stylesheet, no web font, no image or link to anything outside the file.
 */

/** System fonts with a generic fallback: nothing to fetch, and any renderer has a sans-serif. */
export const FONT_FAMILY = "'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";
export const INK = '#1f2933';
export const MUTED = '#52606d';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text for XML character data or a quoted attribute. Control characters become visible escapes
 * (\x1b), as in the other renderers; the few other characters XML 1.0 cannot carry even as
 * references (U+FFFE, U+FFFF, lone surrogates) become U+FFFD.
 */
export function escapeXml(text: string): string {
  return visible(text)
    .replace(/[\ufffe\uffff]|\p{Cs}/gu, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Attributes = Record<string, string | number>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** One element; `children` is markup already escaped (or nothing, for an empty element). */
export function element(name: string, attrs: Attributes, children = ''): string {
  return children === ''
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/** A line of text, escaped. */
export function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
  return element('text', { x, y, ...attrs }, escapeXml(content));
}

/** The whole file: XML declaration, root with size and viewBox, an accessible title and a white page. */
export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    version: '1.1',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT_FAMILY,
    fill: INK,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${attributes(root)}>`,
    element('title', {}, escapeXml(title)),
    element('rect', { width, height, fill: '#ffffff' }),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** `September 30, 2017`: the printed long date without its weekday, for a title. */
export function monthDayYear(date: string): string {
  return longDate(date).replace(/^[^,]+, /, '');
}
