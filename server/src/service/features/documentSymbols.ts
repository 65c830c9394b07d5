/**
 * Outline (and so breadcrumbs and "Go to Symbol in Editor"): factory sections (`# Deck` …) as
 * containers, mapping rows as their children, named by the Rekordbox function, with the control
 * label and MIDI IN code as detail. Rows before the first section sit at the top level; an EXPORT
 * file (no sections) is a flat list. The `@file` line, the header row, separator rows and empty
 * lines are not symbols.
 *
 * A disabled row (`#Name`) keeps its name as written and carries the Deprecated tag (struck
 * through in VS Code's outline) and a detail starting with "disabled". A `#` row is
 * "(no function)"; an empty column 0 is "(empty)": VS Code rejects symbols with blank names.
 *
 * Ranges: a row's range is its whole line and its selection range the function cell; a section's
 * range runs from its row to its last non-empty row, its selection range is its `# Name` cell.
 * One pass over the rows; never throws.
 */
import { DocumentSymbol, Range, SymbolKind, SymbolTag } from 'vscode-languageserver-types';
import { Column } from '../model/columns';
import { readCode } from '../model/expandDeckCodes';
import { cellValue, inputCodesOf, MappingModel, MappingRow, outputCodesOf } from '../model/mappingModel';
import { formatCode } from '../midi/midiCode';
import { cellRange, lineRange } from '../util/ranges';

/** Names and details are cut here: a pasted megabyte in one cell must not become a megabyte symbol. */
const MAX_TEXT = 120;

export function computeDocumentSymbols(model: MappingModel): DocumentSymbol[] {
  const top: DocumentSymbol[] = [];
  const sectionSymbols: DocumentSymbol[] = model.sections.map(section => {
    const row = section.row;
    const endLine = Math.max(section.endLine, row.line.line);
    const last = model.rows[endLine] ?? row;
    const range: Range = { start: { line: row.line.line, character: 0 }, end: { line: endLine, character: last.line.length } };
    return {
      name: clip(section.name) || '(section)',
      kind: SymbolKind.Namespace,
      range,
      selectionRange: cellRange(row, 0),
      children: [],
    };
  });
  let nextSection = 0;
  for (const row of model.rows) {
    if (row.kind === 'section') {
      // Sections appear in the outline where their row is, between the top-level rows.
      if (nextSection < sectionSymbols.length) top.push(sectionSymbols[nextSection++]);
      continue;
    }
    if (row.kind !== 'mapping') continue;
    const symbol = rowSymbol(row as MappingRow);
    const parent = row.section >= 0 ? sectionSymbols[row.section] : undefined;
    if (parent) parent.children!.push(symbol);
    else top.push(symbol);
  }
  return top;
}

function rowSymbol(row: MappingRow): DocumentSymbol {
  const details: string[] = [];
  let name: string;
  let kind: SymbolKind = SymbolKind.Function;
  let tags: SymbolTag[] | undefined;
  switch (row.functionState) {
    case 'assigned':
      name = row.functionName;
      break;
    case 'disabled':
      name = row.functionName;
      tags = [SymbolTag.Deprecated];
      details.push('disabled');
      break;
    case 'none':
      name = '(no function)';
      kind = SymbolKind.Null;
      break;
    case 'noFunction':
      name = 'NoFunction';
      kind = SymbolKind.Null;
      break;
    default:
      name = '(empty)';
      kind = SymbolKind.Null;
      break;
  }
  const control = row.control.trim();
  // Factory rows often repeat the function as the label: say it once.
  if (control !== '' && control !== row.baseFunctionName) details.push(control);
  const codes = codeSummary(row);
  if (codes) details.push(codes);
  if (row.functionState === 'none' && control === '' && !codes) {
    // Hand-made files use `#,,,…,=== Heading ===` rows as comments: show the comment.
    const comment = cellValue(row, Column.Comment).trim();
    if (comment) details.push(comment);
  }
  const symbol: DocumentSymbol = {
    name: clip(name.trim()) || '(empty)',
    detail: clip(details.join(' · ')),
    kind,
    range: lineRange(row),
    selectionRange: cellRange(row, 0),
  };
  if (tags) symbol.tags = tags;
  return symbol;
}

/** The MIDI IN code as written (`9047`), else the per-deck codes (`9646 9647`), else `out B61F`. */
function codeSummary(row: MappingRow): string {
  const base = cellValue(row, Column.Input);
  const baseCode = base !== '' ? readCode(base, false) : undefined;
  if (baseCode !== undefined) return formatCode(baseCode);
  const input = distinctCodes(inputCodesOf(row).map(c => c.code));
  if (input) return input;
  const output = distinctCodes(outputCodesOf(row).map(c => c.code));
  return output ? `out ${output}` : '';
}

function distinctCodes(codes: number[]): string {
  const seen: string[] = [];
  for (const code of codes) {
    const text = formatCode(code);
    if (!seen.includes(text)) seen.push(text);
  }
  return seen.join(' ');
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + '…' : text;
}
