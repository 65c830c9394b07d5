/**
 * Rekordbox's DUPLICATE "for another deck", one deck at a time, for files that write one row per
 * channel with empty deck columns (docs/format.md#codes-per-deck-expanddeckcodes): a copy of the row, inserted right after it,
 * whose MIDI IN code (and MIDI OUT code, if any) moves to the channel of the next deck the function
 * does not have yet. The code action, `rekordboxMidi/mappingRows` and `rekordboxMidi/rowAction`
 * share this one plan. Pure; never throws.
 *
 * The deck of a channel (docs/format.md, "Duplicate for one deck"): decks 1–4 are channels 0–3, the
 * channels Rekordbox's own DUPLICATE writes (`0,1,2,3`). Channels 4–15 name no deck with certainty
 * (pads use 7,9,11,13 on one controller and 7,8,9,10 on another), so rows there are not offered.
 */
import { TextEdit } from 'vscode-languageserver-types';
import { controlType } from '../catalog/controlTypes';
import { assignsInput, impliedLsbCode, isParameterCode } from '../model/codeConflicts';
import { Column, COLUMN_COUNT } from '../model/columns';
import { cellValue, inputCodesOf, MappingModel, MappingRow, Row } from '../model/mappingModel';
import { formatCode, isChannelMessage, parseCode, withChannel } from '../midi/midiCode';

/** Rekordbox has at most four decks: deck N is channel N−1. */
export const DECK_COUNT = 4;

export interface DeckCopyPlan {
  /** 1–4: the deck the copy is for. */
  deck: number;
  /** 0–15 as in the file: the copy's channel. */
  channel: number;
  /** The copy's MIDI IN and MIDI OUT codes, upper case (`910B`). */
  midiIn: string;
  midiOut?: string;
  /** `Duplicate for deck 2 (910B)`: the action named with its result. */
  title: string;
  /** The copy's line, without its ending. */
  text: string;
}

/** A plan, or why not. `reason` is given only for a row in the one-row-per-channel form that something else stops. */
export type DeckCopyResult = { plan: DeckCopyPlan; reason?: undefined } | { plan?: undefined; reason?: string };

/** Built once per model: which channels each function+label has, and which rows receive each code. */
export interface DeckCopyIndex {
  /** Function + control label → the channels its rows' MIDI IN codes use. */
  channelsByKey: Map<string, Set<number>>;
  /** MIDI IN code → the first row that assigns a function to it. */
  codeOwners: Map<number, MappingRow>;
  /** A HiRes row's implied LSB code (CC+32) → that row. */
  lsbOwners: Map<number, MappingRow>;
}

const keyOf = (row: MappingRow): string => `${row.functionName}\u0000${row.control}`;

export function buildDeckCopyIndex(model: MappingModel): DeckCopyIndex {
  const channelsByKey = new Map<string, Set<number>>();
  const codeOwners = new Map<number, MappingRow>();
  const lsbOwners = new Map<number, MappingRow>();
  for (const row of model.mappingRows) {
    const assigns = assignsInput(row);
    if (!assigns) continue;
    let channels = channelsByKey.get(keyOf(row));
    if (!channels) channelsByKey.set(keyOf(row), (channels = new Set()));
    for (const { code } of inputCodesOf(row)) {
      if (isParameterCode(code) || !isChannelMessage(code)) continue;
      channels.add((code >> 8) & 0x0f);
      if (!codeOwners.has(code)) codeOwners.set(code, row);
      const lsb = impliedLsbCode(row.type, code);
      if (lsb !== undefined && !lsbOwners.has(lsb)) lsbOwners.set(lsb, row);
    }
  }
  return { channelsByKey, codeOwners, lsbOwners };
}

