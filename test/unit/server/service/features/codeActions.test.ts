import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeAction, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeCodeActions, computeFixAllEdits, FIX_ALL_KIND } from '../../../../../server/src/service/features/codeActions';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { actionEdits, applyEdits } from '../../../../helpers/applyEdits';
import { corpusFiles, writtenByRekordbox } from '../../../../helpers/fixtures';
import { damage, junkTexts, random } from '../../../../helpers/junk';
import { FACTORY_HEAD, marked, row } from '../../../../helpers/markers';

const URI = 'file:///test.midi.csv';
const diagnose = (text: string) => computeDiagnostics(parseMapping(text), { uri: URI });
const errors = (text: string) => diagnose(text).filter(d => d.severity === DiagnosticSeverity.Error);

function fixesFor(text: string, diagnostic: Diagnostic): CodeAction[] {
  return computeCodeActions(parseMapping(text), { uri: URI, range: diagnostic.range, diagnostics: [diagnostic], only: ['quickfix'] });
}

function applyAction(text: string, action: CodeAction): string {
  return applyEdits(text, actionEdits(action, URI));
}

/** The single quick fix offered for the first diagnostic with this code, applied. */
function fixFirst(text: string, code: string): { fixed: string; action: CodeAction } {
  const diagnostic = diagnose(text).find(d => d.code === code);
  assert.ok(diagnostic, `no ${code} diagnostic`);
  const [action] = fixesFor(text, diagnostic);
  assert.ok(action, `no fix for ${code}`);
  return { fixed: applyAction(text, action), action };
}

