import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Range, TextEdit } from 'vscode-languageserver-types';
import {
  computeFormattingEdits,
  computeRangeFormattingEdits,
  formatText,
  MappingFormattingOptions,
} from '../../../../../server/src/service/features/formatting';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles, writtenByRekordbox } from '../../../../helpers/fixtures';
import { damage, junkTexts, random, SAMPLE } from '../../../../helpers/junk';
import { row } from '../../../../helpers/markers';

function apply(text: string, edits: TextEdit[]): string {
  assertNoOverlap(edits);
  return TextDocument.applyEdits(TextDocument.create('file:///t.midi.csv', 'rekordbox-midi', 1, text), edits);
}

/** Editors reject overlapping edits; ours must also come one per line, in order. */
function assertNoOverlap(edits: TextEdit[]): void {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1].range.end;
    const b = edits[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), `edits ${i - 1} and ${i} overlap`);
  }
}

function format(text: string, options?: MappingFormattingOptions): string {
  return apply(text, computeFormattingEdits(parseMapping(text), options));
}

/** Everything that is text: commas, blanks and line endings removed, case folded. */
function substance(text: string): string {
  return text.replace(/[,\s]/g, '').toUpperCase();
}

/** Formats, then checks: same as formatText, nothing lost, and formatting again changes nothing. */
function checkFormatter(name: string, text: string, options?: MappingFormattingOptions): string {
  const formatted = format(text, options);
  assert.equal(formatted, formatText(text, options), `${name}: edits and formatText disagree`);
  assert.equal(substance(formatted), substance(text), `${name}: text was lost`);
  assert.deepEqual(computeFormattingEdits(parseMapping(formatted), options), [], `${name}: not idempotent`);
  return formatted;
}

const LONG = (n: number) => ','.repeat(n - 1);

