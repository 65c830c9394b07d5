/** Mixxx → Rekordbox (and back): the real DDJ-400 and FLX4 files, and each rule on small inputs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusFiles, mixxxFixture } from '../../../../helpers/fixtures';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { formatCode } from '../../../../../server/src/service/midi/midiCode';
import { inputCodesOf, MappingRow, outputCodesOf, parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { convertMixxxXml } from '../../../../../server/src/service/mixxx/mixxxToRekordbox';
import { readMixxxXml } from '../../../../../server/src/service/mixxx/readMixxxXml';
import { rekordboxToMixxx } from '../../../../../server/src/service/mixxx/rekordboxToMixxx';

const preset = (controls: string, outputs = '') =>
  '<?xml version="1.0" encoding="utf-8"?>\n<MixxxControllerPreset schemaVersion="1">\n<info><name>Test</name></info>\n' +
  `<controller id="TEST-1">\n<controls>\n${controls}</controls>\n<outputs>\n${outputs}</outputs>\n</controller>\n</MixxxControllerPreset>\n`;
const control = (group: string, key: string, status: number, midino: number, options = '<normal/>', description = '') =>
  `<control><description>${description}</description><group>${group}</group><key>${key}</key>` +
  `<status>0x${status.toString(16)}</status><midino>0x${midino.toString(16)}</midino><options>${options}</options></control>\n`;
const output = (group: string, key: string, status: number, midino: number) =>
  `<output><group>${group}</group><key>${key}</key><status>0x${status.toString(16)}</status><midino>0x${midino.toString(16)}</midino>` +
  '<on>0x7F</on><minimum>0.5</minimum></output>\n';

/** Mapping rows of a converted file, as lines without the line ending. */
const rowLines = (csv: string) => csv.split('\r\n').filter(l => /^[A-Za-z]/.test(l) && !l.startsWith('#name'));
const codes = (row: MappingRow) => inputCodesOf(row).map(c => formatCode(c.code));
const rowsOf = (csv: string, fn: string) => parseMapping(csv).mappingRows.filter(r => r.functionName === fn);

/**
 * Where the Mixxx author put a function on another button than Rekordbox's FLX10 does: the codes are
 * the DDJ-400's buttons, rightly, and differ from the FLX10 row of the same function.
 */
const DIFFERENT_BUTTON: Record<string, string> = {
  SlipReverse: 'Mixxx puts censor (reverseroll) on SHIFT+PLAY (9047, the FLX10’s PlayPause+Shift); the FLX10 has a SLIP REVERSE button (9015)',
};

