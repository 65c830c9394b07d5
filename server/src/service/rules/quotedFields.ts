/** `quoted-field`: Rekordbox never writes quotes, and nothing shows that it reads them. */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { cellRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export const quotedFieldsRule = defineRule({
  codes: {
    'quoted-field': {
      levels: ['warning', 'error'],
      summary: 'a quoted field (Rekordbox never writes quotes) / an unclosed quote',
      docs: 'docs/diagnostics.md#quoted-field',
    },
  },
  check: ({ model, report }) => {
    if (!model.csv.hasQuotes) return;
    for (const row of model.rows) {
      const line = row.line;
      for (let i = 0; i < line.values.length; i++) {
        if (!line.isQuoted(i)) continue;
        if (line.isUnterminated(i)) {
          report('quoted-field', DiagnosticSeverity.Error, cellRange(row, i), 'Unclosed quote: the field runs to the end of the line.');
        } else {
          report(
            'quoted-field',
            DiagnosticSeverity.Warning,
            cellRange(row, i),
            'Quoted field: Rekordbox never writes quotes and may read them as part of the value (a spreadsheet added them?).',
          );
        }
      }
    }
  },
});
