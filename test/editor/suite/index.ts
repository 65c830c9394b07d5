/**
 * The editor lane's test runner, loaded by VS Code's extension host (--extensionTestsPath points
 * here): runs every `*.test.js` beside it with mocha (tdd), `editor.test.js` first and
 * `deactivate.test.js` last, and writes a
 * JSON summary (passed, failed, each test's title and error) to $REKORDBOX_MIDI_EDITOR_RESULTS, or to
 * `.vscode-test/editor/results.json` in the repository when that is unset. The same summary is
 * printed as one `EDITOR_SUITE_RESULT {...}` line for runners that only see the output.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { recordProcessErrors } from './helpers';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function run(): Promise<void> {
  recordProcessErrors();
  // REKORDBOX_MIDI_EDITOR_GREP narrows the run to matching test titles (for debugging).
  const grep = process.env.REKORDBOX_MIDI_EDITOR_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, slow: 5000, ...(grep ? { grep } : {}) });
  const rank = (f: string): number => (f === 'editor.test.js' ? 0 : f === 'deactivate.test.js' ? 2 : 1);
  const files = fs
    .readdirSync(__dirname)
    .filter(f => f.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const results: TestResult[] = [];
  const resultsFile = process.env.REKORDBOX_MIDI_EDITOR_RESULTS || path.join(REPO_ROOT, '.vscode-test', 'editor', 'results.json');

  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run(failures => {
        const summary = {
          passed: results.filter(r => r.state === 'passed').length,
          failed: results.filter(r => r.state === 'failed').length,
          pending: results.filter(r => r.state === 'pending').length,
          files,
          vscodeVersion: vscode.version,
          tests: results,
        };
        try {
          fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
          fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 1));
        } catch (e) {
          console.error(`could not write ${resultsFile}: ${String(e)}`);
        }
        console.log(`EDITOR_SUITE_RESULT ${JSON.stringify({ passed: summary.passed, failed: summary.failed, pending: summary.pending })}`);
        if (failures > 0 || summary.failed > 0) reject(new Error(`${Math.max(failures, summary.failed)} editor test(s) failed.`));
        else if (summary.passed === 0) reject(new Error('no editor test ran.'));
        else resolve();
      });
    } catch (e) {
      reject(e);
      return;
    }
    runner.on('pass', t => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) =>
      results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(err?.stack ?? err) }),
    );
    runner.on('pending', t => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
