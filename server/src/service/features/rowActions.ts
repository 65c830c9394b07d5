/**
 * `rekordboxMidi/rowAction`: the row actions of Rekordbox's MIDI window as text edits, for the mapping
 * table. DUPLICATE is the code action's edit (deck channels 0,1,2,3: one row then serves decks 1–4,
 * which is what Rekordbox's DUPLICATE writes); "for deck N" inserts a copy of a one-row-per-channel
 * row moved to the next deck's channel (edits/duplicateForDeck.ts, the code action's edit too); DELETE
 * removes the row's line with its line ending.
 * The caller applies the edit as one undo step. Pure; never throws.
 */
import { TextEdit } from 'vscode-languageserver-types';
import { ROW_ACTION_KINDS, RowActionKind, RowActionResult } from '../../../../protocol/messages';
import { buildDeckCopyIndex, duplicateForDeckEdit, fillDeckChannelsConflict, planDuplicateForDeck } from '../edits/duplicateForDeck';
import { duplicateForDecksEdit } from '../edits/duplicateForDecks';
import { MappingModel } from '../model/mappingModel';

export interface RowActionRequest {
  uri: string;
  /** The version the caller saw, and the document's version now. */
  version: number;
  currentVersion: number;
  line: number;
  action: RowActionKind;
}

/** The answer when the request names a document the server does not have open. */
export const ROW_ACTION_NOT_OPEN: RowActionResult = { edit: null, message: 'The mapping is not open: nothing changed.' };
/** The answer when computing the edit threw (the server logs why). */
export const ROW_ACTION_FAILED: RowActionResult = { edit: null, message: 'The row action failed inside the server (see its log): nothing changed.' };

/** The answer for the row action; `line`, `version` and `action` are checked first, as another editor may send anything. */
export function computeRowAction(model: MappingModel, request: RowActionRequest): RowActionResult {
  const { line, version, action } = request;
  if (!Number.isSafeInteger(line) || line < 0 || !Number.isSafeInteger(version) || !ROW_ACTION_KINDS.includes(action)) {
    return { edit: null, message: 'Not a row action: nothing changed.' };
  }
  if (request.version !== request.currentVersion) {
    return { edit: null, message: 'The mapping changed since the table was drawn: nothing changed. Try again.' };
  }
  const row = model.rows[request.line];
  if (!row || row.kind !== 'mapping') return { edit: null, message: `Line ${request.line + 1} is not a mapping row: nothing changed.` };
  const edits: TextEdit[] = [];
  if (request.action === 'duplicate') {
    const index = buildDeckCopyIndex(model);
    const conflict = fillDeckChannelsConflict(row, index);
    if (conflict) return { edit: null, message: `DUPLICATE for decks 1–4: ${conflict} Nothing changed.` };
    const edit = duplicateForDecksEdit(model, row, index);
    if (!edit) {
      return { edit: null, message: `DUPLICATE needs a 15-field row with a base code and empty deck columns (line ${request.line + 1}): nothing changed.` };
    }
    edits.push(edit);
  } else if (request.action === 'duplicateForDeck') {
    const { plan, reason } = planDuplicateForDeck(model, row);
    if (!plan) {
      return {
        edit: null,
        message: reason
          ? `No duplicate for another deck (line ${request.line + 1}): ${reason} Nothing changed.`
          : `Duplicate for another deck needs a row with a function, a base MIDI IN code and empty deck columns (line ${request.line + 1}): nothing changed.`,
      };
    }
    edits.push(duplicateForDeckEdit(model, row, plan));
  } else {
    const { line, ending } = row.line;
    const previous = model.rows[line - 1];
    if (ending) edits.push(TextEdit.del({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
    else if (previous) edits.push(TextEdit.del({ start: { line: line - 1, character: previous.line.length }, end: { line, character: row.line.length } }));
    else edits.push(TextEdit.del({ start: { line, character: 0 }, end: { line, character: row.line.length } }));
  }
  return { edit: { changes: { [request.uri]: edits } } };
}
