import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintedDocument } from '../../../src/render/document/model.js';
import { renderPdf } from '../../../src/render/document/pdf.js';
import { HOSTILE, NAMES, longDocument, sampleDocument } from '../../helpers/documents.js';
import { poppler } from '../../helpers/poppler.js';

/**
 * The PDF read back by poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm), which nobody here
 * wrote. A missing tool fails the test: CI installs poppler-utils.
 */

const createdAt = new Date('2026-12-09T12:00:00Z');
let dir: string;

async function pdfFile(name: string, doc: PrintedDocument): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderPdf(doc, { createdAt }));
  return file;
}

/** Each page's text as pdftotext lays it out, footer included. */
function pages(file: string): string[] {
  return poppler('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** How many pixels of each page, rendered in grey at 20 dpi, have the watermark's grey. */
function watermarkPixels(file: string, name: string): number[] {
  poppler('pdftoppm', ['-gray', '-r', '20', file, join(dir, name)]);
  const images = readdirSync(dir)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.pgm'))
    .sort((a, b) => Number(a.match(/(\d+)\.pgm$/)![1]) - Number(b.match(/(\d+)\.pgm$/)![1]));
  return images.map((image) => {
    const bytes = readFileSync(join(dir, image));
    // P5 header: magic, width, height, maximum, each followed by one whitespace byte.
    const header = bytes.toString('latin1', 0, 40).match(/^P5\s+\d+\s+\d+\s+\d+\s/)![0];
    return bytes.subarray(header.length).filter((value) => value === 0xe4).length;
  });
}

let sample: string;
let long: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nsm-pdf-'));
  [sample, long] = await Promise.all([
    pdfFile('sample', sampleDocument()),
    pdfFile('long', longDocument(60)),
  ]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPdf', () => {
  it('keeps every name with its accents, and hostile text literally', () => {
    const text = flat(pages(sample).join(' '));
    for (const name of NAMES) expect(text).toContain(name);
    for (const hostile of HOSTILE) expect(text).toContain(hostile);
  });

  it('reads in order: kind and mark, title, facts, notices, sections', () => {
    const text = flat(pages(sample).join(' '));
    const order = [
      'MINUTES DRAFT',
      'Sector 75A Neighborhood Safety Meeting',
      'Precinct 75th Precinct',
      'Time 7:00 PM – 8:00 PM',
      'Holds private information',
      'Hosting officers',
      `• Police Officer ${NAMES[0]}`,
      'Attendance 42 residents attended.',
      'I7 · traffic · open',
      'Where: [click here]',
      `S3 Speed humps on Linden Blvd ${NAMES[0]} 2027-01-15 agreed`,
      'No solution agreed yet.',
      'Approved by',
      'Date',
      'Name Block or street Email for meeting updates (optional)',
    ];
    let from = 0;
    for (const part of order) {
      const at = text.indexOf(part, from);
      expect(at, part).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
  });

  it('prints the footer and "Page X of Y" on every page', () => {
    const texts = pages(sample);
    expect(texts.length).toBeGreaterThan(1);
    texts.forEach((page, i) => {
      expect(flat(page)).toContain(sampleDocument().footer);
      expect(page).toContain(`Page ${i + 1} of ${texts.length}`);
    });
  });

  it('is US Letter, titled, with the page count pdftotext saw', () => {
    const info = poppler('pdfinfo', ['-isodates', long]);
    expect(info).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pages(long).length}$`, 'm'));
    expect(info).toMatch(/^Title:\s+Sector 75A Neighborhood Safety Meeting – Minutes$/m);
    expect(info).toMatch(/^Creator:\s+nsm$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-12-09T12:00:00Z$/m);
  });

  it('embeds the DejaVu fonts and no other', () => {
    const rows = poppler('pdffonts', [sample]).trim().split('\n').slice(2);
    const fonts = rows.map((row) => {
      const [name, , , , , emb] = row.split(/\s+/);
      return { name: name!.replace(/^[A-Z]{6}\+/, ''), embedded: emb };
    });
    expect(fonts.map((font) => font.name).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    expect(fonts.every((font) => font.embedded === 'yes')).toBe(true);
  });

  it('runs a long table over pages, whole rows only, the header repeated on each', () => {
    const texts = pages(long);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    const seen: number[] = [];
    for (const page of texts) {
      const rows = [
        ...page.matchAll(
          /S(\d+) Patrol Euclid Ave on weekend nights \(issue \1\)\s+NCO\s+2027-02-01\s+agreed/g,
        ),
      ];
      if (rows.length === 0) continue;
      const header = page.search(/Solution\s+Owner\s+Due\s+Status/);
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(rows[0]!.index);
      seen.push(...rows.map((row) => Number(row[1])));
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(texts.filter((page) => /Solution\s+Owner/.test(page)).length).toBeGreaterThan(1);
  });

  it('never leaves a heading last on a page', () => {
    for (const page of pages(long).slice(0, -1)) {
      const lines = page.split('\n').filter((line) => line.trim() !== '');
      const lastBeforeFooter = lines.at(-2)!;
      expect(lastBeforeFooter).not.toMatch(/^I\d+ · noise · open$|^Solutions agreed$/);
    }
  });

  it('splits a row taller than a page over pages, every word kept in order', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `word${i}`);
    const file = await pdfFile(
      'tall',
      sampleDocument({
        sections: [
          {
            heading: 'Notes',
            blocks: [
              {
                kind: 'table',
                columns: [
                  { header: 'Solution', width: 3 },
                  { header: 'Owner', width: 1 },
                ],
                rows: [
                  ['before', 'NCO'],
                  [words.join(' '), 'DOT'],
                  ['after', 'NCO'],
                ],
              },
            ],
          },
        ],
      }),
    );
    const texts = pages(file);
    expect(texts.length).toBeGreaterThan(1);
    for (const page of texts) expect(page).toMatch(/Solution\s+Owner/);
    const found = flat(texts.join(' ')).match(/\bword\d+\b/g);
    expect(found).toEqual(words);
    expect(flat(texts.join(' '))).toMatch(/before NCO.*word0 .*DOT.*word699 .*after NCO/);
  });

  it('writes a field with no value as its label alone', async () => {
    const file = await pdfFile(
      'fields',
      sampleDocument({
        sections: [
          {
            heading: 'Fields',
            blocks: [
              {
                kind: 'fields',
                fields: [
                  { label: 'Where', value: '' },
                  { label: 'When', value: 'Tuesday' },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(pages(file)[0]).toMatch(/^Where:\n+When: Tuesday$/m);
  });

  it('draws the mark across every page, and no watermark without a mark', async () => {
    const marked = watermarkPixels(long, 'long');
    expect(marked.length).toBe(pages(long).length);
    for (const pixels of marked) expect(pixels).toBeGreaterThan(500);
    const plain = await pdfFile('plain', sampleDocument({ mark: null }));
    expect(flat(pages(plain).join(' '))).not.toContain('DRAFT');
    for (const pixels of watermarkPixels(plain, 'plain')) expect(pixels).toBeLessThan(50);
  });

  it('gives the same bytes for the same document and date', async () => {
    const again = await renderPdf(sampleDocument(), { createdAt });
    expect(Buffer.from(again).equals(readFileSync(sample))).toBe(true);
    const later = await renderPdf(sampleDocument(), { createdAt: new Date('2026-12-10T12:00:00Z') });
    expect(Buffer.from(later).equals(readFileSync(sample))).toBe(false);
  });
});
