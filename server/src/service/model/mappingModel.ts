/**
 * The mapping as Rekordbox reads it, built on the tokenized lines: the `@file` line, the
 * dialect, sections, typed rows, and for every row the codes each deck really receives and sends.
 * Pure and editor-agnostic; never throws.
 */
import { CsvField, CsvLine, CsvText, tokenizeCsv } from '../parse/tokenizeCsv';
import { Column, COLUMN_COUNT, FACTORY_HEADER } from './columns';
import { DeckCode, expandSide } from './expandDeckCodes';

export type Dialect =
  /** Shipped with Rekordbox: a header row, section rows, labels in column 1. */
  | 'factory'
  /** Written by Rekordbox's EXPORT: no header row, column 1 empty. */
  | 'export';

export type RowKind =
  | 'file' // `@file,1,<device>`
  | 'header' // the factory column-header row
  | 'section' // `# Browser,,,…`
  | 'separator' // a row of empty fields
  | 'empty' // a truly empty line
  | 'mapping';

export type FunctionState =
  /** A real function name. */
  | 'assigned'
  /** `#`: no function assigned here. */
  | 'none'
  /** `#Name`: a disabled or hard-wired factory row. */
  | 'disabled'
  /** `NoFunction`: learned in Rekordbox but not assigned. */
  | 'noFunction'
  /** Column 0 is empty. */
  | 'empty';

/** A cell is the field at a column's index: rows share the tokenizer's field objects, no copies. */
export type Cell = CsvField;

export class Row {
  constructor(
    readonly kind: RowKind,
    readonly line: CsvLine,
    /** Index into `MappingModel.sections`, or -1 before the first section. */
    readonly section: number,
  ) {}

  /**
   * Cells by column, as Rekordbox reads them positionally (the line's fields; missing ones are
   * undefined). Made on first use: the rules read `cellValue` and `cellRange` instead.
   */
  get cells(): readonly (Cell | undefined)[] {
    return this.line.fields;
  }
}

export class MappingRow extends Row {
  declare readonly kind: 'mapping';
  readonly functionName: string;
  readonly functionState: FunctionState;
  /** The name without its leading `#` for disabled rows (`#JogScratch` → `JogScratch`). */
  readonly baseFunctionName: string;
  readonly control: string;
  readonly type: string;

  constructor(line: CsvLine, section: number) {
    super('mapping', line, section);
    const values = line.values;
    this.functionName = values[Column.Function] ?? '';
    this.functionState = functionStateOf(this.functionName);
    this.baseFunctionName = this.functionState === 'disabled' ? this.functionName.slice(1) : this.functionName;
    this.control = values[Column.Control] ?? '';
    this.type = values[Column.Type] ?? '';
  }
}

export interface OptionEntry {
  name: string;
  /** The text after `=`, or undefined for a plain flag. */
  value: string | undefined;
  /** Character offsets within the line. */
  start: number;
  end: number;
}

export interface Section {
  name: string;
  row: Row;
  /** Line of the last row that belongs to the section. */
  endLine: number;
}

export interface MappingModel {
  csv: CsvText;
  rows: Row[];
  mappingRows: MappingRow[];
  fileRow: Row | undefined;
  deviceName: string | undefined;
  dialect: Dialect;
  headerRow: Row | undefined;
  sections: Section[];
  /** The line ending most lines use, to write new lines with. */
  lineEnding: '\r\n' | '\n' | '\r';
}

/**
 * The row with its fields holding other values, at the positions they had (fields it lacked at 0):
 * lets fixes run one after another.
 */
export function rowWithValues(row: Row, values: readonly string[]): Row {
  const { line, offset, length, ending } = row.line;
  const had = row.line.values.length;
  const fields = values.map((value, i) =>
    i < had
      ? { value, start: row.line.fieldStart(i), end: row.line.fieldEnd(i), quoted: row.line.isQuoted(i), unterminated: row.line.isUnterminated(i) }
      : { value, start: 0, end: 0, quoted: false, unterminated: false },
  );
  const rewritten = CsvLine.fromFields(line, offset, length, ending, fields);
  return row.kind === 'mapping' ? new MappingRow(rewritten, row.section) : new Row(row.kind, rewritten, row.section);
}

/** The value in a column, '' past the row's last field. */
export function cellValue(row: Row, column: number): string {
  return row.line.values[column] ?? '';
}

/** True when every value from `from` on is empty (from 0: a separator row or an empty line). */
function allEmpty(values: readonly string[], from: number): boolean {
  for (let i = from; i < values.length; i++) if (values[i] !== '') return false;
  return true;
}

const SECTION_ROW = /^# \S/;

export function parseMapping(text: string): MappingModel {
  return buildMappingModel(tokenizeCsv(text));
}

/**
 * The device name on a text's `@file` line, read as buildMappingModel reads line 1 (the same
 * tokenizer and test), without modelling the rest of the text: for callers that want only the name
 * (the client's Install and Compare, through protocol/languageService.ts).
 */
