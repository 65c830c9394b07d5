/**
 * Completion by column: functions in column 1, control modifiers after `+`, types, options (after
 * `;` too, valued ones as snippets), and channels in deck columns with the code they make.
 */
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  MarkupKind,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { CONTROL_TYPES } from '../catalog/controlTypes';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { OPTIONS } from '../catalog/options';
import { Column, isInputDeckColumn, isOutputDeckColumn } from '../model/columns';
import { readCode } from '../model/expandDeckCodes';
import { cellValue, columnAt, MappingModel, Row } from '../model/mappingModel';
import { decodeCode, describeCode, formatCode, isChannelMessage } from '../midi/midiCode';

const MODIFIERS = [
  { name: 'Shift', description: 'The control with SHIFT held.' },
  { name: 'LongPress', description: 'The control held down (long press).' },
  { name: 'Press', description: 'The knob or encoder pushed.' },
];

export interface CompletionOptions {
  /**
   * The client takes a list-wide edit range (LSP 3.17 `itemDefaults.editRange`): the long function
   * list then carries no per-item edit, which keeps its round trip short.
   */
  itemDefaultsEditRange?: boolean;
}

export function computeCompletion(
  model: MappingModel,
  position: Position,
  catalog: FunctionCatalog = defaultCatalog,
  options: CompletionOptions = {},
): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const row = model.rows[position.line];
  if (!row || row.kind === 'file' || row.kind === 'header' || row.kind === 'section') return empty;
  const column = row.kind === 'empty' ? 0 : columnAt(row, position.character);
  const field = row.line.fields[column];
  const fieldStart = field?.start ?? 0;
  const fieldEnd = field?.end ?? 0;
  const line = position.line;
  const range = (start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
  const typed = (field?.value ?? '').slice(0, Math.max(0, position.character - fieldStart));

  if (column === Column.Function) {
    const editRange = range(fieldStart, fieldEnd);
    // Once something is typed, only the names that contain its letters in order are sent, marked
    // incomplete so the editor asks again as the word changes: a few items instead of ~900.
    const all = functionItems(catalog);
    const items = typed === '' ? all : all.filter(item => containsInOrder(item.label, typed));
    const isIncomplete = typed !== '';
    if (options.itemDefaultsEditRange) return { isIncomplete, itemDefaults: { editRange }, items };
    return { isIncomplete, items: items.map(item => ({ ...item, textEdit: { range: editRange, newText: item.label } })) };
  }
  if (column === Column.Control) {
    const plus = typed.lastIndexOf('+');
    if (plus >= 0) {
      const start = fieldStart + plus + 1;
      const segmentEnd = (field?.value ?? '').indexOf('+', plus + 1);
      const end = segmentEnd < 0 ? fieldEnd : fieldStart + segmentEnd;
      return {
        isIncomplete: false,
        items: MODIFIERS.map(m => ({
          label: m.name,
          kind: CompletionItemKind.EnumMember,
          detail: 'modifier',
          documentation: m.description,
          textEdit: { range: range(start, end), newText: m.name },
        })),
      };
    }
    const fn = cellValue(row, Column.Function);
    if (fn && !fn.startsWith('#')) {
      return {
        isIncomplete: false,
        items: [
          {
            label: fn,
            kind: CompletionItemKind.Value,
            detail: 'same as the function (factory style)',
            textEdit: { range: range(fieldStart, fieldEnd), newText: fn },
          },
        ],
      };
    }
    return empty;
  }
  if (column === Column.Type) {
    return {
      isIncomplete: false,
      items: CONTROL_TYPES.map((t, i) => ({
        label: t.name,
        kind: CompletionItemKind.Class,
        detail: t.evidence === 'files' ? 'type' : 'type (reported, not seen in files)',
        documentation: t.description,
        sortText: String(i).padStart(3, '0'),
        textEdit: { range: range(fieldStart, fieldEnd), newText: t.name },
      })),
    };
  }
  if (column === Column.Options) {
    const semicolon = typed.lastIndexOf(';');
    const start = fieldStart + semicolon + 1;
    const nextSemicolon = (field?.value ?? '').indexOf(';', semicolon + 1);
    const end = nextSemicolon < 0 ? fieldEnd : fieldStart + nextSemicolon;
    return {
      isIncomplete: false,
      items: OPTIONS.map((o, i) => ({
        label: o.takesValue ? `${o.name}=` : o.name,
        kind: CompletionItemKind.Property,
        detail: 'option',
        documentation: o.description,
        sortText: String(i).padStart(3, '0'),
        insertTextFormat: o.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: range(start, end), newText: o.snippet ?? o.name },
      })),
    };
  }
  if (isInputDeckColumn(column) || isOutputDeckColumn(column)) {
    return { isIncomplete: false, items: channelItems(row, column, range(fieldStart, fieldEnd)) };
  }
  return empty;
}

