/** `mixed-line-endings`: CRLF, LF and lone CR in one file. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { LineEndingsData } from '../../../../../server/src/service/rules/lineEndings';
import { corpusFiles } from '../../../../helpers/fixtures';
import { row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Warning: W, Error: E } = DiagnosticSeverity;
const CODE = 'mixed-line-endings';


const HEAD = '@file,1,Test Device';
const HEADER = '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment';
const PLAY = row({ 0: 'PlayPause', 2: 'Button', 3: '900B' });
const CUE = row({ 0: 'Cue', 2: 'Button', 3: '900C' });
const SYNC = row({ 0: 'Sync', 2: 'Button', 3: '9058' });

describe('mixed-line-endings', () => {
  it('warns once, on the first line that ends in LF in a CRLF file, with counts and the target in data', () => {
    const [d] = expectDiagnostics(`${HEAD}\r\n${HEADER}\r\n${PLAY}\r\n[[${CUE}]]\n${SYNC}\n${PLAY.replace('900B', '900D')}\r\n`, [[CODE, W]]);
    assert.equal(
      d.message,
      'Mixed line endings: 4 CRLF, 2 LF, 0 CR. This is the first line ending in LF where most end in CRLF. ' +
        'Rekordbox writes CRLF throughout; normalise the file to one ending.',
    );
    assert.deepEqual(d.data as LineEndingsData, { target: '\r\n', counts: { crlf: 4, lf: 2, cr: 0 } });
  });

  it('takes the most common ending as the target (LF here) and points at the first CRLF line', () => {
    const [d] = expectDiagnostics(`${HEAD}\n${HEADER}\n[[${PLAY}]]\r\n${CUE}\n${SYNC}\n`, [[CODE, W]]);
    assert.deepEqual(d.data, { target: '\n', counts: { crlf: 1, lf: 4, cr: 0 } });
  });

  it('prefers CRLF on a tie, and finds a lone CR', () => {
    const [tie] = expectDiagnostics(`${HEAD}\r\n${HEADER}\r\n[[${PLAY}]]\n${CUE}\n${SYNC}`, [[CODE, W]]);
    assert.deepEqual(tie.data, { target: '\r\n', counts: { crlf: 2, lf: 2, cr: 0 } });
    const [cr] = expectDiagnostics(`${HEAD}\r\n${HEADER}\r\n[[${PLAY}]]\r${CUE}\r\n${SYNC}`, [[CODE, W]]);
    assert.deepEqual(cr.data, { target: '\r\n', counts: { crlf: 3, lf: 0, cr: 1 } });
    assert.match(cr.message, /first line ending in CR where/);
  });

  it('puts an empty line’s range at its start', () => {
    expectDiagnostics(`${HEAD}\r\n${HEADER}\r\n${PLAY}\r\n[[]]\n${CUE}\r\n`, [[CODE, W]]);
  });

  it('says nothing when every line ends alike, with or without a final line ending', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const text = [HEAD, HEADER, PLAY, CUE].join(eol);
      expectDiagnostics(text, []);
      expectDiagnostics(text + eol, []);
    }
  });

  it('can be set to error', () => {
    expectDiagnostics(`${HEAD}\r\n[[${PLAY}]]\n`, [[CODE, E]], { ruleSeverities: { [CODE]: 'error' } });
  });

  it('never fires on the corpus (each file keeps one ending)', () => {
    for (const f of corpusFiles()) assert.deepEqual(computeDiagnostics(parseMapping(f.text)).filter(d => d.code === CODE), [], f.file);
  });
});
