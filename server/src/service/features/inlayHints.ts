/**
 * Inlay hints after MIDI code cells, only for the lines of the requested range (the editor asks
 * for the visible part): what a DJ cannot read off the hex.
 *
 * - After a 4-hex code (base MIDI IN/OUT, or a full per-deck code), a short decoding:
 *   `900B` ‹on ch1 B-1›, `B640` ‹CC ch7 #64›, `8924` ‹off ch10 C1›.
 * - After a deck channel (`0`–`15`), the code that deck really gets: `900B,0,1,2,3` shows
 *   `1` ‹910B›, `2` ‹920B›… (the one thing the row does not spell out).
 * Each hint's tooltip is the full sentence the hover uses. Nothing for empty or invalid cells,
 * for `FFF1`-style parameter codes (not MIDI) or for data bytes above 127 (diagnostics say why).
 * Linear in the lines of the range; never throws.
 */
import { InlayHint, Range } from 'vscode-languageserver-types';
import { Column } from '../model/columns';
import { DeckCode, parseChannel, readCode } from '../model/expandDeckCodes';
import { cellValue, inputCodesOf, MappingModel, MappingRow, outputCodesOf } from '../model/mappingModel';
import { decodeCode, DecodedCode, describeCode, formatCode } from '../midi/midiCode';

export function computeInlayHints(model: MappingModel, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  const first = Math.max(0, range.start.line);
  const last = Math.min(model.rows.length - 1, range.end.line);
  for (let line = first; line <= last; line++) {
    const row = model.rows[line];
    if (!row || row.kind !== 'mapping') continue;
    const rowHints = hintsForRow(row as MappingRow);
    for (const hint of rowHints) if (inRange(hint, range)) hints.push(hint);
  }
  return hints;
}

function inRange(hint: InlayHint, range: Range): boolean {
  const { line, character } = hint.position;
  if (line === range.start.line && character < range.start.character) return false;
  if (line === range.end.line && character > range.end.character) return false;
  return true;
}

function hintsForRow(row: MappingRow): InlayHint[] {
  const hints: InlayHint[] = [];
  side(row, true, inputCodesOf(row), hints);
  side(row, false, outputCodesOf(row), hints);
  return hints;
}

function side(row: MappingRow, input: boolean, codes: DeckCode[], hints: InlayHint[]): void {
  const label = input ? 'MIDI IN' : 'MIDI OUT';
  const baseColumn = input ? Column.Input : Column.Output;
  const baseValue = cellValue(row, baseColumn);
  if (baseValue !== '') {
    const base = readCode(baseValue, !input);
    if (base !== undefined) {
      const cut = baseValue.length > 4 ? ` (Rekordbox reads only ${formatCode(base)})` : '';
      push(hints, row, baseColumn, decodeCode(base), `${label} ${formatCode(base)}${cut}`);
    }
  }
  for (const deckCode of codes) {
    if (deckCode.deck === 0) continue; // the base cell, hinted above
    const who = `Deck ${deckCode.deck} ${input ? 'receives' : 'is sent'} ${formatCode(deckCode.code)}`;
    const decoded = decodeCode(deckCode.code);
    if (parseChannel(cellValue(row, deckCode.column)) !== undefined) {
      // A channel: the hint is the code the deck really gets.
      if (shortDecoding(decoded) === undefined) continue;
      hints.push(hint(row, deckCode.column, formatCode(deckCode.code), `${who}: ${describeCode(decoded)}`));
    } else {
      push(hints, row, deckCode.column, decoded, who);
    }
  }
}

function push(hints: InlayHint[], row: MappingRow, column: number, decoded: DecodedCode, what: string): void {
  const short = shortDecoding(decoded);
  if (short !== undefined) hints.push(hint(row, column, short, `${what}: ${describeCode(decoded)}`));
}

/** A hint after the cell in `column`. */
function hint(row: MappingRow, column: number, label: string, tooltip: string): InlayHint {
  return { position: { line: row.line.line, character: row.line.fieldEnd(column) }, label, tooltip, paddingLeft: true };
}

/** `on ch1 B-1`, `off ch1 B-1`, `CC ch7 #64`…, or undefined when there is nothing short and true to say. */
export function shortDecoding(d: DecodedCode): string | undefined {
  if (d.isParameter || d.kind === 'system') return undefined;
  if (d.data1 > 127) return undefined;
  const ch = `ch${d.channel + 1}`;
  switch (d.kind) {
    case 'noteOn':
      return `on ${ch} ${d.noteName}`;
    case 'noteOff':
      return `off ${ch} ${d.noteName}`;
    case 'polyPressure':
      return `AT ${ch} ${d.noteName}`;
    case 'controlChange':
      return `CC ${ch} #${d.number}`;
    case 'programChange':
      return `PC ${ch} #${d.number}`;
    case 'channelPressure':
      return `CP ${ch}`;
    case 'pitchBend':
      return `PB ${ch}`;
    default:
      return undefined;
  }
}

