/**
 * The Rekordbox MIDI language service: pure functions over text, no editor or LSP connection.
 * server.ts wires it to the protocol; cli.ts to the command line; tests call it directly.
 */
export { tokenizeCsv } from './parse/tokenizeCsv';
export { parseMapping, buildMappingModel } from './model/mappingModel';
export type { MappingModel, MappingRow, Row } from './model/mappingModel';
export { computeDiagnostics } from './features/diagnostics';
export { computeHover } from './features/hover';
export { computeCompletion } from './features/completion';
export { decodeCode, describeCode, parseCode } from './midi/midiCode';
export { defaultCatalog, FunctionCatalog } from './catalog/functionCatalog';
