/**
 * Types that do not fit the codes they are given. Only rows that assign a function are checked:
 * Rekordbox's own EXPORT writes `NoFunction` rows with a KnobSlider type on notes (PartySaver),
 * and factory `#Name` rows carry whatever the hardware sends; neither does anything.
 *
 * - `type-mismatch` (warning):
 *   - a type that reads a moving value (Rotary, KnobSlider, KnobSliderHiRes, JogRotate,
 *     RotaryAsKnob, Difference) on a note (8x/9x), which only says pressed/released. Not an error:
 *     some pads send velocity, and Rekordbox itself records such rows (PartySaver's NoFunction rows).
 *     Buttons on control changes are fine (Xone:4D EXPORT), as are Value and JogTouch on notes.
 *   - a `Parameter` row without an `FFF0`–`FFFF` code, and such a code on any other type (it is not
 *     a MIDI message, so no control can send it).
 * - `input-on-indicator` (warning): an Indicator-like row (Indicator, JogIndicator and their HiRes
 *   forms: they only send) with a MIDI IN code. No real file has one; with MIDI OUT empty the code
 *   was most likely meant for MIDI OUT.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { controlType } from '../catalog/controlTypes';
import { Column } from '../model/columns';
import { readCode } from '../model/expandDeckCodes';
import { cellValue, MappingRow } from '../model/mappingModel';
import { decodeCode, describeCode, formatCode } from '../midi/midiCode';
import { cellRange, spanRange } from '../util/ranges';
import { CodesOf, defineRule, RuleContext } from './ruleContext';

/** Types that read a value that moves: they need a control change (or similar), not a note. */
export const CONTINUOUS_TYPES: ReadonlySet<string> = new Set(['Rotary', 'KnobSlider', 'KnobSliderHiRes', 'JogRotate', 'RotaryAsKnob', 'Difference']);

function isNote(code: number): boolean {
  const kind = code >> 12;
  return kind === 0x8 || kind === 0x9;
}

/** `FFF1`-style Rekordbox parameter codes (not MIDI). */
export function isParameterCode(code: number): boolean {
  return (code & 0xfff0) === 0xfff0;
}

export const typeMismatchRule = defineRule({
  codes: {
    'type-mismatch': {
      levels: ['warning'],
      summary: 'a type that does not fit its codes: a moving-value type on a note, a `Parameter` without an `FFFx` code, an `FFFx` code on another type',
      docs: 'docs/diagnostics.md#type-mismatch',
    },
    'input-on-indicator': {
      levels: ['warning'],
      summary: 'an Indicator, JogIndicator (or their HiRes forms) with a MIDI IN code',
      docs: 'docs/diagnostics.md#input-on-indicator',
    },
  },
  check: context => {
    for (const row of context.model.mappingRows) {
      if (row.functionState !== 'assigned' || context.isShifted(row)) continue;
      const type = row.type;
      if (CONTINUOUS_TYPES.has(type)) checkContinuous(context, row);
      if (type === 'Parameter') checkParameter(context, row);
      else checkParameterCodes(context, row);
      if (type !== 'Parameter' && controlType(type)?.outputOnly) checkIndicatorInput(context, row);
    }
  },
});

type TypeMismatchContext = RuleContext<CodesOf<typeof typeMismatchRule>>;

function checkContinuous({ report, inputCodes }: TypeMismatchContext, row: MappingRow): void {
  const notes = inputCodes(row).filter(c => isNote(c.code));
  if (notes.length === 0) return;
  const codes = [...new Set(notes.map(c => formatCode(c.code)))];
  const first = decodeCode(notes[0].code);
  report(
    'type-mismatch',
    DiagnosticSeverity.Warning,
    cellRange(row, Column.Type),
    `${row.type} reads a value that moves (a control change), but ${codes.slice(0, 4).join(', ')}${codes.length > 4 ? ', …' : ''} ` +
      `${codes.length === 1 ? `is a note (${describeCode(first)})` : `are notes (${describeCode(first)}, …)`}: a note only says pressed or released. ` +
      `Use Button for a note, or the control's CC code (Bn…).`,
    { data: { kind: 'continuous-on-note', codes } },
  );
}

function checkParameter({ report, inputCodes }: TypeMismatchContext, row: MappingRow): void {
  const codes = inputCodes(row);
  if (codes.some(c => isParameterCode(c.code))) return;
  const column = cellValue(row, Column.Input) !== '' ? Column.Input : Column.Type;
  const what = codes.length ? `${formatCode(codes[0].code)} is a MIDI message` : 'it has no MIDI IN code';
  report(
    'type-mismatch',
    DiagnosticSeverity.Warning,
    cellRange(row, column),
    `A Parameter row sets a Rekordbox setting through a code FFF1–FFF3 with Value=N (as in every factory file), but ${what}. ` +
      'Write its FFFx code, or another type for a MIDI control.',
    { data: { kind: 'parameter-without-code' } },
  );
}

/** `FFFx` codes on a row that is not a Parameter: in any code or deck cell, MIDI IN or OUT. */
function checkParameterCodes({ report }: TypeMismatchContext, row: MappingRow): void {
  const values = row.line.values;
  for (let column = Column.Input; column <= Column.OutputDeck4; column++) {
    const value = values[column];
    if (value === undefined || value.length < 4) continue;
    const code = readCode(value, column >= Column.Output);
    if (code === undefined || !isParameterCode(code)) continue;
    report(
      'type-mismatch',
      DiagnosticSeverity.Warning,
      cellRange(row, column),
      `${formatCode(code)} is a Rekordbox parameter code, not a MIDI message: no control sends it, and it works only on a Parameter row ` +
        `(type Parameter, option Value=N). This row is ${row.type === '' ? 'untyped' : `a ${row.type}`}.`,
      { data: { kind: 'parameter-code', code: formatCode(code) } },
    );
  }
}

function checkIndicatorInput({ report }: TypeMismatchContext, row: MappingRow): void {
  const values = row.line.values;
  let first: number | undefined;
  let last: number | undefined;
  for (let column = Column.Input; column <= Column.InputDeck4; column++) {
    if ((values[column]?.trim() ?? '') === '') continue;
    first ??= column;
    last = column;
  }
  if (first === undefined || last === undefined) return;
  let hasOutput = false;
  for (let column = Column.Output; column <= Column.OutputDeck4; column++) {
    if ((values[column]?.trim() ?? '') !== '') hasOutput = true;
  }
  const range = spanRange(row, row.line.fieldStart(first), row.line.fieldEnd(last));
  const message = hasOutput
    ? `${row.type} only sends (it lights a control): Rekordbox reads nothing from it, so its MIDI IN does nothing. Remove it.`
    : `${row.type} only sends (it lights a control), so its code belongs in MIDI OUT (column 9), which is empty: as written nothing lights. ` +
      'Move the code to MIDI OUT.';
  report('input-on-indicator', DiagnosticSeverity.Warning, range, message, { data: { kind: hasOutput ? 'unused' : 'move-to-output' } });
}