/** The copy "for deck N" of this row, or why not (see the file's comment for the rule). */
export function planDuplicateForDeck(model: MappingModel, row: Row, index: DeckCopyIndex = buildDeckCopyIndex(model)): DeckCopyResult {
  if (row.kind !== 'mapping') return {};
  const mapping = row as MappingRow;
  // Only a row that assigns a function to what it receives: not `#`, `#Name`, NoFunction, output-only types.
  if (mapping.functionState !== 'assigned' || controlType(mapping.type)?.outputOnly) return {};
  const values = row.line.values;
  // Text past column 15 means a shifted row: its columns are not certain.
  for (let i = COLUMN_COUNT; i < values.length; i++) if (values[i] !== '') return {};
  const input = parseCode(cellValue(row, Column.Input));
  if (input === undefined || !isChannelMessage(input) || !deckColumnsEmpty(row, Column.InputDeck1)) return {};
  const channel = (input >> 8) & 0x0f;
  const outputValue = cellValue(row, Column.Output);
  let output: number | undefined;
  if (outputValue !== '') {
    output = parseCode(outputValue);
    // A light on another channel (or a 6-hex code) does not say where the copy's light goes.
    if (output === undefined || !isChannelMessage(output) || ((output >> 8) & 0x0f) !== channel) return {};
  }
  if (!deckColumnsEmpty(row, Column.OutputDeck1)) return {};

  const name = mapping.control && mapping.control !== mapping.functionName ? `${mapping.functionName} (${mapping.control})` : mapping.functionName;
  if (channel >= 15) return { reason: `${formatCode(input)} is on MIDI channel 16, the last: there is no channel after it.` };
  if (channel >= DECK_COUNT - 1) {
    return {
      reason:
        channel === DECK_COUNT - 1
          ? `${formatCode(input)} is deck 4’s channel (decks 1–4 are MIDI channels 1–4): Rekordbox has no deck 5.`
          : `${formatCode(input)} is on MIDI channel ${channel + 1}, which names no deck ` +
            '(decks 1–4 are channels 1–4; pads use other channels on each controller).',
    };
  }
  const taken = index.channelsByKey.get(keyOf(mapping));
  let target = channel + 1;
  while (target < DECK_COUNT && taken?.has(target)) target++;
  if (target >= DECK_COUNT) return { reason: `${name} already has a row for every deck after deck ${channel + 1} (channels ${channel + 2}–${DECK_COUNT}).` };

  const copyIn = withChannel(input, target);
  const claim = claimOn(index, mapping, copyIn);
  if (claim?.kind === 'code') return { reason: collision(formatCode(claim.code), claim.by) };
  if (claim?.kind === 'hiResLsb') return { reason: `${fineHalf(formatCode(claim.code), claim.by)}: not duplicated.` };
  if (claim?.kind === 'ownLsb') return { reason: `The copy’s fine half (LSB), ${collision(formatCode(claim.code), claim.by)}` };

  const copyOut = output === undefined ? undefined : withChannel(output, target);
  const lineText = model.csv.text.slice(row.line.offset, row.line.offset + row.line.length);
  let text = withChannelDigit(lineText, row, Column.Input, target);
  if (copyOut !== undefined) text = withChannelDigit(text, row, Column.Output, target);
  const midiIn = formatCode(copyIn);
  const midiOut = copyOut === undefined ? undefined : formatCode(copyOut);
  const deck = target + 1;
  const title = `Duplicate for deck ${deck} (${midiIn}${midiOut !== undefined && midiOut !== midiIn ? `, MIDI OUT ${midiOut}` : ''})`;
  return { plan: { deck, channel: target, midiIn, midiOut, title, text } };
}

/**
 * Why Rekordbox's DUPLICATE for decks 1–4 (deck channels `0,1,2,3` on a row with empty deck
 * columns) must not be offered on this row, or undefined when it may: a deck code it would add (decks 2–4) is
 * already another function's (or the fine half of another row's 14-bit control), which would turn a
 * file without errors into one with `duplicate-code` errors.
 */
