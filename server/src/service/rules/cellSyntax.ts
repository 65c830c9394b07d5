/**
 * Code and deck cells: `bad-hex` (a code that is not 4 hex digits), `long-code` (a 6-hex MIDI OUT
 * code Rekordbox cuts to 4), `bad-deck` (neither a channel 0–15 nor a 4-hex code),
 * `channel-overflow` (base channel + deck channel past 15), `deck-without-base` (a channel with
 * no base code to apply it to).
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Column } from '../model/columns';
import { parseChannel, readCode } from '../model/expandDeckCodes';
import { MappingRow } from '../model/mappingModel';
import { decodeCode, isChannelMessage, isHexCode } from '../midi/midiCode';
import { cellRange } from '../util/ranges';
import { Rule, RuleContext } from './ruleContext';

export const checkCellSyntax: Rule = context => {
  for (const row of context.model.mappingRows) {
    if (context.isShifted(row)) continue; // field-count already says the columns are wrong
    checkSide(context, row, Column.Input, Column.InputDeck1, 'MIDI IN');
    checkSide(context, row, Column.Output, Column.OutputDeck1, 'MIDI OUT');
  }
};

function checkSide(context: RuleContext, row: MappingRow, baseColumn: number, firstDeck: number, side: string): void {
  const { report } = context;
  const isOutput = baseColumn === Column.Output;
  const values = row.line.values;
  const baseValue = values[baseColumn] ?? '';
  let base: number | undefined;
  if (baseValue !== '') {
    base = readCode(baseValue, isOutput);
    if (base === undefined) {
      report('bad-hex', DiagnosticSeverity.Error, cellRange(row, baseColumn), badHexMessage(side, baseValue));
    } else if (!isHexCode(baseValue)) {
      report('long-code', DiagnosticSeverity.Warning, cellRange(row, baseColumn), longCodeMessage(baseValue));
    }
  }
  for (let deck = 1; deck <= 4; deck++) {
    const column = firstDeck + deck - 1;
    const value = values[column];
    if (value === undefined || value === '') continue;
    const channel = parseChannel(value);
    if (channel !== undefined) {
      if (baseValue === '') {
        report(
          'deck-without-base',
          DiagnosticSeverity.Warning,
          cellRange(row, column),
          `Deck ${deck} ${side} channel ${channel} has no effect: the row has no base ${side} code to put it on. Write the base code, or a full 4-hex code here.`,
        );
      } else if (base !== undefined && isChannelMessage(base)) {
        const baseChannel = (base >> 8) & 0x0f;
        if (baseChannel + channel > 15) {
          report(
            'channel-overflow',
            DiagnosticSeverity.Error,
            cellRange(row, column),
            `Deck ${deck}: base channel ${baseChannel} + deck channel ${channel} = ${baseChannel + channel}, past the last MIDI channel (15, shown as 16).`,
          );
        }
      }
      continue;
    }
    const code = readCode(value, isOutput);
    if (code === undefined) {
      report(
        'bad-deck',
        DiagnosticSeverity.Error,
        cellRange(row, column),
        `Deck ${deck} ${side} '${value}' is neither a channel 0–15 nor a 4-hex MIDI code such as ${suggestedDeckCode(base, deck)}.`,
      );
    } else if (!isHexCode(value)) {
      report('long-code', DiagnosticSeverity.Warning, cellRange(row, column), longCodeMessage(value));
    }
  }
}

function badHexMessage(side: string, value: string): string {
  const hint = /^[0-9A-Fa-f]+$/.test(value)
    ? ` (it has ${value.length} digit${value.length === 1 ? '' : 's'})`
    : /[^0-9A-Fa-f]/.test(value)
      ? ` ('${[...value].find(c => !/[0-9A-Fa-f]/.test(c))}' is not a hex digit)`
      : '';
  return `${side} code '${value}' is not 4 hex digits${hint}: write status and first data byte, e.g. 900B for note on, ch 1, note 11.`;
}

function longCodeMessage(value: string): string {
  return `'${value}' has 6 hex digits: Rekordbox keeps only the first 4 (${value.slice(0, 4).toUpperCase()}) and sends its own value byte.`;
}

function suggestedDeckCode(base: number | undefined, deck: number): string {
  if (base === undefined || !isChannelMessage(base)) return '910B';
  const d = decodeCode(base);
  return decodeCode((((d.status & 0xf0) | ((d.channel + deck - 1) & 0x0f)) << 8) | d.data1).code;
}
