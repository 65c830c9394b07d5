/** `rekordbox-midi import-mixxx` and `export-mixxx`, run as users run them. */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { MIXXX_DIR, REPO_ROOT } from '../helpers/fixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const DDJ400 = path.join(MIXXX_DIR, 'Pioneer-DDJ-400.midi.xml');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rbm-mixxx-'));

describe('rekordbox-midi import-mixxx / export-mixxx', () => {
  it('import-mixxx writes the CSV (CRLF) to standard output and the summary to standard error', () => {
    const { status, stdout, stderr } = run('import-mixxx', DDJ400);
    assert.equal(status, 0, stderr);
    assert.ok(stdout.startsWith('@file,1,DDJ-400\r\n#name,function,type,input,'));
    assert.ok(stdout.includes('\r\nPlayPause,,Button,900B,0,1,,,900B,0,1,,,,'));
    assert.ok(!/[^\r]\n/.test(stdout), 'CRLF only');
    assert.match(stderr, /DDJ-400: 204 Mixxx controls → 118 rows\. 99 became Rekordbox functions/);
    assert.match(stderr, /Pioneer-DDJ-400\.midi\.xml:689 warning Controls at lines 689, 895 all use 0x90 0x68/);
  });

  it('-o writes a file the linter passes; it refuses to overwrite it without --force', () => {
    const dir = tempDir();
    const out = path.join(dir, 'DDJ-400.midi.csv');
    assert.equal(run('import-mixxx', DDJ400, '-o', out).status, 0);
    const first = fs.readFileSync(out, 'utf8');
    assert.equal(run('lint', '--quiet', out).status, 0, 'no error-level diagnostic');

    fs.writeFileSync(out, 'mine');
    const refused = run('import-mixxx', DDJ400, '-o', out);
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr.trim().split('\n').at(-1), `rekordbox-midi import-mixxx: ${out} already exists; add --force to overwrite it.`);
    assert.equal(fs.readFileSync(out, 'utf8'), 'mine', 'untouched');

    assert.equal(run('import-mixxx', DDJ400, '-o', out, '--force').status, 0);
    assert.equal(fs.readFileSync(out, 'utf8'), first);
    fs.rmSync(dir, { recursive: true });
  });

  it('export-mixxx writes the Mixxx skeleton, and importing it again gives the same function rows', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'DDJ-400.midi.csv');
    const xml = path.join(dir, 'DDJ-400.midi.xml');
    run('import-mixxx', DDJ400, '-o', csv);
    const exported = run('export-mixxx', csv, '-o', xml);
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(exported.stderr.trim(), 'DDJ-400: 45 of 45 function rows → 99 Mixxx controls and 38 outputs.');
    const text = fs.readFileSync(xml, 'utf8');
    assert.ok(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<MixxxControllerPreset'));
    assert.ok(
      text.includes(
        '<group>[Channel2]</group>\n' +
          '                <key>play</key>\n' +
          '                <status>0x91</status>\n' +
          '                <midino>0x0B</midino>',
      ),
    );
    assert.equal(run('export-mixxx', csv, '-o', xml).status, 2, 'no overwrite');
    const again = run('import-mixxx', xml);
    const functionRows = (t: string) =>
      t.split('\r\n').filter(l => /^[A-Za-z]/.test(l) && !l.startsWith('NoFunction')).map(l => l.split(',').slice(0, 13).join(',')).sort();
    assert.deepEqual(functionRows(again.stdout), functionRows(fs.readFileSync(csv, 'utf8')));
    fs.rmSync(dir, { recursive: true });
  });

  it('malformed XML: partial CSV, the error with file:line:col on standard error, exit 1', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.midi.xml');
    const text = fs.readFileSync(DDJ400, 'utf8');
    fs.writeFileSync(bad, text.replace('<key>cue_default</key>', '<key>cue_default</kye>'));
    const { status, stdout, stderr } = run('import-mixxx', bad);
    assert.equal(status, 1);
    assert.match(stderr, new RegExp(`^${bad.replace(/[.\\/]/g, '\\$&')}:\\d+:\\d+ error Malformed XML at line \\d+, column \\d+: `, 'm'));
    assert.ok(stdout.includes('\r\nPlayPause,,Button,900B,0,1,'), 'what came before is converted');
    assert.ok(stdout.includes('\r\nCrossFader,,KnobSliderHiRes,B61F,'), 'and what came after');
    fs.rmSync(dir, { recursive: true });
  });

  it('usage errors: no file, an unreadable file, an unknown option', () => {
    assert.deepEqual([run('import-mixxx').status, run('import-mixxx').stderr.trim()], [2, 'rekordbox-midi import-mixxx: name the file to convert.']);
    const missing = run('import-mixxx', 'no-such.midi.xml');
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.trim(), 'rekordbox-midi import-mixxx: cannot read no-such.midi.xml (ENOENT).');
    assert.equal(run('export-mixxx', 'x.csv', '--bogus').stderr.trim(), "rekordbox-midi export-mixxx: unknown option '--bogus'.");
  });

  it('the existing commands still work', () => {
    assert.equal(run('decode', '900B').stdout.trim(), '900B  note on, ch 1, note 11 (B-1)');
    assert.match(run('help').stdout, /import-mixxx <file\.midi\.xml>/);
  });
});
