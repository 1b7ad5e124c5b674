import { extname } from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { DocumentFormat, PrintedDocument } from '../render/document/model.js';
import type { Output } from '../render/view.js';
import { refuseStoreFiles, writeAtomically } from './output-file.js';

/** A printed document on its way out: to -o, to a file named for it, or to stdout. */
export interface Delivery {
  document: PrintedDocument;
  /** What --json prints instead of the document. */
  json: Record<string, unknown>;
  format: DocumentFormat | undefined;
  output: string | undefined;
  force: boolean;
  /** The format when neither --format nor the -o file's extension says. */
  fallback: DocumentFormat;
  /** The file a PDF asked for on a terminal goes to, without extension: `minutes-M4`. */
  name: string;
  /** The document holds private text: files are written readable by their owner only. */
  holdsPrivate: boolean;
  /** For the confirmation: "the minutes of M4 (DRAFT)". */
  what: string;
}

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
};

/** --format, else the -o file's extension, else the document's usual format. */
export function chooseFormat(
  format: DocumentFormat | undefined,
  output: string | undefined,
  fallback: DocumentFormat,
): DocumentFormat {
  const implied = output === undefined ? undefined : EXTENSIONS[extname(output).toLowerCase()];
  if (format !== undefined && implied !== undefined && implied !== format)
    throw new UsageError(
      `--format ${format} does not match -o ${output}`,
      `name the file .${format === 'md' ? 'md' : format}, or leave out --format`,
    );
  return format ?? implied ?? fallback;
}

export async function render(
  document: PrintedDocument,
  format: DocumentFormat,
  createdAt: Date,
): Promise<string | Uint8Array> {
  if (format === 'pdf') return (await import('../render/document/pdf.js')).renderPdf(document, { createdAt });
  if (format === 'html') return (await import('../render/document/html.js')).renderHtml(document);
  return (await import('../render/document/markdown.js')).renderMarkdown(document);
}

export async function deliver(ctx: Context, d: Delivery): Promise<Output> {
  const format = chooseFormat(d.format, d.output, d.fallback);
  const toStdout = d.output === '-';
  // A terminal cannot show a PDF: it goes to a file named for the document instead.
  const file =
    d.output !== undefined && !toStdout
      ? d.output
      : format === 'pdf' && ctx.stdoutIsTTY && !toStdout && ctx.format !== 'json'
        ? `${d.name}.pdf`
        : null;
  if (file !== null) await refuseStoreFiles(ctx.storePath, file, '-o');
  const json = ctx.format === 'json';
  if (json && file === null) return { json: { ...d.json, format, output: null }, blocks: [] };
  const content = await render(d.document, format, ctx.now());
  if (file === null) return { json: d.json, blocks: [], document: content };
  await writeAtomically(file, content, d.force, 'choose another -o file', d.holdsPrivate ? 0o600 : 0o644);
  const label = format === 'md' ? 'Markdown' : format === 'pdf' ? 'a PDF' : 'an HTML page';
  return {
    json: { ...d.json, format, output: file },
    blocks: [],
    notices: [
      `Wrote ${d.what} to ${file}, as ${label}${d.holdsPrivate ? '; it holds private text, so only you can read it' : ''}.`,
    ],
  };
}
