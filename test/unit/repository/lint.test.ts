/**
 * The repository's own checks, run in the unit lane: ESLint over everything `npm run lint` lints (with the folder
 * boundaries of eslint.config.mjs), and the type checks of the tsconfigs other than tsconfig.json (which the lane's
 * own compile already is), such as tsconfig.media.json for the webview scripts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../../helpers/fixtures';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const CODE_FILE = /\.(ts|js|mjs|cjs)$/;

/** What `npm run lint` lints: the paths its script gives eslint. */
function lintedPaths(): string[] {
  const [command, ...args] = String(manifest.scripts.lint).split(/\s+/);
  assert.equal(command, 'eslint', 'npm run lint runs eslint');
  return args.filter(arg => !arg.startsWith('-'));
}

/** The code files under a folder of the repository that ESLint's config does not ignore (git's and npm's folders left out). */
async function codeFiles(eslint: ESLint, dir = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      // An ignored folder is not walked (dist/, out/, examples/…): a file in it would be ignored too.
      if (entry.name === 'node_modules' || entry.name === '.git' || (await eslint.isPathIgnored(path.join(REPO_ROOT, file, 'x.ts')))) continue;
      files.push(...(await codeFiles(eslint, file)));
    } else if (CODE_FILE.test(entry.name) && !(await eslint.isPathIgnored(path.join(REPO_ROOT, file)))) {
      files.push(file);
    }
  }
  return files;
}

/** `file:line rule: message` for each problem ESLint found, after a count per rule and per top folder. */
function report(results: ESLint.LintResult[]): { count: number; text: string } {
  const lines: string[] = [];
  const perRule = new Map<string, number>();
  const perFolder = new Map<string, number>();
  for (const result of results) {
    const file = path.relative(REPO_ROOT, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      const rule = message.ruleId ?? (message.fatal ? 'parse error' : 'eslint');
      lines.push(`${file}:${message.line} ${rule}: ${message.message}`);
      perRule.set(rule, (perRule.get(rule) ?? 0) + 1);
      const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : file;
      perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
    }
  }
  const counts = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key} ${n}`).join(', ');
  return { count: lines.length, text: `${lines.length} problems; per rule: ${counts(perRule)}; per folder: ${counts(perFolder)}\n${lines.join('\n')}` };
}

describe('ESLint (npm run lint)', () => {
  const eslint = new ESLint({ cwd: REPO_ROOT });

  it('lints every code file its config does not ignore', async () => {
    const linted = lintedPaths();
    const missed = (await codeFiles(eslint)).filter(file => !linted.some(p => file === p || file.startsWith(`${p}/`)));
    assert.deepEqual(missed, [], `add their folders to package.json's lint script, or ignore them in eslint.config.mjs`);
  });

  it('finds no problem', async () => {
    const { count, text } = report(await eslint.lintFiles(lintedPaths()));
    assert.equal(count, 0, text);
  });

  /** The rules that name `source` as restricted in `file` (a file that need not exist). */
  async function restrictions(file: string, source: string): Promise<string[]> {
    const code = file.startsWith('media/') ? `require('${source}');\n` : `import '${source}';\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
    return result.messages.filter(m => m.fatal || /restricted/.test(m.ruleId ?? '')).map(m => `${m.ruleId}: ${m.message}`);
  }

  it('keeps the folder boundaries: the language service pure, the client off the server, protocol/ off the client, webview scripts alone', async () => {
    const forbidden: [string, string][] = [
      ['server/src/service/features/x.ts', 'vscode'],
      ['server/src/service/features/x.ts', 'vscode-languageserver'],
      ['server/src/service/features/x.ts', 'vscode-languageserver/node'],
      ['server/src/service/features/x.ts', '../../../../client/src/extension'],
      ['client/src/table/x.ts', '../../../server/src/service/midi/midiCode'],
      ['client/src/x.ts', '../../server/src/server'],
      ['protocol/x.ts', '../client/src/extension'],
      ['media/x.js', './helper'],
      ['media/x.js', 'vscode'],
    ];
    for (const [file, source] of forbidden) assert.notDeepEqual(await restrictions(file, source), [], `${file} may import '${source}'`);

    const allowed: [string, string][] = [
      ['server/src/service/features/x.ts', 'vscode-languageserver-types'],
      ['server/src/service/features/x.ts', '../../../../protocol/messages'],
      ['server/src/server.ts', 'vscode-languageserver/node'],
      ['client/src/x.ts', 'vscode-languageclient/node'],
      ['client/src/table/x.ts', '../../../protocol/messages'],
      ['protocol/x.ts', 'vscode-languageserver-protocol'],
    ];
    for (const [file, source] of allowed) assert.deepEqual(await restrictions(file, source), [], `${file} may not import '${source}'`);
  });
});

describe('type checks of the other tsconfigs (npm run typecheck)', () => {
  const tsconfigs = fs.readdirSync(REPO_ROOT).filter(name => /^tsconfig\..+\.json$/.test(name));

  it('include tsconfig.media.json, which npm run typecheck runs', () => {
    assert.ok(tsconfigs.includes('tsconfig.media.json'));
    for (const tsconfig of tsconfigs) assert.match(manifest.scripts.typecheck, new RegExp(`tsc -p ${tsconfig.replace(/\./g, '\\.')}\\b`));
  });

  for (const tsconfig of tsconfigs) {
    it(`${tsconfig} has no type error`, () => {
      const tsc = require.resolve('typescript/bin/tsc');
      const run = spawnSync(process.execPath, [tsc, '-p', tsconfig, '--noEmit'], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, `tsc -p ${tsconfig}:\n${run.stdout}${run.stderr}`);
    });
  }
});
