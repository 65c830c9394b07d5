/**
 * Quick fixes for the diagnostics whose fix is certain, refactorings Rekordbox's own window offers
 * (DUPLICATE for decks 1–4, DUPLICATE for the next deck of a one-row-per-channel file, MIDI OUT =
 * MIDI IN for a function with a light), and
 * `source.fixAll.rekordboxMidi`, which applies every certain fix at once (for on-save fixing).
 * Every edit is one WorkspaceEdit: one undo step in the editor.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { buildDeckCopyIndex, duplicateForDeckEdit, planDuplicateForDeck } from '../edits/duplicateForDeck';
import { duplicateForDecksEdit } from '../edits/duplicateForDecks';
import { rowEdit, rowText } from '../edits/rowEdit';
import {
  copyInputToOutput,
  cutLongCodes,
  fieldValues,
  quotedIndexes,
  removeStrayField,
  trimEmptyExtraFields,
  unquoteField,
  upperCaseCodes,
} from '../edits/rowFixes';
import { Column } from '../model/columns';
import { MappingModel, Row, rowWithValues } from '../model/mappingModel';
import { uniformPaddedCount } from '../rules/fieldCount';
import { SOURCE } from '../rules/ruleContext';

export const FIX_ALL_KIND = 'source.fixAll.rekordboxMidi';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

export interface CodeActionParams {
  uri: string;
  range: Range;
  diagnostics: Diagnostic[];
  /** The kinds the editor asked for, if any (e.g. only `source.fixAll` on save). */
  only?: string[];
}

export const DUPLICATE_TITLE = 'Duplicate for decks 1–4 (deck channels 0,1,2,3)';

function action(title: string, kind: string, uri: string, edits: TextEdit[], diagnostic?: Diagnostic, isPreferred = false): CodeAction {
  const result: CodeAction = { title, kind, edit: { changes: { [uri]: edits } } };
  if (diagnostic) result.diagnostics = [diagnostic];
  if (isPreferred) result.isPreferred = true;
  return result;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some(o => kind === o || kind.startsWith(o + '.'));
}

export function computeCodeActions(model: MappingModel, params: CodeActionParams, catalog: FunctionCatalog = defaultCatalog): CodeAction[] {
  const actions: CodeAction[] = [];
  const { uri, only } = params;
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      actions.push(...quickFixes(model, uri, diagnostic));
    }
  }
  const row = model.rows[params.range.start.line];
  if (row && row.kind === 'mapping' && wants(only, CodeActionKind.RefactorRewrite)) {
    const index = buildDeckCopyIndex(model);
    const filled = duplicateForDecksEdit(model, row, index);
    if (filled) actions.push(action(DUPLICATE_TITLE, CodeActionKind.RefactorRewrite, uri, [filled]));
    // The same plan as the mapping table's "for deck N" (rowActions.ts), titled with its result.
    const copy = planDuplicateForDeck(model, row, index).plan;
    if (copy) actions.push(action(copy.title, CodeActionKind.RefactorRewrite, uri, [duplicateForDeckEdit(model, row, copy)]));
    const fn = catalog.get(row.cells[Column.Function]?.value ?? '');
    if (fn?.hasLight) {
      const lit = rowEdit(model, row, copyInputToOutput(row));
      if (lit) actions.push(action(`Copy MIDI IN to MIDI OUT (${fn.name} has a light)`, CodeActionKind.RefactorRewrite, uri, [lit]));
    }
    const upper = rowEdit(model, row, upperCaseCodes(row));
    if (upper) actions.push(action('Upper-case the codes in this row', CodeActionKind.RefactorRewrite, uri, [upper]));
  }
  if (wants(only, FIX_ALL_KIND) && (only?.some(o => FIX_ALL_KIND.startsWith(o)) ?? false)) {
    const edits = computeFixAllEdits(model);
    if (edits.length) actions.push(action('Fix all certain Rekordbox MIDI problems', FIX_ALL_KIND, uri, edits));
  }
  return actions;
}

