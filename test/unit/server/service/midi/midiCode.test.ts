import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCode, describeCode, formatCode, isHexCode, noteName, parseCode, withChannel } from '../../../../../server/src/service/midi/midiCode';

describe('midiCode', () => {
  it('decodes a note on: 900B is note on, channel 1, note 11 (B-1)', () => {
    const d = decodeCode(parseCode('900B')!);
    assert.equal(d.kind, 'noteOn');
    assert.equal(d.channel, 0);
    assert.equal(d.number, 11);
    assert.equal(d.noteName, 'B-1');
    assert.equal(describeCode(d), 'note on, ch 1, note 11 (B-1)');
  });

  it('decodes control changes with their CC number: B640 is CC 64 on channel 7', () => {
    assert.equal(describeCode(decodeCode(0xb640)), 'control change, ch 7, CC 64 (0x40)');
  });

  it('decodes note off codes that exports write: 8F14', () => {
    assert.equal(describeCode(decodeCode(parseCode('8f14')!)), 'note off, ch 16, note 20 (G#0)');
  });

  it('marks FFF1-style parameter codes as not MIDI', () => {
    const d = decodeCode(0xfff1);
    assert.equal(d.isParameter, true);
    assert.match(describeCode(d), /not a MIDI message/);
  });

  it('says when a data byte is above 127', () => {
    assert.match(describeCode(decodeCode(0x90ff)), /above 127/);
  });

  it('accepts exactly 4 hex digits, upper or lower case', () => {
    assert.equal(isHexCode('900b'), true);
    assert.equal(isHexCode('90O8'), false);
    assert.equal(isHexCode('900'), false);
    assert.equal(isHexCode('900B0'), false);
    assert.equal(parseCode(' 900B'), undefined);
  });

  it('moves a code to another channel and formats it back', () => {
    assert.equal(formatCode(withChannel(0x900b, 3)), '930B');
    assert.equal(formatCode(0x0b), '000B');
  });

  it('names notes with C-1 = 0', () => {
    assert.equal(noteName(0), 'C-1');
    assert.equal(noteName(60), 'C4');
    assert.equal(noteName(127), 'G9');
  });
});
