/**
 * Which MIDI codes each deck really receives (MIDI IN) and is sent (MIDI OUT) for one row.
 * docs/format.md#codes-per-deck-expanddeckcodes: a base code plus a channel per deck (`900B`,`0,1,2,3` → `900B 910B 920B
 * 930B`), or an empty base and a full code per deck, or a base code alone. A deck channel is
 * added to the base channel (the reading community notes give; every factory row has channel 0
 * in its base, where both readings agree).
 */
import { isChannelMessage, parseCode, withChannel } from '../midi/midiCode';

export interface DeckCode {
  /** 1..4, or 0 when the row has no deck columns and the base code serves every deck. */
  deck: number;
  code: number;
  /** The column of the cell the code is written in (the deck cell, or the base cell for deck 0). */
  column: number;
  /** The base cell's column when the code was computed from it and a channel. */
  baseColumn?: number;
}

/** A deck cell read as a channel 0–15 (one or two decimal digits), or undefined. */
export function parseChannel(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 2) return undefined;
  const d0 = text.charCodeAt(0) - 48;
  if (d0 < 0 || d0 > 9) return undefined;
  if (n === 1) return d0;
  const d1 = text.charCodeAt(1) - 48;
  if (d1 < 0 || d1 > 9) return undefined;
  const value = d0 * 10 + d1;
  return value <= 15 ? value : undefined;
}

/**
 * A base or deck code as Rekordbox reads it: 4 hex digits; on MIDI OUT a 6-hex code is cut to
 * its first 4 (seen in real files).
 */
export function readCode(text: string, allowLong: boolean): number | undefined {
  const code = parseCode(text);
  if (code !== undefined || !allowLong) return code;
  return /^[0-9A-Fa-f]{6}$/.test(text) ? parseInt(text.slice(0, 4), 16) : undefined;
}

/** The codes of one side of a row: MIDI IN (base column 3, decks 4–7) or MIDI OUT (8, decks 9–12). */
export function expandSide(values: readonly string[], baseColumn: number, firstDeckColumn: number, isOutput: boolean): DeckCode[] {
  const codes: DeckCode[] = [];
  const baseValue = values[baseColumn];
  const base = baseValue !== undefined && baseValue !== '' ? readCode(baseValue, isOutput) : undefined;
  let anyDeck = false;
  for (let deck = 1; deck <= 4; deck++) {
    const column = firstDeckColumn + deck - 1;
    const value = values[column];
    if (value === undefined || value === '') continue;
    anyDeck = true;
    const channel = parseChannel(value);
    if (channel !== undefined) {
      if (base === undefined || !isChannelMessage(base)) continue;
      const effective = ((base >> 8) & 0x0f) + channel;
      if (effective > 15) continue;
      codes.push({ deck, code: withChannel(base, effective), column, baseColumn });
      continue;
    }
    const full = readCode(value, isOutput);
    if (full !== undefined) codes.push({ deck, code: full, column, baseColumn: undefined });
  }
  if (!anyDeck && base !== undefined) codes.push({ deck: 0, code: base, column: baseColumn, baseColumn: undefined });
  return codes;
}
