import { Range } from 'vscode-languageserver-types';
import { CsvField } from '../parse/tokenizeCsv';
import { Row } from '../model/mappingModel';

export function fieldRange(row: Row, field: CsvField): Range {
  const line = row.line.line;
  return { start: { line, character: field.start }, end: { line, character: field.end } };
}

/** The range of the row's field in a column (which the row must have). */
export function cellRange(row: Row, column: number): Range {
  const line = row.line;
  return { start: { line: line.line, character: line.fieldStart(column) }, end: { line: line.line, character: line.fieldEnd(column) } };
}

/** Characters `start`..`end` of a row's line. */
export function spanRange(row: Row, start: number, end: number): Range {
  const line = row.line.line;
  return { start: { line, character: start }, end: { line, character: end } };
}

export function lineRange(row: Row): Range {
  return spanRange(row, 0, row.line.length);
}
