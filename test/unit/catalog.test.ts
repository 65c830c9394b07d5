import assert from 'node:assert/strict';
import * as fs from 'fs';
import { describe, it } from 'node:test';
import { buildCatalog, catalogText, outFile } from '../../scripts/generateCatalog';
import { defaultCatalog } from '../../server/src/service/catalog/functionCatalog';

describe('function catalog', () => {
  it('is what the generator makes from the fixtures today (run `npm run catalog` after changing them)', () => {
    assert.equal(fs.readFileSync(outFile, 'utf8'), catalogText(buildCatalog()));
  });

  it('knows the names real files use, with tab, types, light and description', () => {
    const playPause = defaultCatalog.get('PlayPause')!;
    assert.equal(playPause.tab, 'DECK');
    assert.deepEqual(playPause.types, ['Button']);
    assert.equal(playPause.hasLight, true);
    assert.equal(playPause.evidence, 'rekordbox');
    assert.ok(playPause.seenIn.includes('factory-DDJ-FLX10.midi.csv'));
    assert.equal(defaultCatalog.get('Browse')!.tab, 'BROWSE');
    assert.equal(defaultCatalog.get('PAD1_PadMode1+Shift')?.tab, 'PAD');
  });

  it('keeps the provenance of names only a community note gives', () => {
    assert.equal(defaultCatalog.get('TrackNext')?.evidence, 'note');
  });

  it('does not invent names that real files contradict', () => {
    for (const invented of ['HighEQ', 'FilterKnob', 'FXSelect', 'HotCue1']) assert.equal(defaultCatalog.has(invented), false, invented);
  });

  it('suggests close names for typos', () => {
    assert.equal(defaultCatalog.suggest('PlayPuase')[0], 'PlayPause');
    assert.equal(defaultCatalog.suggest('Sinc')[0], 'Sync');
    assert.deepEqual(defaultCatalog.suggest('CompletelyDifferentThing'), []);
  });
});
