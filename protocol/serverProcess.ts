/**
 * How the language server's process is started: the extension (client/src/extension.ts), the
 * protocol tests and bench/lsp.bench.ts all use this, so what is tested and measured is what ships.
 *
 * Two settings keep its resident memory under the 60 MB budget after a burst of opens (all 13
 * fixtures, 0.5 s later, bench/lsp.bench.ts on 2026-12-04: 65 MB without them, 59.6 MB with them):
 * - `MALLOC_ARENA_MAX=1` (glibc; ignored elsewhere): V8's compiler and GC threads would otherwise
 *   each keep a malloc arena of their own, still holding what they freed (−5 MB alone).
 * - `--max-semi-space-size=2`: after a burst V8 grows its young generation to 16 MB per semi-space;
 *   the server's garbage lives for one analysis. 1 MB saved 1.7 MB more but tripled the p99 of a
 *   didOpen (2.6 → 6.7 ms) in scavenges; 2 MB leaves it at 2.4–2.8 ms.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2'];
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
