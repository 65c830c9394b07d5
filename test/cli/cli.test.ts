/** The command-line tool, run as users run it: `node dist/cli.js …`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { CORPUS_DIR, REPO_ROOT } from '../helpers/fixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('rekordbox-midi (command line)', () => {
  it('lint: prints file:line:col severity code message and exits 1 on errors', () => {
    const file = path.join('test', 'fixtures', 'corpus', 'handmade-DDJ-SX-16-fields.midi.csv');
    const { status, stdout, stderr } = run('lint', file);
    assert.equal(status, 1);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.filter(l => / error /.test(l)).length, 8);
    assert.equal(lines.length, 13, 'and 5 warnings on line 23, the 14-bit LSB of line 22');
    assert.match(
      lines[0],
      new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:8:57 error field-count 16 fields where Rekordbox reads 15: 'DDJ-SX pad channels 8/9'`),
    );
    assert.match(stderr, /1 file checked: 8 errors, 5 warnings/);
  });

  it('lint: exits 0 on factory and exported files, searching folders for *.midi.csv', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbm-cli-'));
    for (const f of ['factory-DDJ-FLX10.midi.csv', 'export-Xone-4D.midi.csv']) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a mapping');
    const { status, stderr } = run('lint', dir);
    assert.equal(status, 0, stderr);
    assert.match(stderr, /2 files checked: 0 errors/);
    fs.rmSync(dir, { recursive: true });
  });

  it('lint --quiet prints errors only', () => {
    const { stdout } = run('lint', '--quiet', path.join(CORPUS_DIR, 'edited-DDJ-FLX6-19-fields.midi.csv'));
    assert.equal(stdout, '');
  });

  it('lint: a missing file is a clear message and exit 2', () => {
    const { status, stderr } = run('lint', 'no/such/file.midi.csv');
    assert.equal(status, 2);
    assert.match(stderr, /no\/such\/file\.midi\.csv: cannot read \(ENOENT\)/);
  });

  it('decode: explains codes, refuses non-codes', () => {
    assert.equal(run('decode', '900B', 'b640').stdout, '900B  note on, ch 1, note 11 (B-1)\nB640  control change, ch 7, CC 64 (0x40)\n');
    const bad = run('decode', '90O8');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /90O8: not a 4-hex MIDI code/);
  });

  it('help and unknown commands', () => {
    assert.match(run('help').stdout, /lint <file\|folder>/);
    const unknown = run('frobnicate');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });
});

describe('rekordbox-midi lint --rule', () => {
  it('changes a rule’s level or turns it off, and refuses an unknown rule', () => {
    const file = path.join('test', 'fixtures', 'corpus', 'handmade-DDJ-SX-16-fields.midi.csv');
    const relaxed = run('lint', '--rule', 'field-count=warning', '--rule', 'hires-lsb-collision=off', '--rule', 'hires-cc-range=off', file);
    assert.equal(relaxed.status, 0, relaxed.stderr);
    assert.match(relaxed.stderr, /1 file checked: 0 errors, 8 warnings/);
    const bad = run('lint', '--rule', 'no-such-rule=off', file);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--rule needs CODE=LEVEL/);
  });
});
