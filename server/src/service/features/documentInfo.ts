/**
 * `rekordboxMidi/documentInfo`: what the server made of a document, for status displays: its device,
 * dialect, how many rows and sections, and how many errors and warnings its diagnostics hold. Pure.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocumentInfoResult } from '../../../../protocol/messages';
import { MappingModel } from '../model/mappingModel';

/** `diagnostics`: those published for the document, or (before the first check published) those of its text. */
export function computeDocumentInfo(model: MappingModel, diagnostics: readonly Diagnostic[]): DocumentInfoResult {
  return {
    deviceName: model.deviceName ?? null,
    dialect: model.dialect,
    mappingRows: model.mappingRows.length,
    sections: model.sections.length,
    errors: diagnostics.filter(d => d.severity === DiagnosticSeverity.Error).length,
    warnings: diagnostics.filter(d => d.severity === DiagnosticSeverity.Warning).length,
  };
}
