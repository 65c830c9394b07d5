/**
 * The benchmarks still run and print every figure the README quotes (their ratios and latencies).
 * A quick run (BENCH_QUICK=1: a fiftieth of the iterations) into a temporary folder, so bench/results keeps the real figures. Nothing here judges a time:
 * speed is read from `npm run bench`, never asserted (timed assertions flake on shared machines).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures';

function runBench(name: string): { output: string; results: Record<string, unknown> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekordbox-midi-bench-'));
  try {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'out', 'bench', `${name}.bench.js`)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, BENCH_QUICK: '1', BENCH_RESULTS_DIR: dir },
      timeout: 240_000,
    });
    assert.equal(run.status, 0, `${name}.bench.js exited ${run.status ?? run.signal}: ${run.stderr.slice(-600)}`);
    return { output: run.stdout, results: JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A figure: a number of milliseconds or megabytes that was really measured. */
function assertFigure(value: unknown, what: string): void {
  assert.ok(typeof value === 'number' && Number.isFinite(value) && value > 0, `${what}: ${JSON.stringify(value)}`);
}

describe('benchmarks (a quick run: they run and print their figures)', () => {
  it('analysis.bench: FLX10 next to papaparse and csv-parse, 12,500–100,000 rows, one code on every row, tokenize in turn with papaparse', () => {
    const { output, results } = runBench('analysis');
    const flx10 = results.flx10 as Record<string, unknown>;
    for (const key of ['tokenize', 'analysis', 'papaparse', 'csvParse', 'plainPass']) assertFigure(flx10[key], `flx10.${key}`);
    for (const rows of ['12500', '25000', '50000', '100000']) assertFigure((results.repeatedFactory as Record<string, unknown>)[rows], `${rows} rows`);
    for (const rows of ['5000', '10000', '20000']) assertFigure((results.oneCodeEverywhere as Record<string, unknown>)[rows], `one code on ${rows} rows`);
    const large = results.largeTokenize as Record<string, unknown>;
    assertFigure(large.tokenize, 'tokenize 50,000 rows');
    assertFigure(large.papaparse, 'papaparse 50,000 rows');
    assert.match(output, /ratio analysis\/papaparse \d+\.\d\d/);
    assert.match(output, /ratio tokenize\/papaparse \d+\.\d\d/);
    assert.match(output, /papaparse [\d.]+ ms in turn \(ratio \d+\.\d\d\)/);
  });

  it('lsp.bench: the shipped server over stdio, p50 and p99 of hover, completion and diagnostics, resident memory', () => {
    const { output, results } = runBench('lsp');
    assertFigure(results.coldOpenMs, 'cold open');
    for (const label of [
      'hover on a code cell (per-deck table)',
      'completion in column 1, empty cell (all ~900 functions)',
      'completion in column 1 after 3 letters',
      'completion in a deck column (16 channels)',
      'diagnostics: didOpen (46 KB text) → publishDiagnostics',
      'diagnostics: didSave → publishDiagnostics',
      'diagnostics after a keystroke (incl. the 150 ms pause)',
    ]) {
      const figures = results[label] as { p50: unknown; p99: unknown; n: unknown };
      assert.ok(figures, `no figures for ${label}`);
      assertFigure(figures.p50, `${label} p50`);
      assertFigure(figures.p99, `${label} p99`);
      assert.ok(output.includes(label), `not printed: ${label}`);
    }
    const memory = results.residentMb as Record<string, unknown>;
    for (const key of ['idle', 'afterAllFixtures', 'afterAllFixturesSettled']) assertFigure(memory[key], `resident memory ${key}`);
  });
});
