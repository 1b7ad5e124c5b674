import type { Document } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { renderRolloutChart } from '../../../src/render/svg/rollout-chart.js';
import { chartInput, elements, externalReferences, parseSvg, rasterise, texts } from './helpers.js';

/** The chart read back by an XML parser (@xmldom/xmldom) and rendered by librsvg. */

const SEPTEMBER_2017 = chartInput('2017-09-30');
const svg = renderRolloutChart(SEPTEMBER_2017);
const doc = parseSvg(svg);

function byId(d: Document, id: string) {
  const found = elements(d, '*').find((el) => el.getAttribute('id') === id);
  if (!found) throw new Error(`no element with id ${id}`);
  return found;
}

/** The step line's commands: M x,y then H x / V y pairs. */
function steps(d: Document): Array<[string, number]> {
  const path = byId(d, 'active-line').getAttribute('d')!;
  return [...path.matchAll(/([MHV])([-\d.]+)(?:,([-\d.]+))?/g)].flatMap((m) =>
    m[1] === 'M'
      ? [
          ['H', Number(m[2])],
          ['V', Number(m[3])],
        ]
      : [[m[1]!, Number(m[2])]],
  ) as Array<[string, number]>;
}

describe('rollout chart', () => {
  it('is a standalone SVG 1.1 document with a size and a viewBox', () => {
    const root = doc.documentElement!;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('version')).toBe('1.1');
    expect(root.getAttribute('viewBox')).toBe(
      `0 0 ${root.getAttribute('width')} ${root.getAttribute('height')}`,
    );
    expect(externalReferences(svg, doc)).toEqual([]);
  });

  it('titles the chart with the date and the count on it', () => {
    const words = texts(doc);
    expect(elements(doc, 'title')[0]!.textContent).toBe(
      'Neighborhood Policing rollout, as of September 30, 2017',
    );
    expect(words[0]).toBe('Neighborhood Policing rollout, as of September 30, 2017');
    expect(words[1]).toBe('Precincts with Neighborhood Policing: 51 of 77 (66%) on that date');
    expect(words).toContain('Sep 30, 2017: 51 active');
    expect(words).toContain('all 77 precincts');
  });

  it('has a count axis in round steps up to the precincts that existed and a tick per year', () => {
    const words = texts(doc);
    expect(words.filter((w) => /^\d+$/.test(w) && Number(w) < 100)).toEqual([
      '0',
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
    ]);
    expect(words.filter((w) => /^20\d\d$/.test(w))).toEqual(['2015', '2016', '2017']);
    const later = texts(parseSvg(renderRolloutChart(chartInput('2026-11-26'))));
    expect(later.filter((w) => /^20\d\d$/.test(w))).toHaveLength(12);
  });

  it('steps up once per wave, never down, and stops at the as-of date at its count', () => {
    const commands = steps(doc);
    const ys = commands.filter(([c]) => c === 'V').map(([, v]) => v);
    const xs = commands.filter(([c]) => c === 'H').map(([, v]) => v);
    expect(ys).toHaveLength(1 + SEPTEMBER_2017.points.length);
    expect(ys).toEqual([...ys].sort((a, b) => b - a)); // up the page: y falls as the count grows
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const marker = byId(doc, 'as-of');
    expect(xs.at(-1)).toBe(Number(marker.getAttribute('x1')));
    const dot = elements(doc, 'circle').find((c) => c.getAttribute('cx') === marker.getAttribute('x1'))!;
    expect(Number(dot.getAttribute('cy'))).toBe(ys.at(-1));
    // 51 of 77 is two thirds of the way from the zero line to the ceiling.
    const [zero, ceiling] = [ys[0]!, Number(byId(doc, 'ceiling').getAttribute('y1'))];
    expect((zero - ys.at(-1)!) / (zero - ceiling)).toBeCloseTo(51 / 77, 2);
  });

  it('is the same every time', () => {
    expect(renderRolloutChart(chartInput('2017-09-30'))).toBe(svg);
  });

  it('renders with librsvg at the width asked', () => {
    const { png, width, height } = rasterise(svg, 960);
    expect([width, height]).toEqual([960, 540]);
    expect(png.length).toBeGreaterThan(10_000);
  });
});
