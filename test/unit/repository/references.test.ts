/**
 * No reference dangles: every `docs/….md#anchor` the code or the Markdown names, every relative
 * Markdown link and every repository path written in backticks in the Markdown points at a file
 * (and a heading) that exists, and nothing points outside the repository.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers/fixtures';
import { headingAnchors, withoutCodeBlocks } from '../../helpers/markdownAnchors';

/** Folders that are built, installed or downloaded, never written by hand. */
const GENERATED = /^(?:node_modules|\.git|dist|out(?:-[^/]*)?|\.vscode-test|test-results)$/;

/** Every file and folder of the repository, as paths relative to its root with `/` separators. */
function walk(): { files: string[]; folders: Set<string> } {
  const files: string[] = [];
  const folders = new Set<string>();
  const visit = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(REPO_ROOT, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (GENERATED.test(entry.name)) continue;
        folders.add(child);
        visit(child);
      } else if (entry.isFile()) {
        files.push(child);
      }
    }
  };
  visit('');
  return { files, folders };
}

const { files: ALL_FILES, folders: ALL_FOLDERS } = walk();
const FILE_SET = new Set(ALL_FILES);

/** Real files copied byte for byte: not ours to edit, so not checked (their READMEs are ours, and are). */
const isFixtureData = (file: string) => file.startsWith('test/fixtures/') && path.posix.basename(file) !== 'README.md';

const MARKDOWN_FILES = ALL_FILES.filter(f => f.endsWith('.md') && !isFixtureData(f));
const CODE_FOLDERS = ['client/', 'server/', 'protocol/', 'scripts/', 'test/', 'bench/', 'media/'];
/** Source files whose comments (and strings) may name a doc: the code folders, and the top-level build and editor files. */
const CODE_FILES = ALL_FILES.filter(
  f =>
    !isFixtureData(f) &&
    ((CODE_FOLDERS.some(folder => f.startsWith(folder)) && /\.(?:ts|js|mjs|cjs|sh)$/.test(f)) ||
      /^[^/]+\.(?:ts|js|mjs|cjs)$/.test(f) ||
      /^\.vscode\/[^/]+\.json$/.test(f) ||
      f === 'package.json' ||
      f === '.ci/run'),
);

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const exists = (file: string) => FILE_SET.has(file) || ALL_FOLDERS.has(file.replace(/\/$/, ''));

const anchorCache = new Map<string, Set<string>>();
const anchorsOf = (file: string) => {
  let anchors = anchorCache.get(file);
  if (!anchors) anchorCache.set(file, (anchors = headingAnchors(read(file))));
  return anchors;
};

/** Why a reference to `target` (a repo path) with `anchor` dangles, or undefined when it does not. */
function dangling(target: string, anchor: string | undefined): string | undefined {
  if (!exists(target)) return 'no such file';
  if (anchor === undefined || anchor === '' || !target.endsWith('.md') || !FILE_SET.has(target)) return undefined;
  return anchorsOf(target).has(anchor) ? undefined : `${target} has no heading #${anchor}`;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * `docs/<file>.md` and `docs/<file>.md#anchor` named anywhere in a text (a comment, a string, a
 * sentence), read from the repository root; `../` in front is allowed, a URL's `…/docs/` is not ours.
 */
function docReferenceProblems(text: string, source: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/(?<![\w.\-/:])(?:\.\.\/)*(docs\/[\w.\-/]*?\.md)(?![\w])(?:#([\p{L}\p{N}_-]+))?/gu)) {
    const why = dangling(m[1], m[2]);
    if (why) problems.push(`${source}:${lineOf(text, m.index)}: ${m[0]}: ${why}`);
  }
  return problems;
}

/** Inline code spans (`…`) of a Markdown text without code blocks, with their offsets. */
const codeSpans = (markdown: string) => [...markdown.matchAll(/`([^`\n]+)`/g)];

/**
 * The relative links of a Markdown file (`[x](path#anchor)`, `![x](path)`, `[x]: path`), resolved
 * from the file's folder (`/…` from the repository root; `#anchor` alone is the file itself).
 */
function markdownLinkProblems(markdown: string, file: string): string[] {
  const problems: string[] = [];
  // Code blocks and code spans hold examples, not links.
  const text = withoutCodeBlocks(markdown).replace(/`[^`\n]+`/g, span => ' '.repeat(span.length));
  const targets = [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(m => ({ target: m[1], index: m.index })),
    ...[...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map(m => ({ target: m[1], index: m.index })),
  ];
  for (const { target, index } of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, command:, mailto:
    const hash = target.indexOf('#');
    const linkPath = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    let why: string | undefined;
    if (linkPath === '') {
      why = anchor === undefined || headingAnchors(markdown).has(anchor) ? undefined : `no heading #${anchor} here`;
    } else {
      const resolved = linkPath.startsWith('/') ? linkPath.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(file), linkPath));
      why = resolved.startsWith('../') ? 'outside the repository' : dangling(resolved, anchor);
    }
    if (why) problems.push(`${file}:${lineOf(markdown, index)}: (${target}): ${why}`);
  }
  return problems;
}

