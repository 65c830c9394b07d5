/**
 * `unknown-function`: a column-0 name the catalog does not know — neither seen in a real file nor a
 * member of a family real files use (`PAD13_HotCue+Shift` is known). Always a warning: no official
 * list exists. `data.suggestions` holds the names it may have meant, best first (a quick fix uses
 * the first); the message says why when the catalog can tell ("pads are 1–16", case).
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Column } from '../model/columns';
import { cellRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export const functionNameRule = defineRule({
  codes: {
    'unknown-function': {
      levels: ['warning'],
      summary: 'a function name the catalog does not know, with up to 3 suggestions',
      docs: 'docs/diagnostics.md#unknown-function',
    },
  },
  check: ({ model, catalog, report }) => {
    for (const row of model.mappingRows) {
      if (row.functionState !== 'assigned') continue;
      if (catalog.has(row.functionName)) continue;
      const { suggestions, hint } = catalog.help(row.functionName);
      const why = hint ? `${hint}.` : 'no Rekordbox file seen so far uses it (there is no official list).';
      const offer = suggestions.length ? ` Did you mean ${suggestions.map(s => `'${s}'`).join(', ')}?` : '';
      report(
        'unknown-function',
        DiagnosticSeverity.Warning,
        cellRange(row, Column.Function),
        `Unknown function '${row.functionName}': ${why}${offer}`,
        { data: { suggestions } },
      );
    }
  },
});
