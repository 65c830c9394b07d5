import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineText, tokenizeCsv } from '../../../../../server/src/service/parse/tokenizeCsv';

const values = (text: string) => tokenizeCsv(text).lines.map(l => l.fields.map(f => f.value));

describe('tokenizeCsv', () => {
  it('keeps each line ending as it is: CRLF, LF, lone CR, none', () => {
    const csv = tokenizeCsv('a,b\r\nc\nd\re');
    assert.deepEqual(
      csv.lines.map(l => [lineText(csv, l), l.ending]),
      [
        ['a,b', '\r\n'],
        ['c', '\n'],
        ['d', '\r'],
        ['e', ''],
      ],
    );
  });

  it('counts lines as an editor does: a final line ending opens an empty last line', () => {
    const csv = tokenizeCsv('a\r\nb\r\n');
    assert.equal(csv.lines.length, 3);
    assert.equal(csv.lines[2].length, 0);
    assert.deepEqual(csv.lines[2].fields.map(f => f.value), ['']);
  });

  it('gives every field its character range within the line', () => {
    const [line] = tokenizeCsv('PlayPause,,Button,900B').lines;
    assert.deepEqual(
      line.fields.map(f => [f.value, f.start, f.end]),
      [
        ['PlayPause', 0, 9],
        ['', 10, 10],
        ['Button', 11, 17],
        ['900B', 18, 22],
      ],
    );
  });

  it('reads the 3-field @file line and empty lines', () => {
    assert.deepEqual(values('@file,1,DDJ-FLX10\n\n,,'), [['@file', '1', 'DDJ-FLX10'], [''], ['', '', '']]);
  });

  it('reads rows with fewer or more than 15 fields as they are', () => {
    assert.equal(tokenizeCsv('a,b,c').lines[0].fields.length, 3);
    assert.equal(tokenizeCsv(',,,,,,,,,,,,,,,,,,').lines[0].fields.length, 19);
  });

  it('unquotes RFC 4180 quoted fields and keeps their range over the quotes', () => {
    const [line] = tokenizeCsv('"a,b","say ""hi""",c').lines;
    assert.deepEqual(
      line.fields.map(f => [f.value, f.start, f.end, f.quoted]),
      [
        ['a,b', 0, 5, true],
        ['say "hi"', 6, 18, true],
        ['c', 19, 20, false],
      ],
    );
  });

  it('closes an unterminated quote at the end of its line, not of the file', () => {
    const csv = tokenizeCsv('"abc,def\nnext,row');
    assert.deepEqual(csv.lines[0].fields.map(f => [f.value, f.unterminated]), [['abc,def', true]]);
    assert.deepEqual(csv.lines[1].fields.map(f => f.value), ['next', 'row']);
  });

  it('takes a quote inside an unquoted field literally', () => {
    assert.deepEqual(values('ab"c,d'), [['ab"c', 'd']]);
  });

  it('reads a quoted field followed by a trailing comma', () => {
    assert.deepEqual(values('"x",'), [['x', '']]);
  });

  it('never throws on junk: binary bytes, a lone @, an empty text, a lone quote', () => {
    for (const text of ['', '@', '"', '\u0000\u0001\uFFFD,\r\r\n\n"', '\r', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))]) {
      const csv = tokenizeCsv(text);
      assert.ok(csv.lines.length >= 1, JSON.stringify(text));
      for (const line of csv.lines) assert.ok(line.fields.length >= 1);
    }
  });

  it('round-trips every line: fields and endings rebuild the exact text', () => {
    const text = '@file,1,X\r\na,"b,c",d\n\r\ne,f\r';
    const csv = tokenizeCsv(text);
    assert.equal(csv.lines.map(l => lineText(csv, l) + l.ending).join(''), text);
  });
});