function quickFixes(model: MappingModel, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const row = model.rows[diagnostic.range.start.line];
  if (!row) return [];
  const data = (diagnostic.data ?? {}) as { kind?: string; suggestions?: string[] };
  switch (diagnostic.code) {
    case 'unknown-function':
    case 'unknown-type':
    case 'unknown-option': {
      const original = row.line.fields.length ? rowText(model, row).slice(diagnostic.range.start.character, diagnostic.range.end.character) : '';
      const suffix = diagnostic.code === 'unknown-option' && original.includes('=') ? original.slice(original.indexOf('=')) : '';
      return (data.suggestions ?? []).map((s, i) =>
        action(`Replace with '${s}'`, CodeActionKind.QuickFix, uri, [TextEdit.replace(diagnostic.range, s + suffix)], diagnostic, i === 0),
      );
    }
    case 'field-count': {
      if (data.kind === 'shifted') {
        const edit = rowEdit(model, row, removeStrayField(row), new Set());
        return edit ? [action('Remove the stray empty field that shifted this row', CodeActionKind.QuickFix, uri, [edit], diagnostic, true)] : [];
      }
      if (data.kind === 'uniform-padding' || data.kind === 'padding') {
        const edits = trimPaddingEdits(model);
        return edits.length ? [action('Trim the extra empty fields (whole file)', CodeActionKind.QuickFix, uri, edits, diagnostic, true)] : [];
      }
      return [];
    }
    case 'long-code': {
      const edit = rowEdit(model, row, cutLongCodes(row));
      return edit ? [action('Cut to the 4 digits Rekordbox keeps', CodeActionKind.QuickFix, uri, [edit], diagnostic, true)] : [];
    }
    case 'quoted-field': {
      const index = row.line.fields.findIndex(f => f.start === diagnostic.range.start.character);
      const keep = quotedIndexes(row);
      keep.delete(index);
      const edit = rowEdit(model, row, unquoteField(row, index), keep);
      return edit ? [action('Remove the quotes', CodeActionKind.QuickFix, uri, [edit], diagnostic, true)] : [];
    }
    case 'bad-hex': {
      // A letter O or lower-case L typed for a digit is the usual slip: 90O8 → 9008.
      const value = row.line.fields.find(f => f.start === diagnostic.range.start.character)?.value ?? '';
      const fixed = value.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
      if (fixed !== value && /^[0-9A-Fa-f]{4}$/.test(fixed)) {
        const replacement = fixed.toUpperCase();
        return [action(`Replace with '${replacement}'`, CodeActionKind.QuickFix, uri, [TextEdit.replace(diagnostic.range, replacement)], diagnostic, true)];
      }
      return [];
    }
    case 'nonzero-base-channel': {
      const edits = (data as { edits?: TextEdit[] }).edits;
      const title = 'Write channel 0 in the base and each deck’s absolute channel (the deck channels are added)';
      return edits?.length ? [action(title, CodeActionKind.QuickFix, uri, edits, diagnostic, true)] : [];
    }
    case 'mixed-line-endings': {
      const edits = lineEndingEdits(model);
      const name = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' }[model.lineEnding];
      return edits.length ? [action(`Use ${name} on every line`, CodeActionKind.QuickFix, uri, edits, diagnostic, true)] : [];
    }
    case 'identical-rows': {
      // Delete the repeated row with its line ending.
      const line = row.line.line;
      const range = row.line.ending
        ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
        : { start: { line, character: 0 }, end: { line, character: row.line.length } };
      return [action('Delete this repeated row', CodeActionKind.QuickFix, uri, [TextEdit.del(range)], diagnostic, true)];
    }
    case 'non-ascii': {
      const replacement = (data as { kind?: string; replacement?: string }).replacement;
      if ((data as { kind?: string }).kind === 'bom') {
        return [action('Remove the byte order mark', CodeActionKind.QuickFix, uri, [TextEdit.del(diagnostic.range)], diagnostic, true)];
      }
      return replacement !== undefined
        ? [action(`Replace with '${replacement}'`, CodeActionKind.QuickFix, uri, [TextEdit.replace(diagnostic.range, replacement)], diagnostic, true)]
        : [];
    }
    case 'input-on-indicator': {
      if ((data as { kind?: string }).kind !== 'move-to-output' || row.line.fields.length !== 15) return [];
      const values = fieldValues(row);
      values.splice(8, 5, ...values.slice(3, 8));
      values.splice(3, 5, '', '', '', '', '');
      const edit = rowEdit(model, row, values);
      return edit ? [action('Move the code to MIDI OUT', CodeActionKind.QuickFix, uri, [edit], diagnostic, true)] : [];
    }
    default:
      return [];
  }
}

/**
 * Trims empty fields past the columns each row needs, on every row of the file. The `@file` line's
 * padding is harmless and left alone unless the whole file was padded alike.
 */
function trimPaddingEdits(model: MappingModel): TextEdit[] {
  const edits: TextEdit[] = [];
  const wholeFilePadded = uniformPaddedCount(model) !== undefined;
  for (const row of model.rows) {
    if (row.kind === 'file' && !wholeFilePadded) continue;
    const edit = rowEdit(model, row, trimEmptyExtraFields(row));
    if (edit) edits.push(edit);
  }
  return edits;
}

/**
 * Every certain fix at once: upper-case codes, cut 6-hex codes, trim empty padding, remove a
 * stray field where exactly one reading is best, and one line ending throughout.
 */
export function computeFixAllEdits(model: MappingModel): TextEdit[] {
  const edits: TextEdit[] = [];
  const wholeFilePadded = uniformPaddedCount(model) !== undefined;
  for (const row of model.rows) {
    if (row.kind === 'empty') continue;
    const original = fieldValues(row);
    let values = original;
    let keep = quotedIndexes(row);
    const apply = (fix: (r: Row) => string[] | undefined) => {
      const next = fix(rowWithValues(row, values));
      if (next) values = next;
    };
    if (row.kind !== 'file' || wholeFilePadded) apply(trimEmptyExtraFields);
    if (values.length > 15) {
      const stray = removeStrayField(rowWithValues(row, values));
      if (stray) {
        values = stray;
        keep = new Set();
      }
    }
    apply(upperCaseCodes);
    apply(cutLongCodes);
    const edit = values === original ? undefined : rowEdit(model, row, values, keep);
    if (edit) edits.push(edit);
  }
  edits.push(...lineEndingEdits(model));
  return edits;
}

/** Rewrites every line ending that differs from the file's dominant one. */
export function lineEndingEdits(model: MappingModel): TextEdit[] {
  const target = model.lineEnding;
  const edits: TextEdit[] = [];
  for (const row of model.rows) {
    const { line, length, ending } = row.line;
    if (ending === '' || ending === target) continue;
    edits.push(TextEdit.replace({ start: { line, character: length }, end: { line: line + 1, character: 0 } }, target));
  }
  return edits;
}
