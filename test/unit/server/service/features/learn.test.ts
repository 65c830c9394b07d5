/**
 * `rekordboxMidi/learn` in the language service: message streams shaped like real controllers
 * (learn/midiStream.ts, learn/inferControl.ts), where the code goes at the cursor, and conflicts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { LearnMessage, LearnResult } from '../../../../../protocol/messages';
import { computeLearn } from '../../../../../server/src/service/features/learn';
import { JOG_MAX_MEDIAN_GAP_MS, JOG_MIN_MESSAGES } from '../../../../../server/src/service/learn/inferControl';
import { MAX_BYTES, parseMidiStream } from '../../../../../server/src/service/learn/midiStream';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { applyEdits } from '../../../../helpers/applyEdits';
import { junkTexts, random } from '../../../../helpers/junk';
import { EXPORT_HEAD, FACTORY_HEAD, marked } from '../../../../helpers/markers';

const URI = 'file:///learn.midi.csv';

/** One message as a port delivers it: `m(0, 0x90, 0x0B, 0x7F)`. */
const m = (time: number, ...bytes: number[]): LearnMessage => ({ bytes, time });

// Streams shaped like real controllers.
const press = (note = 0x0b, channel = 0, t = 0): LearnMessage[] => [m(t, 0x90 | channel, note, 0x7f), m(t + 140, 0x80 | channel, note, 0x00)];
const pressZero = (note = 0x0b, channel = 0, t = 0): LearnMessage[] => [m(t, 0x90 | channel, note, 0x7f), m(t + 140, 0x90 | channel, note, 0x00)];
/** A 14-bit fader (Pioneer style): MSB on CC n, then LSB on CC n+32, for each step. */
function hiResSweep(cc: number, channel = 0, steps = 12, t = 0): LearnMessage[] {
  const out: LearnMessage[] = [];
  for (let i = 0; i < steps; i++) {
    const value = 3000 + i * 150;
    out.push(m(t + i * 6, 0xb0 | channel, cc, value >> 7), m(t + i * 6, 0xb0 | channel, cc + 32, value & 0x7f));
  }
  return out;
}
/** A jog wheel spun forward (offset 64: 0x41 = +1, faster steps now and then), one message every ms or two. */
function jogSpin(cc = 0x22, channel = 0, count = 80, value = 0x41, t = 0): LearnMessage[] {
  return Array.from({ length: count }, (_, i) => m(t + i * 1.5, 0xb0 | channel, cc, i % 7 === 6 ? value + (value > 0x40 ? 1 : -1) : value));
}
/** An absolute knob turned up (7-bit, one message per change). */
function sweep(cc: number, from: number, to: number, channel = 0, t = 0): LearnMessage[] {
  const out: LearnMessage[] = [];
  const step = from <= to ? 1 : -1;
  for (let v = from, i = 0; v !== to + step; v += step, i++) out.push(m(t + i * 12, 0xb0 | channel, cc, v));
  return out;
}

function learn(messages: unknown, source = '|', head = FACTORY_HEAD): { result: LearnResult; text: string; after: string; edits: TextEdit[] } {
  const { text, cursor } = marked(head + source);
  const result = computeLearn(parseMapping(text), { uri: URI, version: 7, position: cursor, messages });
  const edits = result.edit ? editsOf(result) : [];
  return { result, text, after: applyEdits(text, edits), edits };
}

function editsOf(result: LearnResult): TextEdit[] {
  const changes = result.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1, 'one document change');
  const change = changes[0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri: URI, version: 7 });
  return change.edits as TextEdit[];
}

/** What the learn decides, without a document. */
function learned(messages: unknown) {
  return computeLearn(undefined, { uri: URI, position: { line: 0, character: 0 }, messages });
}

const lineOf = (text: string, line: number) => text.split(/\r\n|\n|\r/)[line];

