/** `unknown-function`: a column-0 name the catalog does not know (a warning: no official list exists). */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Column } from '../model/columns';
import { fieldRange } from '../util/ranges';
import { Rule } from './ruleContext';

export const checkFunctionName: Rule = ({ model, catalog, report }) => {
  for (const row of model.mappingRows) {
    if (row.functionState !== 'assigned') continue;
    if (catalog.has(row.functionName)) continue;
    const cell = row.cells[Column.Function]!;
    const suggestions = catalog.suggest(row.functionName);
    const hint = suggestions.length ? ` Did you mean ${suggestions.map(s => `'${s}'`).join(', ')}?` : '';
    report(
      'unknown-function',
      DiagnosticSeverity.Warning,
      fieldRange(row, cell),
      `Unknown function '${row.functionName}': no Rekordbox file seen so far uses it.${hint}`,
      { data: { suggestions } },
    );
  }
};
