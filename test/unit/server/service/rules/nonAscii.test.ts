/** `non-ascii`: text outside ASCII (every real mapping is plain ASCII, no BOM). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { asciiReplacement, MAX_REPORTED } from '../../../../../server/src/service/rules/nonAscii';
import { corpusFiles } from '../../../../helpers/fixtures';
import { FACTORY_HEAD } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Warning: W, Hint: H } = DiagnosticSeverity;
const CODE = 'non-ascii';


describe('non-ascii', () => {
  it('warns on an accented letter in a comment, naming it as U+XXXX, with an ASCII replacement in data', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,900B,,,,,,,,,,,Lecture/Pause (d[[é]]but)', [[CODE, W]]);
    assert.equal(d.message, "'é' (U+00E9) is not ASCII in the Comment: every Rekordbox file is plain ASCII, and Rekordbox may misread it. Write 'e' instead.");
    assert.deepEqual(d.data, { kind: 'characters', codePoints: ['U+00E9'], replacement: 'e' });
  });

  it('reports a run of characters once, and each run on its own', () => {
    // A run is non-ASCII characters side by side: the two quotes around ASCII text are two runs.
    const source = FACTORY_HEAD + 'Cue,Cue[[\u2013\u2014]],Button,900C,,,,,,,,,,,set[[\u00a0]]cue [[\u201c]]quoted[[\u201d]]';
    const diagnostics = expectDiagnostics(source, [[CODE, W], [CODE, W], [CODE, W], [CODE, W]], {}, [CODE]);
    assert.deepEqual(diagnostics[0].data, { kind: 'characters', codePoints: ['U+2013', 'U+2014'], replacement: '--' });
    assert.match(diagnostics[0].message, /in the Control/);
    assert.deepEqual(diagnostics[1].data, { kind: 'characters', codePoints: ['U+00A0'], replacement: ' ' });
    assert.deepEqual(diagnostics[2].data, { kind: 'characters', codePoints: ['U+201C'], replacement: "'" });
  });

  it('counts UTF-16 units for ranges (an emoji is 2) and offers no replacement when none is obvious', () => {
    const [emoji, kanji] = expectDiagnostics(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,[[\u{1F3B5}]] [[再生]]', [[CODE, W], [CODE, W]]);
    assert.deepEqual(emoji.data, { kind: 'characters', codePoints: ['U+1F3B5'] });
    assert.deepEqual(kanji.data, { kind: 'characters', codePoints: ['U+518D', 'U+751F'] });
  });

  it('warns on a byte-order mark at the start (beside what it does to the @file line)', () => {
    const [d] = expectDiagnostics('[[\ufeff]]@file,1,Test Device\n', [[CODE, W]], {}, [CODE]);
    assert.deepEqual(d.data, { kind: 'bom' });
    assert.match(d.message, /byte-order mark \(U\+FEFF\)/);
  });

  it(`reports at most ${MAX_REPORTED} places, the last saying how many more`, () => {
    const rows = Array.from({ length: 80 }, (_, i) => `Cue,Cue,Button,90${(i + 16).toString(16).toUpperCase()},,,,,,,,,,,cue ü ${i}`);
    const found = computeDiagnostics(parseMapping(FACTORY_HEAD + rows.join('\n'))).filter(d => d.code === CODE);
    assert.equal(found.length, MAX_REPORTED);
    assert.match(found[MAX_REPORTED - 1].message, /\(30 more non-ASCII places further on are not listed\.\)$/);
    assert.doesNotMatch(found[0].message, /more non-ASCII/);
  });

  it('can be set to hint', () => {
    expectDiagnostics(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,[[ü]]', [[CODE, H]], { ruleSeverities: { [CODE]: 'hint' } });
  });

  it('knows common typographic stand-ins', () => {
    assert.equal(asciiReplacement('\u2018x\u2019'), "'x'");
    assert.equal(asciiReplacement('Stra\u00dfe'), 'Strasse');
    assert.equal(asciiReplacement('\u2026'), '...');
    assert.equal(asciiReplacement('\uff0c'), undefined); // a full-width comma would split the line
    assert.equal(asciiReplacement('\ud800'), undefined); // a lone surrogate
  });

  it('never fires on the corpus', () => {
    for (const f of corpusFiles()) assert.deepEqual(computeDiagnostics(parseMapping(f.text)).filter(d => d.code === CODE), [], f.file);
  });
});
