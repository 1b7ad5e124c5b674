import { describe, expect, it } from 'vitest';
import type { Document, Element } from '@xmldom/xmldom';
import { renderRolloutMap, type MapInput } from '../../../src/render/svg/rollout-map.js';
import { SECTORS, elements, externalReferences, mapInput, parseSvg, rasterise, texts } from './helpers.js';

/** The map read back by an XML parser (@xmldom/xmldom) and rendered by librsvg. */

const JUNE_2015 = mapInput('2015-06-01');
const svg = renderRolloutMap(JUNE_2015);
const doc = parseSvg(svg);

function sectorPaths(d: Document): Element[] {
  return elements(d, 'path').filter((p) => p.getAttribute('id')?.startsWith('sector-'));
}

function byId(d: Document, id: string): Element {
  const found = elements(d, '*').find((el) => el.getAttribute('id') === id);
  if (!found) throw new Error(`no element with id ${id}`);
  return found;
}

const fill = (id: string, d = doc) => byId(d, id).getAttribute('fill');

describe('rollout map', () => {
  it('is a standalone SVG 1.1 document with a size and a viewBox', () => {
    const root = doc.documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('version')).toBe('1.1');
    expect(root.getAttribute('viewBox')).toBe(
      `0 0 ${root.getAttribute('width')} ${root.getAttribute('height')}`,
    );
    expect(root.getAttribute('font-family')).toMatch(/, sans-serif$/);
    expect(externalReferences(svg, doc)).toEqual([]);
  });

  it('draws exactly one shape per sector of the boundaries file, named by the sector', () => {
    const ids = sectorPaths(doc).map((p) => p.getAttribute('id'));
    expect(ids).toHaveLength(SECTORS.features.length);
    expect(new Set(ids)).toEqual(new Set(SECTORS.features.map((f) => `sector-${f.properties.sector}`)));
    expect(elements(doc, 'path').filter((p) => p.getAttribute('d')?.startsWith('M'))).toHaveLength(
      SECTORS.features.length + 1, // and the precinct borders
    );
  });

  it('fills the first wave active on 2015-06-01 and the 1st Precinct pending', () => {
    expect(fill('sector-33A')).toBe(fill('legend-phase-1'));
    expect(fill('sector-34A')).toBe(fill('legend-phase-1'));
    expect(fill('sector-1A')).toBe(fill('legend-pending'));
    expect(fill('sector-1A')).not.toBe(fill('sector-33A'));
    expect(fill('sector-22A')).toBe('url(#unknown-hatch)');
    expect(fill('legend-unknown')).toBe('url(#unknown-hatch)');
    expect(byId(doc, 'unknown-hatch').tagName).toBe('pattern');
  });

  it("fills every sector by its precinct's status and phase, with the status in its hover text", () => {
    const precincts = new Map(JUNE_2015.precincts.map((p) => [p.precinct, p]));
    const said = { active: 'active (phase 1)', pending: 'pending', unknown: 'start date unknown' };
    for (const { properties } of SECTORS.features) {
      const precinct = precincts.get(properties.precinct)!;
      const path = byId(doc, `sector-${properties.sector}`);
      const legend = precinct.status === 'active' ? `phase-${precinct.phase}` : precinct.status;
      expect(path.getAttribute('fill'), properties.sector).toBe(fill(`legend-${legend}`));
      expect(elements(path, 'title')[0]!.textContent).toBe(
        `Sector ${properties.sector} · Precinct ${properties.precinct} · ${said[precinct.status]}`,
      );
    }
  });

  it('colours early phases darker than late ones', () => {
    const lightness = (hex: string) =>
      [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
    const ramp = Array.from({ length: 15 }, (_, i) => lightness(fill(`legend-phase-${i + 1}`)!));
    expect(ramp).toEqual([...ramp].sort((a, b) => a - b));
    expect(new Set(ramp).size).toBe(15);
  });

  it('titles the map with the date and counts, and explains every fill in the legend', () => {
    const words = texts(doc);
    expect(elements(doc, 'title')[0]!.textContent).toBe('Neighborhood Policing rollout, as of June 1, 2015');
    expect(words[0]).toBe('Neighborhood Policing rollout, as of June 1, 2015');
    expect(words[1]).toBe('4 of 77 precincts active (5%) · 72 pending · 1 with no known start date');
    const after = (label: string) => words[words.indexOf(label) + 1];
    expect(after('Active')).toBe('4');
    expect(after('Pending')).toBe('72');
    expect(after('Start date unknown')).toBe('1');
    expect(after('Total')).toBe('77');
    expect(words).toContain('phase 1 (first)');
    expect(words).toContain('phase 15');
    expect(words).not.toContain('Not yet a precinct');
    expect(words).toEqual(
      expect.arrayContaining(['MANHATTAN', 'BRONX', 'QUEENS', 'BROOKLYN', 'STATEN ISLAND']),
    );
  });

  it('reproduces the public record in its counts', () => {
    const counts = (date: string) => texts(parseSvg(renderRolloutMap(mapInput(date))))[1];
    expect(counts('2017-05-31')).toMatch(/^43 of 77 precincts active/);
    expect(counts('2017-09-30')).toMatch(/^51 of 77 precincts active/);
    expect(counts('2018-10-31')).toMatch(/^76 of 77 precincts active/);
  });

  it('outlines a sector whose precinct did not exist yet, and says so in the legend', () => {
    const input: MapInput = { ...JUNE_2015, precincts: JUNE_2015.precincts.filter((p) => p.precinct !== 1) };
    const d = parseSvg(renderRolloutMap(input));
    expect(fill('sector-1A', d)).toBe('#ffffff');
    expect(byId(d, 'sector-1A').getAttribute('stroke')).toBe(
      byId(d, 'legend-not-yet').getAttribute('stroke'),
    );
    expect(texts(d)).toContain('Not yet a precinct');
    expect(texts(d)[1]).toMatch(/^4 of 76 precincts/);
  });

  it('counts a precinct without boundaries and says it is not drawn (the 116th)', () => {
    const words = texts(parseSvg(renderRolloutMap(mapInput('2026-11-26'))));
    expect(words[1]).toBe('76 of 78 precincts active (97%) · 0 pending · 2 with no known start date');
    expect(words).toContain('Precinct 116 counted but not drawn:');
  });

  it('draws each sector as a small part of the city, inside the map area, at one decimal', () => {
    const spans = sectorPaths(doc).map((path) => {
      const d = path.getAttribute('d')!;
      expect(d).not.toMatch(/\.\d\d/);
      const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(15.9);
      expect(Math.max(...xs)).toBeLessThanOrEqual(640.1);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(99.9);
      expect(Math.max(...ys)).toBeLessThanOrEqual(708.1);
      return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    });
    // A ring wound the wrong way for d3 is drawn as the whole globe minus the sector.
    expect(Math.max(...spans)).toBeLessThan(150);
  });

  it('escapes text that reaches the file', () => {
    const hostile = `x"><script>&'\u001b`;
    const sectors = {
      ...SECTORS,
      features: [{ ...SECTORS.features[0]!, properties: { sector: hostile, precinct: 102 } }],
    };
    const d = parseSvg(renderRolloutMap({ ...JUNE_2015, sectors }));
    const path = sectorPaths(d)[0]!;
    expect(path.getAttribute('id')).toBe(`sector-x"><script>&'\\x1b`);
    expect(elements(d, 'script')).toEqual([]);
  });

  it('is the same every time', () => {
    expect(renderRolloutMap(mapInput('2015-06-01'))).toBe(svg);
  });

  it('renders with librsvg at the width asked, in the page proportions', () => {
    const { png, width, height } = rasterise(svg, 900);
    expect(width).toBe(900);
    expect(height).toBe(675);
    expect(png.length).toBeGreaterThan(20_000);
  });
});
