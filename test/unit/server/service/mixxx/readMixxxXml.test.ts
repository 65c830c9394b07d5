/** readMixxxXml: what is read from a Mixxx mapping, and how damage is reported. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mixxxFixture } from '../../../../helpers/fixtures';
import { readMixxxXml } from '../../../../../server/src/service/mixxx/readMixxxXml';

const preset = (controls: string, outputs = '') =>
  '<?xml version="1.0" encoding="utf-8"?>\n<MixxxControllerPreset schemaVersion="1">\n<info><name>Test</name></info>\n' +
  `<controller id="TEST-1">\n<controls>\n${controls}</controls>\n<outputs>\n${outputs}</outputs>\n</controller>\n</MixxxControllerPreset>\n`;
const control = (group: string, key: string, status: string, midino: string, options = '<normal/>', description = '') =>
  `<control><description>${description}</description><group>${group}</group><key>${key}</key>` +
  `<status>${status}</status><midino>${midino}</midino><options>${options}</options></control>\n`;

describe('readMixxxXml', () => {
  it('reads the DDJ-400 file: controller id, 204 controls, 112 outputs, no error (a bare & inside a comment is fine)', () => {
    const p = readMixxxXml(mixxxFixture('Pioneer-DDJ-400.midi.xml'));
    assert.equal(p.root, 'MixxxMIDIPreset');
    assert.equal(p.controllerId, 'DDJ-400');
    assert.equal(p.name, 'Pioneer DDJ-400 Custom');
    assert.deepEqual(p.scriptFiles, [{ filename: 'Pioneer-DDJ-400-script.js', functionPrefix: 'PioneerDDJ400' }]);
    assert.equal(p.controls.length, 204);
    assert.equal(p.outputs.length, 112);
    assert.deepEqual(p.problems, []);
    const browse = p.controls[0];
    assert.deepEqual(
      { group: browse.group, key: browse.key, status: browse.status, midino: browse.midino, options: browse.options },
      { group: '[Library]', key: 'MoveVertical', status: 0xb6, midino: 0x40, options: ['selectknob'] },
    );
    assert.equal(browse.description, 'BROWSE - rotate - Scroll tracklist/tree view');
    const out = p.outputs[0];
    assert.deepEqual([out.group, out.key, out.status, out.midino, out.on, out.minimum], ['[Channel1]', 'play_indicator', 0x90, 0x0b, 0x7f, 0.5]);
  });

  it('reads the FLX4 file: its <settings><group> elements are not controls', () => {
    const p = readMixxxXml(mixxxFixture('Pioneer-DDJ-FLX4-ghz.midi.xml'));
    assert.equal(p.root, 'MixxxControllerPreset');
    assert.equal(p.controllerId, 'DDJ-FLX4-ghz');
    assert.equal(p.controls.length, 281);
    assert.equal(p.outputs.length, 112);
    assert.deepEqual(p.problems, []);
  });

  it('option names are read case-insensitively (Script-Binding, script-binding)', () => {
    const p = readMixxxXml(
      preset(control('[Channel1]', 'X.a', '0x90', '0x01', '<Script-Binding/>') + control('[Channel1]', 'X.b', '144', '2', '<script-binding/>')),
    );
    assert.deepEqual(
      p.controls.map(c => [c.options, c.status, c.midino]),
      [
        [['script-binding'], 0x90, 1],
        [['script-binding'], 0x90, 2],
      ],
    );
  });

  it('malformed XML: a message with line and column, and the controls before and after the damage are kept', () => {
    const xml = preset(
      control('[Channel1]', 'play', '0x90', '0x0B') +
        '<control><group>[Channel1]</grup></control>\n' +
        control('[Channel1]', 'cue_default', '0x90', '0x0C'),
    );
    const p = readMixxxXml(xml);
    assert.deepEqual(
      p.controls.map(c => c.key),
      ['play', 'cue_default'],
    );
    const line7 = xml.split('\n')[6];
    const column = line7.indexOf('</grup>') + '</grup>'.length;
    assert.deepEqual(p.problems[0], {
      severity: 'error',
      line: 7,
      column,
      message: `Malformed XML at line 7, column ${column}: unexpected close tag. The XML errors after it, which may follow from it, are not listed.`,
    });
    assert.equal(p.problems.filter(x => x.severity === 'error').length, 1, 'one error: the cause');
  });

  it('a truncated file keeps what came before the cut', () => {
    const xml = preset(control('[Channel1]', 'play', '0x90', '0x0B') + control('[Channel1]', 'cue_default', '0x90', '0x0C'));
    const cut = xml.slice(0, xml.indexOf('cue_default'));
    const p = readMixxxXml(cut);
    assert.deepEqual(p.controls.map(c => c.key), ['play']);
    assert.ok(p.problems.some(x => x.severity === 'error' && /^Malformed XML at line \d+, column \d+: /.test(x.message)));
  });

  it("a bare '&' in text is read as '&' and reported where it stands", () => {
    const p = readMixxxXml(preset(control('[Channel1]', 'play', '0x90', '0x0B', '<normal/>', 'PLAY & PAUSE')));
    assert.equal(p.controls[0].description, 'PLAY & PAUSE');
    assert.equal(p.problems.length, 1);
    assert.equal(p.problems[0].message, `Malformed XML at line 6, column ${p.problems[0].column}: '&' must be written '&amp;' (read as '&').`);
    assert.equal(p.problems[0].column, 'control><description>PLAY '.length + 2);
  });

  it('a preset with no <controls> says so', () => {
    const p = readMixxxXml('<MixxxControllerPreset><info><name>x</name></info><controller id="X"></controller></MixxxControllerPreset>');
    assert.deepEqual(p.problems, [
      { severity: 'error', message: 'The mapping has no <controls> element (inside <controller>): there are no controls to convert.' },
    ]);
  });

  it('not XML at all', () => {
    const p = readMixxxXml('@file,1,DDJ-400\r\n');
    assert.equal(p.controls.length, 0);
    assert.deepEqual(p.problems, [{ severity: 'error', message: 'No XML element found: this is not a Mixxx mapping (*.midi.xml).' }]);
  });

  it('a status byte that is not a channel message (0xF0) is skipped with the reason', () => {
    const p = readMixxxXml(preset(control('[Channel1]', 'play', '0xF0', '0x0B') + control('[Channel1]', 'cue_default', '0x90', '0x0C')));
    assert.deepEqual(p.controls.map(c => c.key), ['cue_default']);
    assert.deepEqual(p.problems, [
      {
        severity: 'warning',
        line: 6,
        message:
          '<control> at line 6 ([Channel1] play): status 0xF0 is not a MIDI channel message (0x80–0xEF): ' +
          'Rekordbox codes are channel messages, so it is skipped.',
      },
    ]);
  });

  it('a control without <midino> or with a value that is no MIDI byte is skipped with the reason', () => {
    const p = readMixxxXml(
      preset('<control><group>[Channel1]</group><key>play</key><status>0x90</status></control>\n' + control('[Channel1]', 'cue_default', '0x90', '0x80')),
    );
    assert.equal(p.controls.length, 0);
    assert.deepEqual(
      p.problems.map(x => x.message),
      [
        '<control> at line 6 ([Channel1] play) has no <midino>: skipped.',
        "<control> at line 7 ([Channel1] cue_default): midino '0x80' is not a MIDI byte (0x00–0x7F for midino, 0x80–0xEF for status): skipped.",
      ],
    );
  });
});
