/** `unknown-option` (a warning: unknown flags survive a round trip) and `bad-option-value` (an error). */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { OPTIONS, optionInfo } from '../catalog/options';
import { OptionEntry, optionsOf, Row } from '../model/mappingModel';
import { spanRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export const optionsRule = defineRule({
  codes: {
    'unknown-option': {
      levels: ['warning'],
      summary: 'an option flag nobody has seen',
      docs: 'docs/diagnostics.md#unknown-option',
    },
    'bad-option-value': {
      levels: ['error'],
      summary: 'an option value out of range, a missing value, a value on a plain flag',
      docs: 'docs/diagnostics.md#bad-option-value',
    },
  },
  check: ({ model, report, isShifted }) => {
    for (const row of model.mappingRows) {
      if (isShifted(row)) continue;
      for (const option of optionsOf(row)) {
        const info = optionInfo(option.name);
        if (!info) {
          const sameLetters = OPTIONS.find(o => o.name.toLowerCase() === option.name.toLowerCase());
          report(
            'unknown-option',
            DiagnosticSeverity.Warning,
            optionRange(row, option),
            `Unknown option '${option.name}'${sameLetters ? `: did you mean '${sameLetters.name}'?` : '.'} Known: ${OPTIONS.map(o => o.name).join(', ')}.`,
            { data: { suggestions: sameLetters ? [sameLetters.name] : [] } },
          );
          continue;
        }
        if (info.takesValue) {
          if (option.value === undefined || option.value === '') {
            report('bad-option-value', DiagnosticSeverity.Error, optionRange(row, option), `'${info.name}' needs a value: ${info.name}=N.`);
            continue;
          }
          const problem = info.checkValue?.(option.value);
          if (problem) report('bad-option-value', DiagnosticSeverity.Error, optionRange(row, option), `${info.name} ${problem}.`);
        } else if (option.value !== undefined) {
          const message = `'${info.name}' is a flag and takes no value: write '${info.name}' alone.`;
          report('bad-option-value', DiagnosticSeverity.Error, optionRange(row, option), message);
        }
      }
    }
  },
});

function optionRange(row: Row, option: OptionEntry) {
  return spanRange(row, option.start, option.end);
}
