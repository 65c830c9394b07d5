/**
 * The VSIX: `npm run package` makes it offline, it carries the bundles (and the MIDI host's runtime:
 * @julusian/midi with every platform's prebuild) and nothing else, and it installs into a real VS Code
 * (code-server, from the editor lane's cache).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { before, describe, it } from 'node:test';
import { startMidiHost } from '../../client/src/midi/midiHostConnection';
import { WALKTHROUGH_EXAMPLES } from '../../client/src/walkthrough/walkthroughExamples';
import { REPO_ROOT } from '../helpers/fixtures';

const VSIX = path.join(REPO_ROOT, 'dist', 'rekordbox-midi.vsix');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

/** The VSIX's entries, read with Python's zipfile (on every machine of this project's kind). */
function zipEntries(file: string): string[] {
  const out = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' });
  return out.trim().split('\n');
}

/** The VSIX's entries with their uncompressed sizes. */
function zipSizes(file: string): Map<string, number> {
  const out = execFileSync(
    'python3',
    ['-c', 'import sys, zipfile; print("\\n".join(f"{i.file_size} {i.filename}" for i in zipfile.ZipFile(sys.argv[1]).infolist()))', file],
    { encoding: 'utf8' },
  );
  return new Map(out.trim().split('\n').map(line => [line.slice(line.indexOf(' ') + 1), Number(line.slice(0, line.indexOf(' ')))]));
}

