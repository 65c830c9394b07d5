/** The extension manifest: what VS Code reads before any of our code runs. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const manifest = read('package.json');
const language = manifest.contributes.languages[0];

describe('extension manifest', () => {
  it('declares the rekordbox-midi language for *.midi.csv and for files starting with @file,', () => {
    assert.equal(language.id, 'rekordbox-midi');
    assert.ok(language.aliases.includes('Rekordbox MIDI Mapping'));
    assert.deepEqual(language.extensions, ['.midi.csv']);
    const firstLine = new RegExp(language.firstLine);
    assert.ok(firstLine.test('@file,1,DDJ-FLX10'));
    assert.ok(!firstLine.test('PlayPause,PlayPause,Button,900B'));
    assert.ok(!firstLine.test('name,value'));
  });

  it('activates on the language, and for a mapping table VS Code restores after a reload (the serializer is registered then)', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:rekordbox-midi', 'onWebviewPanel:rekordboxMidi.mappingTable']);
  });

  it('has no line comment: toggling # would change what a row means', () => {
    const configuration = read(language.configuration);
    assert.equal(configuration.comments?.lineComment, undefined);
    assert.equal(configuration.comments?.blockComment, undefined);
  });

  it('points the grammar at its file and scope', () => {
    const grammar = manifest.contributes.grammars[0];
    assert.equal(grammar.language, 'rekordbox-midi');
    assert.equal(read(grammar.path).scopeName, grammar.scopeName);
  });

  it('pins @types/vscode to the engine it declares (vsce refuses a newer one)', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    assert.equal(manifest.devDependencies['@types/vscode'], engine);
  });

  it('offers the validate.run setting with onType and onSave', () => {
    const setting = manifest.contributes.configuration.properties['rekordboxMidi.validate.run'];
    assert.deepEqual(setting.enum, ['onType', 'onSave']);
    assert.equal(setting.default, 'onType');
  });
});