export function fillDeckChannelsConflict(row: Row, index: DeckCopyIndex): string | undefined {
  if (row.kind !== 'mapping') return undefined;
  const mapping = row as MappingRow;
  const input = parseCode(cellValue(row, Column.Input));
  if (!assignsInput(mapping) || input === undefined || !isChannelMessage(input) || !deckColumnsEmpty(row, Column.InputDeck1)) return undefined;
  const base = (input >> 8) & 0x0f;
  // Deck 1's code is the row's own base code, there before: only decks 2–4 are new. The same
  // function on another row may share a code (duplicate-code allows it).
  const sameFunction = (owner: MappingRow) => owner.functionName === mapping.functionName;
  for (let deck = 1; deck < DECK_COUNT && base + deck <= 15; deck++) {
    const claim = claimOn(index, mapping, withChannel(input, base + deck), sameFunction);
    if (claim?.kind === 'code') return `Deck ${deck + 1}’s code ${collision(formatCode(claim.code), claim.by)}`;
    if (claim?.kind === 'hiResLsb') return `Deck ${deck + 1}’s code ${fineHalf(formatCode(claim.code), claim.by)}.`;
    if (claim?.kind === 'ownLsb') return `Deck ${deck + 1}’s fine half (LSB), ${collision(formatCode(claim.code), claim.by)}`;
  }
  return undefined;
}

/**
 * What already holds `code` if `row` received it, other than `row` itself: `code`, another row's MIDI
 * IN (unless `mayShare` that row); `hiResLsb`, the fine half of another row's 14-bit control;
 * `ownLsb`, the fine half `row` would then receive (its type is KnobSliderHiRes), another row's MIDI IN.
 * The one check behind both DUPLICATEs: a copy must not give one code two functions.
 */
function claimOn(index: DeckCopyIndex, row: MappingRow, code: number, mayShare: (owner: MappingRow) => boolean = () => false): CodeClaim | undefined {
  const owner = index.codeOwners.get(code);
  if (owner && owner !== row && !mayShare(owner)) return { kind: 'code', code, by: owner };
  const hiRes = index.lsbOwners.get(code);
  if (hiRes && hiRes !== row) return { kind: 'hiResLsb', code, by: hiRes };
  const lsb = impliedLsbCode(row.type, code);
  const lsbUser = lsb === undefined ? undefined : index.codeOwners.get(lsb);
  if (lsb !== undefined && lsbUser && lsbUser !== row) return { kind: 'ownLsb', code: lsb, by: lsbUser };
  return undefined;
}

interface CodeClaim {
  kind: 'code' | 'hiResLsb' | 'ownLsb';
  /** The code that is taken: the copy's own, or its fine half for `ownLsb`. */
  code: number;
  by: MappingRow;
}

/** The planned copy inserted right after its row, with the file's own line ending. */
export function duplicateForDeckEdit(model: MappingModel, row: Row, plan: DeckCopyPlan): TextEdit {
  const { line, length, ending } = row.line;
  // After the row's own ending; on a last line without one, the ending goes first.
  return ending
    ? TextEdit.insert({ line: line + 1, character: 0 }, plan.text + model.lineEnding)
    : TextEdit.insert({ line, character: length }, model.lineEnding + plan.text);
}

function collision(code: string, owner: MappingRow): string {
  const label = owner.control && owner.control !== owner.functionName ? ` (${owner.control})` : '';
  return `${code} is already ${owner.functionName}${label}’s, on line ${owner.line.line + 1}: a copy there would give one code two functions.`;
}

/** Why `code` cannot be taken when it is the fine half of `owner`'s 14-bit control (a `hiResLsb` claim). */
function fineHalf(code: string, owner: MappingRow): string {
  return `${code} is the fine half (LSB) of the 14-bit control on line ${owner.line.line + 1} (${owner.functionName})`;
}

function deckColumnsEmpty(row: Row, firstDeckColumn: number): boolean {
  for (let column = firstDeckColumn; column < firstDeckColumn + DECK_COUNT; column++) {
    if (cellValue(row, column) !== '') return false;
  }
  return true;
}

/** The line with the channel digit (the code's second) of the row's cell in `column` replaced; every other byte kept, letter case too. */
function withChannelDigit(lineText: string, row: Row, column: number, channel: number): string {
  const value = cellValue(row, column);
  const at = row.line.fieldStart(column) + (row.line.isQuoted(column) ? 1 : 0) + 1;
  const lowerCase = /[a-f]/.test(value) && !/[A-F]/.test(value);
  const digit = channel.toString(16);
  return lineText.slice(0, at) + (lowerCase ? digit : digit.toUpperCase()) + lineText.slice(at + 1);
}
