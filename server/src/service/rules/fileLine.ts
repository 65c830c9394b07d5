/** `file-line`: line 1 must be `@file,1,<Device name>` (docs/format.md#lines-and-dialects). */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fieldRange, lineRange, spanRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export const fileLineRule = defineRule({
  codes: {
    'file-line': {
      levels: ['error', 'warning'],
      summary: 'line 1 is not `@file,1,<device>`: missing, `@file` misspelt, no device name, another version, text after the device name',
      docs: 'docs/diagnostics.md#file-line',
    },
  },
  check: ({ model, report }) => {
    const first = model.rows[0];
    if (!first) return;
    const row = model.fileRow;
    if (!row) {
      const range = first.line.length > 0 ? fieldRange(first, first.line.fields[0]) : lineRange(first);
      report(
        'file-line',
        DiagnosticSeverity.Error,
        range,
        'Missing `@file,1,<device name>` line: Rekordbox expects it on line 1 to know which controller the mapping is for.',
      );
      return;
    }
    const fields = row.line.fields;
    if (fields[0].value.replace(/^\uFEFF/, '') !== '@file') {
      report('file-line', DiagnosticSeverity.Error, fieldRange(row, fields[0]), `'${fields[0].value}' should be exactly '@file'.`);
    }
    if (fields.length < 2) {
      report('file-line', DiagnosticSeverity.Error, lineRange(row), 'The `@file` line needs a version and a device name: `@file,1,<device name>`.');
      return;
    }
    if (fields[1].value !== '1') {
      report(
        'file-line',
        DiagnosticSeverity.Warning,
        fieldRange(row, fields[1]),
        `Version '${fields[1].value}': every mapping seen has version 1 here (\`@file,1,<device name>\`).`,
      );
    }
    const device = fields[2];
    if (!device || device.value.trim() === '') {
      const range = device ? fieldRange(row, device) : spanRange(row, row.line.length, row.line.length);
      report('file-line', DiagnosticSeverity.Error, range, 'Missing device name: `@file,1,<device name>` names the controller, as Rekordbox lists it.');
    }
    // Padding with empty fields is common in hand-edited files and harmless; text is not.
    for (let i = 3; i < fields.length; i++) {
      if (fields[i].value !== '') {
        report(
          'file-line',
          DiagnosticSeverity.Warning,
          fieldRange(row, fields[i]),
          `Unexpected text after the device name: Rekordbox reads only \`@file,1,<device name>\`; a comma in a device name splits it.`,
        );
        break;
      }
    }
  },
});