describe('learn: reading the byte stream', () => {
  it('reads one message per item, several in one packet, and running status within and across items', () => {
    const { events, noise } = parseMidiStream([
      m(0, 0x90, 0x0b, 0x7f, 0x0b, 0x00),
      m(5, 0xb0, 0x13, 0x10),
      m(6, 0x33, 0x22),
      m(7, 0x80, 0x0b, 0x40, 0xc3, 0x05),
    ]);
    assert.deepEqual(
      events.map(e => [e.status, e.data1, e.data2, e.time]),
      [
        [0x90, 0x0b, 0x7f, 0],
        [0x90, 0x0b, 0x00, 0],
        [0xb0, 0x13, 0x10, 5],
        [0xb0, 0x33, 0x22, 6],
        [0x80, 0x0b, 0x40, 7],
        [0xc3, 0x05, 0, 7],
      ],
    );
    assert.equal(noise.strayBytes, 0);
  });

  it('drops clock and active sensing anywhere, even inside a message, without breaking running status', () => {
    const { events, noise } = parseMidiStream([m(0, 0x90, 0xf8, 0x0b, 0xfe, 0x7f), m(1, 0xf8), m(2, 0x0b, 0xf8, 0x00)]);
    assert.deepEqual(
      events.map(e => [e.status, e.data1, e.data2]),
      [
        [0x90, 0x0b, 0x7f],
        [0x90, 0x0b, 0x00],
      ],
    );
    assert.deepEqual([noise.clock, noise.activeSensing], [3, 1]);
  });

  it('skips SysEx (ended by F7 or by the next status) and system common messages, which cancel running status', () => {
    const { events, noise } = parseMidiStream([
      m(0, 0x90, 0x0b, 0x7f),
      m(1, 0xf0, 0x47, 0x7f, 0x12, 0x00, 0x0b, 0xf7),
      m(2, 0x0b, 0x00), // no running status after a SysEx: stray
      m(3, 0xf0, 0x00, 0x20, 0x7f), // unterminated SysEx…
      m(4, 0x80, 0x0b, 0x00), // …ended by a status byte
      m(5, 0xf2, 0x10, 0x20, 0xf3, 0x01, 0xfa, 0xfc),
    ]);
    assert.deepEqual(
      events.map(e => [e.status, e.data1]),
      [
        [0x90, 0x0b],
        [0x80, 0x0b],
      ],
    );
    assert.deepEqual(noise, { clock: 0, activeSensing: 0, sysEx: 2, otherSystem: 4, strayBytes: 2, invalidItems: 0 });
  });

  it('counts items that are not MIDI bytes and never throws on them', () => {
    const junk = [
      null, 42, 'x', {}, { bytes: 'x' }, { bytes: [256] }, { bytes: [-1] }, { bytes: [1.5] }, { bytes: [NaN] }, { bytes: [[1]] }, m(NaN, 0x90, 1, 2),
    ];
    const { events, noise } = parseMidiStream(junk);
    assert.equal(events.length, 1);
    assert.equal(events[0].time, 0, 'a missing time reads as the previous one');
    assert.equal(noise.invalidItems, 10);
    for (const value of [undefined, null, 0, 'abc', {}, { length: 3 }]) assert.deepEqual(parseMidiStream(value).events, []);
  });

  it('stops reading after MAX_BYTES', () => {
    const flood = Array.from({ length: 40 }, (_, i) => ({ bytes: new Array<number>(50_000).fill(0x11), time: i }));
    flood.unshift(m(0, 0xf0));
    const parsed = parseMidiStream([...flood, ...press()]);
    assert.ok(40 * 50_000 > MAX_BYTES);
    assert.equal(parsed.truncated, true);
    assert.deepEqual(parsed.events, []);
  });
});