describe('code actions', () => {
  it('replaces an unknown function with the suggestion (preferred)', () => {
    const text = FACTORY_HEAD + row({ 0: 'PlayPuase', 2: 'Button', 3: '900B' });
    const { fixed, action } = fixFirst(text, 'unknown-function');
    assert.equal(action.title, "Replace with 'PlayPause'");
    assert.equal(action.isPreferred, true);
    assert.equal(fixed.split('\n')[2], row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }));
  });

  it('replaces an unknown type and keeps an unknown option’s value', () => {
    assert.equal(
      fixFirst(FACTORY_HEAD + row({ 0: 'Cue', 2: 'Buton', 3: '900C' }), 'unknown-type').fixed.split('\n')[2],
      row({ 0: 'Cue', 2: 'Button', 3: '900C' }),
    );
    assert.equal(
      fixFirst(FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 3: '900C', 13: 'fast;priority=50' }), 'unknown-option').fixed.split('\n')[2],
      row({ 0: 'Cue', 2: 'Button', 3: '900C', 13: 'Fast;priority=50' }),
    );
  });

  it('removes the stray field of each shifted row of the real 16-field file, leaving no error', () => {
    const f = corpusFiles().find(c => c.file === 'handmade-DDJ-SX-16-fields.midi.csv')!;
    let text = f.text;
    for (let i = 0; i < 8; i++) text = fixFirst(text, 'field-count').fixed;
    assert.deepEqual(errors(text), []);
    assert.equal(text.split('\n')[7], 'PAD1_HotCue,PAD1.HotCue.Call,Pad,9000,7,8,,,9000,7,8,,,,DDJ-SX pad channels 8/9');
    // Only those 8 lines changed.
    const before = f.text.split('\n');
    const changed = text.split('\n').map((l, i) => (l === before[i] ? -1 : i)).filter(i => i >= 0);
    assert.deepEqual(changed, [7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('offers no stray-field fix when two fields are extra (which two is guesswork)', () => {
    const text = FACTORY_HEAD + 'Cue,Cue,Button,900C,0,1,,,,,900C,0,1,,,,Comment';
    const diagnostic = diagnose(text).find(d => d.code === 'field-count')!;
    assert.equal((diagnostic.data as { kind: string }).kind, 'shifted');
    assert.deepEqual(fixesFor(text, diagnostic), []);
  });

  it('tells a shifted row from text left after a complete row', () => {
    const kinds = (line: string) =>
      diagnose(FACTORY_HEAD + line).filter(d => d.code === 'field-count').map(d => [d.severity, (d.data as { kind: string }).kind]);
    // The comment column holds an option and the comment sits past the end: shifted.
    assert.deepEqual(kinds('PAD2_HotCue,PAD2.HotCue,Pad,9001,7,9,,,,9001,7,9,,,Fast,Pad 2'), [[DiagnosticSeverity.Error, 'shifted']]);
    // A complete row with a note after it (the FLX6 edit's line 40): ignored text.
    assert.deepEqual(kinds('Master,Master,Button,905C,0,1,2,3,905C,0,1,2,3,,Master On/Off,,,,Master On/Off'), [[DiagnosticSeverity.Warning, 'ignored-text']]);
  });

  it('trims a spreadsheet’s padding from the whole file at once, keeping text', () => {
    const f = corpusFiles().find(c => c.file === 'edited-DDJ-FLX6-19-fields.midi.csv')!;
    const { fixed } = fixFirst(f.text, 'field-count');
    const lines = fixed.split('\r\n');
    assert.equal(lines.length, f.text.split('\r\n').length);
    assert.equal(lines[0], '@file,1,DDJ-FLX6');
    assert.ok(lines.slice(1).every((l, i) => l.split(',').length === 15 || i + 2 === 40), 'every row but line 40 has 15 fields');
    assert.equal(lines[39], 'Master,Master,Button,905C,0,1,2,3,905C,0,1,2,3,,Master On/Off,,,,Master On/Off');
    assert.deepEqual(
      diagnose(fixed)
        .filter(d => d.code === 'field-count')
        .map(d => [d.range.start.line + 1, (d.data as { kind: string }).kind]),
      [[40, 'ignored-text']],
    );
  });

  it('cuts a 6-hex MIDI OUT code, unquotes a field, and replaces a letter O with 0', () => {
    assert.equal(
      fixFirst(FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 8: '900C7F' }), 'long-code').fixed.split('\n')[2],
      row({ 0: 'Cue', 2: 'Button', 8: '900C' }),
    );
    assert.equal(fixFirst(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,"Cue"', 'quoted-field').fixed.split('\n')[2], 'Cue,Cue,Button,900C,,,,,,,,,,,Cue');
    const { fixed, action } = fixFirst(FACTORY_HEAD + row({ 0: 'Sync', 2: 'Button', 3: '90O8' }), 'bad-hex');
    assert.equal(action.title, "Replace with '9008'");
    assert.equal(fixed.split('\n')[2], row({ 0: 'Sync', 2: 'Button', 3: '9008' }));
  });

  describe('refactorings from Rekordbox’s window', () => {
    const at = (text: string, line: number) =>
      computeCodeActions(parseMapping(text), { uri: URI, range: { start: { line, character: 0 }, end: { line, character: 0 } }, diagnostics: [] });

    it('duplicates a row for decks 1–4 (deck channels 0,1,2,3)', () => {
      const text = FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B', 8: '900B' });
      const fill = at(text, 2).find(a => a.title.startsWith('Duplicate for decks'))!;
      assert.equal(applyAction(text, fill).split('\n')[2], 'PlayPause,,Button,900B,0,1,2,3,900B,0,1,2,3,,');
    });

    it('does not duplicate for decks 1–4 where a deck’s code is another function’s (it would add duplicate-code errors)', () => {
      const text = FACTORY_HEAD + [row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), row({ 0: 'Cue', 2: 'Button', 3: '910B' })].join('\n');
      assert.deepEqual(errors(text), []);
      assert.deepEqual(at(text, 2).filter(a => a.title.startsWith('Duplicate for decks')), []);
      // The same function on the other channel is no conflict (one function may have several rows).
      const same = FACTORY_HEAD + [row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), row({ 0: 'PlayPause', 2: 'Button', 3: '910B' })].join('\n');
      assert.equal(at(same, 2).filter(a => a.title.startsWith('Duplicate for decks')).length, 1);
      // A 14-bit fader's fine half (LSB, CC+32) on deck 3's channel is taken too.
      const lsb = FACTORY_HEAD + [row({ 0: 'Cue', 2: 'Button', 3: 'B024' }), row({ 0: 'ChannelFader', 2: 'KnobSliderHiRes', 3: 'B204' })].join('\n');
      assert.deepEqual(errors(lsb), []);
      assert.deepEqual(at(lsb, 2).filter(a => a.title.startsWith('Duplicate for decks')), []);
    });

    it('copies MIDI IN to MIDI OUT for a function with a light, not for one without', () => {
      const text = FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B', 4: '0', 5: '1' });
      const copy = at(text, 2).find(a => a.title.startsWith('Copy MIDI IN to MIDI OUT'))!;
      assert.equal(applyAction(text, copy).split('\n')[2], 'PlayPause,,Button,900B,0,1,,,900B,0,1,,,,');
      const browse = FACTORY_HEAD + row({ 0: 'Browse', 2: 'Rotary', 3: 'B640' });
      assert.equal(at(browse, 2).filter(a => a.title.startsWith('Copy MIDI IN')).length, 0);
    });

    it('does not copy a MIDI IN with a bad cell to MIDI OUT (the copy would be a second error)', () => {
      const copies = (fields: Record<number, string>) =>
        at(FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', ...fields }), 2).filter(a => a.title.startsWith('Copy MIDI IN'));
      assert.equal(copies({ 4: '9646', 5: '96' }).length, 0, 'a deck cell that is neither a channel nor a code (bad-deck)');
      assert.equal(copies({ 3: '905', 4: '0', 5: '1' }).length, 0, 'a 3-digit base code (bad-hex)');
      assert.equal(copies({ 3: '9E0B', 4: '0', 5: '1', 6: '2' }).length, 0, 'channel 15 + deck channel 2 (channel-overflow)');
      assert.equal(copies({ 4: '1' }).length, 0, 'a channel with no base code (deck-without-base)');
      // Full deck codes with no base (the EXPORT dialect) and channels on a base are copied.
      assert.equal(copies({ 4: '9646', 5: '9647' }).length, 1);
      assert.equal(copies({ 3: '9D0B', 4: '0', 5: '1', 6: '2' }).length, 1);
    });

    describe('upper-case the codes in this row', () => {
      const TITLE = 'Upper-case the codes in this row';
      /** The actions at the `|` cursor of marked text, with the text and the `[[…]]` ranges. */
      const atCursor = (source: string) => {
        const { text, cursor, ranges } = marked(source);
        assert.ok(cursor, 'the test text marks the cursor');
        const actions = computeCodeActions(parseMapping(text), { uri: URI, range: { start: cursor, end: cursor }, diagnostics: [] });
        return { text, ranges, actions, upper: actions.filter(a => a.title === TITLE) };
      };

      it('rewrites the cursor’s row with every hex code and deck code upper-cased, and nothing else', () => {
        const { text, ranges, upper } = atCursor(
          FACTORY_HEAD +
            'PlayPause,PlayPause,Button,900b,0,1,2,3,900b,0,1,2,3,Fast,Play/Pause\n' +
            '[[Load,Browse+Press,Button,,9b|46,9647,9648,964f,b00a7f,,,,,Fast,load deck 1 from 9b46]]\n' +
            'Cue,Cue,Button,900c,0,1,2,3,,,,,,,',
        );
        assert.equal(upper.length, 1, 'offered once');
        assert.equal(upper[0].kind, 'refactor.rewrite');
        assert.deepEqual(actionEdits(upper[0], URI), [
          // Only the MIDI IN and MIDI OUT cells: the control label, options and comment keep their case.
          { range: ranges[0], newText: 'Load,Browse+Press,Button,,9B46,9647,9648,964F,B00A7F,,,,,Fast,load deck 1 from 9b46' },
        ]);
        const lines = applyAction(text, upper[0]).split('\n');
        assert.equal(lines[2], 'PlayPause,PlayPause,Button,900b,0,1,2,3,900b,0,1,2,3,Fast,Play/Pause', 'other rows untouched');
        assert.equal(lines[4], 'Cue,Cue,Button,900c,0,1,2,3,,,,,,,');
      });

      it('keeps a quoted cell quoted and the file’s CRLF', () => {
        const { text, ranges, upper } = atCursor('@file,1,X\r\n[[Sync,Sync,Button,"90|5a",,,,,905a,,,,,,"sync"]]\r\nCue,,Button,900c,,,,,,,,,,,\r\n');
        assert.deepEqual(actionEdits(upper[0], URI), [{ range: ranges[0], newText: 'Sync,Sync,Button,"905A",,,,,905A,,,,,,"sync"' }]);
        assert.equal(applyAction(text, upper[0]), '@file,1,X\r\nSync,Sync,Button,"905A",,,,,905A,,,,,,"sync"\r\nCue,,Button,900c,,,,,,,,,,,\r\n');
      });

      it('is not offered where the cursor’s row has no lower-case code', () => {
        assert.deepEqual(atCursor(FACTORY_HEAD + 'Play|Pause,PlayPause,Button,900B,0,1,,,,,,,,,play\nCue,,Button,900c,,,,,,,,,,,').upper, []);
        assert.deepEqual(atCursor(FACTORY_HEAD + 'Sync,,Button,9058,,,,,,,,,,Fast,sync all deck|s\n').upper, []);
        // A cell that is not a code (90zz is bad hex, for the bad-hex quick fix) is not touched.
        assert.deepEqual(atCursor(FACTORY_HEAD + 'Sync,,Button,90z|z,,,,,,,,,,,').upper, []);
      });
    });
  });

  describe('fix all (source.fixAll.rekordboxMidi)', () => {
    it('is offered when asked for, as one action', () => {
      const text = FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 3: '900c' });
      const actions = computeCodeActions(parseMapping(text), {
        uri: URI,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        diagnostics: [],
        only: [FIX_ALL_KIND],
      });
      assert.equal(actions.length, 1);
      assert.equal(applyAction(text, actions[0]).split('\n')[2], row({ 0: 'Cue', 2: 'Button', 3: '900C' }));
    });

    it('normalises mixed line endings to the dominant one', () => {
      const text = '@file,1,X\r\n' + row({ 0: 'Cue', 2: 'Button', 3: '900C' }) + '\n' + row({ 0: 'Sync', 2: 'Button', 3: '9058' }) + '\r\n';
      assert.equal(applyEdits(text, computeFixAllEdits(parseMapping(text))), text.replace(/\r?\n/g, '\r\n'));
    });

    it('leaves every file Rekordbox wrote unchanged', () => {
      for (const f of corpusFiles().filter(writtenByRekordbox)) assert.deepEqual(computeFixAllEdits(parseMapping(f.text)), [], f.file);
    });

    it('is idempotent and never adds an error, on every fixture', () => {
      for (const f of corpusFiles()) {
        const fixed = applyEdits(f.text, computeFixAllEdits(parseMapping(f.text)));
        assert.deepEqual(computeFixAllEdits(parseMapping(fixed)), [], `${f.file}: a second fix all changes nothing`);
        assert.ok(errors(fixed).length <= errors(f.text).length, f.file);
      }
    });
  });

  describe('fixes for the deeper rules', () => {
    it('rewrites a non-zero base channel to channel 0 and absolute deck channels', () => {
      const text = FACTORY_HEAD + 'PlayPause,PlayPause,Button,942E,2,3,0,1,,,,,,Fast,Play';
      const { fixed } = fixFirst(text, 'nonzero-base-channel');
      assert.equal(fixed.split('\n')[2], 'PlayPause,PlayPause,Button,902E,6,7,4,5,,,,,,Fast,Play');
      assert.deepEqual(diagnose(fixed), []);
    });

    it('deletes a repeated row', () => {
      const play = row({ 0: 'PlayPause', 2: 'Button', 3: '900B' });
      assert.equal(fixFirst(FACTORY_HEAD + play + '\n' + play + '\n', 'identical-rows').fixed, FACTORY_HEAD + play + '\n');
    });

    it('normalises mixed line endings, removes a BOM, and moves an Indicator’s code to MIDI OUT', () => {
      const mixed = '@file,1,X\r\n' + row({ 0: 'Cue', 2: 'Button', 3: '900C' }) + '\n' + row({ 0: 'Sync', 2: 'Button', 3: '9058' }) + '\r\n';
      assert.equal(fixFirst(mixed, 'mixed-line-endings').fixed, mixed.replace(/\r?\n/g, '\r\n'));
      assert.equal(fixFirst('\uFEFF@file,1,X\r\n', 'non-ascii').fixed, '@file,1,X\r\n');
      const indicator = FACTORY_HEAD + row({ 0: 'LoadedIndicator', 2: 'Indicator', 3: '9F00' });
      assert.equal(fixFirst(indicator, 'input-on-indicator').fixed.split('\n')[2], row({ 0: 'LoadedIndicator', 2: 'Indicator', 8: '9F00' }));
    });

    describe('non-ASCII text: Replace with its ASCII spelling', () => {
      /** The non-ascii diagnostics of the marked text, with the quick fixes each one gets. */
      function nonAsciiFixes(source: string) {
        const { text, ranges } = marked(source);
        const found = diagnose(text).filter(d => d.code === 'non-ascii');
        return { text, ranges, found, fixes: found.map(d => fixesFor(text, d)) };
      }

      it('replaces the é of a comment Café with e: one preferred quick fix, its edit exactly the é', () => {
        const { text, ranges, found, fixes } = nonAsciiFixes(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,Caf[[é]]');
        assert.deepEqual(found.map(d => d.range), ranges);
        assert.equal(fixes[0].length, 1);
        const [fix] = fixes[0];
        assert.equal(fix.title, "Replace with 'e'");
        assert.equal(fix.kind, 'quickfix');
        assert.equal(fix.isPreferred, true);
        assert.deepEqual(fix.diagnostics, [found[0]]);
        assert.deepEqual(fix.edit, { changes: { [URI]: [{ range: { start: { line: 2, character: 33 }, end: { line: 2, character: 34 } }, newText: 'e' }] } });
        assert.deepEqual(ranges[0], { start: { line: 2, character: 33 }, end: { line: 2, character: 34 } });
        const fixed = applyAction(text, fix);
        assert.equal(fixed, FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,Cafe');
        assert.deepEqual(diagnose(fixed), []);
      });

      it('replaces each run of typographic characters on its own, also where the ASCII is longer (… to ...)', () => {
        const { text, ranges, found, fixes } = nonAsciiFixes(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,Cue [[–]] deck 1[[…]]');
        assert.deepEqual(found.map(d => d.range), ranges);
        assert.deepEqual(
          fixes.map(f => f.map(a => [a.title, actionEdits(a, URI)])),
          [
            [["Replace with '-'", [{ range: ranges[0], newText: '-' }]]],
            [["Replace with '...'", [{ range: ranges[1], newText: '...' }]]],
          ],
        );
        const fixed = applyAction(applyAction(text, fixes[1][0]), fixes[0][0]);
        assert.equal(fixed, FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,Cue - deck 1...');
        assert.deepEqual(diagnose(fixed), []);
      });

      it('offers no replacement where there is no obvious ASCII spelling (Japanese, a full-width comma)', () => {
        const { ranges, found, fixes } = nonAsciiFixes(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,[[日本]] deck[[，]]1');
        assert.deepEqual(found.map(d => d.range), ranges);
        assert.deepEqual(fixes, [[], []]);
      });
    });
  });

  it('no offered fix makes a file worse: every fix on every fixture and damaged file', () => {
    const damaged = [
      FACTORY_HEAD +
        [
          'PlayPause,PlayPause,Button,942E,2,3,0,1,,,,,,Fast,Play',
          row({ 0: 'LoadedIndicator', 2: 'Indicator', 3: '9F00' }),
          row({ 0: 'Cue', 2: 'Button', 3: '900C', 14: 'Caf\u00e9' }),
        ].join('\r\n') +
        '\n' +
        row({ 0: 'Cue', 2: 'Button', 3: '900C', 14: 'Caf\u00e9' }),
      '\uFEFF@file,1,X\r\nTempoSlider,,KnobSliderHiRes,B000,0,1,,,,,,,,,\r\nTempoReset,,Button,B020,0,1,,,,,,,,,\r\nTempoRange,,Rotary,9010,,,,,,,,,,,\r\n',
      FACTORY_HEAD +
        [
          'PlayPuase,,Buton,90O8,0,1,,,900b7F,0,1,,,fast;Priority=50,"x"',
          'Cue,Cue,Button,900C,,,,,,,,,,,,Shifted',
          row({ 0: 'Sync', 2: 'Button', 3: '9058' }) + ',,',
        ].join('\n'),
      '@file,1,X,,,\r\n' + row({ 0: 'Cue', 2: 'Button', 3: '900c' }) + ',,,\n' + row({ 0: 'Cue', 2: 'Button', 3: '900C' }),
    ];
    for (const text of [...corpusFiles().map(f => f.text), ...damaged]) {
      const before = errors(text).length;
      for (const diagnostic of diagnose(text)) {
        for (const action of fixesFor(text, diagnostic)) {
          const fixed = applyAction(text, action);
          assert.ok(errors(fixed).length <= before, `'${action.title}' for ${diagnostic.code} added an error`);
          assert.notEqual(fixed, text, `'${action.title}' changed nothing`);
        }
      }
    }
  });

  it('no refactoring (DUPLICATE, MIDI OUT = MIDI IN, upper-case) makes a file worse: every one offered on every row of every fixture', () => {
    const conflicting =
      FACTORY_HEAD +
      [
        row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }),
        row({ 0: 'Cue', 2: 'Button', 3: '920B' }),
        row({ 0: 'Sync', 2: 'Button', 3: '9058' }),
      ].join('\n');
    let tried = 0;
    for (const text of [...corpusFiles().map(f => f.text), conflicting]) {
      const model = parseMapping(text);
      const before = errors(text).length;
      for (let line = 0; line < model.rows.length; line++) {
        const range = { start: { line, character: 0 }, end: { line, character: 0 } };
        for (const action of computeCodeActions(model, { uri: URI, range, diagnostics: [], only: ['refactor'] })) {
          tried++;
          const fixed = applyAction(text, action);
          assert.ok(errors(fixed).length <= before, `'${action.title}' on line ${line + 1} added an error`);
          assert.notEqual(fixed, text, `'${action.title}' changed nothing`);
        }
      }
    }
    assert.ok(tried > 100, `only ${tried} refactorings were offered`);
  });
});

describe('fixes on generated damage', () => {
  it('no refactoring on any row of 60 randomly damaged fixtures adds an error: none a row did not have before', () => {
    const rnd = random(20261204);
    const sources = corpusFiles().map(f => f.text);
    // Errors counted by code and line. A refactoring edits its row and may insert lines after it:
    // those count as the row's, and the lines below are the ones they were.
    const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;
    const errorCounts = (text: string, row: number, inserted: number) => {
      const counts = new Map<string, number>();
      for (const d of errors(text)) {
        const line = d.range.start.line;
        const was = line <= row ? line : line <= row + inserted ? row : line - inserted;
        const key = `${d.code} on line ${was + 1}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    };
    let tried = 0;
    for (let i = 0; i < 60; i++) {
      const text = damage(sources[i % sources.length], rnd);
      const model = parseMapping(text);
      const before = errorCounts(text, 0, 0);
      for (let line = 0; line < model.rows.length; line++) {
        const range = { start: { line, character: 0 }, end: { line, character: 0 } };
        for (const action of computeCodeActions(model, { uri: URI, range, diagnostics: [], only: ['refactor'] })) {
          tried++;
          const fixed = applyAction(text, action);
          for (const [key, count] of errorCounts(fixed, line, lineCount(fixed) - lineCount(text))) {
            assert.ok(count <= (before.get(key) ?? 0), `'${action.title}' on line ${line + 1} added ${key}`);
          }
        }
      }
    }
    assert.ok(tried > 300, `only ${tried} refactorings were offered`);
  });

  it('every quick fix and fix-all on 150 randomly damaged fixtures and junk texts: no new error, fix-all idempotent', () => {
    const rnd = random(20261122);
    const sources = corpusFiles().map(f => f.text);
    const texts = [...junkTexts().map(j => j.text), ...Array.from({ length: 150 }, (_, i) => damage(sources[i % sources.length], rnd))];
    let fixesTried = 0;
    for (const text of texts) {
      const before = errors(text).length;
      for (const diagnostic of diagnose(text).slice(0, 40)) {
        for (const action of fixesFor(text, diagnostic)) {
          const fixed = applyAction(text, action);
          fixesTried++;
          assert.ok(errors(fixed).length <= before, `'${action.title}' for ${diagnostic.code} added an error`);
        }
      }
      const fixedAll = applyEdits(text, computeFixAllEdits(parseMapping(text)));
      assert.ok(errors(fixedAll).length <= before, 'fix all added an error');
      assert.deepEqual(computeFixAllEdits(parseMapping(fixedAll)), [], 'fix all is idempotent');
    }
    assert.ok(fixesTried > 100, `only ${fixesTried} fixes were offered: the damage should give more`);
  });
});

describe('shifted rows with options in the comment column', () => {
  it('are shifted (an error), and the fix moves the options back', () => {
    const line = 'PlayPause,,Button,9000,,,,,,,,,,,Fast;,one field too many';
    const text = EXPORT_HEAD_FOR_SHIFT + line;
    const [d] = diagnose(text).filter(x => x.code === 'field-count');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(fixFirst(text, 'field-count').fixed.split('\n')[1], 'PlayPause,,Button,9000,,,,,,,,,,Fast;,one field too many');
  });
});
const EXPORT_HEAD_FOR_SHIFT = '@file,1,Test Device\n';
