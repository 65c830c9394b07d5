/**
 * Semantic tokens, only where they add what the TextMate grammar cannot know (the grammar colours
 * every cell by its column already):
 *
 * - A function name the catalog knows: `function` + `defaultLibrary` (themes colour it as a
 *   library function, `support.function`); one it does not know: `function` + `unknown`
 *   (falls back to the plain function colour; users can style `function.unknown`).
 * - A disabled row (`#Name`): the whole line as `comment` + `disabled`: Rekordbox ignores the row,
 *   so its codes and options are greyed too (the grammar can only grey its first cell).
 * - A conflicting code (a MIDI IN code that also triggers another function, the `duplicate-code`
 *   error): `number` + `conflict` on the cell that makes the code; package.json maps
 *   `number.conflict` to `invalid.illegal`, which themes paint red.
 *
 * `#`, `NoFunction` and empty function cells get no token: the grammar already says what they are.
 * Standard token types, so every theme that enables semantic highlighting colours them.
 * One pass over the rows (plus one for the conflicts); never throws.
 */
import { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { assignsInput, findConflictingCodes } from '../model/codeConflicts';
import { Column } from '../model/columns';
import { inputCodesOf, MappingModel, MappingRow } from '../model/mappingModel';

export const TOKEN_TYPES = ['function', 'comment', 'number'] as const;
export const TOKEN_MODIFIERS = ['defaultLibrary', 'unknown', 'disabled', 'conflict'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

/** The legend for `semanticTokensProvider` in the server's capabilities. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

const TYPE_INDEX = (type: TokenType): number => TOKEN_TYPES.indexOf(type);
const MODIFIER_BIT = (modifier: TokenModifier): number => 1 << TOKEN_MODIFIERS.indexOf(modifier);

export function computeSemanticTokens(model: MappingModel, catalog: FunctionCatalog = defaultCatalog): SemanticTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousStart = 0;
  const push = (line: number, start: number, length: number, type: TokenType, modifiers: number): void => {
    if (length <= 0) return;
    data.push(line - previousLine, line === previousLine ? start - previousStart : start, length, TYPE_INDEX(type), modifiers);
    previousLine = line;
    previousStart = start;
  };

  const conflicts = findConflictingCodes(model);
  const pushCell = (row: MappingRow, column: number, type: TokenType, modifiers: number): void => {
    const start = row.line.fieldStart(column);
    push(row.line.line, start, row.line.fieldEnd(column) - start, type, modifiers);
  };
  const cellColumns: number[] = [];
  for (const row of model.mappingRows) {
    const line = row.line.line;
    if (row.functionState === 'disabled') {
      push(line, 0, row.line.length, 'comment', MODIFIER_BIT('disabled'));
      continue;
    }
    if (row.functionState !== 'assigned') continue;
    const known = catalog.has(row.functionName);
    pushCell(row, Column.Function, 'function', MODIFIER_BIT(known ? 'defaultLibrary' : 'unknown'));
    if (conflicts.size === 0 || !assignsInput(row)) continue;
    // Conflicting cells, each once, in column order (a row's deck codes come in column order already).
    cellColumns.length = 0;
    for (const deckCode of inputCodesOf(row)) {
      if (!conflicts.has(deckCode.code) || cellColumns.includes(deckCode.column)) continue;
      cellColumns.push(deckCode.column);
      pushCell(row, deckCode.column, 'number', MODIFIER_BIT('conflict'));
    }
  }
  return { data };
}

