/**
 * A row's new field values as the text edit that writes them: how the certain fixes (rowFixes.ts)
 * and DUPLICATE become edits for the code actions, fix-all and the mapping table.
 */
import { Range, TextEdit } from 'vscode-languageserver-types';
import { MappingModel, Row } from '../model/mappingModel';
import { quotedIndexes, renderFields } from './rowFixes';

/** The row's text as written (without its line ending). */
export function rowText(model: MappingModel, row: Row): string {
  return model.csv.text.slice(row.line.offset, row.line.offset + row.line.length);
}

function lineContentRange(row: Row): Range {
  const line = row.line.line;
  return { start: { line, character: 0 }, end: { line, character: row.line.length } };
}

/** An edit replacing a row's text, or undefined when the text would not change. */
export function rowEdit(model: MappingModel, row: Row, values: string[] | undefined, keepQuoted = quotedIndexes(row)): TextEdit | undefined {
  if (!values) return undefined;
  const text = renderFields(values, keepQuoted);
  return text === rowText(model, row) ? undefined : TextEdit.replace(lineContentRange(row), text);
}
