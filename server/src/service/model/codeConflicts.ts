/**
 * Which MIDI IN codes trigger more than one function: the idea of the `duplicate-code` rule
 * (Rekordbox's guide §3.5, "One MIDI code cannot be assigned to multiple functions"), kept here
 * shared by the rule itself (its first pass), semantic tokens and learning.
 *
 * Every row is expanded to the codes each deck really
 * receives; rows that assign nothing (`#`, `#Name`, `NoFunction`, empty) and output-only rows
 * (Indicator, JogIndicator, Parameter…) are left out; `FFF1`-style parameter codes are not MIDI;
 * the same function on several rows is allowed. One pass, no allocation per row beyond the
 * expanded codes.
 */
import { controlType, HI_RES_TYPE } from '../catalog/controlTypes';
import { DeckCode } from './expandDeckCodes';
import { inputCodesOf, MappingModel, MappingRow, Row } from './mappingModel';

/** True when the row assigns a function to its MIDI IN codes (the rows the one-code-one-function rule is about). */
export function assignsInput(row: MappingRow): boolean {
  if (row.functionState !== 'assigned') return false;
  return !controlType(row.type)?.outputOnly;
}

/** `FFF1`..`FFFF`: Rekordbox parameter ids, not MIDI messages. */
export function isParameterCode(code: number): boolean {
  return (code & 0xfff0) === 0xfff0;
}

/**
 * The code a row of this type also receives because of this one: a KnobSliderHiRes row on CC n
 * (0–31) implies the fine half on CC n+32, same channel (docs/format.md#14-bit-controls). Undefined for any other type
 * or code (a HiRes row on a note or on CC 32+ implies nothing Rekordbox reads).
 */
export function impliedLsbCode(type: string, code: number): number | undefined {
  return type === HI_RES_TYPE && (code & 0xf000) === 0xb000 && (code & 0xff) < 32 ? code + 32 : undefined;
}

/**
 * The MIDI IN codes that rows with two or more different functions receive. `codesOf` lets a
 * caller that already has each row's codes (the diagnostics pass) share them.
 */
export function findConflictingCodes(model: MappingModel, codesOf: (row: Row) => DeckCode[] = inputCodesOf): Set<number> {
  const firstFunction = new Map<number, string>();
  const conflicted = new Set<number>();
  for (const row of model.mappingRows) {
    if (!assignsInput(row)) continue;
    for (const deckCode of codesOf(row)) {
      if (isParameterCode(deckCode.code)) continue;
      const seen = firstFunction.get(deckCode.code);
      if (seen === undefined) firstFunction.set(deckCode.code, row.functionName);
      else if (seen !== row.functionName) conflicted.add(deckCode.code);
    }
  }
  return conflicted;
}
