/** The README: its commands, links and protocol example are true of the project as it is. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { decodeCode, describeCode, parseCode } from '../../../server/src/service/midi/midiCode';
import { REPO_ROOT } from '../../helpers/fixtures';
import { headingAnchors } from '../../helpers/markdownAnchors';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const ciRun = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');

/** The README's section under `## title`, up to the next `## `. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README.md has no section '## ${title}'`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The commands of the first ```sh block of a text, split at `&&`. */
function shellCommands(text: string): string[] {
  const block = /```sh\n([^]*?)```/.exec(text);
  assert.ok(block, 'no ```sh block');
  return block[1]
    .split('\n')
    .filter(line => line.trim() !== '')
    .flatMap(line => line.split('&&').map(c => c.trim()));
}

/** The commands a shell script runs (comments, echo lines and blank lines left out). */
const scriptLines = (script: string) =>
  script
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#') && !l.startsWith('echo'));

describe('README', () => {
  it('gives a new machine `npm ci && npm start`, then `npm test`: scripts package.json has, and what .ci/run runs', () => {
    const tryIt = section('Try it');
    assert.match(tryIt, /On a new machine/);
    assert.deepEqual(shellCommands(tryIt), ['npm ci', 'npm start']);
    assert.deepEqual(shellCommands(section('Run the tests')), ['npm test']);

    // npm ci installs from the lock file, for this package.
    const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    assert.equal(lock.name, manifest.name);
    // npm start builds and opens the examples; npm test runs every lane (no lane named).
    assert.equal(typeof manifest.scripts.start, 'string', 'package.json has no start script');
    assert.equal(manifest.scripts.test, 'node test/run-lanes.mjs', 'npm test runs every lane');
    for (const script of [manifest.scripts.start, manifest.scripts.test]) {
      for (const [, file] of script.matchAll(/\bnode (\S+\.m?js)\b/g)) assert.ok(fs.existsSync(path.join(REPO_ROOT, file)), `${script}: ${file} is missing`);
    }
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'examples')), 'npm start opens examples/');

    // CI installs as the README says and runs the README's test command.
    const ci = scriptLines(ciRun);
    assert.ok(ci.some(l => /^if ! npm ci\b|^npm ci\b/.test(l)), '.ci/run runs npm ci');
    assert.ok(ci.some(l => /^npm test\b/.test(l)), '.ci/run runs npm test');
    assert.ok(
      ci.findIndex(l => /npm ci\b/.test(l)) < ci.findIndex(l => /^npm test\b/.test(l)),
      '.ci/run installs before it tests',
    );
  });

  it('links only to files that exist (relative links, anchors stripped)', () => {
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]).filter(target => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'));
    assert.ok(links.length >= 15, `only ${links.length} relative links found: ${links.join(', ')}`);
    for (const prefix of ['docs/', 'bench/', 'test/']) assert.ok(links.some(l => l.startsWith(prefix)), `no link into ${prefix}`);
    const missing = links.filter(target => !fs.existsSync(path.join(REPO_ROOT, decodeURIComponent(target.replace(/#.*$/, '')))));
    assert.deepEqual(missing, [], 'README links to files that do not exist');
  });

  it('links to headings that exist where a link into a Markdown file names one', () => {
    const anchored = [...readme.matchAll(/\]\(([^)\s#:]+\.md)#([^)\s]+)\)/g)];
    for (const [, file, anchor] of anchored) {
      const headings = headingAnchors(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      assert.ok(headings.has(anchor), `${file}#${anchor}: no such heading (${[...headings].join(', ')})`);
    }
  });

  it('shows the rekordboxMidi/decode result the server’s decoder gives for 910B', () => {
    const rowLine = readme.split('\n').find(l => l.startsWith('| `rekordboxMidi/decode` |'));
    assert.ok(rowLine, 'no rekordboxMidi/decode row in the custom-request table');
    const [, params, result] = rowLine.split(' | ');
    assert.equal(params, '`{ code: "910B" }`');
    const object = /^`\{ (.*) \}`; error `-32602` for a non-code \|$/.exec(result);
    assert.ok(object, `unexpected result cell: ${result}`);
    // `key` or `key: <JSON value>` (a string, number or boolean), comma-separated.
    const matches = [...object[1].matchAll(/(\w+)(?:: ("(?:[^"\\]|\\.)*"|[^,"]+))?(?:, |$)/g)];
    assert.equal(matches.map(m => m[0]).join(''), object[1], 'the example reads as key: value pairs');
    const entries = matches.map(([, key, value]) => (value === undefined ? { key } : { key, value: JSON.parse(value) as unknown }));

    const code = /"(\w+)"/.exec(params)![1];
    const value = parseCode(code);
    assert.ok(value !== undefined);
    const d = decodeCode(value);
    // What the decode handler (server/src/server.ts) answers: the decoded code, the channel as
    // people count it, and the hover's sentence.
    const answer: Record<string, unknown> = { ...d, displayChannel: d.channel + 1, description: describeCode(d) };
    assert.deepEqual(entries.map(e => e.key).sort(), Object.keys(answer).sort(), 'the README lists every field of the result');
    for (const entry of entries) {
      if ('value' in entry) assert.deepEqual(entry.value, answer[entry.key], entry.key);
    }
    assert.deepEqual(
      entries.filter(e => 'value' in e).map(e => e.key),
      ['kind', 'channel', 'displayChannel', 'number', 'noteName', 'isParameter', 'description'],
    );
    assert.equal(parseCode('XYZ'), undefined, 'a non-code is not decoded (the request answers -32602)');
  });
});
