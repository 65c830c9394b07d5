/** The Mixxx commands in the extension manifest, and the XML parser pinned exactly. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers/fixtures';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('manifest: Mixxx commands', () => {
  it('contributes Import Mixxx Mapping… and Export as Mixxx Mapping… under Rekordbox MIDI', () => {
    const byId = new Map<string, { title: string; category: string }>(manifest.contributes.commands.map((c: { command: string }) => [c.command, c]));
    assert.deepEqual(byId.get('rekordboxMidi.importMixxx'), {
      command: 'rekordboxMidi.importMixxx',
      title: 'Import Mixxx Mapping…',
      category: 'Rekordbox MIDI',
    });
    assert.deepEqual(byId.get('rekordboxMidi.exportMixxx'), {
      command: 'rekordboxMidi.exportMixxx',
      title: 'Export as Mixxx Mapping…',
      category: 'Rekordbox MIDI',
    });
  });

  it('import is always in the command palette, export only for a mapping', () => {
    const palette: { command: string; when?: string }[] = manifest.contributes.menus.commandPalette;
    assert.deepEqual(palette.find(m => m.command === 'rekordboxMidi.importMixxx'), { command: 'rekordboxMidi.importMixxx' });
    assert.deepEqual(palette.find(m => m.command === 'rekordboxMidi.exportMixxx'), {
      command: 'rekordboxMidi.exportMixxx',
      when: 'editorLangId == rekordbox-midi',
    });
  });

  it('saxes is a runtime dependency, pinned exactly (esbuild bundles it)', () => {
    assert.equal(manifest.dependencies.saxes, '6.0.0');
  });
});
