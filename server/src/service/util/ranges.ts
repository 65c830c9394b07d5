import { Range } from 'vscode-languageserver-types';
import { CsvField } from '../parse/tokenizeCsv';
import { Row } from '../model/mappingModel';

export function fieldRange(row: Row, field: CsvField): Range {
  const line = row.line.line;
  return { start: { line, character: field.start }, end: { line, character: field.end } };
}

/** Characters `start`..`end` of a row's line. */
export function spanRange(row: Row, start: number, end: number): Range {
  const line = row.line.line;
  return { start: { line, character: start }, end: { line, character: end } };
}

export function lineRange(row: Row): Range {
  return spanRange(row, 0, row.line.length);
}
