/**
 * Formatting to the canonical shape Rekordbox itself writes, as minimal edits (one per changed
 * line, touching only the characters that change, so the cursor and undo stay put).
 *
 * The canonical form, line by line:
 * - The `@file` line (line 1 when it starts with `@`) is left as it is: factory files give it
 *   3 fields, hand-made ones pad it, and its device name must match the controller, so not even
 *   trailing spaces are touched.
 * - Empty lines stay empty; a line of only spaces or tabs becomes empty.
 * - Every other row (mapping, header, section and separator rows alike) has 15 fields: a short row
 *   is padded with empty fields; a longer one loses only trailing extra fields that are empty (or
 *   blank), never a field with text, so a shifted row (text past column 15) keeps its text.
 * - Spaces and tabs at the end of the line are removed (only there: inside a row they may matter).
 * - MIDI codes in the code and deck columns (4 or 6 hex digits) are upper-case, as Rekordbox writes.
 * - Every line ending is the file's dominant one (CRLF when the file has none yet, as Rekordbox
 *   writes); the last line keeps having no ending unless `insertFinalNewline` asks for one.
 * - A line with an unclosed quote keeps its content (adding commas after it would change how it
 *   splits); only its ending is normalised.
 *
 * Every file Rekordbox wrote (factory and EXPORT) is already in this form: formatting leaves it
 * byte for byte unchanged (tested on the corpus). Idempotent, never drops text, never throws;
 * one pass over the lines.
 */
import { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { Column, COLUMN_COUNT } from '../model/columns';
import { MappingModel, parseMapping, Row } from '../model/mappingModel';
import { LineEnding } from '../parse/tokenizeCsv';

/** The LSP formatting options this formatter reads (the indentation ones mean nothing in a CSV). */
export type MappingFormattingOptions = Pick<Partial<FormattingOptions>, 'insertFinalNewline' | 'trimFinalNewlines'>;

interface LinePlan {
  row: Row;
  content: string;
  ending: LineEnding;
}

export function computeFormattingEdits(model: MappingModel, options: MappingFormattingOptions = {}): TextEdit[] {
  const plans = planLines(model, 0, model.rows.length - 1);
  applyFinalNewlineOptions(model, plans, options);
  const trim = trimFinalNewlinesEdit(model, plans, options);
  const edits: TextEdit[] = [];
  for (const plan of plans) {
    if (trim && plan.row.line.line >= trim.range.start.line) break;
    const edit = editFor(model, plan);
    if (edit) edits.push(edit);
  }
  if (trim) edits.push(trim);
  return edits;
}

/** Formats the lines the range touches (a range ending at the start of a line leaves that line out). */
export function computeRangeFormattingEdits(model: MappingModel, range: Range): TextEdit[] {
  const first = Math.max(0, range.start.line);
  let last = Math.min(model.rows.length - 1, range.end.line);
  if (range.end.line > range.start.line && range.end.character === 0 && last === range.end.line) last--;
  const edits: TextEdit[] = [];
  for (const plan of planLines(model, first, last)) {
    const edit = editFor(model, plan);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** The whole text formatted (for the command line and tests); same result as applying the edits. */
export function formatText(text: string, options: MappingFormattingOptions = {}): string {
  const model = parseMapping(text);
  const plans = planLines(model, 0, model.rows.length - 1);
  applyFinalNewlineOptions(model, plans, options);
  const keep = options.trimFinalNewlines ? lastNonBlankLine(plans) : -1;
  let out = '';
  for (const plan of plans) {
    if (keep >= 0 && plan.row.line.line > keep) break;
    out += plan.content + plan.ending;
  }
  return out;
}

/** The canonical content (without its ending) of one row's line. */
export function formatRow(model: MappingModel, row: Row): string {
  const line = row.line;
  const text = model.csv.text.slice(line.offset, line.offset + line.length);
  if (row.kind === 'file' || (line.line === 0 && text.startsWith('@'))) return text;
  if (row.kind === 'empty' || isBlank(text)) return '';
  const count = line.values.length;
  for (let i = 0; i < count; i++) if (line.isUnterminated(i)) return text;

  const raw: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) raw[i] = text.slice(line.fieldStart(i), line.fieldEnd(i));
  // Trailing blanks at the line's end go; so do empty fields past column 15, and only those.
  for (;;) {
    const lastIndex = raw.length - 1;
    raw[lastIndex] = trimEndBlanks(raw[lastIndex]);
    if (raw.length > COLUMN_COUNT && raw[lastIndex] === '') raw.pop();
    else break;
  }
  while (raw.length < COLUMN_COUNT) raw.push('');
  if (row.kind === 'mapping') {
    for (let column = Column.Input; column <= Column.OutputDeck4; column++) {
      if (isHexCode(raw[column])) raw[column] = raw[column].toUpperCase();
    }
  }
  return raw.join(',');
}

function planLines(model: MappingModel, first: number, last: number): LinePlan[] {
  const plans: LinePlan[] = [];
  for (let i = first; i <= last; i++) {
    const row = model.rows[i];
    plans.push({ row, content: formatRow(model, row), ending: row.line.ending === '' ? '' : model.lineEnding });
  }
  return plans;
}

function applyFinalNewlineOptions(model: MappingModel, plans: LinePlan[], options: MappingFormattingOptions): void {
  if (!options.insertFinalNewline || plans.length === 0) return;
  const last = plans[plans.length - 1];
  if (last.row.line.ending === '' && last.content !== '') last.ending = model.lineEnding;
}

function lastNonBlankLine(plans: LinePlan[]): number {
  for (let i = plans.length - 1; i >= 0; i--) if (plans[i].content !== '') return plans[i].row.line.line;
  return -1;
}

/**
 * With `trimFinalNewlines`, lines after the last non-blank line's ending are deleted in one edit,
 * and their own per-line edits dropped (edits must not overlap).
 */
function trimFinalNewlinesEdit(model: MappingModel, plans: LinePlan[], options: MappingFormattingOptions): TextEdit | undefined {
  if (!options.trimFinalNewlines) return undefined;
  const keep = lastNonBlankLine(plans);
  const lastRow = model.rows[model.rows.length - 1];
  if (keep < 0 || keep >= lastRow.line.line) return undefined;
  if (keep + 1 === lastRow.line.line && lastRow.line.length === 0) return undefined;
  return {
    range: { start: { line: keep + 1, character: 0 }, end: { line: lastRow.line.line, character: lastRow.line.length } },
    newText: '',
  };
}

function editFor(model: MappingModel, plan: LinePlan): TextEdit | undefined {
  const line = plan.row.line;
  const old = model.csv.text.slice(line.offset, line.offset + line.length);
  const endingChanges = line.ending !== plan.ending;
  if (old === plan.content && !endingChanges) return undefined;
  const now = plan.content;
  let prefix = 0;
  const shorter = Math.min(old.length, now.length);
  while (prefix < shorter && old.charCodeAt(prefix) === now.charCodeAt(prefix)) prefix++;
  const n = line.line;
  if (endingChanges) {
    // The edit runs to the start of the next line (a position inside CRLF would be clamped by editors).
    const end = line.ending === '' ? { line: n, character: line.length } : { line: n + 1, character: 0 };
    return { range: { start: { line: n, character: prefix }, end }, newText: now.slice(prefix) + plan.ending };
  }
  let suffix = 0;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === now.charCodeAt(now.length - 1 - suffix)) suffix++;
  return {
    range: { start: { line: n, character: prefix }, end: { line: n, character: old.length - suffix } },
    newText: now.slice(prefix, now.length - suffix),
  };
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function trimEndBlanks(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== 9) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** 4 or 6 hex digits, unquoted (a quoted cell is left as written). */
function isHexCode(text: string): boolean {
  if (text.length !== 4 && text.length !== 6) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    if (!hex) return false;
  }
  return true;
}
