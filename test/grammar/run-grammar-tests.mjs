#!/usr/bin/env node
// The grammar lane: vscode-tmgrammar-test over test/grammar/*.test.midi.csv (one test per file;
// the runner prints `✓ file` or `✖ file failed` and no totals), then the corpus test (node's
// test runner). Prints `N passed, N failed` last; exit status non-zero on any failure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const runner = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const grammar = path.join('syntaxes', 'rekordbox-midi.tmLanguage.json');
const files = fs.readdirSync(path.join(root, 'test', 'grammar')).filter(f => f.endsWith('.test.midi.csv')).sort();

let passed = 0;
let failed = 0;
for (const file of files) {
  // One run per file, so a file that cannot be parsed counts as that file's failure.
  const result = spawnSync(process.execPath, [runner, '-g', grammar, path.join('test', 'grammar', file)], { cwd: root, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr.split('\n').filter(l => !l.includes('nodedir')).join('\n'));
  if (result.status === 0 && /run successfuly|run successfully/.test(result.stdout)) passed++;
  else failed++;
}

const tap = spawnSync(process.execPath, ['--test', '--test-reporter=tap', path.join('test', 'grammar', 'corpus.test.mjs')], { cwd: root, encoding: 'utf8' });
const pass = Number(/^# pass (\d+)/m.exec(tap.stdout)?.[1] ?? 0);
const fail = Number(/^# fail (\d+)/m.exec(tap.stdout)?.[1] ?? 0);
for (const line of tap.stdout.split('\n')) if (/^(not )?ok \d+ /.test(line) || /^\s+(error|expected|actual):/.test(line)) console.log(line);
process.stderr.write(tap.stderr);
passed += pass;
failed += fail + (tap.status !== 0 && fail === 0 ? 1 : 0);
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
