/**
 * `rekordboxMidi/mappingRows`: every mapping row with the codes each deck really receives (MIDI IN)
 * and is sent (MIDI OUT), read exactly as the rules read them (model/expandDeckCodes), with what a
 * table like Rekordbox's MIDI window shows: the function's tab and description, the base codes and
 * options as written, whether DUPLICATE applies and, when asked, the diagnostics on each row. The
 * client's MIDI monitor uses it to name the rows a message triggers, the sidebar to light a row, the
 * mapping table to draw the document. Pure; never throws.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { MappingRowCode, MappingRowInfo, MappingRowProblem, MappingRowsResult, MappingTab } from '../../../../protocol/messages';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { SECTION_TAB } from '../catalog/tabs';
import { buildDeckCopyIndex, planDuplicateForDeck } from '../edits/duplicateForDeck';
import { duplicateForDecksEdit } from '../edits/duplicateForDecks';
import { Column } from '../model/columns';
import { impliedLsbCode } from '../model/codeConflicts';
import { DeckCode } from '../model/expandDeckCodes';
import { cellValue, inputCodesOf, MappingModel, MappingRow, outputCodesOf } from '../model/mappingModel';
import { formatCode } from '../midi/midiCode';

const SEVERITY_NAMES: Record<number, MappingRowProblem['severity']> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export interface MappingRowsOptions {
  /** The diagnostics of this text: given, each row gets those on its line as `problems`. */
  diagnostics?: readonly Diagnostic[];
  catalog?: FunctionCatalog;
}

export function computeMappingRows(model: MappingModel, uri: string, version: number, options: MappingRowsOptions = {}): MappingRowsResult {
  const catalog = options.catalog ?? defaultCatalog;
  const problemsByLine = options.diagnostics ? groupByLine(options.diagnostics) : undefined;
  const rows: MappingRowInfo[] = [];
  const deckCopies = buildDeckCopyIndex(model);
  for (const row of model.mappingRows) {
    const input = inputCodesOf(row);
    const deckCopy = planDuplicateForDeck(model, row, deckCopies);
    const entry = row.baseFunctionName ? catalog.get(row.baseFunctionName) : undefined;
    const info: MappingRowInfo = {
      line: row.line.line,
      functionName: row.functionName,
      control: row.control,
      type: row.type,
      comment: cellValue(row, Column.Comment),
      input: input.map(toRowCode),
      output: outputCodesOf(row).map(toRowCode),
      tab: entry?.tab ?? sectionTab(model, row),
      disabled: row.functionName.startsWith('#'),
      midiIn: cellValue(row, Column.Input),
      midiOut: cellValue(row, Column.Output),
      options: cellValue(row, Column.Options),
      canDuplicate: duplicateForDecksEdit(model, row, deckCopies) !== undefined,
      duplicateForDeck: deckCopy.plan
        ? {
            deck: deckCopy.plan.deck,
            midiIn: deckCopy.plan.midiIn,
            ...(deckCopy.plan.midiOut ? { midiOut: deckCopy.plan.midiOut } : {}),
            title: deckCopy.plan.title,
          }
        : null,
    };
    if (deckCopy.reason) info.duplicateForDeckReason = deckCopy.reason;
    if (entry) info.description = entry.description;
    // A KnobSliderHiRes row on CC 0–31: the controller also sends the fine value on CC n+32.
    const lsb = input.flatMap(c => {
      const code = impliedLsbCode(row.type, c.code);
      return code === undefined ? [] : [toRowCode({ ...c, code })];
    });
    if (lsb.length) info.lsbInput = lsb;
    if (problemsByLine) info.problems = problemsByLine.get(row.line.line) ?? [];
    rows.push(info);
  }
  return { uri, version, deviceName: model.deviceName ?? null, rows };
}

function sectionTab(model: MappingModel, row: MappingRow): MappingTab {
  const section = row.section >= 0 ? model.sections[row.section]?.name : undefined;
  return (section !== undefined && Object.prototype.hasOwnProperty.call(SECTION_TAB, section) ? SECTION_TAB[section] : undefined) ?? 'OTHER';
}

/** The diagnostics starting on each line, most severe first (a stable sort keeps the rules' order). */
function groupByLine(diagnostics: readonly Diagnostic[]): Map<number, MappingRowProblem[]> {
  const byLine = new Map<number, MappingRowProblem[]>();
  const sorted = [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1));
  for (const d of sorted) {
    const line = d.range.start.line;
    const problem: MappingRowProblem = {
      severity: SEVERITY_NAMES[d.severity ?? 1] ?? 'error',
      code: d.code === undefined ? '' : String(d.code),
      message: d.message,
    };
    const list = byLine.get(line);
    if (list) list.push(problem);
    else byLine.set(line, [problem]);
  }
  return byLine;
}

function toRowCode(deckCode: DeckCode): MappingRowCode {
  return { deck: deckCode.deck === 0 ? null : deckCode.deck, code: formatCode(deckCode.code) };
}
