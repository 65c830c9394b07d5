/** The Mixxx ↔ Rekordbox control table: names, matching, the way back. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../../../../../server/src/service/catalog/functionCatalog';
import { CONTROL_MAP, mappedFunctionNames, matchMixxxControl, matchMixxxLight, mixxxControlFor } from '../../../../../server/src/service/mixxx/mixxxControlMap';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../../../helpers/fixtures';

describe('Mixxx control table', () => {
  it('uses only Rekordbox function names the catalog knows', () => {
    const unknown = mappedFunctionNames().filter(n => !defaultCatalog.has(n));
    assert.deepEqual(unknown, []);
  });

  it('every entry is documented in docs/mixxx.md', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'mixxx.md'), 'utf8');
    for (const e of CONTROL_MAP) assert.ok(doc.includes(`\`${e.key}\``) && doc.includes(`\`${e.function}\``), `${e.group} ${e.key} → ${e.function}`);
  });

  it('matches placeholders: decks, hot cues, loop sizes, effect units', () => {
    assert.deepEqual(pick(matchMixxxControl('[Channel3]', 'play')), ['PlayPause', 3, false]);
    assert.deepEqual(pick(matchMixxxControl('[Channel2]', 'hotcue_12_clear')), ['PAD12_HotCue+Shift', 2, false]);
    assert.deepEqual(pick(matchMixxxControl('[Channel1]', 'beatloop_0.25_toggle')), ['BeatLoop1_4', 1, false]);
    assert.deepEqual(pick(matchMixxxControl('[EqualizerRack1_[Channel4]_Effect1]', 'parameter1')), ['EQLow', 4, false]);
    assert.deepEqual(pick(matchMixxxControl('[QuickEffectRack1_[Channel2]]', 'super1')), ['CFXParameterCH2', 2, true]);
    assert.deepEqual(pick(matchMixxxControl('[EffectRack1_EffectUnit2_Effect3]', 'enabled')), ['FX2-3On', undefined, false]);
    assert.deepEqual(pick(matchMixxxControl('[Main]', 'gain')), ['MasterLevel', undefined, false]);
    assert.deepEqual(pick(matchMixxxLight('[Channel1]', 'hotcue_3_enabled')), ['PAD3_HotCue', 1, false]);
  });

  it('does not match what is out of range or not listed', () => {
    assert.equal(matchMixxxControl('[Channel5]', 'play'), undefined);
    assert.equal(matchMixxxControl('[Channel1]', 'hotcue_17_activate'), undefined);
    assert.equal(matchMixxxControl('[Channel1]', 'beatloop_3_toggle'), undefined);
    assert.equal(matchMixxxControl('[Channel1]', 'cue_gotoandplay'), undefined, 'Rekordbox has no "go to cue and play"');
    assert.equal(matchMixxxControl('[Channel1]', 'Playx'), undefined);
  });

  it('the way back: deck from the row, the first entry of a function, sizes converted back', () => {
    assert.deepEqual(back(mixxxControlFor('PlayPause', 2)), ['[Channel2]', 'play', 'play_indicator']);
    assert.deepEqual(back(mixxxControlFor('JumpToTrackStart', 1)), ['[Channel1]', 'start', undefined]);
    assert.deepEqual(back(mixxxControlFor('BeatLoop1_4', 1)), ['[Channel1]', 'beatloop_0.25_toggle', 'beatloop_0.25_enabled']);
    assert.deepEqual(back(mixxxControlFor('CFXParameterCH3', 0)), ['[QuickEffectRack1_[Channel3]]', 'super1', undefined]);
    assert.deepEqual(back(mixxxControlFor('CrossFader', 0)), ['[Master]', 'crossfader', undefined]);
    assert.equal(mixxxControlFor('PlayPause', 0), undefined, 'a deck function needs a deck');
    assert.equal(mixxxControlFor('ActivePartButtonDrums', 1), undefined);
  });
});

function pick(m: ReturnType<typeof matchMixxxControl>) {
  return m ? [m.functionName, m.deck, m.deckNamed] : undefined;
}
function back(t: ReturnType<typeof mixxxControlFor>) {
  return t ? [t.group, t.key, t.light] : undefined;
}
