/** Option flags (column 13), as seen in real files (docs/format.md#options-unknown-option-bad-option-value). */

export interface OptionInfo {
  name: string;
  /** True for `Name=value` options. */
  takesValue: boolean;
  description: string;
  /** Checks a value; returns what is wrong, or undefined when it is fine. */
  checkValue?: (value: string) => string | undefined;
  /** Snippet body for completion. */
  snippet?: string;
}

const WHOLE_NUMBER = /^\d+$/;

function wholeNumberIn(min: number, max: number, unit: string) {
  return (value: string): string | undefined => {
    if (!WHOLE_NUMBER.test(value)) return `needs a whole number${unit}, not '${value}'`;
    const n = Number(value);
    if (n < min || n > max) return `must be between ${min} and ${max}${unit}, not ${value}`;
    return undefined;
  };
}

export const OPTIONS: readonly OptionInfo[] = [
  {
    name: 'Fast',
    takesValue: false,
    description: 'Set on most factory and exported rows; read as “handle this control without delay” (not documented by Pioneer).',
  },
  {
    name: 'RO',
    takesValue: false,
    description: 'Set on factory jog, meter and setting rows; read as “read-only”: fixed by the factory mapping (not documented by Pioneer).',
  },
  {
    name: 'Dual',
    takesValue: false,
    description: 'Set on deck rows of 4-deck factory mappings (DDJ-FLX10, DDJ-GRV6): the control follows the deck layer (not documented by Pioneer).',
  },
  {
    name: 'Priority',
    takesValue: true,
    description: 'Priority of the light (MIDI OUT) when several functions drive it: 0–100 (factory files use 50 and 100).',
    checkValue: wholeNumberIn(0, 100, ''),
    snippet: 'Priority=${1:50}',
  },
  {
    name: 'Blink',
    takesValue: true,
    description: 'Blink period of the light in milliseconds (500, 600 and 1000 are seen).',
    checkValue: wholeNumberIn(1, 60000, ' ms'),
    snippet: 'Blink=${1:500}',
  },
  {
    name: 'Value',
    takesValue: true,
    description: 'A fixed value: the setting of a `Parameter` row, or the value a `Value` row sends (0–16383, 14 bits).',
    checkValue: wholeNumberIn(0, 16383, ''),
    snippet: 'Value=${1:0}',
  },
  {
    name: 'Min',
    takesValue: true,
    description: 'Lowest value sent (0–16383), e.g. on jog displays.',
    checkValue: wholeNumberIn(0, 16383, ''),
    snippet: 'Min=${1:0}',
  },
  {
    name: 'Max',
    takesValue: true,
    description: 'Highest value sent (0–16383), e.g. `Max=72` on jog displays, `Max=16383` for 14-bit values.',
    checkValue: wholeNumberIn(0, 16383, ''),
    snippet: 'Max=${1:127}',
  },
];

const BY_NAME = new Map(OPTIONS.map(o => [o.name, o]));

export function optionInfo(name: string): OptionInfo | undefined {
  return BY_NAME.get(name);
}
