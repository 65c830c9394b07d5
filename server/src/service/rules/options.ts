/** `unknown-option` (a warning: unknown flags survive a round trip) and `bad-option-value` (an error). */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { OPTIONS, optionInfo } from '../catalog/options';
import { optionsOf } from '../model/mappingModel';
import { spanRange } from '../util/ranges';
import { Rule } from './ruleContext';

export const checkOptions: Rule = ({ model, report, isShifted }) => {
  for (const row of model.mappingRows) {
    if (isShifted(row)) continue;
    for (const option of optionsOf(row)) {
      const range = spanRange(row, option.start, option.end);
      const info = optionInfo(option.name);
      if (!info) {
        const sameLetters = OPTIONS.find(o => o.name.toLowerCase() === option.name.toLowerCase());
        report(
          'unknown-option',
          DiagnosticSeverity.Warning,
          range,
          `Unknown option '${option.name}'${sameLetters ? `: did you mean '${sameLetters.name}'?` : '.'} Known: ${OPTIONS.map(o => o.name).join(', ')}.`,
          { data: { suggestions: sameLetters ? [sameLetters.name] : [] } },
        );
        continue;
      }
      if (info.takesValue) {
        if (option.value === undefined || option.value === '') {
          report('bad-option-value', DiagnosticSeverity.Error, range, `'${info.name}' needs a value: ${info.name}=N.`);
          continue;
        }
        const problem = info.checkValue?.(option.value);
        if (problem) report('bad-option-value', DiagnosticSeverity.Error, range, `${info.name} ${problem}.`);
      } else if (option.value !== undefined) {
        report('bad-option-value', DiagnosticSeverity.Error, range, `'${info.name}' is a flag and takes no value: write '${info.name}' alone.`);
      }
    }
  }
};
