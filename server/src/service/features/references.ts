/**
 * Same-code navigation: on a MIDI code cell (base or deck, MIDI IN or OUT), every row whose
 * expanded codes (what each deck really receives and is sent) include that code, each location
 * on the cell that makes the code: the deck cell for a deck channel (`1` in `900B,0,1,2,3` makes
 * `910B`), the base cell for a code that serves every deck.
 *
 * The codes searched: a deck cell → the code its deck gets; a base cell → every code it makes
 * (`900B,0,1,2,3` on `900B` → 900B, 910B, 920B, 930B; the base cell itself is included), or the
 * code as written when no deck gets one from it.
 *
 * Highlight kinds, from Rekordbox's side of the cable: MIDI IN is Read (Rekordbox reads the code
 * the controller sends), MIDI OUT is Write (Rekordbox writes it to light the control). Themes
 * give Read and Write different backgrounds, so in and out uses of one code look different.
 *
 * On the function cell (column 0 of a row with a real or disabled function), the rows with the
 * same function (`#Name` counts as `Name`) as Text highlights: the server's highlight provider
 * replaces VS Code's word highlighting, which would otherwise be lost on function names.
 *
 * One pass over the mapping rows (each row's codes expanded once); never throws.
 */
import { DocumentHighlight, DocumentHighlightKind, Location, Position } from 'vscode-languageserver-types';
import { Column, isCodeColumn, isInputDeckColumn } from '../model/columns';
import { readCode } from '../model/expandDeckCodes';
import { cellValue, columnAt, inputCodesOf, MappingModel, MappingRow, outputCodesOf } from '../model/mappingModel';
import { cellRange } from '../util/ranges';

interface Hit {
  row: MappingRow;
  /** The column of the cell. */
  column: number;
  kind: DocumentHighlightKind;
}

interface Query {
  /** The codes searched, or undefined for a function-name search. */
  codes?: Set<number>;
  functionName?: string;
  /** The cell under the cursor (always part of the result). */
  origin: Hit;
}

export function computeDocumentHighlights(model: MappingModel, position: Position): DocumentHighlight[] {
  return findHits(model, position).map(hit => ({ range: cellRange(hit.row, hit.column), kind: hit.kind }));
}

export function computeReferences(model: MappingModel, position: Position, uri: string, includeDeclaration = true): Location[] {
  const query = queryAt(model, position);
  if (!query) return [];
  const locations: Location[] = [];
  for (const hit of collect(model, query)) {
    if (!includeDeclaration && isSameCell(hit, query.origin)) continue;
    locations.push({ uri, range: cellRange(hit.row, hit.column) });
  }
  return locations;
}

function isSameCell(a: Hit, b: Hit): boolean {
  return a.row === b.row && a.column === b.column;
}

function findHits(model: MappingModel, position: Position): Hit[] {
  const query = queryAt(model, position);
  return query ? collect(model, query) : [];
}

function queryAt(model: MappingModel, position: Position): Query | undefined {
  const row = model.rows[position.line];
  if (!row || row.kind !== 'mapping') return undefined;
  const mapping = row as MappingRow;
  const column = columnAt(row, position.character);
  const value = cellValue(row, column);
  if (value === '') return undefined;

  if (column === Column.Function) {
    if (mapping.functionState !== 'assigned' && mapping.functionState !== 'disabled') return undefined;
    return { functionName: mapping.baseFunctionName, origin: { row: mapping, column, kind: DocumentHighlightKind.Text } };
  }
  if (!isCodeColumn(column)) return undefined;
  const input = column === Column.Input || isInputDeckColumn(column);
  const kind = input ? DocumentHighlightKind.Read : DocumentHighlightKind.Write;
  const codes = new Set<number>();
  for (const deckCode of input ? inputCodesOf(mapping) : outputCodesOf(mapping)) {
    if (deckCode.column === column || deckCode.baseColumn === column) codes.add(deckCode.code);
  }
  if (codes.size === 0 && (column === Column.Input || column === Column.Output)) {
    // A base code no deck gets (its deck cells are invalid or push the channel past 15): search it as written.
    const written = readCode(value, !input);
    if (written !== undefined) codes.add(written);
  }
  if (codes.size === 0) return undefined;
  return { codes, origin: { row: mapping, column, kind } };
}

function collect(model: MappingModel, query: Query): Hit[] {
  const hits: Hit[] = [];
  const { codes, functionName, origin } = query;
  for (const row of model.mappingRows) {
    if (codes) {
      const start = hits.length;
      for (const deckCode of inputCodesOf(row)) {
        if (codes.has(deckCode.code)) hits.push({ row, column: deckCode.column, kind: DocumentHighlightKind.Read });
      }
      for (const deckCode of outputCodesOf(row)) {
        if (codes.has(deckCode.code)) hits.push({ row, column: deckCode.column, kind: DocumentHighlightKind.Write });
      }
      if (row === origin.row) {
        if (!hits.slice(start).some(h => isSameCell(h, origin))) hits.push(origin);
        sortRowHits(hits, start);
      }
    } else if (
      (row.functionState === 'assigned' || row.functionState === 'disabled') &&
      row.baseFunctionName === functionName
    ) {
      hits.push({ row, column: Column.Function, kind: DocumentHighlightKind.Text });
    }
  }
  return hits;
}

/** Keeps one row's hits (from `start` on) in column order after the origin cell was added. */
function sortRowHits(hits: Hit[], start: number): void {
  const rowHits = hits.splice(start).sort((a, b) => a.row.line.fieldStart(a.column) - b.row.line.fieldStart(b.column));
  hits.push(...rowHits);
}
