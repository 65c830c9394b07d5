/** Code and deck cells: `bad-hex`, `long-code`, `bad-deck`, `channel-overflow`, `deck-without-base` (docs/diagnostics.md). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;

describe('code cells', () => {
  it('reports a code that is not 4 hex digits on its cell, naming the bad character', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'Sync,Sync,Button,[[90O8]],,,,,,,,,,,', [['bad-hex', E]]);
    assert.match(d.message, /'O' is not a hex digit/);
  });

  it('reports a code with too few digits', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'Sync,Sync,Button,[[900]],,,,,,,,,,,', [['bad-hex', E]]);
    assert.match(d.message, /3 digits/);
  });

  it('warns that a 6-hex MIDI OUT code is cut to 4, and errs on a 6-hex MIDI IN code', () => {
    expectDiagnostics(FACTORY_HEAD + 'Sync,Sync,Button,[[90587F]],,,,,[[90587F]],,,,,,', [
      ['bad-hex', E],
      ['long-code', W],
    ]);
  });

  it('accepts lower-case hex, as some real files have', () => {
    const lowerCase = row({ 0: 'Sync', 2: 'Button', 3: '9058', 8: '9058' }).toLowerCase().replace('sync', 'Sync').replace('button', 'Button');
    expectDiagnostics(FACTORY_HEAD + lowerCase, []);
  });
});

describe('deck cells', () => {
  it('reports a deck cell that is neither a channel 0–15 nor a 4-hex code', () => {
    expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,900B,0,[[16]],[[x]],9,,,,,,,', [
      ['bad-deck', E],
      ['bad-deck', E],
    ]);
  });

  it('reports base channel + deck channel past 15 on the deck cell', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,9E0B,0,1,[[2]],[[3]],,,,,,,', [
      ['channel-overflow', E],
      ['channel-overflow', E],
    ]);
    assert.match(d.message, /base channel 14 \+ deck channel 2 = 16/);
  });

  it('warns on a deck channel with no base code to apply it to', () => {
    expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,,[[0]],,,,,,,,,,', [['deck-without-base', W]]);
  });
});
