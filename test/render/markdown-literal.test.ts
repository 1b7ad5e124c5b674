import { describe, expect, it } from 'vitest';
import type { PrintedDocument } from '../../src/render/document/model.js';
import { renderMarkdown as renderDocument } from '../../src/render/document/markdown.js';
import { md } from '../../src/render/markdown.js';
import { renderMarkdown as renderRecords } from '../../src/render/records.js';
import { cell } from '../../src/render/text.js';
import { fields, heading, table, text, warning, type Block } from '../../src/render/view.js';
import { demoStore } from '../helpers/demo.js';
import { nsmIn } from '../helpers/in-process.js';
import { INJECTED, read, type ParserName } from '../helpers/markdown.js';
import { PAYLOADS, shownOnOneLine } from '../helpers/payloads.js';

/**
 * Issue #11, item 5: stored text renders as the same literal text in every Markdown viewer. Each
 * payload is put in every place a renderer writes stored text; the output is read by marked and by
 * commonmark.js, and must have the shape of the same output with a plain word in those places
 * (no list, rule, heading, code block, link or emphasis created) and its text, the payload as typed.
 */

const PLAIN = 'PLACEHOLDER';
const PARSERS: ParserName[] = ['marked', 'commonmark'];

/** A printed document with `value` in every slot that holds stored text. */
function documentWith(value: string): PrintedDocument {
  return {
    kind: 'Agenda',
    title: value,
    mark: null,
    facts: [
      { label: 'Place', value },
      { label: 'Online', value },
    ],
    notices: [value],
    sections: [
      {
        heading: value,
        blocks: [
          { kind: 'subheading', text: value },
          { kind: 'paragraph', text: value },
          { kind: 'paragraph', text: value, tone: 'muted' },
          { kind: 'list', items: [value, value] },
          { kind: 'fields', fields: [{ label: 'Where', value }] },
          {
            kind: 'table',
            columns: [
              { header: 'Solution', width: 2 },
              { header: 'Owner', width: 1 },
            ],
            rows: [
              [value, value],
              [value, 'DOT'],
            ],
          },
          { kind: 'signatures', labels: ['Approved by'] },
        ],
      },
    ],
    footer: value,
  };
}

/** Records (a list, a show, a report) with `value` in the table cells and fields. */
function cellsWith(value: string): Block[] {
  return [
    fields([
      ['Summary', value],
      ['Location', value],
    ]),
    table(
      ['ID', 'Summary'],
      [
        ['I1', value],
        ['I2', value],
      ],
    ),
  ];
}

/** Records with `value` in the lines around them: a heading, a text, a warning, an empty table's note. */
function linesWith(value: string): Block[] {
  return [heading(value), text(value), warning(value), table(['ID'], [], value)];
}

/**
 * Reads `render(payload)` with both parsers and checks it against `render(PLAIN)`: the same
 * elements, and the same text with the payload, as `shown` says it reads, where PLAIN was.
 */
function expectLiteral(render: (value: string) => string, payload: string, shown: string): void {
  for (const parser of PARSERS) {
    const plain = read(render(PLAIN), parser);
    const hostile = read(render(payload), parser);
    const why = `${parser} reading ${JSON.stringify(payload)}:\n${render(payload)}`;
    expect(hostile.shape, why).toBe(plain.shape);
    expect(hostile.text, why).toBe(plain.text.replaceAll(PLAIN, () => shown));
  }
}

describe('Markdown: every payload reads back as typed, in marked and in commonmark.js', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('in a printed document: %s', (_, payload) => {
    expectLiteral((v) => renderDocument(documentWith(v)), payload, shownOnOneLine(payload));
  });

  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('in records (--format md): %s', (_, payload) => {
    // A cell stays on one line as on a terminal (a newline reads \n, a tab \t).
    expectLiteral((v) => renderRecords(cellsWith(v)), payload, cell(payload).trim());
    // A text block keeps its lines (a wrapped summary): see below.
    const lines = (v: string) =>
      renderRecords(linesWith(v).filter((b) => b.kind !== 'text' || !payload.includes('\n')));
    expectLiteral(lines, payload, shownOnOneLine(payload));
  });

  it('keeps the lines of a text block, none of them opening a heading, list or rule', () => {
    for (const lines of ['a line\n===', 'wrapped\n- not a list', 'wrapped\n1. nor this', 'x\n---']) {
      const render = (value: string) => renderRecords([text(`Said: ${value}`)]);
      for (const parser of PARSERS) {
        const reading = read(render(lines), parser);
        expect(reading.shape, `${parser}: ${lines}`).toBe('p()');
        expect(reading.text.trim()).toBe(`Said: ${lines}`);
      }
    }
  });

  it('leaves bare web and mail addresses as text, not links (GitHub links them)', () => {
    for (const address of [
      'https://evil.example',
      'www.evil.example',
      'a@evil.example',
      'mailto:a@evil.example',
    ]) {
      const reading = read(md(`see ${address} now`), 'marked');
      expect(reading.counts.a ?? 0, address).toBe(0);
      expect(reading.text.trim()).toBe(`see ${address} now`);
    }
  });
});

describe('Markdown: commands print stored text as typed (agenda, minutes)', () => {
  it('an agenda and minutes with hostile summaries keep their shape in both parsers', async () => {
    const plain = await demoStore();
    const hostile = await demoStore();
    // The blocks the issue named, and links; every payload meets the agenda in R9 (outputs.test.ts).
    const payloads = [
      '~~~',
      '```',
      '- x',
      '+ x',
      '1. x',
      '---',
      '# x',
      '> x',
      'https://evil.example',
      'www.evil.example',
      '[link](x)',
      '<b>html</b>',
    ];
    for (const [i, payload] of payloads.entries())
      for (const [store, summary] of [
        [plain, `${PLAIN}${i}X`],
        [hostile, payload],
      ] as const) {
        const raised = await nsmIn(
          ['issue', 'raise', '--meeting', 'M1', '--summary', summary, '--category', 'noise', '-q'],
          { store },
        );
        expect(raised.status, raised.stderr).toBe(0);
      }
    for (const command of [
      ['agenda', 'M2', '--format', 'md'],
      ['minutes', 'M1', '--format', 'md'],
    ]) {
      const [before, after] = await Promise.all([
        nsmIn(command, { store: plain }),
        nsmIn(command, { store: hostile }),
      ]);
      expect(after.status, after.stderr).toBe(0);
      for (const parser of PARSERS) {
        const a = read(before.stdout, parser);
        const b = read(after.stdout, parser);
        const why = `${parser}: nsm ${command.join(' ')}\n${after.stdout}`;
        // The agenda of issue #11: a summary "~~~" turned the rest into a code block.
        expect(b.shape, why).toBe(a.shape);
        for (const element of INJECTED)
          expect(b.counts[element] ?? 0, `${why}\n<${element}>`).toBe(a.counts[element] ?? 0);
        const expected = payloads.reduce(
          (text, payload, i) => text.replaceAll(`${PLAIN}${i}X`, () => payload),
          a.text,
        );
        expect(b.text, why).toBe(expected);
      }
    }
  });
});
