/**
 * `identical-rows` (warning): a mapping row identical to an earlier one, so Rekordbox reads the same
 * mapping twice (a copy-paste left-over). "Identical" means all 15 columns equal once each cell is
 * trimmed, hex codes compared without regard to case and option lists as sets (`Fast;RO;` =
 * `RO;Fast`); padding past column 15 is ignored. A row that differs only in its comment is not
 * identical: `#` rows with different comments are how hand-made files write notes.
 *
 * Not checked: rows with nothing in columns 2–13 (no type, code or option: placeholders and comment
 * rows such as `#,,,,…,=== notes ===`). No factory or EXPORT file repeats a row; the same function
 * on several rows with different codes (Xone:4D EXPORT) is not a repeat.
 *
 * Linear: rows are grouped by function and comment, then by normalised text within a group.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Column, COLUMN_COUNT } from '../model/columns';
import { cellValue, MappingRow } from '../model/mappingModel';
import { spanRange } from '../util/ranges';
import { defineRule } from './ruleContext';

const SEPARATOR = '\u0001';

export const identicalRowsRule = defineRule({
  codes: {
    'identical-rows': {
      levels: ['warning'],
      summary: 'a row identical to an earlier one',
      docs: 'docs/diagnostics.md#identical-rows',
    },
  },
  check: ({ model, uri, report }) => {
    // Rows with another function or comment cannot be identical: group by those first (cheap), and
    // normalise only the rows of groups with more than one row. Real files have few such groups.
    // Nested maps on the cells' own strings: no key is built, and a function's only row, like a
    // comment's, is kept as it is (most functions have one row: no map or array for them).
    type ByComment = Map<string, MappingRow | MappingRow[]>;
    const byFunction = new Map<string, MappingRow | ByComment>();
    const groups: MappingRow[][] = [];
    const addByComment = (byComment: ByComment, row: MappingRow): void => {
      const comment = cellValue(row, Column.Comment).trim();
      const seen = byComment.get(comment);
      if (seen === undefined) byComment.set(comment, row);
      else if (Array.isArray(seen)) seen.push(row);
      else {
        const group = [seen, row];
        byComment.set(comment, group);
        groups.push(group);
      }
    };
    for (const row of model.mappingRows) {
      const name = row.functionName.trim();
      const seen = byFunction.get(name);
      if (seen === undefined) byFunction.set(name, row);
      else if (seen instanceof Map) addByComment(seen, row);
      else {
        const byComment: ByComment = new Map();
        byFunction.set(name, byComment);
        addByComment(byComment, seen);
        addByComment(byComment, row);
      }
    }
    for (const group of groups) {
      const first = new Map<string, MappingRow>();
      for (const row of group) {
        const key = rowKey(row);
        if (key === undefined) continue;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, row);
          continue;
        }
        report(
          'identical-rows',
          DiagnosticSeverity.Warning,
          columnsRange(row),
          `Same row as line ${earlier.line.line + 1}${row.functionName ? ` (${row.functionName})` : ''}: ` +
            'Rekordbox reads this mapping twice. Delete one of them.',
          {
            relatedInformation: [{ location: { uri, range: columnsRange(earlier) }, message: 'first written here' }],
            data: { firstLine: earlier.line.line },
          },
        );
      }
    }
  },
});

/** The row's 15 columns, normalised; undefined for rows that map nothing. */
function rowKey(row: MappingRow): string | undefined {
  let mapsSomething = false;
  const parts: string[] = [];
  for (let column = 0; column < COLUMN_COUNT; column++) {
    let value = cellValue(row, column).trim();
    if (column >= Column.Input && column <= Column.OutputDeck4) value = value.toUpperCase();
    else if (column === Column.Options) value = normaliseOptions(value);
    if (value !== '' && column >= Column.Type && column <= Column.Options) mapsSomething = true;
    parts.push(value);
  }
  return mapsSomething ? parts.join(SEPARATOR) : undefined;
}

function normaliseOptions(value: string): string {
  if (value === '') return value;
  return value
    .split(';')
    .map(o => o.trim())
    .filter(o => o !== '')
    .sort()
    .join(';');
}

/** From the first character of column 0 to the end of column 15 (or the last field). */
function columnsRange(row: MappingRow) {
  return spanRange(row, 0, row.line.fieldEnd(Math.min(COLUMN_COUNT, row.line.values.length) - 1));
}
