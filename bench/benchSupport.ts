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

/** Writes `bench/results/<name>.json` (ignored by git; the README quotes the figures). */
export function writeResults(name: string, results: object): void {
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(results, null, 1) + '\n');
  console.log(`\nfigures written to bench/results/${name}.json`);
}

/** Runs a benchmark's main; a failure exits non-zero with its error. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
