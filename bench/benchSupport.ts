/** What every benchmark shares: percentiles, resident memory, writing results, running main. */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Resident memory of a process, from /proc (Linux). */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/**
 * BENCH_QUICK=1: every loop a fiftieth as long (at least 3 runs) and short waits. The figures mean
 * nothing then; the bench lane (test/bench/) runs it so a benchmark that broke is seen.
 */
export const QUICK = process.env.BENCH_QUICK === '1';

/** How many runs of a loop of `n`: `n`, or in a quick run a fiftieth of it. */
export function iterations(n: number): number {
  return QUICK ? Math.max(3, Math.ceil(n / 50)) : n;
}

/**
 * Writes `bench/results/<name>.json` (ignored by git; the README quotes the figures), or into
 * BENCH_RESULTS_DIR when set (the bench lane: a quick run must not replace real figures).
 */
export function writeResults(name: string, results: object): void {
  const outDir = process.env.BENCH_RESULTS_DIR ?? path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(results, null, 1) + '\n');
  console.log(`\nfigures written to ${path.relative(root, path.join(outDir, `${name}.json`))}`);
}

/** Runs a benchmark's main; a failure exits non-zero with its error. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