describe('learn: which control and which type', () => {
  it('note on + note off → Button with the note-on code', () => {
    const { learned: l } = learned(press(0x0b, 0));
    assert.deepEqual(
      { code: l?.code, type: l?.type, reason: l?.reason, messages: l?.messages },
      { code: '900B', type: 'Button', reason: 'note on, then note off', messages: 2 },
    );
  });

  it('a velocity-0 note on is the release', () => {
    const { learned: l } = learned(pressZero(0x0c, 1));
    assert.equal(l?.code, '910C');
    assert.equal(l?.type, 'Button');
    assert.match(l!.reason, /velocity 0 \(a release\)/);
  });

  it('running status: a pad pressed and released as 9x nn 7F nn 00', () => {
    const { learned: l } = learned([m(0, 0x97, 0x00, 0x7f), m(90, 0x00, 0x00)]);
    assert.equal(l?.code, '9700');
    assert.equal(l?.type, 'Button');
  });

  it('only a release seen still learns the button (its note-on code)', () => {
    const { learned: l } = learned([m(0, 0x82, 0x0b, 0x00)]);
    assert.equal(l?.code, '920B');
    assert.match(l!.reason, /only a release/);
  });

  it('pad pressure (poly aftertouch) belongs to its note', () => {
    const { learned: l, others } = learned([m(0, 0x97, 0x01, 0x50), m(3, 0xa7, 0x01, 0x60), m(6, 0xa7, 0x01, 0x70), m(80, 0x87, 0x01, 0x00)]);
    assert.equal(l?.code, '9701');
    assert.equal(l?.messages, 4);
    assert.equal(others, undefined);
  });

  it('B013/B033 pairs → KnobSliderHiRes B013 (the MSB), also with running status', () => {
    const { learned: l } = learned(hiResSweep(0x13));
    assert.deepEqual(
      { code: l?.code, type: l?.type, lsb: l?.lsbCode, messages: l?.messages },
      { code: 'B013', type: 'KnobSliderHiRes', lsb: 'B033', messages: 24 },
    );
    const running = learned([m(0, 0xb1, 0x00, 0x40, 0x20, 0x11, 0x00, 0x41, 0x20, 0x05)]);
    assert.equal(running.learned?.code, 'B100');
    assert.equal(running.learned?.type, 'KnobSliderHiRes');
  });

  it('a slow 14-bit move that starts on the LSB is still the MSB control', () => {
    const { learned: l } = learned([m(0, 0xb0, 0x33, 0x10), m(5, 0xb0, 0x33, 0x11), ...hiResSweep(0x13, 0, 2, 10)]);
    assert.equal(l?.code, 'B013');
    assert.equal(l?.type, 'KnobSliderHiRes');
  });

  it('CC n and CC n+32 that never come as a pair are two controls', () => {
    const result = learned([...sweep(0x13, 10, 20), ...sweep(0x33, 10, 20, 0, 500)]);
    assert.equal(result.learned?.code, 'B013');
    assert.equal(result.learned?.type, 'KnobSlider');
    assert.deepEqual(result.others, ['B033']);
  });

  it(`a jog burst of 0x41 (${JOG_MIN_MESSAGES}+ messages, ≤ ${JOG_MAX_MEDIAN_GAP_MS} ms apart) → JogRotate; backwards 0x3F too`, () => {
    const forward = learned(jogSpin(0x22, 0, 80, 0x41)).learned;
    assert.deepEqual([forward?.code, forward?.type, forward?.encoding], ['B022', 'JogRotate', 'offset64']);
    const backward = learned(jogSpin(0x21, 1, 60, 0x3f)).learned;
    assert.deepEqual([backward?.code, backward?.type, backward?.encoding], ['B121', 'JogRotate', 'offset64']);
    const both = learned([...jogSpin(0x22, 0, 30, 0x41), ...jogSpin(0x22, 0, 30, 0x3f, 45)]).learned;
    assert.equal(both?.type, 'JogRotate');
  });

  it('the same steps slowly, or only a few → Rotary (an encoder such as Browse)', () => {
    const slow = learned([0, 70, 150, 240, 330].map(t => m(t, 0xb6, 0x40, 0x41))).learned;
    assert.deepEqual([slow?.code, slow?.type, slow?.encoding], ['B640', 'Rotary', 'offset64']);
    const fewFast = learned(jogSpin(0x40, 6, JOG_MIN_MESSAGES - 1)).learned;
    assert.equal(fewFast?.type, 'Rotary');
    const sparse = learned(Array.from({ length: 40 }, (_, i) => m(i * 30, 0xb6, 0x40, 0x3f))).learned;
    assert.equal(sparse?.type, 'Rotary');
    const oneStep = learned([m(0, 0xb6, 0x40, 0x3f)]).learned;
    assert.equal(oneStep?.type, 'Rotary');
    const backAndForth = learned([m(0, 0xb6, 0x40, 0x41), m(90, 0xb6, 0x40, 0x3f), m(200, 0xb6, 0x40, 0x41)]).learned;
    assert.equal(backAndForth?.type, 'Rotary');
  });

  it("two's complement steps (0x01 = +1, 0x7F = −1) are relative too", () => {
    const l = learned([0, 40, 80, 120].map(t => m(t, 0xb0, 0x10, 0x01))).learned;
    assert.deepEqual([l?.type, l?.encoding], ['Rotary', 'twosComplement']);
    const jog = learned(Array.from({ length: 50 }, (_, i) => m(i, 0xb0, 0x10, i % 5 ? 0x7f : 0x7e))).learned;
    assert.deepEqual([jog?.type, jog?.encoding], ['JogRotate', 'twosComplement']);
  });

  it('absolute sweeps → KnobSlider, even through the middle or near the ends', () => {
    for (const [from, to] of [
      [0x00, 0x7f],
      [0x7f, 0x00],
      [60, 68],
      [0x3e, 0x42],
      [5, 0],
      [120, 127],
      [1, 4],
    ]) {
      const l = learned(sweep(0x1f, from, to, 2)).learned;
      assert.deepEqual([l?.code, l?.type], ['B21F', 'KnobSlider'], `${from}→${to}`);
    }
    // Skipping values (a fast move), and 64 itself in a wiggle: still absolute.
    assert.equal(learned([62, 63, 65, 66].map((v, i) => m(i * 5, 0xb0, 0x05, v))).learned?.type, 'KnobSlider');
    assert.equal(learned([63, 64, 63, 64, 65].map((v, i) => m(i * 5, 0xb0, 0x05, v))).learned?.type, 'KnobSlider');
  });

  it('a control change sending 127 then 0 is a button', () => {
    const l = learned([m(0, 0xb0, 0x59, 0x7f), m(120, 0xb0, 0x59, 0x00), m(400, 0xb0, 0x59, 0x7f), m(500, 0xb0, 0x59, 0x00)]).learned;
    assert.deepEqual([l?.code, l?.type], ['B059', 'Button']);
  });

  it('a shift layer is just another note: Shift+Play sends its own note', () => {
    const l = learned(press(0x47, 0)).learned;
    assert.deepEqual([l?.code, l?.type], ['9047', 'Button']);
  });

  it('a shift button held down while another control moves is not learned, and the summary says so', () => {
    const stream = [m(0, 0x90, 0x3f, 0x7f), ...press(0x47, 0, 200), m(600, 0x80, 0x3f, 0x00)];
    const result = learned(stream);
    assert.equal(result.learned?.code, '9047');
    assert.match(result.summary, /903F was held down meanwhile/);
    // Still held when the learn ends: the same.
    assert.equal(learned([m(0, 0x90, 0x3f, 0x7f), ...press(0x47, 0, 200)]).learned?.code, '9047');
    // A jog touched and spun: the rotation is learned.
    const jog = learned([m(0, 0x90, 0x36, 0x7f), ...jogSpin(0x22, 0, 60, 0x41, 10), m(200, 0x90, 0x36, 0x00)]);
    assert.deepEqual([jog.learned?.code, jog.learned?.type], ['B022', 'JogRotate']);
    assert.match(jog.summary, /9036 was held down/);
  });

  it('several controls: the first one, and the summary names the others', () => {
    const result = learned([...sweep(0x13, 20, 40), ...press(0x0b, 0, 600), ...jogSpin(0x22, 1, 40, 0x41, 900)]);
    assert.equal(result.learned?.code, 'B013');
    assert.deepEqual(result.others, ['900B', 'B122']);
    assert.match(result.summary, /Several controls moved: learned the first; also moved: 900B Button, B122 JogRotate\./);
    // Two buttons one after the other: the first.
    assert.equal(learned([...press(0x0c), ...press(0x0b, 0, 300)]).learned?.code, '900C');
  });

  it('clock, active sensing and SysEx noise interleaved change nothing', () => {
    const noisy: LearnMessage[] = [];
    const clean = [...press(0x0b, 3)];
    for (let i = 0; i < 24; i++) noisy.push(m(i * 10, 0xf8));
    noisy.splice(3, 0, m(25, 0xf0, 0x00, 0x40, 0x05, 0x00, 0x00, 0x04, 0x02, 0xf7), clean[0], m(27, 0xfe));
    noisy.splice(12, 0, clean[1], m(140, 0xf0, 0x7e, 0x7f, 0x06, 0x01, 0xf7));
    const result = learned(noisy);
    assert.deepEqual([result.learned?.code, result.learned?.type, result.learned?.messages], ['930B', 'Button', 2]);
    assert.deepEqual(result.ignored, { clock: 24, activeSensing: 1, sysEx: 2, otherSystem: 0, strayBytes: 0, invalidItems: 0 });
  });

  it('a SysEx flood before the control does not hide it', () => {
    const flood = [m(0, 0xf0), ...Array.from({ length: 100 }, (_, i) => ({ bytes: new Array<number>(1000).fill(0x55), time: i }))];
    assert.equal(learned([...flood, ...press()]).learned?.code, '900B');
  });
});

