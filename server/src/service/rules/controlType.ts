/** `unknown-type`: a type no real file or round-trip report shows (a warning: the list may be incomplete). */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CONTROL_TYPES, controlType } from '../catalog/controlTypes';
import { typoDistance } from '../catalog/functionCatalog';
import { Column } from '../model/columns';
import { cellRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export const controlTypeRule = defineRule({
  codes: {
    'unknown-type': {
      levels: ['warning'],
      summary: 'a type no file or report shows (with "did you mean")',
      docs: 'docs/diagnostics.md#unknown-type',
    },
  },
  check: ({ model, report, isShifted }) => {
    for (const row of model.mappingRows) {
      const type = row.type;
      if (type === '' || isShifted(row)) continue; // an empty type is seen in factory files
      if (controlType(type)) continue;
      const close = closestType(type);
      report(
        'unknown-type',
        DiagnosticSeverity.Warning,
        cellRange(row, Column.Type),
        `Unknown type '${type}'${close ? `: did you mean '${close}'?` : '.'} ` +
          'Known types: Button, Pad, KnobSlider, KnobSliderHiRes, Rotary, JogRotate, Indicator…',
        { data: { suggestions: close ? [close] : [] } },
      );
    }
  },
});

function closestType(value: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const info of CONTROL_TYPES) {
    const d = typoDistance(value.toLowerCase(), info.name.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = info.name;
      bestDistance = d;
    }
  }
  return best;
}
