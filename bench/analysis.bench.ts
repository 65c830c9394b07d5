/**
 * How fast full analysis (tokenize, model, every diagnostic) runs, next to what papaparse and
 * csv-parse take only to split the same text into fields. Prints figures; asserts nothing
 * (timed assertions flake on shared machines). Run: `npm run bench`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';
import { parse as csvParse } from 'csv-parse/sync';
import { computeDiagnostics } from '../server/src/service/features/diagnostics';
import { parseMapping } from '../server/src/service/model/mappingModel';
import { tokenizeCsv } from '../server/src/service/parse/tokenizeCsv';
import { iterations, writeResults } from './benchSupport';

const root = path.resolve(__dirname, '..', '..');
const flx10 = fs.readFileSync(path.join(root, 'test', 'fixtures', 'corpus', 'factory-DDJ-FLX10.midi.csv'), 'utf8');

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of `fn` over `runs` runs after `warmup` unmeasured ones. */
function time(fn: () => unknown, runs: number, warmup = Math.min(20, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

/**
 * Medians of `a` and `b` run in turn (a, b, a, b…): on a large text each leaves garbage the next
 * one's run pays for in collections, so alternating gives both the same conditions.
 */
function timeInTurn(a: () => unknown, b: () => unknown, runs: number): [number, number] {
  const samples: [number[], number[]] = [[], []];
  for (let i = -2; i < runs; i++) {
    [a, b].forEach((fn, k) => {
      const t0 = process.hrtime.bigint();
      fn();
      if (i >= 0) samples[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return [median(samples[0]), median(samples[1])];
}

const analyse = (text: string) => computeDiagnostics(parseMapping(text));
const papaparse = (text: string) => Papa.parse(text, { header: false });
const csvParseSync = (text: string) => csvParse(text, { relax_column_count: true, relax_quotes: true });
function plainPass(text: string): number {
  let commas = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) commas++;
  return commas;
}

/**
 * The FLX10 factory rows repeated to `rows` rows, each copy's comment numbered: real content, a
 * valid file (each code keeps its one function), no two rows identical.
 */
function repeatedFactory(rows: number): string {
  const lines = flx10.split('\r\n');
  const body = lines.slice(2).filter(l => l.length > 0);
  const out = [lines[0], lines[1]];
  for (let i = 0; out.length - 2 < rows; i++) {
    const line = body[i % body.length];
    const copy = Math.floor(i / body.length);
    out.push(copy === 0 || line.startsWith(',') || line.startsWith('# ') ? line : `${line} (copy ${copy})`);
  }
  return out.join('\r\n') + '\r\n';
}

/** One code on every row, alternating two functions: the case that must not go quadratic. */
function oneCodeEverywhere(rows: number): string {
  const out = ['@file,1,Stress'];
  for (let i = 0; i < rows; i++) out.push(`${i % 2 ? 'PlayPause' : 'Cue'},,Button,900B,,,,,900B,,,,,Fast;,`);
  return out.join('\r\n') + '\r\n';
}

const mb = (text: string) => (text.length / 1e6).toFixed(2);
const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
const line = (label: string, ms: number, extra = '') => console.log(`${label.padEnd(58)} ${ms.toFixed(3).padStart(9)} ms${extra}`);

console.log(`Rekordbox MIDI analysis benchmark (node ${process.version}, medians)\n`);
console.log(`factory DDJ-FLX10 (${(flx10.length / 1000).toFixed(1)} KB, ${flx10.split('\r\n').length} lines)`);
const flx = {
  tokenize: time(() => tokenizeCsv(flx10), iterations(300)),
  analysis: time(() => analyse(flx10), iterations(300)),
  papaparse: time(() => papaparse(flx10), iterations(300)),
  csvParse: time(() => csvParseSync(flx10), iterations(300)),
  plainPass: time(() => plainPass(flx10), iterations(300)),
};
line(
  '  tokenize only (fields with their line and character ranges)',
  flx.tokenize,
  `  (ratio tokenize/papaparse ${(flx.tokenize / flx.papaparse).toFixed(2)}, tokenize/csv-parse ${(flx.tokenize / flx.csvParse).toFixed(3)})`,
);
line('  full analysis (tokenize + model + all diagnostics)', flx.analysis);
line('  papaparse: split into fields only', flx.papaparse, `  (ratio analysis/papaparse ${(flx.analysis / flx.papaparse).toFixed(2)})`);
line('  csv-parse: split into fields only', flx.csvParse, `  (ratio analysis/csv-parse ${(flx.analysis / flx.csvParse).toFixed(2)})`);
line('  one plain pass over the characters', flx.plainPass);
results.flx10 = flx;

console.log('\ngenerated files: FLX10 rows repeated, comments numbered (a valid mapping)');
const scaling: Record<string, number> = {};
for (const rows of [12_500, 25_000, 50_000, 100_000]) {
  const text = repeatedFactory(rows);
  const runs = iterations(rows >= 50_000 ? 7 : 11);
  const ms = time(() => analyse(text), runs, 2);
  scaling[rows] = ms;
  let extra = '';
  if (rows === 50_000) {
    const [tokenize, papa] = timeInTurn(() => tokenizeCsv(text), () => papaparse(text), iterations(15));
    results.largeTokenize = { rows, tokenize, papaparse: papa };
    extra = `  tokenize only ${tokenize.toFixed(1)} ms, papaparse ${papa.toFixed(1)} ms in turn (ratio ${(tokenize / papa).toFixed(2)})`;
  }
  line(`  ${rows.toLocaleString('en')} rows (${mb(text)} MB): full analysis`, ms, `  ${((ms / rows) * 1000).toFixed(2)} µs/row${extra}`);
}
results.repeatedFactory = scaling;

console.log('\none code on every row (related-row lists must stay short)');
const worst: Record<string, number> = {};
for (const rows of [5_000, 10_000, 20_000]) {
  const text = oneCodeEverywhere(rows);
  const ms = time(() => analyse(text), iterations(7), 2);
  worst[rows] = ms;
  line(`  ${rows.toLocaleString('en')} rows: full analysis`, ms, `  ${((ms / rows) * 1000).toFixed(2)} µs/row`);
}
results.oneCodeEverywhere = worst;

writeResults('analysis', results);
