/**
 * "Learn from the controller" (`rekordboxMidi/learn`): from the messages a controller sent while
 * the user moved one control, the code and type to learn (learn/midiStream.ts reads the bytes,
 * learn/inferControl.ts decides the control), where the code goes at the cursor, and the one
 * edit that writes it. The rules and why: docs/learn.md.
 *
 * Where the code goes:
 * - a code cell (MIDI IN or MIDI OUT base): replaced;
 * - a deck cell: what that deck needs: a channel offset when the side's base code is the learned
 *   code on a channel at or below the learned one (deck channels are added to the base channel),
 *   else the full 4-hex code;
 * - on the MIDI IN side an empty type is filled; another type is kept and the summary says so;
 * - another cell of a row with no MIDI IN at all: the input is filled (and the type when empty);
 * - an empty line, a separator row, or past the end: a new 15-field row with type and code; the
 *   result's `cursor` is column 0 of that row, for function completion;
 * - anywhere else (the `@file` line, the header, a section row, a row that already has a MIDI IN
 *   when the cursor is not on a code cell): nothing is written and the summary says where to go.
 *
 * A code another function already receives still goes in; the summary names the rows it now
 * conflicts with (the `duplicate-code` reading, and 14-bit LSB collisions). New rows use the
 * file's line ending. One WorkspaceEdit (one undo step, versioned when the version is known),
 * never a save. Pure; never throws on any input.
 */
import { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { LearnConflict, LearnedControl, LearnResult } from '../../../../protocol/messages';
import { Column, COLUMN_COUNT, COLUMNS, isInputDeckColumn, isOutputDeckColumn } from '../model/columns';
import { readCode } from '../model/expandDeckCodes';
import { columnAt, inputCodesOf, MappingModel, MappingRow, parseMapping, Row } from '../model/mappingModel';
import { decodeCode, describeCode, formatCode, isChannelMessage } from '../midi/midiCode';
import { renderFields } from '../edits/rowFixes';
import { inferControl, Inference, InferredControl } from '../learn/inferControl';
import { NoiseCounts, parseMidiStream } from '../learn/midiStream';
import { assignsInput, impliedLsbCode, isParameterCode } from '../model/codeConflicts';
import { fieldRange } from '../util/ranges';

export interface LearnInput {
  /** The document's URI as the request gave it (anything: another editor may send no document). */
  uri: unknown;
  /** The document version the model is of: the edit is then refused by the editor if the text moved on. */
  version?: number | null;
  position: unknown;
  messages: unknown;
}

/** The answer when learning threw (the server logs why). */
export const LEARN_FAILED: LearnResult = { edit: null, summary: 'Learning failed inside the server (see its log): nothing written.' };

/** At most this many conflicting rows are named in the summary (all are in `conflicts`). */
const MAX_NAMED_CONFLICTS = 3;
/** At most this many conflicts are returned: one code on thousands of rows stays a short answer. */
const MAX_CONFLICTS = 20;

/**
 * The answer to `rekordboxMidi/learn`. `model` is undefined when the document is not open: the
 * control is still decided and described, nothing is written.
 */
export function computeLearn(model: MappingModel | undefined, input: LearnInput): LearnResult {
  const uri = typeof input.uri === 'string' && input.uri ? input.uri : '(no document given)';
  const stream = parseMidiStream(input.messages);
  const inference = inferControl(stream.events);
  const ignored = stream.noise;
  const control = inference.control;
  if (!control) {
    return { edit: null, summary: nothingLearned(inference, ignored, stream.events.length, stream.truncated), ...(anyNoise(ignored) ? { ignored } : {}) };
  }

  const learned = learnedInfo(control);
  const withLsb = control.lsbCode !== undefined ? `, with its LSB ${formatCode(control.lsbCode)}` : '';
  const head = `Learned ${control.type} ${learned.code} (${learned.description}${withLsb})`;
  const tail = othersNote(inference) + (stream.truncated ? ' Only the first part of a very long stream was read.' : '');
  const base: LearnResult = { edit: null, summary: '', learned };
  if (inference.others.length) base.others = inference.others.map(o => formatCode(o.code));
  if (anyNoise(ignored)) base.ignored = ignored;

  if (!model) {
    return { ...base, summary: `${head}, but the mapping ${uri} is not open (closed during the learn?): nothing written.${tail}` };
  }
  const position = validPosition(input.position);
  if (!position) return { ...base, summary: `${head}, but the request has no cursor position: nothing written.${tail}` };

  const placement = place(model, position, control);
  if ('refusal' in placement) return { ...base, summary: `${head}; nothing written: ${placement.refusal}${tail}` };

  const newModel = placement.edits.length ? parseMapping(applyLineEdits(model, placement.edits)) : model;
  const conflicts = placement.side === 'in' ? findConflicts(newModel, placement.line) : [];
  const result: LearnResult = { ...base, target: { line: placement.line, column: placement.column } };
  if (placement.edits.length) {
    result.edit = workspaceEdit(uri, input.version, placement.edits);
  }
  if (placement.newRow) result.cursor = { line: placement.line, character: 0 };
  if (conflicts.length) result.conflicts = conflicts;
  result.summary = `${head}: ${placement.done}.${placement.notes.map(n => ' ' + n).join('')}${conflictNote(conflicts)}${tail}`;
  return result;
}

// ---------------------------------------------------------------------------------------------
// What was learned, for people.

function learnedInfo(control: InferredControl): LearnedControl {
  const info: LearnedControl = {
    code: formatCode(control.code),
    type: control.type,
    description: describeCode(decodeCode(control.code)),
    channel: control.channel,
    messages: control.messages,
    reason: control.reason,
  };
  if (control.encoding) info.encoding = control.encoding;
  if (control.lsbCode !== undefined) info.lsbCode = formatCode(control.lsbCode);
  return info;
}

function anyNoise(noise: NoiseCounts): boolean {
  return Object.values(noise).some(n => n > 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nothingLearned(inference: Inference, noise: NoiseCounts, channelMessages: number, truncated: boolean): string {
  const seen: string[] = [];
  for (const u of inference.unsupported) seen.push(`${u.description} (${plural(u.messages, 'message')})`);
  if (noise.clock) seen.push(`${noise.clock} clock (F8)`);
  if (noise.activeSensing) seen.push(`${noise.activeSensing} active sensing (FE)`);
  if (noise.sysEx) seen.push(`${noise.sysEx} SysEx`);
  if (noise.otherSystem) seen.push(`${plural(noise.otherSystem, 'other system message')}`);
  if (noise.strayBytes) seen.push(`${plural(noise.strayBytes, 'data byte')} with no status byte before them`);
  if (noise.invalidItems) seen.push(`${plural(noise.invalidItems, 'item')} that were not MIDI bytes (0–255)`);
  const cut = truncated ? ' (only the first part of a very long stream was read)' : '';
  if (seen.length === 0 && channelMessages === 0) return `Nothing learned: no MIDI message arrived${cut}. Move or press the control while learning.`;
  const why = inference.unsupported.length
    ? ' Rekordbox codes name a note or a controller (status and first data byte): pitch bend, pressure and program changes have none.'
    : ' Move or press the control while learning.';
  return `Nothing learned: only ${seen.join(', ')} arrived${cut}.${why}`;
}

function othersNote(inference: Inference): string {
  let note = '';
  if (inference.held.length) {
    const codes = listed(inference.held.map(h => formatCode(h.code)));
    note += ` ${codes} ${inference.held.length === 1 ? 'was' : 'were'} held down meanwhile (a shift button or a jog touch?) and not learned.`;
  }
  if (inference.others.length) {
    const shown = listed(inference.others.map(o => `${formatCode(o.code)} ${o.type}`));
    note += ` Several controls moved: learned the first; also moved: ${shown}.`;
  }
  return note;
}

/** The first few items, then how many more: a summary stays one readable line. */
function listed(items: string[], max = 5): string {
  const more = items.length > max ? `, and ${items.length - max} more` : '';
  return items.slice(0, max).join(', ') + more;
}

function conflictNote(conflicts: LearnConflict[]): string {
  if (conflicts.length === 0) return '';
  const named = conflicts
    .slice(0, MAX_NAMED_CONFLICTS)
    .map(c =>
      c.kind === 'lsb'
        ? `line ${c.line + 1} (${c.functionName}) collides on ${c.code}, a 14-bit LSB`
        : `line ${c.line + 1} (${c.functionName}) also receives ${c.code}`,
    );
  const more = conflicts.length > MAX_NAMED_CONFLICTS ? `; and ${conflicts.length - MAX_NAMED_CONFLICTS} more` : '';
  return ` Conflict: ${named.join('; ')}${more} (Rekordbox takes one function per code).`;
}

// ---------------------------------------------------------------------------------------------
// Where the code goes.

interface Placement {
  edits: TextEdit[];
  /** The line the code is on afterwards. */
  line: number;
  column: number;
  side: 'in' | 'out';
  newRow: boolean;
  /** What was done, for the summary: `wrote MIDI IN on line 16`. */
  done: string;
  notes: string[];
}

function validPosition(value: unknown): Position | undefined {
  const p = value as Position | null | undefined;
  if (typeof p !== 'object' || p === null) return undefined;
  const { line, character } = p;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return undefined;
  return { line, character };
}

function place(model: MappingModel, position: Position, control: InferredControl): Placement | { refusal: string } {
  const rows = model.rows;
  if (position.line >= rows.length) return newRowAt(model, rows.length - 1, control, true);
  const row = rows[position.line];
  switch (row.kind) {
    case 'empty':
    case 'separator':
      return newRowAt(model, position.line, control, false);
    case 'file':
      return { refusal: 'the cursor is on the @file line (put it on a code cell, or on an empty line to add a row).' };
    case 'header':
      return { refusal: 'the cursor is on the column-header row (put it on a code cell, or on an empty line to add a row).' };
    case 'section':
      return { refusal: 'the cursor is on a section row (put it on a code cell, or on an empty line to add a row).' };
    case 'mapping':
      return placeInRow(row as MappingRow, position, control);
  }
}

/** A new row on `line` (an empty or separator line), or after the last line when `pastEnd`. */
function newRowAt(model: MappingModel, line: number, control: InferredControl, pastEnd: boolean): Placement {
  const values = new Array<string>(COLUMN_COUNT).fill('');
  values[Column.Type] = control.type;
  values[Column.Input] = formatCode(control.code);
  const text = renderFields(values);
  const row = model.rows[line];
  const ending = model.lineEnding;
  let edit: TextEdit;
  let rowLine = line;
  if (row.line.length === 0 && row.line.ending === '') {
    // The last line, empty: the file ended with a line ending (or is empty); keep it ending so.
    edit = TextEdit.insert({ line, character: 0 }, text + ending);
  } else if (pastEnd) {
    // The last line has text and no ending: the new row goes after it, and the file still ends without one.
    edit = TextEdit.insert({ line, character: row.line.length }, ending + text);
    rowLine = line + 1;
  } else {
    edit = TextEdit.replace({ start: { line, character: 0 }, end: { line, character: row.line.length } }, text);
  }
  return {
    edits: [edit],
    line: rowLine,
    column: Column.Input,
    side: 'in',
    newRow: true,
    done: `added a row on line ${rowLine + 1}; type its function at the start of the line`,
    notes: [],
  };
}

function placeInRow(row: MappingRow, position: Position, control: InferredControl): Placement | { refusal: string } {
  const line = row.line.line;
  const code = formatCode(control.code);
  const column = columnAt(row, position.character);
  const value = (c: number) => row.cells[c]?.value ?? '';
  const notes: string[] = [];

  if (column === Column.Input || column === Column.Output) {
    const side = column === Column.Input ? 'in' : 'out';
    const changes: [number, string][] = [[column, code]];
    if (side === 'in') changes.push(...typeChange(row, control, notes));
    const where = `${COLUMNS[column].title} on line ${line + 1}`;
    return finish(row, changes, column, side, `wrote ${where}`, `${where} already has ${code}`, notes);
  }

  if (isInputDeckColumn(column) || isOutputDeckColumn(column)) {
    const side = isInputDeckColumn(column) ? 'in' : 'out';
    const baseColumn = side === 'in' ? Column.Input : Column.Output;
    const deck = column - (side === 'in' ? Column.InputDeck1 : Column.OutputDeck1) + 1;
    const baseText = value(baseColumn);
    const base = baseText === '' ? undefined : readCode(baseText, side === 'out');
    const sideName = side === 'in' ? 'MIDI IN' : 'MIDI OUT';
    const where = `deck ${deck}'s ${sideName} on line ${line + 1}`;
    let written = code;
    let done = `wrote ${code} in ${where}`;
    if (base !== undefined && isChannelMessage(base) && (base & 0xf0ff) === (control.code & 0xf0ff)) {
      const offset = control.channel - ((base >> 8) & 0x0f);
      if (offset >= 0) {
        written = String(offset);
        done = `wrote channel ${offset} in ${where} (${formatCode(base)} + ${offset} = ${code})`;
      } else {
        notes.push(`The full code, because its channel is below the base ${formatCode(base)}'s (deck channels are added to it).`);
      }
    }
    const changes: [number, string][] = [[column, written]];
    if (side === 'in') changes.push(...typeChange(row, control, notes));
    return finish(row, changes, column, side, done, `${where} already gives ${code}`, notes);
  }

  // Not on a code cell: only a row without any MIDI IN gets one.
  const hasInput = [Column.Input, Column.InputDeck1, Column.InputDeck1 + 1, Column.InputDeck1 + 2, Column.InputDeck4].some(c => value(c) !== '');
  if (hasInput) {
    return {
      refusal: `line ${line + 1} already has a MIDI IN (put the cursor on the code or deck cell to replace, or on an empty line to add a row).`,
    };
  }
  const changes: [number, string][] = [[Column.Input, code], ...typeChange(row, control, notes)];
  return finish(row, changes, Column.Input, 'in', `wrote MIDI IN on line ${line + 1}`, '', notes);
}

/** The type change that goes with writing MIDI IN: fill an empty type; keep another one and say so. */
function typeChange(row: MappingRow, control: InferredControl, notes: string[]): [number, string][] {
  if (row.type === '') return [[Column.Type, control.type]];
  if (row.type !== control.type) notes.push(`The row's type stays ${row.type} (the control looks like ${control.type}).`);
  return [];
}

function finish(
  row: Row,
  changes: [number, string][],
  column: number,
  side: 'in' | 'out',
  done: string,
  unchanged: string,
  notes: string[],
): Placement {
  const real = changes.filter(([c, v]) => (row.cells[c]?.value ?? undefined) !== v || row.cells[c]?.quoted);
  const edits = cellEdits(row, real);
  return { edits, line: row.line.line, column, side, newRow: false, done: edits.length ? done : `${unchanged}: nothing to change`, notes };
}

/**
 * Edits that set cells of a row: a cell that exists is replaced where it stands; cells past the
 * row's last field are appended with the commas they need, and the row is padded to 15 fields.
 */
function cellEdits(row: Row, changes: [number, string][]): TextEdit[] {
  const edits: TextEdit[] = [];
  const fields = row.line.fields;
  const appended = new Map<number, string>();
  for (const [column, value] of changes) {
    const field = fields[column];
    if (field) edits.push(TextEdit.replace(fieldRange(row, field), value));
    else appended.set(column, value);
  }
  if (appended.size) {
    const last = Math.max(COLUMN_COUNT - 1, ...appended.keys());
    let tail = '';
    for (let c = fields.length; c <= last; c++) tail += ',' + (appended.get(c) ?? '');
    edits.push(TextEdit.insert({ line: row.line.line, character: row.line.length }, tail));
  }
  return edits;
}

/** The text after edits that each sit within one line of the model's text. */
function applyLineEdits(model: MappingModel, edits: TextEdit[]): string {
  const text = model.csv.text;
  const lines = model.csv.lines;
  const offsetOf = (p: Position) => lines[p.line].offset + p.character;
  const sorted = edits.map(e => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function workspaceEdit(uri: string, version: number | null | undefined, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version: version ?? null }, edits }] };
}

// ---------------------------------------------------------------------------------------------
// Conflicts, read on the text after the edit.

/**
 * Rows with another function (rows that assign one: the `duplicate-code` reading) that receive a
 * code the row on `line` now receives, or whose code is the implied LSB of a 14-bit row among the
 * two (the `hires-lsb-collision` reading). When the row has no function yet, every assigning row
 * counts: whatever function the user picks, those rows share its code.
 */
function findConflicts(model: MappingModel, line: number): LearnConflict[] {
  const target = model.rows[line];
  if (!target || target.kind !== 'mapping') return [];
  const row = target as MappingRow;
  const ownFunction = row.functionState === 'assigned' ? row.functionName : undefined;
  const codes = new Set<number>();
  const lsbs = new Set<number>();
  for (const d of inputCodesOf(row)) {
    if (isParameterCode(d.code)) continue; // parameter codes are not MIDI
    codes.add(d.code);
    const lsb = impliedLsbCode(row.type, d.code);
    if (lsb !== undefined) lsbs.add(lsb);
  }
  const conflicts: LearnConflict[] = [];
  for (const other of model.mappingRows) {
    if (conflicts.length >= MAX_CONFLICTS) break;
    if (other.line.line === line || !assignsInput(other) || other.functionName === ownFunction) continue;
    for (const d of inputCodesOf(other)) {
      const entry = { line: other.line.line, functionName: other.functionName };
      if (codes.has(d.code)) {
        conflicts.push({ ...entry, code: formatCode(d.code), kind: 'same-code' });
        break;
      }
      if (lsbs.has(d.code)) {
        conflicts.push({ ...entry, code: formatCode(d.code), kind: 'lsb' });
        break;
      }
      const otherLsb = impliedLsbCode(other.type, d.code);
      if (otherLsb !== undefined && codes.has(otherLsb)) {
        conflicts.push({ ...entry, code: formatCode(otherLsb), kind: 'lsb' });
        break;
      }
    }
  }
  return conflicts;
}