/** The folders a path in backticks is read as a repository path under. */
const REPO_PATH = /^(?:\.\/)?((?:client|server|protocol|test|docs|scripts|bench|media|examples|syntaxes)\/\S*)/;

/** A path with `*`, `**`, `?`, `{a,b}` or a `<placeholder>` as a regular expression over repository paths. */
function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '<') {
      const end = glob.indexOf('>', i);
      source += '[^/]+';
      i = end < 0 ? glob.length : end;
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      source += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(choice => choice.replace(/[.+^$()|[\]\\]/g, '\\$&'))
        .join('|')})`;
      i = end;
    } else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source.replace(/\/$/, '')}/?$`);
}

/** What .gitignore ignores: made by a build or a run (`bench/results/`), so it need not exist in a fresh clone. */
const IGNORED = fs
  .readFileSync(path.join(REPO_ROOT, '.gitignore'), 'utf8')
  .split(/\r?\n/)
  .map(line => line.trim())
  .filter(line => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
  .map(line => {
    const pattern = line.replace(/^\//, '').replace(/\/$/, '');
    return { anywhere: !pattern.includes('/'), pattern: globPattern(pattern) };
  });

/** True when git ignores the path or a folder it is in. */
function isIgnored(repoPath: string): boolean {
  const parts = repoPath.replace(/\/$/, '').split('/');
  return parts.some((part, i) => IGNORED.some(({ anywhere, pattern }) => pattern.test(anywhere ? part : parts.slice(0, i + 1).join('/'))));
}

/** True when a written repository path (a glob allowed) names a file or folder. */
function names(written: string): boolean {
  if (!/[*?{<]/.test(written)) return exists(written.replace(/\/$/, ''));
  const pattern = globPattern(written);
  return ALL_FILES.some(p => pattern.test(p)) || [...ALL_FOLDERS].some(p => pattern.test(p));
}

/** A file path written in a sentence or a code block: under a repository folder, with an extension. */
const PLAIN_REPO_FILE = /(?<![\w./-])(?:client|server|protocol|test|docs|scripts|bench|media|examples|syntaxes)\/[\w./*{},<>-]*\.[A-Za-z]\w*/g;

/**
 * Repository paths that name nothing: every path in backticks (`server/src/server.ts`, `docs/`,
 * `test/unit/*.ts`), and every file path in a sentence or a code block (`see server/src/cli.ts`).
 */
function repoPathProblems(markdown: string, file: string): string[] {
  const problems: string[] = [];
  const check = (written: string, shown: string, index: number) => {
    // `file.ts:12`, `file.md#anchor` and a sentence's closing punctuation name the file.
    const repoPath = written.replace(/#.*$/, '').replace(/:\d+(?::\d+)?$/, '').replace(/[,;.)]+$/, '');
    if (isIgnored(repoPath) || names(repoPath)) return;
    problems.push(`${file}:${lineOf(markdown, index)}: ${shown}: ${/[*?{<]/.test(repoPath) ? 'matches nothing' : 'no such file or folder'}`);
  };
  const prose = withoutCodeBlocks(markdown);
  for (const m of codeSpans(prose)) {
    const repoPath = REPO_PATH.exec(m[1].trim().split(/\s+/)[0]);
    if (repoPath) check(repoPath[1], `\`${m[1]}\``, m.index);
  }
  // Code spans are checked above; code blocks are read as text here.
  const text = markdown.replace(/`[^`\n]+`/g, span => (prose.includes(span) ? ' '.repeat(span.length) : span));
  for (const m of text.matchAll(PLAIN_REPO_FILE)) check(m[0], m[0], m.index);
  return problems;
}

/** Mentions of files outside the repository (built here so that this file does not mention them itself). */
const OUTSIDE = ['FORMAT' + '.md', '..' + '/shared'];
const BINARY = /\.(?:png|jpe?g|gif|ico|vsix|node|gz|zip|woff2?|ttf)$/i;

describe('references', () => {
  it('names only docs and headings that exist: docs/<file>.md#anchor in the code and the Markdown', () => {
    const sources = [...CODE_FILES, ...MARKDOWN_FILES];
    const found = sources.flatMap(f => [...read(f).matchAll(/(?<![\w.\-/:])(?:\.\.\/)*docs\/[\w.\-/]*?\.md/g)]).length;
    assert.ok(found >= 40, `only ${found} references to docs/ found in ${sources.length} files: is the scan reading the code?`);
    assert.deepEqual(
      sources.flatMap(f => docReferenceProblems(read(f), f)),
      [],
      'references to docs that do not exist',
    );
  });

  it('links only to files and headings that exist from every Markdown file', () => {
    assert.ok(MARKDOWN_FILES.includes('README.md') && MARKDOWN_FILES.some(f => f.startsWith('docs/')), 'the Markdown files are found');
    assert.deepEqual(
      MARKDOWN_FILES.flatMap(f => markdownLinkProblems(read(f), f)),
      [],
      'Markdown links that dangle',
    );
  });

  it('writes only repository paths that exist, in backticks or not (a glob must match something)', () => {
    const written = MARKDOWN_FILES.flatMap(f => codeSpans(withoutCodeBlocks(read(f))).filter(m => REPO_PATH.test(m[1].trim())));
    assert.ok(written.length >= 40, `only ${written.length} paths in backticks found`);
    assert.deepEqual(
      MARKDOWN_FILES.flatMap(f => repoPathProblems(read(f), f)),
      [],
      'repository paths that name nothing',
    );
  });

  it('mentions no file outside the repository', () => {
    const texts = ALL_FILES.filter(f => !isFixtureData(f) && !BINARY.test(f) && f !== 'package-lock.json');
    const mentions = texts.flatMap(f =>
      read(f)
        .split('\n')
        .flatMap((line, i) => OUTSIDE.filter(name => line.includes(name)).map(name => `${f}:${i + 1}: ${name}`)),
    );
    assert.deepEqual(mentions, [], 'files outside the repository are named');
  });

  it('catches what it is for: a missing doc, a missing heading, a broken link, a missing path', () => {
    // Built from parts, so that the scan of this very file does not read these made-up references.
    const doc = (name: string) => `docs/${name}`;
    const heading = [...anchorsOf(doc('format.md'))][0];
    assert.deepEqual(docReferenceProblems(`// see ${doc('format.md')}#${heading} and ${doc('format.md')}`, 'x.ts'), []);
    assert.equal(docReferenceProblems(`// see ${doc('no-such-doc.md')}`, 'x.ts').length, 1);
    assert.equal(docReferenceProblems(`// see ${doc('format.md')}#no-such-heading`, 'x.ts').length, 1);
    assert.deepEqual(docReferenceProblems(`see https://example.com/${doc('no-such-doc.md')}`, 'x.md'), [], 'a URL is not a repository path');

    const here = doc('scratch.md');
    assert.deepEqual(markdownLinkProblems(`[f](format.md#${heading}) [r](../README.md) [s](#a) \`[no](where.md)\`\n\n## A\n`, here), []);
    assert.equal(markdownLinkProblems('[f](format.md#no-such-heading)', here).length, 1);
    assert.equal(markdownLinkProblems(`[f](${doc('format.md')})`, here).length, 1, 'resolved from the linking file’s folder');
    assert.equal(markdownLinkProblems('[up](../../x.md)', here).length, 1, 'outside the repository');
    assert.equal(markdownLinkProblems('[s](#b)\n\n## A\n', here).length, 1, 'an anchor of the file itself');

    const paths = '`server/src/server.ts`, `test/unit/**/*.test.ts`, `server/src/service/rules/<name>.ts`, `docs/`, `bench/results/x.json`';
    assert.deepEqual(repoPathProblems(paths + '; see server/src/cli.ts.\n\n```sh\nnode scripts/start.mjs\n```\n', 'x.md'), []);
    assert.equal(repoPathProblems('`server/src/no-such-file.ts`', 'x.md').length, 1);
    assert.equal(repoPathProblems('`test/unit/*.nothing`', 'x.md').length, 1);
    assert.equal(repoPathProblems('(see server/src/no-such-file.ts)', 'x.md').length, 1, 'in a sentence');
    assert.equal(repoPathProblems('```lua\n-- server/src/no-such-file.ts\n```\n', 'x.md').length, 1, 'in a code block');
  });
});
