import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { buildCatalog, catalogText, NAME_OVERRIDES, outFile } from '../../../../../scripts/generateCatalog';
import { SECTION_TAB } from '../../../../../server/src/service/catalog/tabs';
import { defaultCatalog, FunctionCatalog, FunctionEntry } from '../../../../../server/src/service/catalog/functionCatalog';
import { FamilyMatcher } from '../../../../../server/src/service/catalog/functionFamilies';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles, REPO_ROOT } from '../../../../helpers/fixtures';

const catalog = defaultCatalog;
const entry = (name: string): FunctionEntry => {
  const e = catalog.get(name);
  assert.ok(e, `${name} should be known`);
  return e;
};
const INVENTED = ['HighEQ', 'MidEQ', 'LowEQ', 'FilterKnob', 'FXSelect', 'HotCue1', 'HotCue8', 'FXKnob1', 'BeatFX', '8BeatLoop', 'FX1', 'FX3'];

describe('function catalog', () => {
  it('is what the generator makes from the fixtures today (run `npm run catalog` after changing them)', () => {
    assert.equal(fs.readFileSync(outFile, 'utf8'), catalogText(buildCatalog()));
  });

  it('is compact: one line per family and per function, and families are not expanded into it', () => {
    const text = fs.readFileSync(outFile, 'utf8');
    const file = JSON.parse(text) as { families: unknown[]; functions: FunctionEntry[] };
    assert.ok(text.split('\n').length <= file.functions.length + file.families.length + 16);
    assert.equal(file.functions.filter(f => f.evidence === 'family').length, 0);
    assert.equal(catalog.entries.length, file.functions.length);
    // Members known only through a family outnumber none of the seen ones by much, and are not in the file.
    const synthesized = catalog.families.reduce((n, f) => n + f.size - f.seen, 0);
    assert.ok(synthesized > 100, `${synthesized}`);
  });

  describe('provenance', () => {
    it('has every column-0 name of every fixture as an entry of its own', () => {
      const names = new Set(catalog.entries.map(e => e.name));
      let checked = 0;
      for (const f of corpusFiles()) {
        for (const row of parseMapping(f.text).mappingRows) {
          if (row.functionState !== 'assigned' && row.functionState !== 'disabled') continue;
          if (!/^[A-Za-z0-9]/.test(row.baseFunctionName)) continue;
          assert.ok(names.has(row.baseFunctionName), `${f.file}: ${row.baseFunctionName}`);
          assert.ok(catalog.get(row.baseFunctionName)!.seenIn.includes(f.file), `${row.baseFunctionName} seen in ${f.file}`);
          checked++;
        }
      }
      assert.ok(checked > 1500, `${checked}`);
    });

    it('has every name of the community note, marked "note" unless a file also has it', () => {
      const tsv = fs.readFileSync(path.join(REPO_ROOT, 'server/src/service/catalog/sources/function-names-from-notes.tsv'), 'utf8');
      const noteNames = tsv.split(/\r?\n/).slice(1).map(l => l.split('\t')[0]).filter(Boolean);
      assert.ok(noteNames.length >= 70);
      for (const name of noteNames) {
        const e = entry(name);
        assert.equal(e.evidence, e.seenIn.length === 0 ? 'note' : e.evidence, name);
        assert.notEqual(e.evidence, 'family', name);
      }
      assert.equal(entry('TrackNext').evidence, 'note');
      assert.deepEqual(entry('TrackNext').seenIn, []);
      assert.equal(entry('TrackNext').description, 'Next track');
      assert.equal(entry('TrackNext').descriptionFrom, 'note');
    });

    it('says where each name was seen: rekordbox when a file Rekordbox wrote has it, handmade when only hand-made files do', () => {
      const kind = new Map(corpusFiles().map(f => [f.file, f.kind]));
      for (const e of catalog.entries) {
        const written = e.seenIn.filter(f => kind.get(f) !== 'hand-made');
        const expected = written.length > 0 ? 'rekordbox' : e.seenIn.length > 0 ? 'handmade' : 'note';
        assert.equal(e.evidence, expected, e.name);
      }
      assert.equal(entry('BrowseDown').evidence, 'handmade');
      assert.deepEqual(entry('BrowseDown').seenIn, ['handmade-Codex-Performer.midi.csv']);
      assert.equal(entry('PlayPause').evidence, 'rekordbox');
    });

    it('counts names by evidence as docs/catalog.md reports them', () => {
      const count = (evidence: string) => catalog.entries.filter(e => e.evidence === evidence).length;
      assert.deepEqual([count('rekordbox'), count('handmade'), count('note')], [869, 9, 25]);
    });
  });

  it('knows the names real files use, with tab, types, light and description', () => {
    const playPause = entry('PlayPause');
    assert.equal(playPause.tab, 'DECK');
    assert.deepEqual(playPause.types, ['Button']);
    assert.equal(playPause.hasLight, true);
    assert.equal(playPause.evidence, 'rekordbox');
    assert.equal(playPause.description, 'Play/Pause');
    assert.equal(playPause.descriptionFrom, 'factory');
    assert.ok(playPause.seenIn.includes('factory-DDJ-FLX10.midi.csv'));
    assert.equal(entry('ChannelFader').hasLight, false);
    assert.deepEqual(entry('JogIndicatorInterval').types, ['Parameter']);
  });

  describe('tabs', () => {
    it('places names by the factory section they sit in', () => {
      const expected: [string, string][] = [
        ['PlayPause', 'DECK'],
        ['JogScratch', 'DECK'], // Scratch in the FLX6 edit, Deck in the factory files
        ['Browse', 'BROWSE'],
        ['PAD1_PadMode1+Shift', 'PAD'],
        ['PAD1_HotCue', 'PAD'],
        ['HotCue', 'PAD'], // Mode in the FLX6 edit, Performance in the factory files
        ['FX1-1On', 'FX'],
        ['CFX1On', 'FX'], // SoundColorFX
        ['CFXParameterCH1', 'FX'], // Effect in two factory files, SoundColorFX and Mixer in the others
        ['EQHigh', 'MIXER'],
        ['TapBpm', 'DECK'], // 2 files Deck, 2 Mixer: the unedited factory files say Deck 2:1
        ['GridAdjust', 'DECK'], // Deck in the DDJ-SX; its State row in the FLX10 is LED feedback
        ['DeckState', 'OTHER'],
        ['JogBrightnessSetting', 'OTHER'], // illumination: controller LEDs, not the LIGHTING tab
        ['LoadedIndicator', 'OTHER'],
        ['MidiOutInterval', 'OTHER'],
      ];
      for (const [name, tab] of expected) assert.equal(entry(name).tab, tab, name);
      assert.equal(entry('PlayPause').tabFrom, 'section');
    });

    it('places every FX1-1Select.<EFFECT> name under FX', () => {
      const effects = catalog.entries.filter(e => e.name.startsWith('FX1-1Select.'));
      assert.ok(effects.length >= 18);
      for (const e of effects) assert.equal(e.tab, 'FX', e.name);
    });

    it('overrides the section for Mix Point Link, panels and the sampler deck', () => {
      for (const name of ['MixPointLink', 'MixPointLinkExit', 'MixPointSelectNext']) assert.equal(entry(name).tab, 'MIXPOINTLINK', name);
      for (const name of ['SamplerVolume', 'SamplerCue', 'SlicerCapture']) assert.equal(entry(name).tab, 'SAMPLER', name);
      for (const name of ['FxPanel', 'SamplerPanel', 'MixerPanel']) assert.equal(entry(name).tab, 'OTHER', name);
      assert.equal(entry('SamplerVolume').tabFrom, 'name');
      assert.equal(entry('SlicerCapture').tabFrom, 'note');
    });

    it('gives a section-placed name the tab of one of its sections', () => {
      for (const e of catalog.entries) {
        if (e.tabFrom !== 'section') continue;
        assert.ok(
          e.sections.some(s => SECTION_TAB[s] === e.tab),
          `${e.name}: ${e.tab} from ${e.sections.join(', ')}`,
        );
      }
      for (const e of catalog.entries) if (e.tabFrom === 'name' && e.sections.length) assert.ok(NAME_OVERRIDES.some(([p]) => p.test(e.name)), e.name);
    });

    it('puts nothing under LIGHTING or VIDEO: no real file has a function of those tabs', () => {
      assert.deepEqual(
        catalog.entries.filter(e => e.tab === 'LIGHTING' || e.tab === 'VIDEO').map(e => e.name),
        [],
      );
    });
  });

  it('does not invent names that real files contradict', () => {
    for (const invented of INVENTED) {
      assert.equal(catalog.has(invented), false, invented);
      assert.equal(catalog.get(invented), undefined, invented);
      assert.equal(catalog.familyOf(invented), undefined, invented);
    }
    for (const family of catalog.families) for (const invented of INVENTED) assert.ok(!catalog.members(family).includes(invented));
  });

  describe('families', () => {
    it('knows the families found in the real names', () => {
      const ids = catalog.families.map(f => f.id);
      for (const id of [
        'PAD1..16_PadMode1..8[+Shift]',
        'PAD1..16_HotCue[+Shift]',
        'PAD1..16_VelocitySampler[+Shift|+Velocity]',
        'FX1-1Select.<EFFECT>',
        'BeatLoop1_64..BeatLoop512',
        'FX1..2-1..3On',
        'Parameter1..2{Left|Right}_<MODE>',
      ]) {
        assert.ok(ids.includes(id), id);
      }
      const effects = catalog.families.find(f => f.id === 'FX1-1Select.<EFFECT>')!.parts[1];
      assert.ok(typeof effects !== 'string' && 'values' in effects);
      assert.ok(effects.values.includes('ECHO') && effects.values.includes('SPIRAL') && effects.values.length === 18, effects.values.join());
    });

    it('knows a member no file spells out, as evidence "family" with the family’s facts', () => {
      assert.equal(catalog.get('PAD13_HotCue+Shift')?.evidence, 'family');
      const e = entry('PAD13_HotCue+Shift');
      assert.equal(e.tab, 'PAD');
      assert.equal(e.tabFrom, 'family');
      assert.equal(e.family, 'PAD1..16_HotCue[+Shift]');
      assert.deepEqual(e.seenIn, []);
      assert.equal(e.hasLight, true);
      assert.match(e.description, /Pad 13 in HOT CUE mode.*delete/);
      assert.equal(e.descriptionFrom, 'family');
      assert.ok(catalog.has('PAD16_BeatLoop'));
      assert.ok(catalog.has('FX2Assign.MIC'));
      // Members that share the choice values of seen ones behave like them.
      const velocity = entry('PAD9_VelocitySampler+Velocity');
      assert.deepEqual(velocity.types, ['Value']);
      assert.equal(velocity.hasLight, false);
    });

    it('marks seen members with their family and keeps their own evidence', () => {
      const e = entry('PAD13_PadMode7+Shift');
      assert.equal(e.evidence, 'rekordbox');
      assert.equal(e.family, 'PAD1..16_PadMode1..8[+Shift]');
      assert.equal(entry('FX1-1Select.ECHO').family, 'FX1-1Select.<EFFECT>');
      assert.equal(entry('PlayPause').family, undefined);
    });

    it('does not know what falls outside a family', () => {
      for (const name of [
        'PAD17_HotCue', 'PAD0_HotCue', 'PAD01_HotCue', 'PAD1_BeatLoop+Shift', 'PadMode9', 'FX3-1On', 'FX1-4', 'FX2-1Select.ECHO', 'FX1-1Select.ECHOO',
        'CFX7On', 'BeatLoop3', 'pad1_hotcue',
      ]) {
        assert.equal(catalog.has(name), false, name);
      }
    });

    it('holds together: every member matches, seen counts and sizes agree, each has a Rekordbox-written member', () => {
      for (const family of catalog.families) {
        const members = catalog.members(family);
        assert.equal(members.length, family.size, family.id);
        assert.equal(new Set(members).size, members.length, family.id);
        const seen = catalog.entries.filter(e => e.family === family.id);
        assert.equal(seen.length, family.seen, family.id);
        assert.ok(seen.some(e => e.evidence === 'rekordbox'), family.id);
        const matcher = new FamilyMatcher(family);
        for (const name of members) {
          assert.ok(matcher.match(name), `${family.id}: ${name}`);
          assert.equal(catalog.get(name)?.family, family.id, name);
          assert.equal(catalog.familyOf(name)?.family.id, family.id, name);
        }
      }
    });

    it('covers every set of three or more Rekordbox-written names that differ only in their numbers', () => {
      const groups = new Map<string, FunctionEntry[]>();
      for (const e of catalog.entries) {
        if (e.evidence !== 'rekordbox' || !/\d/.test(e.name)) continue;
        const key = e.name.replace(/\d+/g, '#');
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
      for (const [key, members] of groups) {
        if (members.length < 3) continue;
        assert.deepEqual(members.filter(e => !e.family).map(e => e.name), [], key);
      }
    });

    it('works from data alone: a catalog built from a family and no entries knows its members', () => {
      const family = catalog.families.find(f => f.id === 'PAD1..16_HotCue[+Shift]')!;
      const small = new FunctionCatalog([], [family]);
      assert.equal(small.get('PAD3_HotCue')?.evidence, 'family');
      assert.equal(small.get('PAD3_HotCue')?.tab, 'PAD');
      assert.equal(small.has('PAD17_HotCue'), false);
      assert.equal(small.members(family.id).length, 32);
    });
  });

  describe('suggestions', () => {
    it('suggests close names for typos', () => {
      assert.equal(catalog.suggest('PlayPuase')[0], 'PlayPause');
      assert.equal(catalog.suggest('Sinc')[0], 'Sync');
      assert.deepEqual(catalog.suggest('CompletelyDifferentThing'), []);
      assert.deepEqual(catalog.suggest('PlayPause'), []);
    });

    it('matches case-insensitively first, with one answer', () => {
      assert.deepEqual(catalog.suggest('Pad1_hotcue'), ['PAD1_HotCue']);
      assert.deepEqual(catalog.suggest('playpause'), ['PlayPause']);
      assert.deepEqual(catalog.suggest('pad13_hotcue+shift'), ['PAD13_HotCue+Shift']);
      assert.match(catalog.help('Pad1_hotcue').hint ?? '', /case-sensitive/);
      assert.deepEqual(catalog.suggest('PAD01_HotCue'), ['PAD1_HotCue']);
    });

    it('says what is wrong with a near member of a family', () => {
      const pad = catalog.help('PAD17_HotCue');
      assert.match(pad.hint ?? '', /pads are 1–16/);
      assert.equal(pad.family?.id, 'PAD1..16_HotCue[+Shift]');
      assert.equal(pad.suggestions[0], 'PAD16_HotCue');
      assert.ok(pad.suggestions.includes('PAD1_HotCue') && pad.suggestions.includes('PAD7_HotCue'));
      assert.match(catalog.help('PadMode9').hint ?? '', /pad modes are 1–8/);
      assert.match(catalog.help('FX3-1On').hint ?? '', /FX units are 1–2/);
      const effect = catalog.help('FX1-1Select.ECHOO');
      assert.match(effect.hint ?? '', /'ECHOO' is not one of the effects seen/);
      assert.equal(effect.suggestions[0], 'FX1-1Select.ECHO');
      assert.equal(catalog.help('DrumRoll1_16').suggestions.length, 3);
      for (const s of catalog.help('DrumRoll1_16').suggestions) assert.match(s, /^DrumRoll1_\d$/);
    });

    it('only ever suggests known names', () => {
      for (const name of ['PAD17_HotCue', 'FX1-1Select.ECHOO', 'HotCue1', 'HighEQ', 'PAD1_BeatLoop+Shift', 'Parameter1_HotCue', 'SortTITLE']) {
        const suggestions = catalog.suggest(name);
        assert.ok(suggestions.length > 0 && suggestions.length <= 3, name);
        for (const s of suggestions) assert.ok(catalog.has(s), `${name} → ${s}`);
      }
    });

    it('offers the real name for invented ones made of the same words', () => {
      assert.equal(catalog.suggest('HighEQ')[0], 'EQHigh');
      assert.equal(catalog.suggest('LowEQ')[0], 'EQLow');
      assert.ok(catalog.suggest('HotCue1').includes('PAD1_HotCue'));
      assert.equal(catalog.suggest('PAD1_BeatLoop+Shift')[0], 'PAD1_BeatLoop');
    });

    it('answers at once for a huge cell (no pattern backtracking)', () => {
      const started = Date.now();
      for (const prefix of ['Drum', 'Parameter1', 'PAD1_', 'FX1', 'x']) assert.deepEqual(catalog.suggest(prefix + 'x'.repeat(100_000)), []);
      assert.ok(Date.now() - started < 1000);
    });

    it('caches: asking twice returns the same answer object', () => {
      const first = catalog.suggest('SomethingUnheardOf');
      assert.equal(catalog.suggest('SomethingUnheardOf'), first);
      assert.equal(catalog.help('PAD17_HotCue'), catalog.help('PAD17_HotCue'));
    });
  });

  it('gives every name a description, never a factory placeholder, and marks the ones read from the name', () => {
    for (const e of catalog.entries) {
      assert.notEqual(e.description.trim(), '', e.name);
      assert.doesNotMatch(e.description, /^no function( assigned here)?$/i, e.name);
      assert.ok(['factory', 'note', 'family', 'derived'].includes(e.descriptionFrom ?? ''), e.name);
    }
    assert.equal(entry('ActivePartMuteSolo').descriptionFrom, 'derived');
    assert.equal(entry('ActivePartMuteSolo').description, 'Active part mute solo');
    assert.equal(entry('PAD10_PadMode5').descriptionFrom, 'family');
    assert.equal(entry('PAD10_PadMode5').description, 'Pad 10 in pad mode 5 (KEYBOARD on the DDJ-FLX10)');
    assert.match(entry('JogRingColorSetting').description, /^Controller light or setting that Rekordbox sends back: Jog ring color setting$/);
  });
});
