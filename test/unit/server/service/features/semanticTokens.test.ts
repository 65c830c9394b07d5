import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Range } from 'vscode-languageserver-types';
import { defaultCatalog, FunctionCatalog } from '../../../../../server/src/service/catalog/functionCatalog';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../../../../server/src/service/features/semanticTokens';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles, writtenByRekordbox } from '../../../../helpers/fixtures';
import { damage, junkTexts, random, SAMPLE } from '../../../../helpers/junk';
import { FACTORY_HEAD, marked } from '../../../../helpers/markers';
import { decodeSemanticTokens, DecodedToken } from '../../../../helpers/semanticTokens';

function tokensOf(text: string, catalog?: FunctionCatalog): DecodedToken[] {
  return decodeSemanticTokens(computeSemanticTokens(parseMapping(text), catalog).data);
}

/** The tokens of the marked text must sit exactly on the `[[…]]` ranges, in order, with these types and modifiers. */
function expectTokens(source: string, expected: string[]): void {
  const { text, ranges } = marked(FACTORY_HEAD + source);
  assert.deepEqual(
    tokensOf(text).map(t => [t.line, t.start, t.start + t.length, [t.type, ...t.modifiers].join('.')]),
    ranges.map((r: Range, i) => {
      assert.equal(r.start.line, r.end.line);
      return [r.start.line, r.start.character, r.end.character, expected[i]];
    }),
  );
}

