/** What a command returns: a JSON document for scripts, and blocks for people. */
export interface Output {
  json: unknown;
  blocks: Block[];
  /** A document for stdout written byte for byte (a calendar, CRLF and all); --json shows `json` instead. */
  document?: string | Uint8Array;
  /** Confirmations for stderr (hidden by --quiet). */
  notices?: string[];
  /** Warnings for stderr (always shown). */
  warnings?: string[];
  /** A non-zero exit status for a command that succeeded but found problems (doctor). */
  exitCode?: number;
}

/** An instant (ISO 8601 with offset): a friendly New York time on a terminal, absolute elsewhere. */
export interface When {
  when: string;
}

/** A calendar date (YYYY-MM-DD); `due` dates read "overdue by 12 days" on a terminal. */
export interface Day {
  day: string;
  due?: boolean;
}

export type Cell = string | number | boolean | null | undefined | When | Day;

export type Block =
  | { kind: 'table'; columns: string[]; rows: Cell[][]; empty?: string }
  | { kind: 'fields'; fields: Array<[string, Cell]> }
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'warning'; text: string };

export const table = (columns: string[], rows: Cell[][], empty?: string): Block => ({
  kind: 'table',
  columns,
  rows,
  ...(empty ? { empty } : {}),
});
export const fields = (entries: Array<[string, Cell]>): Block => ({ kind: 'fields', fields: entries });
export const heading = (text: string): Block => ({ kind: 'heading', text });
export const text = (value: string): Block => ({ kind: 'text', text: value });
export const warning = (value: string): Block => ({ kind: 'warning', text: value });
export const when = (iso: string): When => ({ when: iso });
export const day = (date: string, due = false): Day => (due ? { day: date, due } : { day: date });

/** The output formats of records (`--format`); `table` is for people, the rest for files and scripts. */
export const FORMATS = ['table', 'tsv', 'csv', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];
