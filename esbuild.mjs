// Bundles the extension client, the language server, the command-line tool and the MIDI host into
// dist/ (one entry point each, as vscode-eslint does). `--production` minifies; `--watch` rebuilds.
// The MIDI host's native binding cannot be bundled: it and its runtime dependencies are copied to
// dist/node_modules/ (see copyMidiRuntime) so dist/midiHost.js finds them without the root node_modules.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['client/src/midi/host/midiHost.ts'], outfile: 'dist/midiHost.js', external: ['@julusian/midi', '@julusian/midi/*'] },
];

/**
 * What `require('@julusian/midi/lazy')` loads at run time, per package: the JavaScript, the
 * manifests (for `exports` and `main`), the licences and every platform's prebuild. Not the C++
 * sources, vendor/, type declarations or source maps. node-addon-api is a build-time dependency only.
 */
const MIDI_RUNTIME = {
  '@julusian/midi': file => /^(package\.json|LICENSE|load-native\.js|binding-options\.js|dist\/[^/]+\.js|prebuilds\/.+\.node)$/.test(file),
  'pkg-prebuilds': file => /^(package\.json|LICENSE|bindings\.js|lib\/[^/]+\.js)$/.test(file),
  tslib: file => /^(package\.json|LICENSE\.txt|tslib\.js)$/.test(file),
};

function filesUnder(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Copies the MIDI host's runtime packages into dist/node_modules/ (fresh each build: no stale files). */
function copyMidiRuntime() {
  const target = path.join('dist', 'node_modules');
  fs.rmSync(target, { recursive: true, force: true });
  const requireFromMidi = createRequire(path.resolve('node_modules/@julusian/midi/package.json'));
  for (const [name, wanted] of Object.entries(MIDI_RUNTIME)) {
    // Resolved as @julusian/midi resolves them (a nested copy wins over the root one).
    const source = name === '@julusian/midi' ? path.resolve('node_modules/@julusian/midi') : path.dirname(requireFromMidi.resolve(`${name}/package.json`));
    const files = filesUnder(source).filter(wanted);
    if (!files.includes('package.json') || files.length < 2) throw new Error(`esbuild.mjs: ${name} has nothing to copy from ${source}`);
    for (const file of files) {
      fs.mkdirSync(path.join(target, name, path.dirname(file)), { recursive: true });
      fs.copyFileSync(path.join(source, file), path.join(target, name, file));
    }
  }
}

/**
 * In watch mode, one `[watch] build started` line when a rebuild begins and one `[watch] build finished`
 * when every bundle it touched is written, with each problem as two lines in between (`✘ [ERROR] text`,
 * then `    file:line:column:`), as VS Code's extension samples print them: .vscode/tasks.json's problem
 * matcher reads these lines to know when the background build is done and where its errors are.
 */
let buildsRunning = 0;
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => {
      if (buildsRunning++ === 0) console.log('[watch] build started');
    });
    build.onEnd(result => {
      for (const [kind, messages] of [['✘ [ERROR]', result.errors], ['▲ [WARNING]', result.warnings]]) {
        for (const { text, location } of messages) {
          console.log(`${kind} ${text}`);
          if (location) console.log(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (--buildsRunning === 0) console.log('[watch] build finished');
    });
  },
};

if (watch) {
  // The runtime copy first: once `build finished` is printed, dist/ is complete.
  copyMidiRuntime();
  // Every bundle's first build starts at once, so the first `build finished` means all are written.
  const contexts = await Promise.all(builds.map(build => esbuild.context({ ...common, ...build, logLevel: 'silent', plugins: [watchReporter] })));
  await Promise.all(contexts.map(context => context.watch()));
  console.log('esbuild: watching client/src and server/src');
} else {
  await Promise.all(builds.map(build => esbuild.build({ ...common, ...build })));
  copyMidiRuntime();
}
