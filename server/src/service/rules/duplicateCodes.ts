/**
 * `duplicate-code`: "One MIDI code cannot be assigned to multiple functions" (Rekordbox's guide,
 * §3.5). Every row is expanded to the codes each deck really receives; rows that assign nothing
 * (`#`, `#Name`, `NoFunction`, empty) and output-only rows (Indicator, JogIndicator, Parameter)
 * are left out, as real files show they must be. The same function on several rows is allowed.
 *
 * Linear in rows: codes are grouped in one map, and each diagnostic names at most
 * MAX_RELATED other rows, so one code on thousands of rows cannot go quadratic.
 */
import { DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import { assignsInput, findConflictingCodes } from '../model/codeConflicts';
import { DeckCode } from '../model/expandDeckCodes';
import { MappingRow } from '../model/mappingModel';
import { decodeCode, describeCode, formatCode } from '../midi/midiCode';
import { cellRange } from '../util/ranges';
import { defineRule } from './ruleContext';

const MAX_RELATED = 10;

interface Use {
  row: MappingRow;
  deckCode: DeckCode;
}

export const duplicateCodesRule = defineRule({
  codes: {
    'duplicate-code': {
      levels: ['error'],
      summary: 'the same effective MIDI IN code on two functions, per deck',
      docs: 'docs/diagnostics.md#duplicate-code',
    },
  },
  check: ({ model, uri, report, inputCodes }) => {
    // First, allocation-free: the codes a second function also uses. Real files have none, so
    // collecting the uses below usually does nothing.
    const conflicted = findConflictingCodes(model, inputCodes);
    if (conflicted.size === 0) return;

    const usesByCode = new Map<number, Use[]>();
    for (const row of model.mappingRows) {
      if (!assignsInput(row)) continue;
      for (const deckCode of inputCodes(row)) {
        if (!conflicted.has(deckCode.code)) continue;
        let uses = usesByCode.get(deckCode.code);
        if (!uses) usesByCode.set(deckCode.code, (uses = []));
        uses.push({ row, deckCode });
      }
    }

    for (const [code, uses] of usesByCode) {
      const description = describeCode(decodeCode(code));
      const countByFunction = new Map<string, number>();
      for (const u of uses) countByFunction.set(u.row.functionName, (countByFunction.get(u.row.functionName) ?? 0) + 1);
      const candidates = relatedCandidates(uses);
      for (const use of uses) {
        const shown = candidates.filter(u => u.row.functionName !== use.row.functionName).slice(0, MAX_RELATED);
        const named = shown
          .slice(0, 3)
          .map(o => `${o.row.functionName} (line ${o.row.line.line + 1}${o.deckCode.deck ? `, deck ${o.deckCode.deck}` : ''})`);
        const more = uses.length - countByFunction.get(use.row.functionName)! - named.length;
        const relatedInformation: DiagnosticRelatedInformation[] = shown.map(o => ({
          location: { uri, range: cellRange(o.row, o.deckCode.column) },
          message: `${formatCode(code)} also triggers ${o.row.functionName}${o.deckCode.deck ? ` (deck ${o.deckCode.deck})` : ''}`,
        }));
        const where = use.deckCode.deck ? ` on deck ${use.deckCode.deck}` : '';
        report(
          'duplicate-code',
          DiagnosticSeverity.Error,
          cellRange(use.row, use.deckCode.column),
          `${formatCode(code)}${where} also triggers ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}: ` +
            `Rekordbox lets one MIDI code trigger only one function (${formatCode(code)} = ${description}).`,
          { relatedInformation, data: { code: formatCode(code) } },
        );
      }
    }
  },
});

/**
 * The first uses in file order, at most MAX_RELATED of any one function and 2 × MAX_RELATED in all:
 * for every function F this still holds MAX_RELATED uses of other functions (or all there are),
 * so each diagnostic picks its related rows from a short list instead of from every use.
 */
function relatedCandidates(uses: Use[]): Use[] {
  const kept: Use[] = [];
  const perFunction = new Map<string, number>();
  for (const use of uses) {
    const n = perFunction.get(use.row.functionName) ?? 0;
    if (n >= MAX_RELATED) continue;
    perFunction.set(use.row.functionName, n + 1);
    kept.push(use);
    if (kept.length >= 2 * MAX_RELATED) break;
  }
  return kept;
}
