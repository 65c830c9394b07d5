/**
 * The Mixxx conversions as the server answers them (`rekordboxMidi/importMixxx`,
 * `rekordboxMidi/exportMixxx`): the engine is in ../mixxx; this checks the parameters.
 */
import type { ExportMixxxResult, ImportMixxxParams, ImportMixxxResult } from '../../../../protocol/messages';
import { MappingModel } from '../model/mappingModel';
import { convertMixxxXml } from '../mixxx/mixxxToRekordbox';
import { rekordboxToMixxx } from '../mixxx/rekordboxToMixxx';

/** The answer when the conversion threw (the server logs why). */
export const IMPORT_MIXXX_FAILED: ImportMixxxResult = {
  csv: '',
  summary: {
    deviceName: '',
    controls: 0,
    outputs: 0,
    rows: 0,
    translated: 0,
    fromOtherDeck: 0,
    needUser: 0,
    needUserReasons: [],
    skipped: [],
    lightsPlaced: 0,
    text: 'The conversion failed inside the server (see its log): nothing converted.',
  },
  problems: [{ severity: 'error', message: 'The conversion failed inside the server (see its log).' }],
};

export function computeImportMixxx(params: Partial<ImportMixxxParams> | undefined): ImportMixxxResult {
  const xml = typeof params?.xml === 'string' ? params.xml : '';
  const fileName = typeof params?.fileName === 'string' ? params.fileName : undefined;
  return convertMixxxXml(xml, { fileName });
}

export function computeExportMixxx(model: MappingModel, uri: string): ExportMixxxResult {
  return rekordboxToMixxx(model, { fileName: decodeURIComponent(uri.split('/').pop() ?? '') });
}
