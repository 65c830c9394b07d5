import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkupContent } from 'vscode-languageserver-types';
import { computeHover } from '../../../../../server/src/service/features/hover';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { FACTORY_HEAD, marked } from '../../../../helpers/markers';

/** The hover's Markdown at the `|` cursor, and its range checked against `[[…]]`. */
function hoverAt(source: string): string {
  const { text, cursor, ranges } = marked(FACTORY_HEAD + source);
  const hover = computeHover(parseMapping(text), cursor!);
  assert.ok(hover, 'expected a hover');
  if (ranges[0]) assert.deepEqual(hover.range, ranges[0]);
  return (hover.contents as MarkupContent).value;
}

describe('hover', () => {
  it('decodes a base MIDI IN code and tables what each deck receives', () => {
    const md = hoverAt('PlayPause,PlayPause,Button,[[90|0B]],0,1,2,3,900B,0,1,2,3,Fast,Play/Pause');
    assert.match(md, /\*\*MIDI IN\*\* `900B` — note on, ch 1, note 11 \(B-1\)/);
    assert.match(md, /\| 1 \| `900B` \| note on, ch 1, note 11 \(B-1\) \|/);
    assert.match(md, /\| 2 \| `910B` \| note on, ch 2, note 11 \(B-1\) \|/);
    assert.match(md, /\| 4 \| `930B` \| note on, ch 4, note 11 \(B-1\) \|/);
    assert.match(md, /Column 4 · MIDI IN/);
  });

  it('on a deck cell, decodes that deck’s code and how it was made', () => {
    const md = hoverAt('PAD1_HotCue,PAD1,Pad,9000,7,[[|9]],11,13,,,,,,,');
    assert.match(md, /\*\*Deck 2 receives\*\* `9900` — note on, ch 10, note 0 \(C-1\)/);
    assert.match(md, /Base `9000` \(channel 0\) \+ deck channel 9 = channel 9/);
  });

  it('shows both readings when the base channel is not 0', () => {
    const md = hoverAt('PlayPause,PlayPause,Button,942E,|2,3,0,1,,,,,,,');
    assert.match(md, /Deck 1 receives\*\* `962E`/);
    assert.match(md, /if Rekordbox replaced it instead of adding, this deck would receive `922E`/);
  });

  it('on a deck cell with a full code, decodes it', () => {
    const md = hoverAt('Load,Browse+Press,Button,,9646,96|47,9648,9649,,,,,,,');
    assert.match(md, /Deck 2 receives\*\* `9647` — note on, ch 7, note 71 \(B4\)/);
  });

  it('names the implied LSB of a 14-bit control', () => {
    const md = hoverAt('TempoSlider,TempoSlider,KnobSliderHiRes,B0|00,0,1,2,3,,,,,,Fast,Tempo');
    assert.match(md, /LSB on CC 32, `B020`/);
  });

  it('on MIDI OUT, tables what each deck is sent', () => {
    const md = hoverAt('Cue,Cue,Button,900C,0,1,,,90|0C,0,1,,,Fast,Cue');
    assert.match(md, /\*\*MIDI OUT\*\* `900C`/);
    assert.match(md, /\| Deck \| is sent \| Message \|/);
    assert.match(md, /\| 2 \| `910C` \|/);
  });

  it('on the function, gives its tab, types, light and description from the catalog', () => {
    const md = hoverAt('[[Play|Pause]],PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause');
    assert.match(md, /\*\*PlayPause\*\* · DECK tab · used as Button · has a light/);
    assert.match(md, /Play\/Pause/);
    assert.match(md, /Column 1 · Function/);
  });

  it('on a family member no file spells out, says which family makes it known', () => {
    const md = hoverAt('PAD13_Hot|Cue+Shift,,Pad,9000,7,9,11,13,,,,,,,');
    assert.match(md, /\*\*PAD13_HotCue\+Shift\*\* · PAD tab/);
    assert.match(md, /Not seen verbatim, but a member of the family `PAD1\.\.16_HotCue\[\+Shift\]`/);
  });

  it('explains #, NoFunction and disabled rows', () => {
    assert.match(hoverAt('|#,Browse+Press+Shift,Button,,9669,966D,966E,966F,,,,,,,No function'), /no function assigned/);
    assert.match(hoverAt('No|Function,,Button,,8924,,,,,,,,,,'), /learned in Rekordbox but not assigned/);
    assert.match(hoverAt('#Jog|Scratch,JogScratch,JogRotate,B022,0,1,2,3,,,,,,RO;Dual,Scratch'), /Disabled row/);
  });

  it('on the control label, explains its modifiers', () => {
    const md = hoverAt('#,Browse+Press+Sh|ift,Button,,9669,966D,966E,966F,,,,,,,');
    assert.match(md, /\*\*Control\*\* `Browse`, `\+Press` when the knob or encoder is pushed, `\+Shift` with SHIFT held/);
  });

  it('on the type and on an option, says what they mean', () => {
    assert.match(hoverAt('Cue,Cue,Butt|on,900C,,,,,,,,,,,'), /\*\*Button\*\*: A button/);
    assert.match(hoverAt('Cue,Cue,Button,900C,,,,,,,,,,Fast;Prio|rity=50,'), /\*\*Priority=50\*\*: Priority of the light/);
  });

  it('on any other cell, names the column', () => {
    assert.match(hoverAt('Cue,Cue,Button,900C,,,,,,,,,,,Cue Se|t'), /Column 15 · Comment/);
  });

  it('explains the @file line, the misleading header names and section rows', () => {
    const text = FACTORY_HEAD + '# Deck,,,,,,,,,,,,,,\n';
    const model = parseMapping(text);
    const md = (line: number, character: number) => (computeHover(model, { line, character })!.contents as MarkupContent).value;
    assert.match(md(0, 10), /\*\*Device\*\* `Test Device`/);
    assert.match(md(1, 8), /mislead: column 1 holds the function, column 2 the control label/);
    assert.match(md(2, 3), /\*\*Section\*\* Deck/);
  });

  it('answers null past the end or on an empty line, never throws', () => {
    const model = parseMapping('@file,1,X\n\n');
    assert.equal(computeHover(model, { line: 1, character: 0 }), null);
    assert.equal(computeHover(model, { line: 99, character: 0 }), null);
    assert.doesNotThrow(() => computeHover(parseMapping('\u0000"",\r'), { line: 0, character: 3 }));
  });
});
