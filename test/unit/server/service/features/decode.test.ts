/** `rekordboxMidi/decode` in the language service: a code's meaning, or why the parameters are not a code. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDecode } from '../../../../../server/src/service/features/decode';

describe('decode', () => {
  it('answers a code (any case, spaces around) with what it means', () => {
    assert.deepEqual(computeDecode({ code: ' 910b ' }), {
      code: '910B',
      status: 0x91,
      data1: 0x0b,
      kind: 'noteOn',
      channel: 1,
      displayChannel: 2,
      number: 11,
      noteName: 'B-1',
      isParameter: false,
      description: 'note on, ch 2, note 11 (B-1)',
    });
  });

  it('gives a control change no note name', () => {
    const result = computeDecode({ code: 'B640' });
    assert.ok(!('invalidParams' in result));
    assert.equal(result.kind, 'controlChange');
    assert.equal('noteName' in result, false);
  });

  it('answers what is not a code with the InvalidParams message, quoting what was sent', () => {
    assert.deepEqual(computeDecode({ code: 'XYZ' }), { invalidParams: `'XYZ' is not a 4-hex MIDI code such as 900B.` });
    assert.deepEqual(computeDecode(null), { invalidParams: `'undefined' is not a 4-hex MIDI code such as 900B.` });
    assert.deepEqual(computeDecode({ code: 12 as unknown as string }), { invalidParams: `'12' is not a 4-hex MIDI code such as 900B.` });
  });
});