export function deviceNameOfText(text: string): string | undefined {
  const lineEnd = text.search(/[\r\n]/);
  return buildMappingModel(tokenizeCsv(lineEnd === -1 ? text : text.slice(0, lineEnd))).deviceName;
}

export function buildMappingModel(csv: CsvText): MappingModel {
  const rows: Row[] = [];
  const mappingRows: MappingRow[] = [];
  const sections: Section[] = [];
  let fileRow: Row | undefined;
  let headerRow: Row | undefined;
  let currentSection = -1;
  const endingCounts = { '\r\n': 0, '\n': 0, '\r': 0 };

  for (const line of csv.lines) {
    if (line.ending !== '') endingCounts[line.ending]++;
    const values = line.values;
    const first = values[0];
    let kind: RowKind;
    // A byte order mark before `@file` is reported by `non-ascii`; the line is still the @file line.
    if (line.line === 0 && (first.startsWith('@file') || first.startsWith('\uFEFF@file'))) kind = 'file';
    else if (line.length === 0) kind = 'empty';
    else if (allEmpty(values, 0)) kind = 'separator';
    else if (!headerRow && isHeaderRow(values)) kind = 'header';
    else if (SECTION_ROW.test(first) && allEmpty(values, 1)) kind = 'section';
    else kind = 'mapping';

    if (kind === 'section') {
      if (currentSection >= 0) sections[currentSection].endLine = lastContentLine(rows);
      currentSection = sections.length;
    }
    if (kind === 'mapping') {
      const mapping = new MappingRow(line, currentSection);
      rows.push(mapping);
      mappingRows.push(mapping);
      continue;
    }
    const row = new Row(kind, line, currentSection);
    if (kind === 'section') sections.push({ name: first.slice(2).trim(), row, endLine: line.line });
    if (kind === 'file') fileRow = row;
    if (kind === 'header') headerRow = row;
    rows.push(row);
  }
  if (currentSection >= 0) sections[currentSection].endLine = lastContentLine(rows);

  const deviceName = fileRow ? fileRow.line.values[2] : undefined;
  let lineEnding: MappingModel['lineEnding'] = '\r\n'; // new files: CRLF, as Rekordbox writes
  if (endingCounts['\n'] > endingCounts['\r\n'] && endingCounts['\n'] >= endingCounts['\r']) lineEnding = '\n';
  else if (endingCounts['\r'] > endingCounts['\r\n'] && endingCounts['\r'] > endingCounts['\n']) lineEnding = '\r';

  return {
    csv,
    rows,
    mappingRows,
    fileRow,
    deviceName,
    dialect: headerRow ? 'factory' : 'export',
    headerRow,
    sections,
    lineEnding,
  };
}

function lastContentLine(rows: Row[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].kind !== 'empty' && rows[i].kind !== 'separator') return rows[i].line.line;
  }
  return 0;
}

function isHeaderRow(values: readonly string[]): boolean {
  if (values[0] !== '#name') return false;
  // Compare the first 15 names; padding after them is a field-count matter, not a different row.
  return values.slice(0, COLUMN_COUNT).join(',') === FACTORY_HEADER;
}

export function functionStateOf(name: string): FunctionState {
  if (name === '') return 'empty';
  if (name === '#') return 'none';
  if (name.startsWith('#')) return 'disabled';
  if (name === 'NoFunction') return 'noFunction';
  return 'assigned';
}

/*
 * Codes and options are derived on demand rather than kept on every row: a model of a large file
 * then holds far fewer long-lived objects, which is what the garbage collector pays for; the
 * short-lived arrays these make die young and cost little.
 */

/** What each deck of the row receives (see expandDeckCodes). */
export function inputCodesOf(row: Row): DeckCode[] {
  return expandSide(row.line.values, Column.Input, Column.InputDeck1, false);
}

/** What each deck of the row is sent (its lights). */
export function outputCodesOf(row: Row): DeckCode[] {
  return expandSide(row.line.values, Column.Output, Column.OutputDeck1, true);
}

/** The row's options with their ranges. */
export function optionsOf(row: Row): OptionEntry[] {
  const text = cellValue(row, Column.Options);
  if (text === '') return [];
  const entries: OptionEntry[] = [];
  // Offsets map 1:1 onto the line only for unquoted cells; quoted ones start after the quote.
  const base = row.line.fieldStart(Column.Options) + (row.line.isQuoted(Column.Options) ? 1 : 0);
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === ';') {
      const part = text.slice(start, i);
      if (part.trim() !== '') {
        const eq = part.indexOf('=');
        entries.push({
          name: (eq < 0 ? part : part.slice(0, eq)).trim(),
          value: eq < 0 ? undefined : part.slice(eq + 1).trim(),
          start: base + start,
          end: base + i,
        });
      }
      start = i + 1;
    }
  }
  return entries;
}

/** The column of the field that holds a character (a position on a comma belongs to the field before it). */
export function columnAt(row: Row, character: number): number {
  const line = row.line;
  const count = line.values.length;
  for (let i = 0; i < count; i++) {
    if (character <= line.fieldEnd(i)) return i;
  }
  return count - 1;
}