/** Every file path the manifest names (icon, entry points, grammar, icons, walkthrough media), relative to the extension's root. */
function manifestPaths(): string[] {
  const c = manifest.contributes;
  const media = (c.walkthroughs ?? []).flatMap((w: { steps: { media: Record<string, unknown> }[] }) =>
    w.steps.flatMap(step => ['markdown', 'svg', 'image'].flatMap(kind => {
      const value = step.media[kind];
      return typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value as Record<string, string>) : [];
    })),
  );
  return [
    manifest.icon,
    manifest.main,
    ...Object.values(manifest.bin as Record<string, string>),
    ...c.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
    ...c.grammars.map((g: { path: string }) => g.path),
    ...Object.values(c.viewsContainers as Record<string, { icon: string }[]>).flat().map(v => v.icon),
    ...Object.values(c.views as Record<string, { icon?: string }[]>).flat().map(v => v.icon).filter(Boolean),
    ...media,
  ].map(p => path.posix.normalize(p.replace(/^\.\//, '')));
}

/**
 * Starts the MIDI host from where the VSIX put it: its binding must load from the extension's own
 * dist/node_modules (no project node_modules around). Here, without MIDI, that means `unavailable`
 * for the missing ALSA sequencer, not a load error; with MIDI, `ready`.
 */
async function hostStartsFrom(hostModule: string): Promise<void> {
  const log: string[] = [];
  const connection = startMidiHost({ hostModule, log: line => log.push(line), env: { REKORDBOX_MIDI_NATIVE_MODULE: undefined } });
  try {
    const state = await connection.waitUntilStarted();
    if (state.kind === 'unavailable') assert.equal(state.detail, 'Failed to initialise RtMidi', log.join('\n'));
    else assert.equal(state.kind, 'ready', log.join('\n'));
  } finally {
    connection.dispose();
  }
}

describe('VSIX package', () => {
  let packageOutput = '';
  before(() => {
    const result = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
    packageOutput = result.stdout + result.stderr;
    assert.equal(result.status, 0, packageOutput);
  });

  it('packages without a warning from vsce (no missing manifest field, licence or repository)', () => {
    assert.deepEqual(packageOutput.split('\n').filter(line => /\bWARNING\b/.test(line)), []);
  });

  it('carries every file the manifest names: icon, entry points, grammar, icons and the walkthrough\'s pages', () => {
    const entries = zipEntries(VSIX);
    const named = manifestPaths();
    assert.ok(
      named.includes('media/icon.png') && named.some(p => p.startsWith('media/walkthrough/')),
      `the manifest names no icon or walkthrough media: ${named.join(', ')}`,
    );
    const missing = named.filter(p => !entries.includes(`extension/${p}`));
    assert.deepEqual(missing, []);
  });

  it('carries the pictures the walkthrough\'s pages show (local files only) and the examples its buttons open, and they stay small', () => {
    const sizes = zipSizes(VSIX);
    const pages = manifestPaths().filter(p => p.endsWith('.md'));
    assert.ok(pages.length >= 5, `walkthrough pages: ${pages.join(', ')}`);
    const carried: string[] = [...pages];
    for (const page of pages) {
      const text = fs.readFileSync(path.join(REPO_ROOT, page), 'utf8');
      for (const [, target] of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        assert.ok(!/^\w+:/.test(target), `${page} shows a picture that is not a local file: ${target}`);
        carried.push(path.posix.join(path.posix.dirname(page), target));
      }
    }
    carried.push(...WALKTHROUGH_EXAMPLES.map(e => `examples/${e.file}`), 'media/icon.png');
    const missing = carried.filter(p => !sizes.has(`extension/${p}`));
    assert.deepEqual(missing, []);
    const total = carried.reduce((n, p) => n + (sizes.get(`extension/${p}`) ?? 0), 0);
    assert.ok(total < 100_000, `the walkthrough's files take ${total} bytes uncompressed`);
  });

  it('carries the webview pages the code loads (the sidebar\'s and the mapping table\'s script and styles)', () => {
    const entries = zipEntries(VSIX);
    const pages = ['media/sidebar.js', 'media/sidebar.css', 'media/table.js', 'media/table.css'];
    assert.deepEqual(pages.filter(p => !entries.includes(`extension/${p}`)), []);
  });

  it('leaves out the other examples and the docs\' screenshots', () => {
    const entries = zipEntries(VSIX);
    assert.deepEqual(entries.filter(e => /^extension\/(examples\/(?!DDJ-FLX10|with-mistakes)|docs\/|media\/icon\.svg)/.test(e)), []);
  });

  it('carries the manifest, the three bundles, the grammar, the language configuration, the README and the CHANGELOG (vsce lower-cases both)', () => {
    const entries = zipEntries(VSIX);
    for (const wanted of [
      'extension/package.json',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/cli.js',
      'extension/syntaxes/rekordbox-midi.tmLanguage.json',
      'extension/language-configuration.json',
      'extension/readme.md',
      'extension/changelog.md',
    ]) {
      assert.ok(entries.includes(wanted), `${wanted} missing from ${entries.join(', ')}`);
    }
  });

  it('leaves out sources, tests, fixtures, node_modules (but the MIDI host\'s runtime) and source maps', () => {
    const entries = zipEntries(VSIX);
    const unwanted = entries.filter(
      e => /\/test\/|\/out\/|\/src\/|\.map$|\.ts$|fixtures/.test(e) || (e.includes('node_modules') && !e.startsWith('extension/dist/node_modules/')),
    );
    assert.deepEqual(unwanted, []);
  });

  it('carries the MIDI host, its runtime and a prebuilt binding for every platform @julusian/midi ships, without its C++ sources', () => {
    const entries = zipEntries(VSIX);
    const midi = 'extension/dist/node_modules/@julusian/midi';
    const shipped = fs.readdirSync(path.join(REPO_ROOT, 'node_modules', '@julusian', 'midi', 'prebuilds'));
    for (const platform of ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64']) {
      assert.ok(shipped.includes(`midi-${platform}`), `@julusian/midi ships no ${platform} prebuild: ${shipped.join(', ')}`);
    }
    for (const wanted of [
      'extension/dist/midiHost.js',
      `${midi}/package.json`,
      `${midi}/load-native.js`,
      `${midi}/binding-options.js`,
      `${midi}/dist/lazy.js`,
      `${midi}/dist/native.js`,
      `${midi}/dist/input.js`,
      `${midi}/dist/output.js`,
      'extension/dist/node_modules/pkg-prebuilds/bindings.js',
      'extension/dist/node_modules/pkg-prebuilds/lib/prebuild.js',
      'extension/dist/node_modules/tslib/tslib.js',
      ...shipped.map(dir => `${midi}/prebuilds/${dir}/node-napi-v7.node`),
    ]) {
      assert.ok(entries.includes(wanted), `${wanted} missing from the VSIX`);
    }
    const buildOnly = entries.filter(e => /src-cpp|vendor|binding\.gyp|node-addon-api|\.d\.ts$|\.(cpp|h)$/.test(e));
    assert.deepEqual(buildOnly, []);
  });

  it('points main and bin at files it carries', () => {
    const entries = zipEntries(VSIX);
    assert.ok(entries.includes(`extension/${manifest.main.replace(/^\.\//, '')}`));
    assert.ok(entries.includes(`extension/${manifest.bin['rekordbox-midi'].replace(/^\.\//, '')}`));
  });

  it('installs into a real VS Code (code-server), and the installed MIDI host loads its binding', async () => {
    // The same setup as the editor lane (scripts/codeServerSetup.js, plain JavaScript).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JavaScript outside the compiled tree: found from REPO_ROOT at run time
    const { setupCodeServer } = require(path.join(REPO_ROOT, 'scripts', 'codeServerSetup.js')) as {
      setupCodeServer(): Record<'CODE_SERVER_NODE' | 'CODE_SERVER_BIN', string>;
    };
    const env = setupCodeServer();
    const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbm-vsix-'));
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbm-vsix-udd-'));
    const codeServer = (...args: string[]) =>
      spawnSync(env.CODE_SERVER_NODE, [env.CODE_SERVER_BIN, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, ...args], {
        encoding: 'utf8',
        env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
      });
    try {
      const install = codeServer('--install-extension', VSIX);
      assert.equal(install.status, 0, install.stdout + install.stderr);
      const list = codeServer('--list-extensions', '--show-versions');
      assert.match(list.stdout, new RegExp(`${manifest.publisher}\\.${manifest.name}@${manifest.version.replace(/\./g, '\\.')}`));
      const installed = fs.readdirSync(extensionsDir).find(d => d.startsWith(`${manifest.publisher}.${manifest.name}`));
      assert.ok(installed && fs.existsSync(path.join(extensionsDir, installed, 'dist', 'server.js')));
      await hostStartsFrom(path.join(extensionsDir, installed, 'dist', 'midiHost.js'));
    } finally {
      fs.rmSync(extensionsDir, { recursive: true, force: true });
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});

describe('npm package (the command-line tool for mapping collections)', () => {
  it('packs with the bundles, installs, and `npx rekordbox-midi` runs', () => {
    const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbm-pack-'));
    const installDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbm-install-'));
    try {
      spawnSync('node', ['esbuild.mjs'], { cwd: REPO_ROOT });
      const pack = spawnSync('npm', ['pack', '--pack-destination', packDir], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(pack.status, 0, pack.stderr);
      const tarball = path.join(packDir, fs.readdirSync(packDir).find(f => f.endsWith('.tgz'))!);
      fs.writeFileSync(path.join(installDir, 'package.json'), '{"private":true}');
      // --prefer-offline, not --offline: npm ci caches the abbreviated packuments, which a later
      // --offline install of the tarball's dependencies does not accept (ENOTCACHED on a new machine).
      const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: installDir, encoding: 'utf8' });
      assert.equal(install.status, 0, install.stderr);
      const run = spawnSync('npx', ['--no-install', 'rekordbox-midi', 'decode', 'B640'], { cwd: installDir, encoding: 'utf8' });
      assert.equal(run.stdout, 'B640  control change, ch 7, CC 64 (0x40)\n', run.stderr);
    } finally {
      fs.rmSync(packDir, { recursive: true, force: true });
      fs.rmSync(installDir, { recursive: true, force: true });
    }
  });
});
