/**
 * Folding: one region per factory section (`# Deck,,,…`), from the section row to the section's
 * last non-empty row (separator rows and empty lines after it stay visible, as the gap between
 * sections). A section with no rows folds nothing. EXPORT files have no sections, so no folds.
 */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { MappingModel } from '../model/mappingModel';

export function computeFoldingRanges(model: MappingModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const section of model.sections) {
    const startLine = section.row.line.line;
    if (section.endLine > startLine) ranges.push({ startLine, endLine: section.endLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
