/**
 * Which MIDI codes each deck really receives (MIDI IN) and is sent (MIDI OUT) for one row.
 * FORMAT.md, "Decks": a base code plus a channel per deck (`900B`,`0,1,2,3` → `900B 910B 920B
 * 930B`), or an empty base and a full code per deck, or a base code alone. A deck channel is
 * added to the base channel (the reading community notes give; every factory row has channel 0
 * in its base, where both readings agree).
 */
import { Cell } from './mappingModel';
import { isChannelMessage, parseCode, withChannel } from '../midi/midiCode';

export interface DeckCode {
  /** 1..4, or 0 when the row has no deck columns and the base code serves every deck. */
  deck: number;
  code: number;
  /** The cell the code is written in (the deck cell, or the base cell for deck 0). */
  cell: Cell;
  /** The base cell when the code was computed from it and a channel. */
  baseCell?: Cell;
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
export function expandSide(cells: readonly (Cell | undefined)[], baseColumn: number, firstDeckColumn: number, isOutput: boolean): DeckCode[] {
  const codes: DeckCode[] = [];
  const baseCell = cells[baseColumn];
  const base = baseCell && baseCell.value !== '' ? readCode(baseCell.value, isOutput) : undefined;
  let anyDeck = false;
  for (let deck = 1; deck <= 4; deck++) {
    const cell = cells[firstDeckColumn + deck - 1];
    if (!cell || cell.value === '') continue;
    anyDeck = true;
    const channel = parseChannel(cell.value);
    if (channel !== undefined) {
      if (base === undefined || !isChannelMessage(base)) continue;
      const effective = ((base >> 8) & 0x0f) + channel;
      if (effective > 15) continue;
      codes.push({ deck, code: withChannel(base, effective), cell, baseCell });
      continue;
    }
    const full = readCode(cell.value, isOutput);
    if (full !== undefined) codes.push({ deck, code: full, cell });
  }
  if (!anyDeck && base !== undefined && baseCell) codes.push({ deck: 0, code: base, cell: baseCell });
  return codes;
}