describe('learn: nothing to learn is said plainly, never thrown', () => {
  const cases: [string, unknown, RegExp][] = [
    ['no messages', [], /no MIDI message arrived/],
    ['messages not an array', { bytes: [0x90] }, /no MIDI message arrived/],
    ['only clock and active sensing', [m(0, 0xf8), m(1, 0xf8), m(2, 0xfe)], /only 2 clock \(F8\), 1 active sensing \(FE\) arrived/],
    ['only SysEx', [m(0, 0xf0, 1, 2, 3, 0xf7)], /only 1 SysEx arrived/],
    ['running status without a status', [m(0, 0x0b, 0x7f), m(1, 0x0b, 0x00)], /4 data bytes with no status byte before them/],
    ['pitch bend', [m(0, 0xe0, 0x00, 0x40), m(1, 0xe0, 0x10, 0x41)], /pitch bend, ch 1 \(2 messages\).*pitch bend, pressure and program changes have none/],
    ['an unfinished message', [m(0, 0x90, 0x0b)], /Nothing learned/],
    ['bytes that are not bytes', [{ bytes: [300, -1] }, { bytes: 'F8' }, null], /3 items that were not MIDI bytes/],
  ];
  for (const [name, messages, summary] of cases) {
    it(name, () => {
      const { result, after, text } = learn(messages, '|');
      assert.equal(result.edit, null);
      assert.equal(result.learned, undefined);
      assert.match(result.summary, summary);
      assert.equal(after, text);
    });
  }

  it('a document that is not open, or no cursor position: learned, nothing written', () => {
    const closed = computeLearn(undefined, { uri: URI, position: { line: 3, character: 0 }, messages: press() });
    assert.equal(closed.edit, null);
    assert.equal(closed.learned?.code, '900B');
    assert.match(closed.summary, /^Learned Button 900B .*is not open .*nothing written\.$/);
    for (const position of [undefined, null, {}, { line: -1, character: 0 }, { line: 1.5, character: 0 }, { line: '2', character: 0 }]) {
      const result = computeLearn(parseMapping(FACTORY_HEAD), { uri: URI, position, messages: press() });
      assert.equal(result.edit, null);
      assert.match(result.summary, /no cursor position/);
    }
  });

  it('never throws: random bytes at random places in junk and damaged texts', () => {
    const rnd = random(7);
    for (const { name, text } of junkTexts()) {
      const model = parseMapping(text);
      for (let k = 0; k < 4; k++) {
        const messages = Array.from({ length: 1 + Math.floor(rnd() * 30) }, (_, i) => ({
          bytes: Array.from({ length: Math.floor(rnd() * 6) }, () => Math.floor(rnd() * 256)),
          time: i * rnd() * 10,
        }));
        const position = { line: Math.floor(rnd() * (model.rows.length + 2)), character: Math.floor(rnd() * 40) };
        const result = computeLearn(model, { uri: URI, position, messages });
        assert.equal(typeof result.summary, 'string', name);
        if (result.edit) {
          const edits = (result.edit.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
          assert.doesNotThrow(() => applyEdits(text, edits), name);
        }
      }
    }
  });
});

describe('learn: where the code goes', () => {
  const PLAY = 'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause';

  it('on the MIDI IN code cell: replaced (the type kept, and said when it differs)', () => {
    const { result, after, edits } = learn(press(0x0c), 'PlayPause,PlayPause,Button,90|0B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause\n');
    assert.equal(lineOf(after, 2), 'PlayPause,PlayPause,Button,900C,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause');
    assert.equal(edits.length, 1, 'only the cell is replaced');
    assert.deepEqual(result.target, { line: 2, column: 3 });
    assert.equal(result.cursor, undefined);
    assert.equal(result.summary, 'Learned Button 900C (note on, ch 1, note 12 (C0)): wrote MIDI IN on line 3.');

    const rotary = learn(jogSpin(0x22), 'Browse,Browse,Rotary,|B640,,,,,,,,,,,\n');
    assert.equal(lineOf(rotary.after, 2), 'Browse,Browse,Rotary,B022,,,,,,,,,,,');
    assert.match(rotary.result.summary, /The row's type stays Rotary \(the control looks like JogRotate\)\./);
  });

  it('on the MIDI IN code cell of a row with no type: the type is filled too', () => {
    const { after } = learn(hiResSweep(0x13), 'ChannelFader,,,|,0,1,2,3,,,,,,,\n');
    assert.equal(lineOf(after, 2), 'ChannelFader,,KnobSliderHiRes,B013,0,1,2,3,,,,,,,');
  });

  it('on the MIDI OUT code cell: replaced, the type untouched', () => {
    const { result, after } = learn(press(0x0c), 'Cue,Cue,,900C,0,1,2,3,|900B,0,1,2,3,,\n');
    assert.equal(lineOf(after, 2), 'Cue,Cue,,900C,0,1,2,3,900C,0,1,2,3,,');
    assert.deepEqual(result.target, { line: 2, column: 8 });
    assert.match(result.summary, /wrote MIDI OUT on line 3\./);
  });

  it('on a deck cell whose base matches apart from the channel: the channel offset', () => {
    const { result, after } = learn(press(0x0b, 2), 'PlayPause,PlayPause,Button,900B,0,1,|9,3,900B,0,1,2,3,Fast,Play/Pause\n');
    assert.equal(lineOf(after, 2), PLAY);
    assert.deepEqual(result.target, { line: 2, column: 6 });
    assert.match(result.summary, /wrote channel 2 in deck 3's MIDI IN on line 3 \(900B \+ 2 = 920B\)\./);
  });

  it('deck channels are added to the base channel: base 910B, learned 930B → 2', () => {
    const { after } = learn(press(0x0b, 3), 'X,,Button,910B,0,1,|,,,,,,,,\n');
    assert.equal(lineOf(after, 2), 'X,,Button,910B,0,1,2,,,,,,,,');
  });

  it('a deck below the base channel, or a base that does not match: the full code', () => {
    const below = learn(press(0x0b, 0), 'X,,Button,910B,0,|,,,,,,,,,\n');
    assert.equal(lineOf(below.after, 2), 'X,,Button,910B,0,900B,,,,,,,,,');
    assert.match(below.result.summary, /below the base 910B's/);
    const other = learn(press(0x47, 7), 'Load,Browse+Press,Button,,9646,|9647,9648,9649,,,,,,,\n');
    assert.equal(lineOf(other.after, 2), 'Load,Browse+Press,Button,,9646,9747,9648,9649,,,,,,,');
    const note = learn(hiResSweep(0x13, 1), 'X,,Button,900B,0,|1,,,,,,,,,\n');
    assert.equal(lineOf(note.after, 2), 'X,,Button,900B,0,B113,,,,,,,,,');
    assert.match(note.result.summary, /The row's type stays Button \(the control looks like KnobSliderHiRes\)\./);
    assert.equal(lineOf(learn(press(0x0b, 1), 'X,,,900B,0,|,,,,,,,,,\n').after, 2), 'X,,Button,900B,0,1,,,,,,,,,', 'an empty type is filled');
  });

  it('on a MIDI OUT deck cell: the same rule against the MIDI OUT base', () => {
    const { after } = learn(press(0x0b, 1), 'PlayPause,,Button,900B,0,1,2,3,900B,0,|,2,3,,\n');
    assert.equal(lineOf(after, 2), 'PlayPause,,Button,900B,0,1,2,3,900B,0,1,2,3,,');
  });

  it('on a row with an empty input: the input and the empty type are filled, wherever the cursor is', () => {
    assert.equal(lineOf(learn(press(), 'Play|Pause,PlayPause,,,,,,,,,,,,,Play\n').after, 2), 'PlayPause,PlayPause,Button,900B,,,,,,,,,,,Play');
    assert.equal(lineOf(learn(press(), 'PlayPause,PlayPause,,,,,,,,,,,,,Pl|ay\n').after, 2), 'PlayPause,PlayPause,Button,900B,,,,,,,,,,,Play');
    // A type already there is kept.
    const typed = learn(sweep(0x1f, 0, 20), 'Gain,,Rotary|,,,,,,,,,,,,\n');
    assert.equal(lineOf(typed.after, 2), 'Gain,,Rotary,B01F,,,,,,,,,,,');
    assert.match(typed.result.summary, /type stays Rotary \(the control looks like KnobSlider\)/);
  });

  it('on a row just started (fewer than 15 fields): filled and padded to 15 fields', () => {
    const { after, result } = learn(press(), 'PlayPause|\n');
    assert.equal(lineOf(after, 2), 'PlayPause,,Button,900B,,,,,,,,,,,');
    assert.deepEqual(result.target, { line: 2, column: 3 });
    assert.equal(lineOf(learn(press(), 'Cue,Cue|\n').after, 2), 'Cue,Cue,Button,900B,,,,,,,,,,,');
  });

  it('on a row that has a MIDI IN, away from code cells: nothing written, and where to go', () => {
    const { result, after, text } = learn(press(0x0c), PLAY.replace('Play/Pause', 'Play/|Pause') + '\n');
    assert.equal(result.edit, null);
    assert.equal(after, text);
    assert.equal(result.learned?.code, '900C');
    assert.match(result.summary, /nothing written: line 3 already has a MIDI IN \(put the cursor on the code or deck cell/);
    // Full per-deck codes with an empty base count as a MIDI IN: a base would be ignored there.
    assert.equal(learn(press(), 'Lo|ad,,Button,,9646,9647,,,,,,,,,\n').result.edit, null);
  });

  it('the same code already there: nothing to change', () => {
    const { result } = learn(press(), PLAY.replace('900B,0', '90|0B,0') + '\n');
    assert.equal(result.edit, null);
    assert.match(result.summary, /MIDI IN on line 3 already has 900B: nothing to change\./);
  });

  it('on an empty line: a new 15-field row (type and code, function empty), the cursor to column 0', () => {
    const { result, after } = learn(press(), `${PLAY}\r\n|\r\nCue,Cue,Button,900C,0,1,2,3,,,,,,,\r\n`, FACTORY_HEAD.replace(/\n/g, '\r\n'));
    assert.equal(after.split('\r\n')[3], ',,Button,900B,,,,,,,,,,,');
    assert.equal(after.split('\r\n')[4], 'Cue,Cue,Button,900C,0,1,2,3,,,,,,,');
    assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
    assert.deepEqual(result.cursor, { line: 3, character: 0 });
    assert.deepEqual(result.target, { line: 3, column: 3 });
    assert.match(result.summary, /added a row on line 4; type its function at the start of the line/);
  });

  it('on the last, empty line of a file ending in a line ending: the file still ends with one', () => {
    const { after, result } = learn(hiResSweep(0x13), `${PLAY}\r\n|`, FACTORY_HEAD.replace(/\n/g, '\r\n'));
    assert.ok(after.endsWith(`${PLAY}\r\n,,KnobSliderHiRes,B013,,,,,,,,,,,\r\n`));
    assert.deepEqual(result.cursor, { line: 3, character: 0 });
  });

  it("past the end: appended with the file's line ending (LF here), no final newline added where there was none", () => {
    const { text } = marked(FACTORY_HEAD + PLAY);
    const model = parseMapping(text);
    const result = computeLearn(model, { uri: URI, version: 7, position: { line: 40, character: 9 }, messages: press(0x0c) });
    const after = applyEdits(text, editsOf(result));
    assert.equal(after, `${FACTORY_HEAD}${PLAY}\n,,Button,900C,,,,,,,,,,,`);
    assert.deepEqual(result.cursor, { line: 3, character: 0 });
    // With a final newline: onto the empty last line.
    const withNewline = computeLearn(parseMapping(text + '\n'), { uri: URI, position: { line: 99, character: 0 }, messages: press(0x0c) });
    assert.deepEqual(withNewline.cursor, { line: 3, character: 0 });
    assert.equal(
      applyEdits(text + '\n', (withNewline.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]),
      `${FACTORY_HEAD}${PLAY}\n,,Button,900C,,,,,,,,,,,\n`,
    );
  });

  it('in an empty document: a row with CRLF (as for new files)', () => {
    const result = computeLearn(parseMapping(''), { uri: URI, position: { line: 0, character: 0 }, messages: press() });
    assert.equal(applyEdits('', (result.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]), ',,Button,900B,,,,,,,,,,,\r\n');
  });

  it('on a separator row: it becomes the new row', () => {
    const { after, result } = learn(press(), `${PLAY}\n,,,|,,,,,,,,,,,\n# Mixer,,,,,,,,,,,,,,\n`);
    assert.equal(lineOf(after, 3), ',,Button,900B,,,,,,,,,,,');
    assert.equal(lineOf(after, 4), '# Mixer,,,,,,,,,,,,,,');
    assert.deepEqual(result.cursor, { line: 3, character: 0 });
  });

  it('on the @file line, the header row or a section row: nothing written', () => {
    for (const [source, where] of [
      ['@file,1,Test| Device\n', /the @file line/],
      ['@file,1,Test Device\n#name,func|tion,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment\n', /the column-header row/],
      ['@file,1,Test Device\n# Deck|,,,,,,,,,,,,,,\n', /a section row/],
    ] as const) {
      const result = learn(press(), source, '').result;
      assert.equal(result.edit, null);
      assert.match(result.summary, where);
    }
  });

  it('export files (no header) work the same', () => {
    const { after } = learn(press(0x10, 7), 'ActivePartDrums,,Button,,9710,|,,,,,,,,,\n', EXPORT_HEAD);
    assert.equal(lineOf(after, 1), 'ActivePartDrums,,Button,,9710,9710,,,,,,,,,');
  });

  it('a quoted cell is replaced with its quotes, other quoted cells are left alone', () => {
    const { after } = learn(press(0x0c), '"Play,Pause",x,Button,"9|00B",,,,,,,,,,,\n');
    assert.equal(lineOf(after, 2), '"Play,Pause",x,Button,900C,,,,,,,,,,,');
  });
});

describe('learn: conflicts', () => {
  const PLAY = 'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause';

  it('a new row with a code PlayPause receives: written, and the summary names the row', () => {
    const { result, after } = learn(press(0x0b, 1), `${PLAY}\n|\n`);
    assert.equal(lineOf(after, 3), ',,Button,910B,,,,,,,,,,,');
    assert.deepEqual(result.conflicts, [{ line: 2, functionName: 'PlayPause', code: '910B', kind: 'same-code' }]);
    assert.match(result.summary, /Conflict: line 3 \(PlayPause\) also receives 910B \(Rekordbox takes one function per code\)\.$/);
  });

  it("a base code whose decks now hit another function's code: each such row named once", () => {
    const { result, after } = learn(press(0x0c), `${PLAY}\nCue,Cue,Button,|9000,0,1,2,3,,,,,,,\nX,,Button,920C,,,,,,,,,,,\nY,,Button,,930C,900C,,,,,,,,,\n`);
    assert.equal(lineOf(after, 3), 'Cue,Cue,Button,900C,0,1,2,3,,,,,,,');
    assert.deepEqual(result.conflicts?.map(c => [c.line, c.functionName, c.code]), [
      [4, 'X', '920C'],
      [5, 'Y', '930C'],
    ]);
    const moved = learn(press(0x0b), `${PLAY}\nCue,Cue,Button,|900C,0,1,2,3,,,,,,,\n`);
    assert.deepEqual(moved.result.conflicts?.map(c => [c.line, c.functionName, c.code]), [[2, 'PlayPause', '900B']]);
    assert.ok(moved.result.edit, 'still written');
  });

  it('the same function on another row, rows that assign nothing and output-only rows are no conflict', () => {
    const source =
      `${PLAY}\n` +
      '#,,Button,900C,,,,,,,,,,,\n' +
      'NoFunction,,Button,900C,,,,,,,,,,,\n' +
      'Led,,Indicator,900C,,,,,,,,,,,\n' +
      'PlayPause,,Button,|9047,,,,,,,,,,,\n';
    const same = learn(press(0x0b), source);
    assert.equal(same.result.conflicts, undefined);
    assert.doesNotMatch(same.result.summary, /Conflict/);
    const unassigned = learn(press(0x0c), source);
    assert.equal(unassigned.result.conflicts, undefined);
  });

  it('several conflicts: the first three named, all returned', () => {
    const rows = ['A', 'B', 'C', 'D'].map(f => `${f},,Button,900B,,,,,,,,,,,`).join('\n');
    const { result } = learn(press(), `${rows}\n|\n`);
    assert.equal(result.conflicts?.length, 4);
    assert.match(result.summary, /line 3 \(A\) also receives 900B; line 4 \(B\) .*; line 5 \(C\) .*; and 1 more/);
  });

  it("14-bit: the learned fader's LSB is another row's code, or the learned code is another fader's LSB", () => {
    const lsb = learn(hiResSweep(0x13), `Foo,,Button,B033,,,,,,,,,,,\n|\n`);
    assert.deepEqual(lsb.result.conflicts, [{ line: 2, functionName: 'Foo', code: 'B033', kind: 'lsb' }]);
    assert.match(lsb.result.summary, /line 3 \(Foo\) collides on B033, a 14-bit LSB/);
    const reverse = learn(sweep(0x33, 0, 30), `ChannelFader,,KnobSliderHiRes,B013,0,1,2,3,,,,,,,\n|\n`);
    assert.deepEqual(reverse.result.conflicts, [{ line: 2, functionName: 'ChannelFader', code: 'B033', kind: 'lsb' }]);
  });

  it('a MIDI OUT code is not checked against MIDI IN codes', () => {
    const { result } = learn(press(0x0c), `${PLAY}\nCue,,Button,900C,,,,,|,,,,,,\n`);
    assert.ok(result.edit);
    assert.equal(result.conflicts, undefined);
  });
});
