/** `app-folder`: a mapping inside Rekordbox's application folder (edit a copy and IMPORT it instead). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { appFolderOf, documentPath } from '../../../../../server/src/service/util/appFolderPath';
import { corpusFiles } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';

const { Warning: W, Information: I } = DiagnosticSeverity;
const TEXT = FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' });

const diagnose = (uri: string, ruleSeverities?: Record<string, string>) => computeDiagnostics(parseMapping(TEXT), { uri, ruleSeverities });

const APP_FOLDER: [string, 'macos' | 'windows'][] = [
  ['file:///Applications/rekordbox%207/rekordbox.app/Contents/Resources/MidiMappings/DDJ-FLX4.midi.csv', 'macos'],
  ['file:///Applications/rekordbox%206/rekordbox.app/Contents/Resources/MidiMappings/PIONEER%20DDJ-SX.midi.csv', 'macos'],
  ['/Applications/rekordbox 7/rekordbox.app/Contents/Resources/MidiMappings/DDJ-GRV6.midi.csv', 'macos'], // the command line passes paths
  ['file:///c%3A/Program%20Files/Pioneer/rekordbox%206.8.5/MidiMappings/DDJ-SX.midi.csv', 'windows'],
  ['file:///C:/Program%20Files/rekordbox/rekordbox%207.1.3/MidiMappings/DDJ-FLX6.midi.csv', 'windows'],
  ['C:\\Program Files\\rekordbox 7\\MidiMappings\\DDJ-400.midi.csv', 'windows'],
  ['c:/Program Files (x86)/Pioneer/rekordbox 5.8.6/MidiMappings/DDJ-SB3.midi.csv', 'windows'],
];

const ELSEWHERE = [
  // the per-user store Rekordbox itself rewrites
  'file:///Users/dj/Library/Application%20Support/Pioneer/rekordbox6/MidiMappings/DDJ-FLX4.midi.csv',
  'file:///c%3A/Users/dj/AppData/Roaming/Pioneer/rekordbox6/MidiMappings/DDJ-FLX4.midi.csv',
  'C:\\Users\\dj\\AppData\\Roaming\\Pioneer\\rekordbox6\\MidiMappings\\DDJ-FLX4.midi.csv',
  // copies, other applications, other schemes
  'file:///Users/dj/Desktop/MidiMappings/DDJ-FLX4.midi.csv',
  'file:///c%3A/Program%20Files/Native%20Instruments/MidiMappings/x.midi.csv',
  'file:///Applications/rekordbox%207/rekordbox.app/Contents/Resources/Other/x.midi.csv',
  'file:///Applications/rekordbox%207/rekordbox.app/Contents/Resources/MidiMappings',
  'untitled:mapping.midi.csv',
  'untitled:Untitled-1',
  'file:///work/%E0%A4%A/MidiMappings/x.midi.csv', // a malformed escape: kept as written, no throw
  '',
];

describe('app-folder', () => {
  for (const [uri, platform] of APP_FOLDER) {
    it(`warns at line 1 for ${uri}`, () => {
      const found = diagnose(uri);
      assert.deepEqual(
        found.map(d => [d.code, d.severity, d.range, d.data]),
        [['app-folder', W, { start: { line: 0, character: 0 }, end: { line: 0, character: '@file,1,Test Device'.length } }, { platform }]],
      );
      assert.match(found[0].message, /application folder .*crashing at launch.*IMPORT/);
    });
  }

  for (const uri of ELSEWHERE) {
    it(`says nothing for ${JSON.stringify(uri)}`, () => {
      assert.equal(appFolderOf(uri), undefined);
      assert.deepEqual(diagnose(uri), []);
    });
  }

  it('reads URIs and paths alike', () => {
    assert.equal(documentPath('file:///c%3A/Program%20Files/X'), '/c:/program files/x');
    assert.equal(documentPath('C:\\Program Files\\X'), 'c:/program files/x');
    assert.equal(documentPath('vscode-remote://ssh-remote%2Bbox/Applications/X'), '/applications/x');
  });

  it('can be turned down or off', () => {
    const uri = APP_FOLDER[0][0];
    assert.deepEqual(diagnose(uri, { 'app-folder': 'information' }).map(d => d.severity), [I]);
    assert.deepEqual(diagnose(uri, { 'app-folder': 'off' }), []);
  });

  it('still warns on an empty document, beside file-line', () => {
    assert.deepEqual(
      computeDiagnostics(parseMapping(''), { uri: APP_FOLDER[0][0] }).map(d => d.code),
      ['file-line', 'app-folder'],
    );
  });

  it('does not fire on the corpus (its path is a test folder)', () => {
    for (const f of corpusFiles()) {
      const found = computeDiagnostics(parseMapping(f.text), { uri: `file:///work/main/test/fixtures/corpus/${encodeURIComponent(f.file)}` });
      assert.deepEqual(found.filter(d => d.code === 'app-folder'), [], f.file);
    }
  });
});
