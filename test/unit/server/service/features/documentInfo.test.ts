/** `rekordboxMidi/documentInfo` in the language service: a document's device, dialect, sizes and problem counts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDocumentInfo } from '../../../../../server/src/service/features/documentInfo';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { FACTORY_HEAD } from '../../../../helpers/markers';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const at = (severity: DiagnosticSeverity): Diagnostic => ({ range: RANGE, message: '', severity });

describe('documentInfo', () => {
  it('counts the errors and warnings of the diagnostics given, not the information or hints', () => {
    const model = parseMapping(FACTORY_HEAD + '# Deck,,,,,,,,,,,,,,\nPlayPause,PlayPause,Button,900B,,,,,,,,,,,\nCue,Cue,Button,900C,,,,,,,,,,,\n');
    const { Error, Warning, Information, Hint } = DiagnosticSeverity;
    const diagnostics = [Error, Warning, Error, Information, Hint].map(at);
    assert.deepEqual(computeDocumentInfo(model, diagnostics), {
      deviceName: 'Test Device',
      dialect: 'factory',
      mappingRows: 2,
      sections: 1,
      errors: 2,
      warnings: 1,
    });
  });

  it('answers null for a file without a device name, and 0 problems for none', () => {
    const info = computeDocumentInfo(parseMapping('PlayPause,,Button,900B,,,,,,,,,,,\n'), []);
    assert.equal(info.deviceName, null);
    assert.equal(info.errors, 0);
    assert.equal(info.warnings, 0);
  });
});
