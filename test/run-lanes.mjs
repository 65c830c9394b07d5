#!/usr/bin/env node
// Runs the test lanes and ends with one line `N passed, N failed` over all of them.
// Exit status is non-zero when any lane fails, cannot start, or runs no test at all.
//   node test/run-lanes.mjs                 every lane (npm test)
//   node test/run-lanes.mjs unit protocol   only those lanes
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tapDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekordbox-midi-lanes-'));

/** node's test runner: spec output for people, TAP to a file for counting. */
const nodeTestLane = (name, dir) => ({
  name,
  command: process.execPath,
  args: [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${path.join(tapDir, name + '.tap')}`,
    `out/test/${dir}/`,
  ],
  count() {
    const tap = fs.readFileSync(path.join(tapDir, name + '.tap'), 'utf8');
    const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? NaN);
    const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? NaN) + Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
    return { pass, fail };
  },
});

/** Lanes whose runner prints `N passed, N failed` as its last such line. */
const summaryLineLane = (name, command, args) => ({ name, command, args, count: output => lastSummary(output) });

function lastSummary(output) {
  const matches = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)];
  const last = matches.at(-1);
  return last ? { pass: Number(last[1]), fail: Number(last[2]) } : { pass: NaN, fail: NaN };
}

const LANES = [
  nodeTestLane('unit', 'unit'),
  nodeTestLane('cli', 'cli'),
  nodeTestLane('protocol', 'protocol'),
  summaryLineLane('grammar', process.execPath, ['test/grammar/run-grammar-tests.mjs']),
  // The MIDI host with real ports: JACK in user space (test/midi/setup-jack.sh installs it).
  nodeTestLane('midi', 'midi'),
  summaryLineLane('editor', process.execPath, ['test/editor/run-editor-tests.mjs']),
  summaryLineLane('journeys', process.execPath, ['test/journeys/run-journeys.mjs']),
  // The benchmarks, in a quick run: they still run and print every figure (no time is judged).
  nodeTestLane('bench', 'bench'),
  // Last: it rebuilds dist/ minified for the VSIX.
  nodeTestLane('package', 'package'),
];

function run(command, args) {
  return new Promise(resolve => {
    let output = '';
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.on('data', chunk => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', chunk => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', error => resolve({ code: 127, output: output + String(error) }));
    child.on('close', code => resolve({ code: code ?? 1, output }));
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter(w => !LANES.some(l => l.name === w));
if (unknown.length) {
  console.error(`unknown lane(s): ${unknown.join(', ')}; lanes are ${LANES.map(l => l.name).join(', ')}`);
  process.exit(2);
}
const lanes = wanted.length ? LANES.filter(l => wanted.includes(l.name)) : LANES;

const results = [];
const started = Date.now();
console.log('== build: esbuild bundles and tsc (type check + compiled tests)');
const build = await run('sh', ['-c', 'node esbuild.mjs && npx tsc -p .']);
if (build.code !== 0) {
  results.push({ name: 'build', pass: 0, fail: 1, note: `build failed (exit ${build.code}): no lane can run` });
} else {
  for (const lane of lanes) {
    const t0 = Date.now();
    console.log(`\n== lane: ${lane.name}`);
    const { code, output } = await run(lane.command, lane.args);
    let counts;
    try {
      counts = lane.count(output);
    } catch {
      counts = { pass: NaN, fail: NaN };
    }
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (!Number.isFinite(counts.pass) || !Number.isFinite(counts.fail)) {
      results.push({ name: lane.name, pass: 0, fail: 1, note: `could not start or printed no counts (exit ${code}), ${seconds} s` });
    } else if (counts.pass + counts.fail === 0) {
      results.push({ name: lane.name, pass: 0, fail: 1, note: `ran no test (exit ${code}), ${seconds} s` });
    } else if (code !== 0 && counts.fail === 0) {
      results.push({ name: lane.name, pass: counts.pass, fail: 1, note: `exit ${code} although no test failed, ${seconds} s` });
    } else {
      results.push({ name: lane.name, pass: counts.pass, fail: counts.fail, note: `exit ${code}, ${seconds} s` });
    }
  }
}

fs.rmSync(tapDir, { recursive: true, force: true });
console.log('\n== summary');
for (const r of results) console.log(`${r.name.padEnd(9)} ${String(r.pass).padStart(4)} passed ${String(r.fail).padStart(3)} failed  (${r.note})`);
const pass = results.reduce((n, r) => n + r.pass, 0);
const fail = results.reduce((n, r) => n + r.fail, 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail > 0 ? 1 : 0);
