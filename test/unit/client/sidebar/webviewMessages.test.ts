/** What the sidebar trusts from outside: messages from its webview, and which output port lights the connected controller. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchOutputPort } from '../../../../client/src/midi/outputPortMatch';
import { lightMessages } from '../../../../client/src/sidebar/lightRow';
import { parseWebviewMessage } from '../../../../client/src/sidebar/webviewMessages';

describe('webview messages', () => {
  it('accepts each message the webview sends, exactly', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'connect', input: 'DDJ-FLX4 MIDI 1' },
      { type: 'disconnect' },
      { type: 'restartHost' },
      { type: 'setLearn', on: true },
      { type: 'revealRow', line: 15 },
      { type: 'lightRow' },
      { type: 'chooseOutput' },
      { type: 'clearMonitor' },
    ]) {
      assert.deepEqual(parseWebviewMessage(message), message);
    }
  });

  it('refuses anything else: unknown types, wrong field types, extra fields, huge names, negative or fractional lines', () => {
    for (const message of [
      null,
      undefined,
      'ready',
      [],
      { type: 'eval', code: 'x' },
      { type: 'ready', extra: 1 },
      { type: 'connect' },
      { type: 'connect', input: '' },
      { type: 'connect', input: 42 },
      { type: 'connect', input: 'x'.repeat(2000) },
      { type: 'setLearn', on: 'yes' },
      { type: 'revealRow', line: -1 },
      { type: 'revealRow', line: 1.5 },
      { type: 'revealRow', line: '3' },
      { type: 'revealRow', line: 3, uri: 'file:///etc/passwd' },
      { type: '__proto__' },
      { type: 'toString' },
    ]) {
      assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
    }
  });
});

describe('the output port of the connected input', () => {
  it('same name (Windows, macOS): that one', () => {
    assert.deepEqual(matchOutputPort('DDJ-FLX4', ['Microsoft GS Wavetable Synth', 'DDJ-FLX4']), { port: 'DDJ-FLX4', candidates: ['DDJ-FLX4'] });
  });

  it('ALSA and JACK names: direction words and client:port numbers set aside', () => {
    assert.equal(
      matchOutputPort('DDJ-FLX4:DDJ-FLX4 MIDI 1 24:0', ['Midi Through:Midi Through Port-0 14:0', 'DDJ-FLX4:DDJ-FLX4 MIDI 1 28:0']).port,
      'DDJ-FLX4:DDJ-FLX4 MIDI 1 28:0',
    );
    assert.equal(
      matchOutputPort('a2j:DDJ-400 [20] (capture): DDJ-400 MIDI 1', [
        'a2j:Midi Through (playback): Port-0',
        'a2j:DDJ-400 [20] (playback): DDJ-400 MIDI 1',
      ]).port,
      'a2j:DDJ-400 [20] (playback): DDJ-400 MIDI 1',
    );
    assert.equal(
      matchOutputPort('RtMidi Output Client-01:Fake DDJ', ['RtMidi Input Client-03:Other', 'RtMidi Input Client-02:Fake DDJ']).port,
      'RtMidi Input Client-02:Fake DDJ',
    );
    assert.equal(matchOutputPort('fake-controller:midi_out', ['system:midi_playback_1', 'fake-controller:midi_in']).port, 'fake-controller:midi_in');
  });

  it('two equally good outputs: ambiguous, both offered (the user picks)', () => {
    const match = matchOutputPort('DDJ-FLX4 MIDI 1', ['DDJ-FLX4 MIDI 1 Out A', 'DDJ-FLX4 MIDI 1 Out B', 'Other']);
    assert.equal(match.port, undefined);
    assert.deepEqual(match.candidates, ['DDJ-FLX4 MIDI 1 Out A', 'DDJ-FLX4 MIDI 1 Out B']);
  });

  it('nothing alike: no port, every output offered; no outputs: nothing', () => {
    assert.deepEqual(matchOutputPort('DDJ-FLX4', ['Synth', 'Drums']), { candidates: ['Synth', 'Drums'] });
    assert.deepEqual(matchOutputPort('DDJ-FLX4', []), { candidates: [] });
  });
});

describe('lighting a row', () => {
  it('note and controller codes: 0x7F on, 0 off, each code once', () => {
    assert.deepEqual(lightMessages(['900B', '910B', '900b', 'B013']), {
      on: [
        [0x90, 0x0b, 0x7f],
        [0x91, 0x0b, 0x7f],
        [0xb0, 0x13, 0x7f],
      ],
      off: [
        [0x90, 0x0b, 0x00],
        [0x91, 0x0b, 0x00],
        [0xb0, 0x13, 0x00],
      ],
    });
  });

  it('says why when nothing can be lit: no code, or only codes that are not notes or controllers', () => {
    assert.deepEqual(lightMessages([]), { problem: 'This row has no MIDI OUT code to light.' });
    assert.deepEqual(lightMessages(['E000', 'FFF1']), { problem: 'Only note (9x) and controller (Bx) codes can be lit; this row sends E000, FFF1.' });
  });
});