describe('formatting', () => {
  it('leaves every factory and EXPORT file byte for byte unchanged', () => {
    const files = corpusFiles().filter(writtenByRekordbox);
    assert.ok(files.length >= 9);
    for (const f of files) {
      for (const options of [{}, { insertFinalNewline: true, trimFinalNewlines: true }]) {
        assert.deepEqual(computeFormattingEdits(parseMapping(f.text), options), [], f.file);
        assert.equal(formatText(f.text, options), f.text, f.file);
      }
    }
  });

  it('is idempotent and loses nothing on every corpus file', () => {
    for (const f of corpusFiles()) checkFormatter(f.file, f.text);
  });

  it('brings the 19-field spreadsheet round trip back to 15 fields, keeping the row with text past column 15', () => {
    const f = corpusFiles().find(c => c.file === 'edited-DDJ-FLX6-19-fields.midi.csv')!;
    const formatted = checkFormatter(f.file, f.text);
    const before = f.text.split('\r\n');
    const after = formatted.split('\r\n');
    assert.equal(after.length, before.length);
    assert.ok(!formatted.endsWith('\n'), 'no final newline added');
    assert.equal(after[0], before[0], '@file line untouched');
    assert.equal(after[39], 'Master,Master,Button,905C,0,1,2,3,905C,0,1,2,3,,Master On/Off,,,,Master On/Off');
    assert.equal(after[1], '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment');
    assert.equal(after[3], '# Browser,,,,,,,,,,,,,,');
    for (let i = 1; i < after.length; i++) {
      if (i !== 39) assert.equal(after[i].split(',').length, 15, `line ${i + 1}`);
    }
  });

  it('pads short rows and drops only empty trailing extra fields', () => {
    const r15 = row({ 0: 'A', 2: 'Button', 3: '900B', 14: 'Cmt' });
    const cases: [string, string][] = [
      ['A,,Button,900B', row({ 0: 'A', 2: 'Button', 3: '900B' })],
      ['A', row({ 0: 'A' })],
      [r15 + ',,,,', r15],
      [r15 + ',,x,,', r15 + ',,x'],
      [r15 + ', ,\t', r15],
      ['# Deck,,,', '# Deck' + LONG(15)],
      [',,,', LONG(15)],
      [LONG(19), LONG(15)],
      [
        '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment,,,,',
        '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment',
      ],
    ];
    for (const [input, expected] of cases) {
      assert.equal(checkFormatter(input, `@file,1,X\n${input}\n`), `@file,1,X\n${expected}\n`, input);
    }
  });

  it('trims blanks at the line end only, and empties blank lines', () => {
    const cases: [string, string][] = [
      [row({ 0: 'A', 3: '900B', 14: 'Play  \t' }), row({ 0: 'A', 3: '900B', 14: 'Play' })],
      ['A ,, Button,900B ', row({ 0: 'A ', 2: ' Button', 3: '900B' })],
      ['A ,, Button,900B ,,,,,,,,,,,', 'A ,, Button,900B ,,,,,,,,,,,'],
      ['   \t', ''],
    ];
    for (const [input, expected] of cases) {
      assert.equal(checkFormatter(input, `@file,1,X\n${input}\n`), `@file,1,X\n${expected}\n`, input);
    }
  });

  it('upper-cases codes in code and deck columns only', () => {
    const input = 'beef,abcd,Button,900b,0,1,9a46,,90ab7f,9a46,10,,,Fast,abcd';
    const expected = 'beef,abcd,Button,900B,0,1,9A46,,90AB7F,9A46,10,,,Fast,abcd';
    assert.equal(checkFormatter(input, `@file,1,X\n${input}\n`), `@file,1,X\n${expected}\n`);
    // A quoted cell is left as written; so is a code in a header-like or section row.
    const quoted = 'A,,Button,"900b",,,,,,,,,,,';
    assert.equal(checkFormatter(quoted, `@file,1,X\n${quoted}\n`), `@file,1,X\n${quoted}\n`);
  });

  it('leaves the @file line alone, padded or with trailing blanks, and a line 1 starting with @', () => {
    for (const first of ['@file,1,Dev ,,,', '@file,1,DDJ-FLX6,,,,,,,,,,,,,,,,', '@', '@fi,le']) {
      assert.equal(checkFormatter(first, `${first}\nA,,Button,900B,,,,,,,,,,,\n`), `${first}\nA,,Button,900B,,,,,,,,,,,\n`);
    }
  });

  it('leaves the content of a line with an unclosed quote alone', () => {
    const text = '@file,1,X\r\nA,"abc,900b\r\nB,,Button,900b,,,,,,,,,,,\n';
    assert.equal(checkFormatter('unclosed quote', text), '@file,1,X\r\nA,"abc,900b\r\nB,,Button,900B,,,,,,,,,,,\r\n');
  });

  it('gives every line the dominant ending, CRLF on a tie', () => {
    assert.equal(format('@file,1,X\nA\r\nB\nC\rD'), `@file,1,X\n${row({ 0: 'A' })}\n${row({ 0: 'B' })}\n${row({ 0: 'C' })}\n${row({ 0: 'D' })}`);
    assert.equal(format('@file,1,X\nA\r\n'), `@file,1,X\r\n${row({ 0: 'A' })}\r\n`);
    assert.equal(format('@file,1,X\r\r\n\r\r'), '@file,1,X\r\r\r\r');
  });

  it('returns one minimal edit per changed line', () => {
    const text = '@file,1,X\r\nA,,Button,900b,,,,,,,,,,,\r\nB,,Button,9001,,,,,,,,,,,\nC,,Button,9002,,,,,,,,,,,  \r\n';
    assert.deepEqual(computeFormattingEdits(parseMapping(text)), [
      { range: { start: { line: 1, character: 13 }, end: { line: 1, character: 14 } }, newText: 'B' },
      { range: { start: { line: 2, character: 25 }, end: { line: 3, character: 0 } }, newText: '\r\n' },
      { range: { start: { line: 3, character: 25 }, end: { line: 3, character: 27 } }, newText: '' },
    ]);
  });

  it('formats only the lines a range touches', () => {
    const text = '@file,1,X\na\nb\nc\nd\n';
    const edits = (range: Range) => computeRangeFormattingEdits(parseMapping(text), range).map(e => e.range.start.line);
    assert.deepEqual(edits({ start: { line: 2, character: 0 }, end: { line: 3, character: 1 } }), [2, 3]);
    assert.deepEqual(
      edits({ start: { line: 2, character: 0 }, end: { line: 4, character: 0 } }),
      [2, 3],
      'a range ending at a line start leaves that line out',
    );
    assert.deepEqual(edits({ start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }), [3]);
    assert.deepEqual(edits({ start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }), []);
    assert.deepEqual(edits({ start: { line: 90, character: 0 }, end: { line: 99, character: 0 } }), []);
    const formatted = apply(text, computeRangeFormattingEdits(parseMapping(text), { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }));
    assert.equal(formatted, `@file,1,X\na\n${row({ 0: 'b' })}\nc\nd\n`);
  });

  it('inserts a final newline and trims extra ones only when asked', () => {
    const r = row({ 0: 'A' });
    assert.equal(format(`@file,1,X\r\n${r}`), `@file,1,X\r\n${r}`);
    assert.equal(checkFormatter('insert', `@file,1,X\r\n${r}`, { insertFinalNewline: true }), `@file,1,X\r\n${r}\r\n`);
    assert.equal(checkFormatter('insert new file', `@file,1,X`, { insertFinalNewline: true }), `@file,1,X\r\n`);
    assert.equal(checkFormatter('trim', `@file,1,X\n${r}\n\n  \n\n`, { trimFinalNewlines: true }), `@file,1,X\n${r}\n`);
    assert.equal(checkFormatter('trim mixed', `@file,1,X\n${r}\n\r\n\r\n\n`, { trimFinalNewlines: true }), `@file,1,X\n${r}\n`);
    assert.equal(format(`@file,1,X\n${r}\n\n\n`), `@file,1,X\n${r}\n\n\n`);
    assert.equal(checkFormatter('both', `\n\n`, { trimFinalNewlines: true, insertFinalNewline: true }), '\n\n');
  });

  it('is idempotent and loses nothing on damaged files and junk', () => {
    const rnd = random(7);
    for (let i = 0; i < 300; i++) {
      const text = damage(SAMPLE, rnd, 1 + (i % 30));
      checkFormatter(`damaged ${i}: ${JSON.stringify(text)}`, text);
      checkFormatter(`damaged ${i} with options`, text, { insertFinalNewline: true, trimFinalNewlines: true });
    }
    for (const { name, text } of junkTexts()) {
      checkFormatter(name, text, { insertFinalNewline: true, trimFinalNewlines: true });
      const model = parseMapping(text);
      assert.doesNotThrow(() => computeRangeFormattingEdits(model, { start: { line: 0, character: 0 }, end: { line: 5, character: 3 } }), name);
    }
  });
});
