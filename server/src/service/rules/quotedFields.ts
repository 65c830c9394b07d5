/** `quoted-field`: Rekordbox never writes quotes, and nothing shows that it reads them. */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fieldRange } from '../util/ranges';
import { Rule } from './ruleContext';

export const checkQuotedFields: Rule = ({ model, report }) => {
  if (!model.csv.hasQuotes) return;
  for (const row of model.rows) {
    for (const field of row.line.fields) {
      if (!field.quoted) continue;
      if (field.unterminated) {
        report('quoted-field', DiagnosticSeverity.Error, fieldRange(row, field), 'Unclosed quote: the field runs to the end of the line.');
      } else {
        report(
          'quoted-field',
          DiagnosticSeverity.Warning,
          fieldRange(row, field),
          'Quoted field: Rekordbox never writes quotes and may read them as part of the value (a spreadsheet added them?).',
        );
      }
    }
  }
};
