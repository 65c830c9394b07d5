/**
 * The 15 columns of a mapping row. The header row's names for columns 0 and 1 (`#name`,
 * `function`) mislead: column 0 holds the Rekordbox function, column 1 the control's label
 * (see docs/format.md).
 */
export const Column = {
  Function: 0,
  Control: 1,
  Type: 2,
  Input: 3,
  InputDeck1: 4,
  InputDeck4: 7,
  Output: 8,
  OutputDeck1: 9,
  OutputDeck4: 12,
  Options: 13,
  Comment: 14,
} as const;

export const COLUMN_COUNT = 15;

export interface ColumnInfo {
  /** The name the factory header row gives it. */
  header: string;
  /** What it really holds, as Rekordbox's MIDI window names it. */
  title: string;
  description: string;
}

const deckInput = (n: number): ColumnInfo => ({
  header: `deck${n}`,
  title: `MIDI IN, deck ${n}`,
  description: `What deck ${n} receives: a channel 0–15 added to the base code's channel, or a full 4-hex code.`,
});
const deckOutput = (n: number): ColumnInfo => ({
  header: `deck${n}`,
  title: `MIDI OUT, deck ${n}`,
  description: `What Rekordbox sends for deck ${n}'s light: a channel 0–15 applied to the base MIDI OUT code, or a full 4-hex code.`,
});

export const COLUMNS: readonly ColumnInfo[] = [
  {
    header: '#name',
    title: 'Function',
    description: 'The Rekordbox function this control triggers (`#` = no function, `#Name` = disabled row, `NoFunction` = learned but unassigned).',
  },
  {
    header: 'function',
    title: 'Control',
    description: "The physical control's label on the controller, with modifiers such as `+Shift`, `+LongPress`, `+Press`. Rekordbox EXPORT leaves it empty.",
  },
  { header: 'type', title: 'Type', description: 'How Rekordbox reads the control: Button, KnobSlider, Rotary, JogRotate, Indicator…' },
  {
    header: 'input',
    title: 'MIDI IN',
    description: 'Base MIDI IN code: status byte and first data byte in hex (`900B` = note on, ch 1, note 11). Empty when every deck has a full code.',
  },
  deckInput(1),
  deckInput(2),
  deckInput(3),
  deckInput(4),
  {
    header: 'output',
    title: 'MIDI OUT',
    description: 'Base MIDI OUT code Rekordbox sends to light the control (value 127 on, 0 off).',
  },
  deckOutput(1),
  deckOutput(2),
  deckOutput(3),
  deckOutput(4),
  { header: 'option', title: 'Options', description: '`;`-separated flags: `Fast`, `RO`, `Dual`, `Priority=N`, `Blink=ms`, `Value=N`, `Min=N`, `Max=N`.' },
  { header: 'comment', title: 'Comment', description: 'Free text shown in Rekordbox’s MIDI window.' },
];

export const FACTORY_HEADER = COLUMNS.map(c => c.header).join(',');

export function isInputDeckColumn(column: number): boolean {
  return column >= Column.InputDeck1 && column <= Column.InputDeck4;
}

export function isOutputDeckColumn(column: number): boolean {
  return column >= Column.OutputDeck1 && column <= Column.OutputDeck4;
}

export function isCodeColumn(column: number): boolean {
  return column === Column.Input || column === Column.Output || isInputDeckColumn(column) || isOutputDeckColumn(column);
}