let functionItemsCache: { catalog: FunctionCatalog; items: CompletionItem[] } | undefined;

/**
 * The function names, built once per catalog. Documentation is left to `resolveCompletionItem`
 * (the editor asks for it only for the item it shows), so the ~900-item list stays small.
 */
function functionItems(catalog: FunctionCatalog): CompletionItem[] {
  if (functionItemsCache?.catalog !== catalog) {
    const items: CompletionItem[] = catalog.entries.map(e => {
      const item: CompletionItem = {
        label: e.name,
        kind: CompletionItemKind.Function,
        detail: `${e.tab}${e.types.length ? ' · ' + e.types.join(', ') : ''}${e.evidence === 'rekordbox' ? '' : ' · unverified'}`,
      };
      // Names seen in Rekordbox's own files sort by their label; the others after them ('~' sorts
      // after every letter). Leaving sortText out of the first keeps the list small.
      if (e.evidence !== 'rekordbox') item.sortText = `~${e.name}`;
      return item;
    });
    items.push(
      { label: '#', kind: CompletionItemKind.Keyword, detail: 'no function', documentation: 'No function assigned to this control.', sortText: '~~#' },
      {
        label: 'NoFunction',
        kind: CompletionItemKind.Keyword,
        detail: 'learned, unassigned',
        documentation: 'What Rekordbox EXPORT writes for a learned code with no function.',
        sortText: '~~NoFunction',
      },
    );
    functionItemsCache = { catalog, items };
  }
  return functionItemsCache.items;
}

/** Adds the documentation of a function item (`completionItem/resolve`). */
export function resolveCompletionItem(item: CompletionItem, catalog: FunctionCatalog = defaultCatalog): CompletionItem {
  // The label is the function name: no `data` needed, which keeps the list smaller.
  const entry = item.kind === CompletionItemKind.Function ? catalog.get(item.label) : undefined;
  if (!entry) return item;
  return {
    ...item,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `${entry.description || 'No description known.'}\n\n${entry.tab} tab${entry.hasLight ? ' · has a light' : ''}`,
    },
  };
}

function channelItems(row: Row, column: number, range: Range): CompletionItem[] {
  const input = isInputDeckColumn(column);
  const deck = column - (input ? Column.InputDeck1 : Column.OutputDeck1) + 1;
  const base = readCode(cellValue(row, input ? Column.Input : Column.Output), !input);
  const items: CompletionItem[] = [];
  for (let channel = 0; channel <= 15; channel++) {
    let detail = `channel ${channel} (ch ${channel + 1})`;
    if (base !== undefined && isChannelMessage(base)) {
      const effective = ((base >> 8) & 0x0f) + channel;
      if (effective > 15) break;
      const code = (base & 0xf0ff) | (effective << 8);
      detail = `deck ${deck} → ${formatCode(code)}: ${describeCode(decodeCode(code))}`;
    }
    items.push({
      label: String(channel),
      kind: CompletionItemKind.Value,
      detail,
      sortText: String(channel).padStart(2, '0'),
      textEdit: { range, newText: String(channel) },
    });
  }
  return items;
}

/** True when every character of `typed` appears in `label` in order, ignoring case (the editor's own filter is at least as strict). */
function containsInOrder(label: string, typed: string): boolean {
  const l = label.toLowerCase();
  const t = typed.toLowerCase();
  let at = 0;
  for (const ch of t) {
    at = l.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
