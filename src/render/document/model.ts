/**
 * The printed documents (agenda, minutes, sign-in sheet) before any format: what they say, in
 * order, as plain text. One builder per document fills this shape; the Markdown, HTML and PDF
 * renderers each draw any of them, so the three formats always say the same thing and look alike.
 *
 * Every string is plain text as typed into the store: renderers escape it for their format.
 */
export interface PrintedDocument {
  /** What kind of document, printed above the title: "Minutes", "Agenda", "Sign-in sheet". */
  kind: string;
  /** The meeting's title, for example "Sector 75A Neighborhood Safety Meeting". */
  title: string;
  /** Stamped beside the title and across every page, for example "DRAFT"; null for none. */
  mark: string | null;
  /** The facts under the title, in order: Precinct, Sector, Date, Time, Place, Online, Meeting. */
  facts: Array<{ label: string; value: string }>;
  /** Short notices printed in a box under the facts: what a public copy leaves out, or a warning
   * that the document holds private text. */
  notices: string[];
  sections: Section[];
  /** One line printed at the foot of every page (PDF) or of the document, beside the page number. */
  footer: string;
}

export interface Section {
  heading: string;
  blocks: Block[];
}

export type Block =
  /** A heading inside a section, for one issue for example: "I3 · traffic · open". */
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' }
  | { kind: 'list'; items: string[] }
  /** Label and value pairs, printed as "Label: value" lines. */
  | { kind: 'fields'; fields: Array<{ label: string; value: string }> }
  | { kind: 'table'; columns: Column[]; rows: string[][] }
  /** Empty ruled rows to be filled in by hand (the sign-in sheet), headed like a table. */
  | { kind: 'form'; columns: Column[]; rows: number }
  /** Lines to sign on: each label gets a rule to write on, e.g. "Approved by", "Date". */
  | { kind: 'signatures'; labels: string[] };

export interface Column {
  header: string;
  /** The column's share of the table's width, relative to the other columns. */
  width: number;
}

/** The formats a printed document comes in. */
export const DOCUMENT_FORMATS = ['pdf', 'html', 'md'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
