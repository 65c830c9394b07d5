/** The MIDI monitor's lines (client/src/monitor/monitorModel.ts): folding, 14-bit pairs, jogs, rows, bounds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeMonitorLine, MonitorModel } from '../../../../client/src/monitor/monitorModel';
import type { TimedMidiMessage } from '../../../../client/src/midi/midiHostApi';
import { computeMappingRows } from '../../../../server/src/service/features/mappingRows';
import { parseMapping } from '../../../../server/src/service/model/mappingModel';
import { FACTORY_HEAD } from '../../../helpers/markers';

const m = (time: number, ...bytes: number[]): TimedMidiMessage => ({ bytes, time });
const MAPPING =
  FACTORY_HEAD +
  '# Deck,,,,,,,,,,,,,,\n' +
  'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause\n' + // line 3
  'TempoSlider,TempoSlider,KnobSliderHiRes,B000,0,1,2,3,,,,,,Fast,Tempo\n' + // line 4
  'ChannelFader,ChannelFader,KnobSliderHiRes,B013,0,1,2,3,,,,,,Fast,Fader\n' + // line 5
  '#JogScratch,JogScratch,JogRotate,B022,0,1,2,3,,,,,,RO;Dual,Scratch\n' + // line 6
  'Jog,JogRotate,JogRotate,B021,0,1,2,3,,,,,,Dual,Jog\n' + // line 7
  'Cue,Cue,Button,800C,,,,,,,,,,,release row\n'; // line 8

function model(): MonitorModel {
  const monitor = new MonitorModel();
  monitor.setRows(computeMappingRows(parseMapping(MAPPING), 'file:///m.midi.csv', 1));
  return monitor;
}
const texts = (monitor: MonitorModel) => monitor.lines.map(describeMonitorLine);

describe('MIDI monitor lines', () => {
  it('note on with its velocity names the row and deck; a note on with velocity 0 is a release that reaches the same row', () => {
    const monitor = model();
    monitor.push([m(0, 0x91, 0x0b, 0x7f), m(120, 0x91, 0x0b, 0x00)]);
    assert.deepEqual(texts(monitor), [
      '910B ch 2 note on B-1 (11) velocity 127 → PlayPause deck 2 (line 4)',
      '910B ch 2 note off B-1 (11) velocity 0 → PlayPause deck 2 (line 4)',
    ]);
  });

  it('a note off (8x) reaches its own 8x rows and, as a release, the note-on rows of the same note', () => {
    const monitor = model();
    monitor.push([m(0, 0x80, 0x0b, 0x40), m(5, 0x80, 0x0c, 0x00)]);
    assert.equal(monitor.lines[0].code, '800B');
    assert.deepEqual(monitor.lines[0].rows.map(r => [r.functionName, r.deck, r.via]), [['PlayPause', 1, 'release']]);
    assert.deepEqual(monitor.lines[1].rows.map(r => [r.functionName, r.via]), [['Cue', undefined]]);
  });

  it('a 14-bit pair (CC 19 then CC 51, same channel) is one line with the 14-bit value, updated as the fader moves', () => {
    const monitor = model();
    const sweep: TimedMidiMessage[] = [];
    for (let i = 0; i < 10; i++) {
      const value = 4000 + i * 100;
      sweep.push(m(i * 5, 0xb1, 0x13, value >> 7), m(i * 5 + 0.2, 0xb1, 0x33, value & 0x7f));
    }
    monitor.push(sweep);
    assert.equal(monitor.lines.length, 1);
    const [line] = monitor.lines;
    assert.equal(line.kind, 'highResolution');
    assert.equal(line.count, 20);
    assert.equal(line.value, '4900 (30%)');
    assert.equal(describeMonitorLine(line), 'B113 ch 2 CC 19/51 (14-bit) 4900 (30%) ×20 → ChannelFader deck 2 (line 6)');
  });

  it('CC 51 long after CC 19 is not its LSB: two lines; the lone LSB still names the 14-bit row it belongs to', () => {
    const monitor = model();
    monitor.push([m(0, 0xb0, 0x13, 10), m(1000, 0xb0, 0x33, 20)]);
    assert.deepEqual(monitor.lines.map(l => [l.kind, l.code]), [['controlChange', 'B013'], ['controlChange', 'B033']]);
    assert.deepEqual(monitor.lines[1].rows.map(r => [r.functionName, r.via]), [['ChannelFader', 'lsb']]);
  });

  it('a jog burst (same CC, offset-64 steps) folds into one line with the count and the net direction', () => {
    const monitor = model();
    const spin = Array.from({ length: 60 }, (_, i) => m(i * 2, 0xb0, 0x21, i % 10 === 9 ? 0x42 : 0x41));
    monitor.push(spin);
    monitor.push(Array.from({ length: 5 }, (_, i) => m(200 + i * 2, 0xb0, 0x21, 0x3f)));
    assert.equal(monitor.lines.length, 1);
    assert.equal(describeMonitorLine(monitor.lines[0]), 'B021 ch 1 CC 33 +61 steps, clockwise ×65 → Jog deck 1 (line 8)');
    assert.equal(monitor.lines[0].kind, 'relative');
  });

  it('a two’s-complement encoder turned back reads counter-clockwise; a disabled row is named after the active ones', () => {
    const monitor = model();
    monitor.push([m(0, 0xb0, 0x22, 0x7f), m(30, 0xb0, 0x22, 0x7f), m(60, 0xb0, 0x22, 0x7e)]);
    assert.equal(monitor.lines[0].value, '−4 steps, counter-clockwise');
    assert.deepEqual(monitor.lines[0].rows.map(r => [r.functionName, r.active]), [['#JogScratch', false]]);
  });

  it('an absolute knob swept is one line with its latest value and range, not a jog', () => {
    const monitor = model();
    monitor.push(Array.from({ length: 30 }, (_, i) => m(i * 10, 0xb0, 0x40, 50 + i)));
    assert.equal(monitor.lines.length, 1);
    assert.equal(monitor.lines[0].kind, 'controlChange');
    assert.equal(monitor.lines[0].value, '79 (50–79)');
  });

  it('the same control after a pause starts a new line; two controls moved together keep a line each', () => {
    const monitor = model();
    monitor.push([m(0, 0xb0, 0x40, 1), m(5, 0xb0, 0x41, 1), m(10, 0xb0, 0x40, 2), m(15, 0xb0, 0x41, 2), m(5000, 0xb0, 0x40, 3)]);
    assert.deepEqual(monitor.lines.map(l => [l.code, l.count]), [['B040', 2], ['B041', 2], ['B040', 1]]);
  });

  it('hides clock and active sensing (counted), shows SysEx as one line with its length', () => {
    const monitor = model();
    const sysEx = [0xf0, 0x00, 0x40, 0x05, 0x00, 0x00, 0x01, 0x02, 0xf7];
    monitor.push([m(0, 0xf8), m(1, 0xfe), m(2, 0xf8), m(3, ...sysEx)]);
    assert.deepEqual(monitor.hidden, { clock: 2, activeSensing: 1 });
    assert.deepEqual(texts(monitor), ['SysEx 9 bytes: F0 00 40 05 00 00 …']);
  });

  it('names other messages plainly and skips items that are not MIDI', () => {
    const monitor = model();
    monitor.push([
      m(0, 0xe0, 0x00, 0x40),
      m(1, 0xc3, 0x05),
      m(2, 0xfa),
      m(3),
      { bytes: 'x' } as unknown as TimedMidiMessage,
      null as unknown as TimedMidiMessage,
    ]);
    assert.deepEqual(texts(monitor), ['E000 ch 1 pitch bend 8192', 'C305 ch 4 program change 5', 'start']);
  });

  it('new rows re-tag the lines in view; no rows: no tags', () => {
    const monitor = new MonitorModel();
    monitor.push([m(0, 0x90, 0x0b, 0x7f)]);
    assert.equal(monitor.lines[0].rows.length, 0);
    const before = monitor.revision;
    monitor.setRows(computeMappingRows(parseMapping(MAPPING), 'file:///m.midi.csv', 1));
    assert.ok(monitor.revision > before);
    assert.deepEqual(monitor.lines[0].rows.map(r => r.functionName), ['PlayPause']);
    monitor.setRows(null);
    assert.deepEqual(monitor.lines[0].rows, []);
  });

  it('keeps at most maxLines lines: a minute of 1,000 mixed messages a second stays bounded, newest kept', () => {
    const monitor = new MonitorModel({ maxLines: 200 });
    let time = 0;
    for (let second = 0; second < 60; second++) {
      const batch: TimedMidiMessage[] = [];
      for (let i = 0; i < 1000; i++) {
        time += 1;
        const note = i % 128;
        batch.push(i % 2 ? m(time, 0x90, note, 0x7f) : m(time, 0xb0, i % 64, i % 128));
      }
      monitor.push(batch);
      assert.ok(monitor.lines.length <= 200);
    }
    assert.equal(monitor.lines.length, 200);
    assert.equal(monitor.lines.at(-1)!.lastTime, time);
    assert.ok((monitor as unknown as { open: Map<number, unknown> }).open.size <= 200, 'open-line index bounded too');
  });
});
