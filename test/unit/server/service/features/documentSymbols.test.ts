import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentSymbol, Range, SymbolKind, SymbolTag } from 'vscode-languageserver-types';
import { computeDocumentSymbols } from '../../../../../server/src/service/features/documentSymbols';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { junkTexts } from '../../../../helpers/junk';
import { EXPORT_HEAD, FACTORY_HEAD } from '../../../../helpers/markers';

const range = (line: number, start: number, endLine: number, end: number): Range => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

/** Name, detail, kind, tags and ranges of a symbol tree, for exact comparison. */
function shape(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map(s => ({
    name: s.name,
    detail: s.detail,
    kind: s.kind,
    tags: s.tags,
    range: s.range,
    selectionRange: s.selectionRange,
    ...(s.children ? { children: shape(s.children) } : {}),
  }));
}

describe('document symbols', () => {
  it('nests rows under their sections, names rows by function with control and code as detail', () => {
    const lines = [
      '@file,1,Test Device',
      '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment',
      ',,,,,,,,,,,,,,',
      '# Deck,,,,,,,,,,,,,,',
      'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause',
      'PlayPause,PlayPause+Shift,Button,9047,,,,,,,,,,,',
      '#JogScratch,JogScratch,JogRotate,B022,0,1,2,3,,,,,,RO,Scratch',
      ',,,,,,,,,,,,,,',
      '',
      '# Browser,,,,,,,,,,,,,,',
      '#,Browse+Press+Shift,Button,,9669,966D,966E,966F,,,,,,,No function assigned here',
      'NoFunction,,Button,,,,,,,,B61F,,,,',
      ',,Button,9001,,,,,,,,,,,',
      '',
    ];
    const symbols = computeDocumentSymbols(parseMapping(lines.join('\r\n')));
    const len = (n: number) => lines[n].length;
    assert.deepEqual(shape(symbols), [
      {
        name: 'Deck',
        detail: undefined,
        kind: SymbolKind.Namespace,
        tags: undefined,
        range: range(3, 0, 6, len(6)),
        selectionRange: range(3, 0, 3, 6),
        children: [
          { name: 'PlayPause', detail: '900B', kind: SymbolKind.Function, tags: undefined, range: range(4, 0, 4, len(4)), selectionRange: range(4, 0, 4, 9) },
          {
            name: 'PlayPause',
            detail: 'PlayPause+Shift · 9047',
            kind: SymbolKind.Function,
            tags: undefined,
            range: range(5, 0, 5, len(5)),
            selectionRange: range(5, 0, 5, 9),
          },
          {
            name: '#JogScratch',
            detail: 'disabled · B022',
            kind: SymbolKind.Function,
            tags: [SymbolTag.Deprecated],
            range: range(6, 0, 6, len(6)),
            selectionRange: range(6, 0, 6, 11),
          },
        ],
      },
      {
        name: 'Browser',
        detail: undefined,
        kind: SymbolKind.Namespace,
        tags: undefined,
        range: range(9, 0, 12, len(12)),
        selectionRange: range(9, 0, 9, 9),
        children: [
          {
            name: '(no function)',
            detail: 'Browse+Press+Shift · 9669 966D 966E 966F',
            kind: SymbolKind.Null,
            tags: undefined,
            range: range(10, 0, 10, len(10)),
            selectionRange: range(10, 0, 10, 1),
          },
          {
            name: 'NoFunction',
            detail: 'out B61F',
            kind: SymbolKind.Null,
            tags: undefined,
            range: range(11, 0, 11, len(11)),
            selectionRange: range(11, 0, 11, 10),
          },
          { name: '(empty)', detail: '9001', kind: SymbolKind.Null, tags: undefined, range: range(12, 0, 12, len(12)), selectionRange: range(12, 0, 12, 0) },
        ],
      },
    ]);
  });

  it('keeps rows before the first section at the top level, in file order', () => {
    const text = FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,\n# Deck,,,,,,,,,,,,,,\nPlay,Play,Button,900B,,,,,,,,,,,\n';
    const symbols = computeDocumentSymbols(parseMapping(text));
    assert.deepEqual(
      symbols.map(s => [s.name, s.kind, s.children?.map(c => c.name)]),
      [
        ['Cue', SymbolKind.Function, undefined],
        ['Deck', SymbolKind.Namespace, ['Play']],
      ],
    );
  });

  it('lists an EXPORT file flat, with per-deck codes when there is no base code', () => {
    const text = EXPORT_HEAD + 'ActivePartDrums,,Button,,9710,9910,,,,9710,9910,,,,\r\nBack,,Button,BE24,,,,,BE24,,,,,,\r\n';
    const symbols = computeDocumentSymbols(parseMapping(text));
    assert.deepEqual(
      symbols.map(s => [s.name, s.detail, s.children]),
      [
        ['ActivePartDrums', '9710 9910', undefined],
        ['Back', 'BE24', undefined],
      ],
    );
  });

  it('names a # comment row by its comment', () => {
    const text = FACTORY_HEAD + '#,,,,,,,,,,,,,, === Add your custom mappings below ===\n';
    const [symbol] = computeDocumentSymbols(parseMapping(text));
    assert.equal(symbol.name, '(no function)');
    assert.equal(symbol.detail, '=== Add your custom mappings below ===');
  });

  it('keeps every name non-blank and every selection range inside its range, children inside parents (corpus)', () => {
    for (const f of corpusFiles()) {
      const model = parseMapping(f.text);
      const symbols = computeDocumentSymbols(model);
      let rows = 0;
      const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        assert.ok(s.name.trim() !== '', `${f.file}: blank name`);
        assert.ok(contains(s.range, s.selectionRange), `${f.file}: ${s.name} selection outside range`);
        if (parent) assert.ok(contains(parent.range, s.range), `${f.file}: ${s.name} outside ${parent.name}`);
        if (s.kind !== SymbolKind.Namespace) rows++;
        s.children?.forEach(c => check(c, s));
      };
      symbols.forEach(s => check(s));
      assert.equal(rows, model.mappingRows.length, `${f.file}: every mapping row is a symbol`);
      assert.equal(symbols.filter(s => s.kind === SymbolKind.Namespace).length, model.sections.length, f.file);
    }
  });

  it('gives the factory DDJ-FLX10 its 10 sections as the only top-level symbols', () => {
    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    const symbols = computeDocumentSymbols(parseMapping(flx10.text));
    assert.deepEqual(
      symbols.map(s => s.name),
      ['Browser', 'Deck', 'Mixer', 'SoundColorFX', 'Effect', 'Performance', 'Others', 'State', 'illumination', 'Parameter'],
    );
    assert.ok(symbols.every(s => s.kind === SymbolKind.Namespace));
    const deck = symbols[1];
    assert.deepEqual([deck.children![0].name, deck.children![0].detail], ['PlayPause', '900B']);
    assert.deepEqual([deck.children![1].name, deck.children![1].detail], ['PlayPause', 'PlayPause+Shift · 9047']);
  });

  it('never throws and cuts very long names', () => {
    for (const { name, text } of junkTexts()) {
      assert.doesNotThrow(() => computeDocumentSymbols(parseMapping(text)), name);
    }
    const [symbol] = computeDocumentSymbols(parseMapping('A'.repeat(300_000) + ',,Button,900B\n'));
    assert.equal(symbol.name.length, 120);
    assert.ok(symbol.name.endsWith('…'));
  });
});

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
