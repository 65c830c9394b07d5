/**
 * Certain fixes as pure transformations of one row's fields. Each returns the row's new fields,
 * or undefined when it does not apply. rowEdit.ts turns them into edits (code actions, fix-all, DUPLICATE).
 */
import { Column, COLUMN_COUNT, isCodeColumn } from '../model/columns';
import { Row } from '../model/mappingModel';
import { parseCode } from '../midi/midiCode';
import { sideProblems } from '../rules/cellSyntax';
import { strayFieldRemoved } from '../model/strayField';

/** A copy of the row's values, for a fix to change. */
export function fieldValues(row: Row): string[] {
  return row.line.values.slice();
}

/** Upper-cases hex letters in code and deck cells (`900b` → `900B`). */
export function upperCaseCodes(row: Row): string[] | undefined {
  if (row.kind !== 'mapping') return undefined;
  const values = fieldValues(row);
  let changed = false;
  for (let column = 0; column < Math.min(values.length, COLUMN_COUNT); column++) {
    if (!isCodeColumn(column)) continue;
    const value = values[column];
    if (/^[0-9A-Fa-f]{4}$|^[0-9A-Fa-f]{6}$/.test(value) && value !== value.toUpperCase()) {
      values[column] = value.toUpperCase();
      changed = true;
    }
  }
  return changed ? values : undefined;
}

/** Cuts 6-hex codes to the 4 digits Rekordbox keeps. */
export function cutLongCodes(row: Row): string[] | undefined {
  if (row.kind !== 'mapping') return undefined;
  const values = fieldValues(row);
  let changed = false;
  for (let column = Column.Output; column <= Column.OutputDeck4 && column < values.length; column++) {
    if (/^[0-9A-Fa-f]{6}$/.test(values[column])) {
      values[column] = values[column].slice(0, 4);
      changed = true;
    }
  }
  return changed ? values : undefined;
}

/**
 * Drops empty fields at the end of a row past the columns it needs: past column 15 for rows, past
 * the device name for the `@file` line. Never drops text.
 */
export function trimEmptyExtraFields(row: Row): string[] | undefined {
  const values = fieldValues(row);
  const keep = row.kind === 'file' ? 3 : COLUMN_COUNT;
  if (values.length <= keep) return undefined;
  let end = values.length;
  while (end > keep && values[end - 1] === '' && !row.line.isQuoted(end - 1)) end--;
  return end < values.length ? values.slice(0, end) : undefined;
}

/** For a row a stray field has shifted right: the row without that field, when that is certain. */
export function removeStrayField(row: Row): string[] | undefined {
  if (row.kind !== 'mapping') return undefined;
  return strayFieldRemoved(fieldValues(row));
}

/** Removes the quotes of a quoted field whose value needs none (no comma, quote or line break). */
export function unquoteField(row: Row, fieldIndex: number): string[] | undefined {
  const { line } = row;
  if (!line.isQuoted(fieldIndex) || line.isUnterminated(fieldIndex) || /[",]/.test(line.values[fieldIndex])) return undefined;
  return fieldValues(row);
}

/** Rekordbox's DUPLICATE "for Deck 1, 2, 3 or 4": a base code with empty deck columns gets `0,1,2,3`. */
export function fillDeckChannels(row: Row): string[] | undefined {
  if (row.kind !== 'mapping' || row.line.values.length !== COLUMN_COUNT) return undefined;
  const values = fieldValues(row);
  let changed = false;
  for (const [base, first] of [
    [Column.Input, Column.InputDeck1],
    [Column.Output, Column.OutputDeck1],
  ]) {
    const code = parseCode(values[base]);
    if (code === undefined || (code >> 12) < 0x8 || (code >> 12) > 0xe || ((code >> 8) & 0x0f) + 3 > 15) continue;
    if (values.slice(first, first + 4).some(v => v !== '')) continue;
    for (let d = 0; d < 4; d++) values[first + d] = String(d);
    changed = true;
  }
  return changed ? values : undefined;
}

/** MIDI OUT defaults to the MIDI IN code for functions with a light: copies columns 4–8 to 9–13. */
export function copyInputToOutput(row: Row): string[] | undefined {
  if (row.kind !== 'mapping' || row.line.values.length !== COLUMN_COUNT) return undefined;
  const values = fieldValues(row);
  const input = values.slice(Column.Input, Column.InputDeck4 + 1);
  const output = values.slice(Column.Output, Column.OutputDeck4 + 1);
  if (input.every(v => v === '') || output.some(v => v !== '')) return undefined;
  // A MIDI IN cell with a problem, copied, would be the same problem on MIDI OUT.
  if (sideProblems(values, Column.Input, Column.InputDeck1).length > 0) return undefined;
  values.splice(Column.Output, 5, ...input);
  return values;
}

/**
 * A row's text from its field values. A value is quoted when it must be (a comma, a quote) or when
 * `keepQuoted` says its field was quoted before; nothing else is.
 */
export function renderFields(values: readonly string[], keepQuoted: ReadonlySet<number> = new Set()): string {
  return values.map((v, i) => (/[",\r\n]/.test(v) || keepQuoted.has(i) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

/** Indexes of the row's quoted fields, to keep them quoted when other cells change. */
export function quotedIndexes(row: Row): Set<number> {
  const indexes = new Set<number>();
  for (let i = 0; i < row.line.values.length; i++) if (row.line.isQuoted(i)) indexes.add(i);
  return indexes;
}