describe('Mixxx DDJ-400 → Rekordbox, checked against the factory DDJ-FLX10 file', () => {
  const result = convertMixxxXml(mixxxFixture('Pioneer-DDJ-400.midi.xml'), { fileName: 'Pioneer-DDJ-400.midi.xml' });
  const model = parseMapping(result.csv);
  const flx10 = parseMapping(corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!.text);

  it('translated rows carry the factory codes (literal check of the main controls)', () => {
    const expected: Record<string, string[]> = {
      PlayPause: ['900B', '910B'],
      Cue: ['900C', '910C'],
      JumpToTrackStart: ['9048', '9148'],
      CrossFader: ['B61F'],
      Browse: ['B640'],
      ChannelFader: ['B013', 'B113'],
      Gain: ['B004', 'B104'],
      EQHigh: ['B007', 'B107'],
      EQMid: ['B00B', 'B10B'],
      EQLow: ['B00F', 'B10F'],
      HeadphoneCue: ['9054', '9154'],
      LoopIn: ['9010', '9110'],
      LoopOut: ['9011', '9111'],
      ReloopExit: ['904D', '914D'],
      TapBpm: ['9068', '9168'],
      CFXParameterCH1: ['B617'],
      CFXParameterCH2: ['B618'],
      HeadphonesMix: ['B60C'],
      Load: ['9646', '9647'],
      'PAD1_HotCue': ['9700', '9900'],
    };
    for (const [fn, want] of Object.entries(expected)) {
      const rows = model.mappingRows.filter(r => r.functionName === fn);
      assert.equal(rows.length, 1, `${fn}: one row`);
      assert.deepEqual(codes(rows[0]), want, fn);
    }
  });

  it('every translated row whose function the FLX10 file has gets the FLX10 codes of decks 1–2', () => {
    let compared = 0;
    for (const row of model.mappingRows) {
      if (row.functionState !== 'assigned') continue;
      const factory = flx10.mappingRows.find(r => r.baseFunctionName === row.functionName);
      if (!factory) continue;
      const factoryCodes = inputCodesOf(factory)
        .filter(c => c.deck <= 2)
        .map(c => formatCode(c.code));
      if (DIFFERENT_BUTTON[row.functionName]) {
        assert.notDeepEqual(codes(row), factoryCodes, `${row.functionName}: listed as different but the codes agree`);
        continue;
      }
      assert.deepEqual(codes(row), factoryCodes, `${row.functionName} (line ${row.line.line + 1})`);
      compared++;
    }
    assert.ok(compared >= 17, `compared ${compared} functions`);
  });

  it('is written the factory way: @file line, header row, sections, 15 fields, CRLF, base code on channel 0 with deck channels', () => {
    const lines = result.csv.split('\r\n');
    assert.equal(lines[0], '@file,1,DDJ-400');
    assert.equal(lines[1], '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment');
    assert.ok(!/[^\r]\n/.test(result.csv), 'CRLF only');
    assert.ok(result.csv.endsWith('\r\n'));
    assert.equal(model.dialect, 'factory');
    assert.deepEqual(
      model.sections.map(s => s.name),
      ['Browser', 'Deck', 'Mixer', 'Effect', 'Performance', 'Sampler'],
    );
    for (const row of model.mappingRows) assert.equal(row.line.fields.length, 15, `line ${row.line.line + 1}`);
    assert.ok(rowLines(result.csv).some(l => l.startsWith('PlayPause,,Button,900B,0,1,,,900B,0,1,,,,Mixxx [Channel1]/[Channel2] ')));
  });

  it('has no error-level diagnostic and no unknown function (the server’s own check)', () => {
    const diagnostics = computeDiagnostics(model, { uri: 'untitled:DDJ-400' });
    assert.deepEqual(diagnostics.filter(d => d.severity === 1 || d.code === 'unknown-function'), []);
  });

  it('the summary counts every control once: functions, controls for the user (grouped by why), left out', () => {
    const s = result.summary;
    assert.equal(s.controls, 204);
    assert.equal(s.translated + s.needUser + s.skipped.reduce((n, k) => n + k.controls, 0), s.controls);
    assert.deepEqual(
      { translated: s.translated, fromOtherDeck: s.fromOtherDeck, needUser: s.needUser, rows: s.rows, lights: s.lightsPlaced },
      { translated: 99, fromOtherDeck: 1, needUser: 103, rows: 118, lights: 38 },
    );
    assert.deepEqual(
      s.needUserReasons.map(r => [r.reason, r.controls]),
      [
        ['script', 101],
        ['noEquivalent', 2],
      ],
    );
    assert.deepEqual(s.skipped.map(k => [k.reason, k.controls]), [['duplicate', 2]]);
    assert.match(s.text, /^DDJ-400: 204 Mixxx controls → 118 rows\. 99 became Rekordbox functions/);
  });

  it('script-bound controls stay as NoFunction rows naming the Mixxx group, key and description', () => {
    const shift = rowLines(result.csv).find(l => l.includes('PioneerDDJ400.shiftPressed'));
    assert.equal(shift, 'NoFunction,,Button,903F,0,1,,,,,,,,,Mixxx script [Channel1]/[Channel2] PioneerDDJ400.shiftPressed - Shift (DECK1)');
    const tempo = rowLines(result.csv).find(l => l.includes('tempoSliderMSB'));
    assert.ok(tempo?.startsWith('NoFunction,,KnobSliderHiRes,B000,0,1,,,'), 'the script’s MSB/LSB halves are one 14-bit row');
  });

  it('the same code bound twice (bpm_tap and a script on 0x90 0x68): the translated one wins, the other is named', () => {
    const tap = rowLines(result.csv).find(l => l.startsWith('TapBpm,'));
    assert.ok(tap?.endsWith('also bound in Mixxx: [Channel1] PioneerDDJ400.toggleQuantize/[Channel2] PioneerDDJ400.toggleQuantize'));
    assert.equal(
      result.problems[0].message,
      'Controls at lines 689, 895 all use 0x90 0x68 ([Channel1] PioneerDDJ400.toggleQuantize; [Channel1] bpm_tap): ' +
        'Rekordbox gives one code one function, so the row uses [Channel1] bpm_tap and names the others in its comment.',
    );
  });

  it('the way back keeps the codes: every translated control is in the exported XML with its status and number', () => {
    const back = rekordboxToMixxx(model, { fileName: 'DDJ-400.midi.csv' });
    const reread = readMixxxXml(back.xml);
    assert.deepEqual(reread.problems, []);
    assert.equal(reread.controllerId, 'DDJ-400');
    const exported = new Set(reread.controls.map(c => `${c.group} ${c.key} ${(c.status << 8) | c.midino}`));
    const original = readMixxxXml(mixxxFixture('Pioneer-DDJ-400.midi.xml'));
    let kept = 0;
    for (const c of original.controls) {
      if (c.options.includes('script-binding') || /^\[Sampler|^\[Library\] MoveFocus/.test(`${c.group} ${c.key}`)) continue;
      if (c.key === 'start_play') continue; // written back as Mixxx's `start` (the first entry for JumpToTrackStart)
      assert.ok(exported.has(`${c.group} ${c.key} ${(c.status << 8) | c.midino}`), `${c.group} ${c.key} ${c.status.toString(16)}${c.midino.toString(16)}`);
      kept++;
    }
    assert.equal(kept, 96);
    assert.equal(back.summary.exportedRows, back.summary.functionRows);
    // And imported again, the same rows.
    const again = parseMapping(convertMixxxXml(back.xml).csv);
    const signature = (m: ReturnType<typeof parseMapping>) =>
      m.mappingRows
        .filter(r => r.functionState === 'assigned')
        .map(r => `${r.functionName} ${r.type} ${codes(r).join(' ')} > ${outputCodesOf(r).map(c => formatCode(c.code)).join(' ')}`)
        .sort();
    assert.deepEqual(signature(again), signature(model));
  });
});

describe('Mixxx DDJ-FLX4 (third-party) → Rekordbox', () => {
  const result = convertMixxxXml(mixxxFixture('Pioneer-DDJ-FLX4-ghz.midi.xml'));
  const model = parseMapping(result.csv);

  it('has no error-level diagnostic and no unknown function', () => {
    const diagnostics = computeDiagnostics(model, { uri: 'untitled:FLX4' });
    assert.deepEqual(diagnostics.filter(d => d.severity === 1 || d.code === 'unknown-function'), []);
  });

  it('PlayPause, Cue and the faders carry the Pioneer codes; the summary adds up', () => {
    assert.deepEqual(codes(rowsOf(result.csv, 'PlayPause')[0]), ['900B', '910B']);
    assert.deepEqual(codes(rowsOf(result.csv, 'Cue')[0]), ['900C', '910C']);
    assert.deepEqual(codes(rowsOf(result.csv, 'CrossFader')[0]), ['B61F']);
    const s = result.summary;
    assert.equal(s.controls, 281);
    assert.equal(s.translated + s.needUser, 281);
    assert.deepEqual([s.translated, s.needUser, s.rows], [90, 191, 166]);
  });
});

describe('conversion rules', () => {
  it('deck folding: one control on [Channel1]..[Channel4], one channel each, is one row with deck channels', () => {
    const xml = preset([1, 2, 3, 4].map(d => control(`[Channel${d}]`, 'play', 0x8f + d, 0x0b)).join(''));
    assert.deepEqual(rowLines(convertMixxxXml(xml).csv), ['PlayPause,,Button,900B,0,1,2,3,,,,,,,Mixxx [Channel1]/[Channel2]/[Channel3]/[Channel4] play']);
  });

  it('deck folding: different numbers per deck give an empty base and a full code per deck', () => {
    const xml = preset(control('[Channel1]', 'LoadSelectedTrack', 0x96, 0x46) + control('[Channel2]', 'LoadSelectedTrack', 0x96, 0x47));
    assert.deepEqual(rowLines(convertMixxxXml(xml).csv), ['Load,,Button,,9646,9647,,,,,,,,,Mixxx [Channel1]/[Channel2] LoadSelectedTrack']);
  });

  it('14-bit: an MSB/LSB pair is one KnobSliderHiRes row on the MSB code, in either order', () => {
    const xml = preset(
      control('[Master]', 'crossfader', 0xb6, 0x3f, '<fourteen-bit-lsb/>') +
        control('[Master]', 'crossfader', 0xb6, 0x1f, '<fourteen-bit-msb/>') +
        control('[Channel1]', 'volume', 0xb0, 0x13, '<fourteen-bit-msb/>') +
        control('[Channel1]', 'volume', 0xb0, 0x33, '<fourteen-bit-lsb/>'),
    );
    const result = convertMixxxXml(xml);
    // Rows follow the MSB controls' order in the file.
    assert.deepEqual(rowLines(result.csv), [
      'CrossFader,,KnobSliderHiRes,B61F,,,,,,,,,,,Mixxx [Master] crossfader',
      'ChannelFader,,KnobSliderHiRes,B013,0,,,,,,,,,,Mixxx [Channel1] volume',
    ]);
    assert.equal(result.summary.translated, 4);
  });

  it(
    'options choose the type: SelectKnob → Rotary, Spread64 on a jog key → JogRotate, notes → Button (Pad for pad functions), absolute CC → KnobSlider',
    () => {
      const xml = preset(
        control('[Library]', 'MoveVertical', 0xb6, 0x40, '<SelectKnob/>') +
          control('[Channel1]', 'jog', 0xb0, 0x21, '<Spread64/>') +
          control('[Channel1]', 'cue_default', 0x90, 0x0c, '<Button/>') +
          control('[Channel1]', 'hotcue_1_activate', 0x97, 0x00) +
          control('[Channel1]', 'rate', 0xb0, 0x00, '') +
          control('[Channel1]', 'pregain', 0xb0, 0x04, '<Diff/>'),
      );
      const types = Object.fromEntries(parseMapping(convertMixxxXml(xml).csv).mappingRows.map(r => [r.functionName, r.type]));
      assert.deepEqual(types, { Browse: 'Rotary', JogPitchBend: 'JogRotate', Cue: 'Button', PAD1_HotCue: 'Pad', TempoSlider: 'KnobSlider', Gain: 'Rotary' });
    },
  );

  it('outputs: an LED on the control’s own code becomes its MIDI OUT; one on another control’s code does not', () => {
    const xml = preset(
      control('[Channel1]', 'play', 0x90, 0x0b) +
        control('[Channel2]', 'play', 0x91, 0x0b) +
        control('[Channel1]', 'X.other', 0x90, 0x20, '<Script-Binding/>'),
      output('[Channel1]', 'play_indicator', 0x90, 0x0b) +
        output('[Channel2]', 'play_indicator', 0x91, 0x0b) +
        output('[Channel1]', 'play_indicator', 0x90, 0x20),
    );
    const result = convertMixxxXml(xml);
    const play = rowsOf(result.csv, 'PlayPause')[0];
    assert.deepEqual(outputCodesOf(play).map(c => formatCode(c.code)), ['900B', '910B']);
    assert.equal(result.summary.lightsPlaced, 2);
  });

  it('a script-bound control takes the function of its twin on the other deck, and says so', () => {
    const xml = preset(control('[Channel1]', 'P.playButton', 0x90, 0x0b, '<Script-Binding/>') + control('[Channel2]', 'play', 0x91, 0x0b));
    const result = convertMixxxXml(xml);
    assert.deepEqual(rowLines(result.csv), [
      'PlayPause,,Button,900B,0,1,,,,,,,,,Mixxx [Channel1]/[Channel2] P.playButton/play - ' +
        '[Channel1] is a script (P.playButton): function taken from [Channel2] play',
    ]);
    assert.equal(result.summary.fromOtherDeck, 1);
  });

  it('no twin when the other deck binds the same script elsewhere', () => {
    const xml = preset(
      control('[Channel1]', 'P.jogTouch', 0x90, 0x67, '<Script-Binding/>') +
        control('[Channel2]', 'P.jogTouch', 0x91, 0x67, '<Script-Binding/>') +
        control('[Channel2]', 'beatloop_32_toggle', 0x99, 0x67),
    );
    const result = convertMixxxXml(xml);
    assert.equal(result.summary.fromOtherDeck, 0);
    assert.equal(rowsOf(result.csv, 'NoFunction').length, 1);
  });

  it('a control without a Rekordbox equivalent is kept with that reason', () => {
    const result = convertMixxxXml(preset(control('[Library]', 'MoveFocusForward', 0x96, 0x41, '<normal/>', 'BROWSE - press, then more')));
    assert.deepEqual(rowLines(result.csv), [
      'NoFunction,,Button,9641,,,,,,,,,,,Mixxx [Library] MoveFocusForward (no Rekordbox equivalent) - BROWSE - press; then more',
    ]);
    assert.deepEqual(result.summary.needUserReasons.map(r => r.reason), ['noEquivalent']);
  });

  it('malformed XML: the controls read are still converted, the error is in problems and the summary', () => {
    const xml = preset(
      control('[Channel1]', 'play', 0x90, 0x0b) +
        '<control><group>[Channel1]</grup></control>\n' +
        control('[Channel1]', 'cue_default', 0x90, 0x0c),
    );
    const result = convertMixxxXml(xml);
    assert.deepEqual(parseMapping(result.csv).mappingRows.map(r => r.functionName), ['PlayPause', 'Cue']);
    assert.equal(result.problems[0].severity, 'error');
    assert.match(
      result.summary.text,
      /1 error in the XML: Malformed XML at line 7, column \d+: unexpected close tag\. The XML errors after it, which may follow from it, are not listed\.$/,
    );
  });

  it('no <controls>: a mapping with only the @file and header lines, and the error', () => {
    const result = convertMixxxXml('<MixxxControllerPreset><controller id="X"/></MixxxControllerPreset>');
    assert.equal(result.csv, '@file,1,X\r\n#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment\r\n');
    assert.deepEqual(result.problems.map(p => p.message), ['The mapping has no <controls> element (inside <controller>): there are no controls to convert.']);
  });

  it('the device name falls back to <info><name>, then the file name', () => {
    const named = '<MixxxControllerPreset><info><name>My, Box</name></info><controller><controls/></controller></MixxxControllerPreset>';
    assert.ok(convertMixxxXml(named).csv.startsWith('@file,1,My; Box\r\n'));
    const unnamed = '<MixxxControllerPreset><controller><controls/></controller></MixxxControllerPreset>';
    assert.ok(convertMixxxXml(unnamed, { fileName: '/x/Numark Mixtrack.midi.xml' }).csv.startsWith('@file,1,Numark Mixtrack\r\n'));
  });
});
