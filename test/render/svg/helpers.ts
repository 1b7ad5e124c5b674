import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DOMParser, onWarningStopParsing, type Document, type Element } from '@xmldom/xmldom';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ChartInput } from '../../../src/render/svg/rollout-chart.js';
import type { MapInput } from '../../../src/render/svg/rollout-map.js';
import { expect } from 'vitest';

/**
 * Inputs built straight from the bundled data files, as the report builds them, so the tests check
 * the pictures against real statuses without going through the report's code; and the outside
 * tools that read the pictures back (an XML parser, librsvg).
 */

interface ReferencePrecinct {
  precinct: number;
  opened: string | null;
  rollout: { startDate: string | null; phase: number | null };
}

const dataFile = (name: string) => new URL(`../../../data/${name}`, import.meta.url);

export const SECTORS = JSON.parse(readFileSync(dataFile('sectors.geojson'), 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  { sector: string; precinct: number }
>;

const PRECINCTS = (
  JSON.parse(readFileSync(dataFile('reference.json'), 'utf8')) as { precincts: ReferencePrecinct[] }
).precincts;

function existing(asOf: string): ReferencePrecinct[] {
  return PRECINCTS.filter((p) => p.opened === null || p.opened <= asOf);
}

export function mapInput(asOf: string): MapInput {
  return {
    asOf,
    sectors: SECTORS,
    precincts: existing(asOf).map((p) => ({
      precinct: p.precinct,
      phase: p.rollout.phase,
      status: p.rollout.startDate === null ? 'unknown' : p.rollout.startDate <= asOf ? 'active' : 'pending',
    })),
  };
}

export function chartInput(asOf: string): ChartInput {
  const precincts = existing(asOf);
  const starts = precincts.map((p) => p.rollout.startDate).filter((d): d is string => d !== null);
  const dates = [...new Set([...starts.filter((d) => d <= asOf), asOf])].sort();
  return {
    asOf,
    total: precincts.length,
    points: dates.map((date) => ({ date, active: starts.filter((d) => d <= date).length })),
  };
}

/** Parses as XML, and fails on any error or warning the parser reports. */
export function parseSvg(svg: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(svg, 'image/svg+xml');
}

export function elements(within: Document | Element, tag: string): Element[] {
  return Array.from(within.getElementsByTagName(tag));
}

/** Every text element's content, in document order. */
export function texts(doc: Document): string[] {
  return elements(doc, 'text').map((t) => t.textContent ?? '');
}

/**
 * What a reader or converter would fetch from elsewhere: links that do not point inside the file,
 * url() references to anything but an id, stylesheet imports, images, scripts and foreign objects.
 */
export function externalReferences(svg: string, doc: Document): string[] {
  const found: string[] = [];
  for (const el of elements(doc, '*')) {
    for (const attr of Array.from(el.attributes)) {
      if (/href$/i.test(attr.name) && !attr.value.startsWith('#')) found.push(`${attr.name}=${attr.value}`);
      if (/url\(\s*['"]?(?!#)/i.test(attr.value)) found.push(`${attr.name}=${attr.value}`);
    }
    if (/^(image|script|style|foreignObject|use)$/.test(el.tagName)) found.push(`<${el.tagName}>`);
  }
  for (const pattern of [/@import/i, /url\(\s*['"]?https?:/i, /@font-face/i]) {
    if (pattern.test(svg)) found.push(String(pattern));
  }
  return found;
}

/** The PNG rsvg-convert (librsvg, Debian librsvg2-bin) makes at `width` pixels, and its size. */
export function rasterise(svg: string, width: number): { png: Buffer; width: number; height: number } {
  let png: Buffer;
  try {
    png = execFileSync('rsvg-convert', ['--format', 'png', '--width', String(width)], { input: svg });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('rsvg-convert is not installed: apt-get install -y librsvg2-bin', { cause: error });
    }
    throw error;
  }
  // A PNG starts with its 8-byte signature, then the IHDR chunk: width and height, big-endian.
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
