/**
 * Code and deck cells: `bad-hex` (a code that is not 4 hex digits), `long-code` (a 6-hex MIDI OUT
 * code Rekordbox cuts to 4), `bad-deck` (neither a channel 0–15 nor a 4-hex code),
 * `channel-overflow` (base channel + deck channel past 15), `deck-without-base` (a channel with
 * no base code to apply it to).
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Column } from '../model/columns';
import { parseChannel, readCode } from '../model/expandDeckCodes';
import { decodeCode, isChannelMessage, isHexCode } from '../midi/midiCode';
import { cellRange } from '../util/ranges';
import { CodesOf, defineRule } from './ruleContext';

/** Each side's base column and first deck column. */
const SIDES = [
  [Column.Input, Column.InputDeck1],
  [Column.Output, Column.OutputDeck1],
] as const;

export const cellSyntaxRule = defineRule({
  codes: {
    'bad-hex': {
      levels: ['error'],
      summary: 'a MIDI IN or MIDI OUT code that is not 4 hex digits',
      docs: 'docs/diagnostics.md#bad-hex',
    },
    'long-code': {
      levels: ['warning'],
      summary: 'a 6-hex MIDI OUT code (Rekordbox keeps the first 4)',
      docs: 'docs/diagnostics.md#long-code',
    },
    'bad-deck': {
      levels: ['error'],
      summary: 'a deck cell that is neither a channel 0–15 nor a 4-hex code',
      docs: 'docs/diagnostics.md#bad-deck',
    },
    'channel-overflow': {
      levels: ['error'],
      summary: 'base channel + deck channel past 15',
      docs: 'docs/diagnostics.md#channel-overflow',
    },
    'deck-without-base': {
      levels: ['warning'],
      summary: 'a deck channel with no base code to apply it to',
      docs: 'docs/diagnostics.md#deck-without-base',
    },
  },
  check: context => {
    for (const row of context.model.mappingRows) {
      if (context.isShifted(row)) continue; // field-count already says the columns are wrong
      for (const [baseColumn, firstDeck] of SIDES) {
        for (const problem of sideProblems(row.line.values, baseColumn, firstDeck)) {
          context.report(problem.code, problem.severity, cellRange(row, problem.column), problem.message);
        }
      }
    }
  },
});

export interface CellProblem {
  code: CodesOf<typeof cellSyntaxRule>;
  severity: DiagnosticSeverity;
  column: number;
  message: string;
}

/**
 * What is wrong with one side of a row (the base code in `baseColumn`, decks 1–4 from `firstDeck`),
 * in column order. The fixes ask it too: a cell with a problem must not be copied elsewhere.
 */
export function sideProblems(values: readonly string[], baseColumn: number, firstDeck: number): readonly CellProblem[] {
  // Made only for a side with a problem: most rows have none, and this runs for every row.
  let problems: CellProblem[] | undefined;
  const add = (problem: CellProblem) => (problems ??= []).push(problem);
  const isOutput = baseColumn === Column.Output;
  const side = isOutput ? 'MIDI OUT' : 'MIDI IN';
  const baseValue = values[baseColumn] ?? '';
  let base: number | undefined;
  if (baseValue !== '') {
    base = readCode(baseValue, isOutput);
    if (base === undefined) {
      add({ code: 'bad-hex', severity: DiagnosticSeverity.Error, column: baseColumn, message: badHexMessage(side, baseValue) });
    } else if (!isHexCode(baseValue)) {
      add({ code: 'long-code', severity: DiagnosticSeverity.Warning, column: baseColumn, message: longCodeMessage(baseValue) });
    }
  }
  for (let deck = 1; deck <= 4; deck++) {
    const column = firstDeck + deck - 1;
    const value = values[column];
    if (value === undefined || value === '') continue;
    const channel = parseChannel(value);
    if (channel !== undefined) {
      if (baseValue === '') {
        add({
          code: 'deck-without-base',
          severity: DiagnosticSeverity.Warning,
          column,
          message:
            `Deck ${deck} ${side} channel ${channel} has no effect: the row has no base ${side} code to put it on. ` +
            'Write the base code, or a full 4-hex code here.',
        });
      } else if (base !== undefined && isChannelMessage(base)) {
        const baseChannel = (base >> 8) & 0x0f;
        if (baseChannel + channel > 15) {
          add({
            code: 'channel-overflow',
            severity: DiagnosticSeverity.Error,
            column,
            message:
              `Deck ${deck}: base channel ${baseChannel} + deck channel ${channel} = ${baseChannel + channel}, ` +
              'past the last MIDI channel (15, shown as 16).',
          });
        }
      }
      continue;
    }
    const code = readCode(value, isOutput);
    if (code === undefined) {
      add({
        code: 'bad-deck',
        severity: DiagnosticSeverity.Error,
        column,
        message: `Deck ${deck} ${side} '${value}' is neither a channel 0–15 nor a 4-hex MIDI code such as ${suggestedDeckCode(base, deck)}.`,
      });
    } else if (!isHexCode(value)) {
      add({ code: 'long-code', severity: DiagnosticSeverity.Warning, column, message: longCodeMessage(value) });
    }
  }
  return problems ?? NO_PROBLEMS;
}

const NO_PROBLEMS: readonly CellProblem[] = [];

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
