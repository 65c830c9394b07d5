/**
 * Rekordbox's DUPLICATE for decks 1–4 on one row: its deck columns filled with the deck channels
 * 0,1,2,3, so the one row serves every deck. The code action and the mapping table's DUPLICATE
 * (`rekordboxMidi/rowAction`, `canDuplicate` in `rekordboxMidi/mappingRows`) share this edit.
 */
import { TextEdit } from 'vscode-languageserver-types';
import { MappingModel, Row } from '../model/mappingModel';
import { buildDeckCopyIndex, DeckCopyIndex, fillDeckChannelsConflict } from './duplicateForDeck';
import { rowEdit } from './rowEdit';
import { fillDeckChannels } from './rowFixes';

/** DUPLICATE for decks 1–4 (deck channels 0,1,2,3) on one row, or undefined when it does not apply. */
export function duplicateForDecksEdit(model: MappingModel, row: Row, index: DeckCopyIndex = buildDeckCopyIndex(model)): TextEdit | undefined {
  const values = fillDeckChannels(row);
  // Not where a deck's code is already another function's: the copy would add duplicate-code errors.
  if (!values || fillDeckChannelsConflict(row, index) !== undefined) return undefined;
  return rowEdit(model, row, values);
}