describe('semantic tokens', () => {
  it('uses standard token types, and a legend with the modifiers package.json declares', () => {
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND, {
      tokenTypes: ['function', 'comment', 'number'],
      tokenModifiers: ['defaultLibrary', 'unknown', 'disabled', 'conflict'],
    });
  });

  it('marks known and unknown functions, disabled rows and conflicting codes', () => {
    assert.ok(defaultCatalog.has('PlayPause') && defaultCatalog.has('Cue') && !defaultCatalog.has('Unheard'));
    expectTokens(
      '# Deck,,,,,,,,,,,,,,\n' +
        '[[PlayPause]],PlayPause,Button,900B,0,[[1]],2,3,900B,0,1,2,3,Fast,Play/Pause\n' +
        '[[Unheard]],Unheard,Button,[[910B]],,,,,,,,,,,\n' +
        '[[#JogScratch,JogScratch,JogRotate,B022,0,1,2,3,,,,,,RO,Scratch]]\n' +
        '#,X,Button,910B,,,,,,,,,,,\n' +
        'NoFunction,,Button,910B,,,,,,,,,,,\n' +
        ',,Button,910B,,,,,,,,,,,\n' +
        '[[Cue]],Cue,Indicator,,,,,,910B,,,,,,\n' +
        '[[Cue]],Cue,Button,900C,0,1,2,3,900C,0,1,2,3,,\n' +
        '[[Cue]],Cue+Shift,Button,900C,,,,,,,,,,,\n' +
        '[[Cue]],"Cue",Button,"FFF1",,,,,,,,,,,\n',
      [
        'function.defaultLibrary',
        'number.conflict',
        'function.unknown',
        'number.conflict',
        'comment.disabled',
        'function.defaultLibrary',
        'function.defaultLibrary',
        'function.defaultLibrary',
        'function.defaultLibrary',
      ],
    );
  });

  it('marks every cell that makes a conflicting code, base or deck, once', () => {
    expectTokens(
      '[[A]],,Button,[[9001]],,,,,,,,,,,\n' + '[[B]],,Button,,[[9001]],9002,[[9001]],,,,,,,,\n',
      ['function.unknown', 'number.conflict', 'function.unknown', 'number.conflict', 'number.conflict'],
    );
  });

  it('encodes positions relative to the previous token', () => {
    const text = FACTORY_HEAD + 'PlayPause,PlayPause,Button,900B,0,1,2,3,,,,,,,\nX,,Button,910B,,,,,,,,,,,\n';
    const fn = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('function');
    const num = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('number');
    assert.deepEqual(computeSemanticTokens(parseMapping(text)).data, [
      // line 2, char 0, 9 long, function, defaultLibrary (bit 0)
      2, 0, 9, fn, 0b0001,
      // same line, 34 characters after the previous token's start: the deck 2 channel `1`, number, conflict (bit 3)
      0, 34, 1, num, 0b1000,
      // next line, absolute character 0: X, function, unknown (bit 1)
      1, 0, 1, fn, 0b0010,
      // same line, 10 after X's start: 910B
      0, 10, 4, num, 0b1000,
    ]);
  });

  it('asks the catalog it is given', () => {
    const catalog = { has: (name: string) => name === 'Mine' } as unknown as FunctionCatalog;
    assert.deepEqual(
      tokensOf('@file,1,X\nMine,,Button,9001,,,,,,,,,,,\nPlayPause,,Button,9002,,,,,,,,,,,\n', catalog).map(t => t.modifiers),
      [['defaultLibrary'], ['unknown']],
    );
  });

  it('finds exactly the cells the duplicate-code rule reports', () => {
    const rnd = random(11);
    const texts = [
      SAMPLE,
      ...Array.from({ length: 150 }, (_, i) => damage(SAMPLE.replace('Unheard,Unheard,Button,900B', 'Unheard,Unheard,Button,920B'), rnd, 1 + (i % 15))),
    ];
    texts.push(FACTORY_HEAD + 'A,,Button,9001,0,1,,,,,,,,,\nB,,Button,,9101,9001,,,,,,,,,\nA,,Button,,,,9101,,,,,,,,\n');
    for (const text of texts) {
      const model = parseMapping(text);
      const fromRule = new Set(
        computeDiagnostics(model, { uri: 'file:///t.midi.csv' })
          .filter(d => d.code === 'duplicate-code')
          .map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`),
      );
      const fromTokens = new Set(
        tokensOf(text)
          .filter(t => t.modifiers.includes('conflict'))
          .map(t => `${t.line}:${t.start}-${t.start + t.length}`),
      );
      assert.deepEqual([...fromTokens].sort(), [...fromRule].sort(), JSON.stringify(text));
    }
  });

  it('marks no unknown function and no conflict in files Rekordbox wrote, and stays sorted on every corpus file', () => {
    for (const f of corpusFiles()) {
      const tokens = tokensOf(f.text);
      assertWellFormed(f.text, tokens, f.file);
      if (writtenByRekordbox(f)) {
        assert.deepEqual(tokens.filter(t => t.modifiers.includes('unknown') || t.modifiers.includes('conflict')), [], f.file);
        assert.ok(tokens.length > 0, f.file);
      }
    }
    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    const disabled = tokensOf(flx10.text).filter(t => t.type === 'comment');
    const model = parseMapping(flx10.text);
    assert.equal(disabled.length, model.mappingRows.filter(r => r.functionState === 'disabled').length);
  });

  it('never throws, and its tokens are always in order, non-empty and inside their lines', () => {
    for (const { name, text } of junkTexts()) {
      assert.doesNotThrow(() => computeSemanticTokens(parseMapping(text)), name);
      assertWellFormed(text, tokensOf(text), name);
    }
  });
});

function assertWellFormed(text: string, tokens: DecodedToken[], name: string): void {
  const model = parseMapping(text);
  let previous: DecodedToken | undefined;
  for (const t of tokens) {
    assert.ok(t.length > 0, `${name}: empty token`);
    assert.ok(t.start + t.length <= model.rows[t.line].line.length, `${name}: token past line end`);
    if (previous && previous.line === t.line) assert.ok(previous.start + previous.length <= t.start, `${name}: overlapping tokens`);
    if (previous) assert.ok(previous.line <= t.line, `${name}: tokens out of order`);
    previous = t;
  }
}
