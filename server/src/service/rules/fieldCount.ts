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
import { Rule } from './ruleContext';

/** The range of a row's fields past column 15 (from the comma that opens field 16). */
function extraRange(row: Row) {
  const fields = row.line.fields;
  return spanRange(row, fields[COLUMN_COUNT - 1].end, row.line.length);
}

/** Rows that carry columns: everything but truly empty lines and the 3-field `@file` line. */
function columnRows(model: MappingModel): Row[] {
  return model.rows.filter(r => r.kind !== 'empty' && r.kind !== 'file');
}

/**
 * The field count every row shares when a whole file was padded past 15 (a spreadsheet round trip),
 * else undefined.
 */
export function uniformPaddedCount(model: MappingModel): number | undefined {
  const rows = columnRows(model);
  if (rows.length < 2) return undefined;
  const n = rows[0].line.fields.length;
  if (n <= COLUMN_COUNT) return undefined;
  return rows.every(r => r.line.fields.length === n) ? n : undefined;
}

/**
 * A row with more fields than the file's norm and text past column 15 that a field too many has
 * shifted to the right (see model/strayField.ts), so its cells cannot be checked one by one.
 */
export function isShiftedRow(row: Row, paddedCount: number | undefined): boolean {
  const fields = row.line.fields;
  if (fields.length <= COLUMN_COUNT || fields.length === paddedCount) return false;
  let textPastEnd = false;
  for (let i = COLUMN_COUNT; i < fields.length; i++) if (fields[i].value !== '') textPastEnd = true;
  return textPastEnd && looksShifted(fields.map(f => f.value));
}

function firstText(row: Row): string {
  return row.line.fields.slice(COLUMN_COUNT).find(f => f.value !== '')?.value ?? '';
}

export const checkFieldCount: Rule = ({ model, report, paddedCount, isShifted }) => {
  const rows = columnRows(model);
  if (paddedCount !== undefined) {
    report(
      'field-count',
      DiagnosticSeverity.Warning,
      extraRange(rows[0]),
      `Every row has ${paddedCount} fields, ${paddedCount - COLUMN_COUNT} more than the ${COLUMN_COUNT} Rekordbox writes (a spreadsheet round trip?). ` +
        'Rekordbox reads the first 15 and drops the rest.',
      { data: { kind: 'uniform-padding', fields: paddedCount } },
    );
  }

  for (const row of rows) {
    const n = row.line.fields.length;
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
        spanRange(row, row.line.fields[n - 1].start, row.line.length),
        `${n} fields where Rekordbox writes ${COLUMN_COUNT}: the missing ones at the end are read as empty; check that no column in the middle is missing.`,
        { data: { kind: 'short', fields: n } },
      );
    }
  }
};
