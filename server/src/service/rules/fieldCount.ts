/**
 * `field-count`: mapping rows have 15 fields. A spreadsheet round trip pads every row to the same
 * count (reported once; text left in that padding is ignored by Rekordbox, a warning on its row);
 * a stray field on some rows shifts their columns right (an error on each such row).
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COLUMN_COUNT } from '../model/columns';
import { MappingModel, Row } from '../model/mappingModel';
import { spanRange } from '../util/ranges';
import { looksShifted } from '../model/strayField';
import { defineRule } from './ruleContext';

/** The range of a row's fields past column 15 (from the comma that opens field 16). */
function extraRange(row: Row) {
  return spanRange(row, row.line.fieldEnd(COLUMN_COUNT - 1), row.line.length);
}

/** Rows that carry columns: everything but truly empty lines and the 3-field `@file` line. */
function carriesColumns(row: Row): boolean {
  return row.kind !== 'empty' && row.kind !== 'file';
}

/**
 * The field count every row shares when a whole file was padded past 15 (a spreadsheet round trip),
 * else undefined.
 */
export function uniformPaddedCount(model: MappingModel): number | undefined {
  let n: number | undefined;
  let rowCount = 0;
  for (const row of model.rows) {
    if (!carriesColumns(row)) continue;
    const fields = row.line.values.length;
    n ??= fields;
    if (fields !== n || n <= COLUMN_COUNT) return undefined;
    rowCount++;
  }
  return rowCount >= 2 ? n : undefined;
}

/**
 * A row with more fields than the file's norm and text past column 15 that a field too many has
 * shifted to the right (see model/strayField.ts), so its cells cannot be checked one by one.
 */
export function isShiftedRow(row: Row, paddedCount: number | undefined): boolean {
  const values = row.line.values;
  if (values.length <= COLUMN_COUNT || values.length === paddedCount) return false;
  let textPastEnd = false;
  for (let i = COLUMN_COUNT; i < values.length; i++) if (values[i] !== '') textPastEnd = true;
  return textPastEnd && looksShifted(values);
}

function firstText(row: Row): string {
  return row.line.values.slice(COLUMN_COUNT).find(value => value !== '') ?? '';
}

export const fieldCountRule = defineRule({
  codes: {
    'field-count': {
      levels: ['error', 'warning'],
      summary: 'a row without the 15 fields Rekordbox writes: columns shifted by a stray field, padding, missing fields',
      docs: 'docs/diagnostics.md#field-count',
    },
  },
  check: ({ model, report, paddedCount, isShifted }) => {
    if (paddedCount !== undefined) {
      report(
        'field-count',
        DiagnosticSeverity.Warning,
        extraRange(model.rows.find(carriesColumns)!),
        `Every row has ${paddedCount} fields, ${paddedCount - COLUMN_COUNT} more than the ${COLUMN_COUNT} Rekordbox writes (a spreadsheet round trip?). ` +
          'Rekordbox reads the first 15 and drops the rest.',
        { data: { kind: 'uniform-padding', fields: paddedCount } },
      );
    }

    for (const row of model.rows) {
      if (!carriesColumns(row)) continue;
      const n = row.line.values.length;
      if (n > COLUMN_COUNT) {
        const text = firstText(row);
        if (isShifted(row)) {
          report(
            'field-count',
            DiagnosticSeverity.Error,
            extraRange(row),
            `${n} fields where Rekordbox reads ${COLUMN_COUNT}: '${text}' sits past the last column, so a field too many has ` +
              'shifted this row to the right and Rekordbox reads MIDI OUT, options and comment from the wrong cells.',
            { data: { kind: 'shifted', fields: n } },
          );
        } else if (text !== '') {
          report(
            'field-count',
            DiagnosticSeverity.Warning,
            extraRange(row),
            `'${text}' is past the last of the ${COLUMN_COUNT} columns: Rekordbox ignores it (move it into the comment column?).`,
            { data: { kind: 'ignored-text', fields: n } },
          );
        } else if (paddedCount === undefined) {
          report(
            'field-count',
            DiagnosticSeverity.Warning,
            extraRange(row),
            `${n} fields where Rekordbox writes ${COLUMN_COUNT}; the extra ones are empty and ignored.`,
            { data: { kind: 'padding', fields: n } },
          );
        }
      } else if (n < COLUMN_COUNT && row.kind === 'mapping') {
        report(
          'field-count',
          DiagnosticSeverity.Warning,
          spanRange(row, row.line.fieldStart(n - 1), row.line.length),
          `${n} fields where Rekordbox writes ${COLUMN_COUNT}: the missing ones at the end are read as empty; check that no column in the middle is missing.`,
          { data: { kind: 'short', fields: n } },
        );
      }
    }
  },
});
