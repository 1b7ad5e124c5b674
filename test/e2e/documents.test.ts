import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, nsm } from '../helpers/cli.js';
import { poppler } from '../helpers/poppler.js';

/**
 * The printed documents from the built binary: pdfkit and the shipped fonts must load from dist/,
 * where the in-process tests never look. pdftotext (poppler-utils, installed by CI) reads the PDFs.
 */

let dir: string;
let store: string;
let demo: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nsm-e2e-documents-'));
  store = join(dir, 'store.json');
  const run = nsm(['demo', '--store', store]);
  expect(run.status, run.stderr).toBe(0);
  demo = run.stdout;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text in reading order (each table cell whole), its white space made single spaces. */
function pdftotext(file: string): string {
  return poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');
}

/** The summaries of the issues raised at M1, as the minutes' JSON gives them. */
function raisedAtM1(): string[] {
  const minutes = json<{ minutes: { raised: Array<{ summary: string }> } }>(
    nsm(['minutes', 'M1', '--json'], { store }),
  );
  return minutes.minutes.raised.map((issue) => issue.summary);
}

describe('printed documents from the built binary', () => {
  it('nsm minutes M1 -o writes a PDF that pdftotext reads, with what the meeting raised', () => {
    const file = join(dir, 'm.pdf');
    const run = nsm(['minutes', 'M1', '-o', file], { store });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Wrote the minutes of M1 (DRAFT) to ${file}, as a PDF`);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdftotext(file);
    expect(text).toContain('MINUTES Sector 75A Neighborhood Safety Meeting');
    expect(text).toContain('Minutes of M1, Tuesday, September 8, 2026 · DRAFT');
    const raised = raisedAtM1();
    expect(raised.length).toBeGreaterThan(0);
    for (const summary of raised) expect(text).toContain(summary);
    expect(text).toContain('Page 1 of');
  });

  it('nsm demo prints the path of the minutes PDF it wrote beside its store', () => {
    const path = /^ {2}(\/\S+\/minutes-M1\.pdf)$/m.exec(demo)?.[1];
    expect(path, demo).toBe(join(dirname(store), 'minutes-M1.pdf'));
    expect(existsSync(path!)).toBe(true);
    expect(readFileSync(path!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdftotext(path!);
    expect(text).toContain('Minutes of M1');
    for (const summary of raisedAtM1()) expect(text).toContain(summary);
  });
});
