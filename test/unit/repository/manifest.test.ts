/** The extension manifest: what VS Code reads before any of our code runs. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { computeDiagnostics, parseRuleSeverity, RULE_SEVERITY_SETTINGS } from '../../../server/src/service/features/diagnostics';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../../server/src/service/features/semanticTokens';
import { parseMapping } from '../../../server/src/service/model/mappingModel';
import { RULE_CODES } from '../../../server/src/service/rules/index';
import { corpusFiles, REPO_ROOT } from '../../helpers/fixtures';
import { junkTexts } from '../../helpers/junk';
import { FACTORY_HEAD, row } from '../../helpers/markers';
import { DecodedToken, decodeSemanticTokens } from '../../helpers/semanticTokens';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const manifest = read('package.json');
const language = manifest.contributes.languages[0];

describe('extension manifest', () => {
  it('declares the rekordbox-midi language for *.midi.csv and for files starting with @file,', () => {
    assert.equal(language.id, 'rekordbox-midi');
    assert.ok(language.aliases.includes('Rekordbox MIDI Mapping'));
    assert.deepEqual(language.extensions, ['.midi.csv']);
    const firstLine = new RegExp(language.firstLine);
    assert.ok(firstLine.test('@file,1,DDJ-FLX10'));
    assert.ok(!firstLine.test('PlayPause,PlayPause,Button,900B'));
    assert.ok(!firstLine.test('name,value'));
  });

  it('activates on the language, and for a mapping table VS Code restores after a reload (the serializer is registered then)', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:rekordbox-midi', 'onWebviewPanel:rekordboxMidi.mappingTable']);
  });

  it('has no line comment: toggling # would change what a row means', () => {
    const configuration = read(language.configuration);
    assert.equal(configuration.comments?.lineComment, undefined);
    assert.equal(configuration.comments?.blockComment, undefined);
  });

  it('points the grammar at its file and scope', () => {
    const grammar = manifest.contributes.grammars[0];
    assert.equal(grammar.language, 'rekordbox-midi');
    assert.equal(read(grammar.path).scopeName, grammar.scopeName);
  });

  it('pins @types/vscode to the engine it declares (vsce refuses a newer one)', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    assert.equal(manifest.devDependencies['@types/vscode'], engine);
  });

  it('offers the validate.run setting with onType and onSave', () => {
    const setting = manifest.contributes.configuration.properties['rekordboxMidi.validate.run'];
    assert.deepEqual(setting.enum, ['onType', 'onSave']);
    assert.equal(setting.default, 'onType');
  });
});

describe('extension manifest: Marketplace listing', () => {
  /** The categories VS Code's manifest schema allows (vscode: src/vs/platform/extensions/common/extensionsRegistry.ts). */
  const ALLOWED_CATEGORIES = [
    'Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other',
    'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing',
    'AI', 'Chat',
  ];
  const text = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

  it('names at least one category, each one VS Code allows, none twice', () => {
    assert.ok(Array.isArray(manifest.categories) && manifest.categories.length > 0, 'no categories');
    assert.deepEqual(manifest.categories.filter((c: unknown) => !ALLOWED_CATEGORIES.includes(c as string)), []);
    assert.equal(new Set(manifest.categories).size, manifest.categories.length);
  });

  it('has keywords with rekordbox and midi, at most 30 (the Marketplace limit), none empty or twice', () => {
    const keywords: unknown[] = manifest.keywords;
    assert.ok(Array.isArray(keywords), 'no keywords');
    assert.ok(keywords.includes('rekordbox') && keywords.includes('midi'), keywords.join(', '));
    assert.ok(keywords.length <= 30, `${keywords.length} keywords: the Marketplace takes 30 at most`);
    for (const k of keywords) assert.ok(typeof k === 'string' && k.trim() !== '', JSON.stringify(k));
    assert.equal(new Set(keywords).size, keywords.length);
  });

  it('declares the licence LICENSE holds (its first line is "<licence> License")', () => {
    const firstLine = text('LICENSE').split(/\r?\n/)[0].trim();
    assert.ok(typeof manifest.license === 'string' && manifest.license !== '', 'no license field');
    assert.equal(firstLine, `${manifest.license} License`);
  });

  it('has a CHANGELOG.md with a section for the manifest\'s version', () => {
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'CHANGELOG.md')), 'CHANGELOG.md is missing');
    const version = manifest.version.replace(/\./g, '\\.');
    assert.match(text('CHANGELOG.md'), new RegExp(`^## \\[?v?${version}\\]?(?=[\\s(—-]|$)`, 'm'), `no "## ${manifest.version}" section`);
  });
});

describe('extension manifest: the README\'s screenshots', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const shown = [...new Set([...readme.matchAll(/docs\/images\/([^)\s"'`]+)\.png/g)].map(m => m[1]))];
  /** The EXPECTED list of test/journeys/readme-screenshots.mjs: the pictures the journeys take. */
  const expected = (() => {
    const script = fs.readFileSync(path.join(REPO_ROOT, 'test', 'journeys', 'readme-screenshots.mjs'), 'utf8');
    const list = /^const EXPECTED\s*=\s*\[([^\]]*)\]/m.exec(script);
    assert.ok(list, 'readme-screenshots.mjs has no `const EXPECTED = [...]`');
    const names = [...list[1].matchAll(/(['"])([^'"]+)\1/g)].map(m => m[2]);
    assert.equal(list[1].replace(/(['"])[^'"]+\1/g, '').replace(/[\s,]/g, ''), '', `EXPECTED holds only strings: ${list[1]}`);
    return names;
  })();

  it('the README shows pictures, and the screenshot script takes each of them', () => {
    assert.ok(shown.length >= 5, `README.md shows ${shown.join(', ')}`);
    assert.deepEqual(shown.filter(name => !expected.includes(name)), [], 'shown in README.md but not in EXPECTED');
  });

  it('the README shows each picture the screenshot script takes', () => {
    assert.ok(expected.length >= 5, expected.join(', '));
    assert.deepEqual(expected.filter(name => !shown.includes(name)), [], 'in EXPECTED but not shown in README.md');
  });

  it('each of them is in docs/images', () => {
    assert.deepEqual([...new Set([...shown, ...expected])].filter(name => !fs.existsSync(path.join(REPO_ROOT, 'docs', 'images', `${name}.png`))), []);
  });
});

describe('extension manifest: inlay hints default', () => {
  const defaults = manifest.contributes.configurationDefaults?.[`[${language.id}]`] ?? {};

  it('keeps inlay hints off until Ctrl+Alt is held, for the rekordbox-midi language only, as the README says', () => {
    // The editor, not the server, honours this: with "offUnlessPressed" VS Code asks the server
    // (textDocument/inlayHint, tested in the protocol and editor lanes) only while the keys are held.
    assert.equal(defaults['editor.inlayHints.enabled'], 'offUnlessPressed');
    assert.equal(manifest.contributes.configurationDefaults['editor.inlayHints.enabled'], undefined, 'not for every language');
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.match(readme, /inlay hints[^]*?hold \*\*Ctrl\+Alt\*\*/, 'the README says how to show them');
    assert.match(readme, /"editor\.inlayHints\.enabled": "on"`? for `\[rekordbox-midi\]`/, 'the README says how to keep them on');
    // No extension setting of our own that could contradict the editor's.
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).filter(k => /inlay/i.test(k)), []);
  });

  it('turns semantic highlighting on for the language, so the semantic colours show in every theme', () => {
    assert.equal(defaults['editor.semanticHighlighting.enabled'], true);
  });
});

describe('extension manifest: semantic token fallbacks', () => {
  // VS Code's standard token types and modifiers need no declaration (and have their own fallbacks).
  const STANDARD_TYPES = [
    'namespace', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'type', 'parameter', 'variable', 'property',
    'enumMember', 'decorator', 'event', 'function', 'method', 'macro', 'label', 'comment', 'string', 'keyword',
    'number', 'regexp', 'operator',
  ];
  const STANDARD_MODIFIERS = [
    'declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary',
  ];
  const declaredTypes: string[] = (manifest.contributes.semanticTokenTypes ?? []).map((t: { id: string }) => t.id);
  const declaredModifiers: string[] = (manifest.contributes.semanticTokenModifiers ?? []).map((m: { id: string }) => m.id);
  const scopeEntries = (manifest.contributes.semanticTokenScopes ?? []).filter((s: { language?: string }) => s.language === language.id);
  const scopes: Record<string, string[]> = Object.assign({}, ...scopeEntries.map((s: { scopes: Record<string, string[]> }) => s.scopes));

  /** Every (type, modifiers) the server emits on text that has each kind of token. */
  function emitted(): DecodedToken[] {
    const text =
      FACTORY_HEAD +
      [
        row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), // known function
        row({ 0: 'Unheard', 2: 'Button', 3: '9001' }), // unknown function
        row({ 0: '#Cue', 2: 'Button', 3: '900C' }), // disabled row
        row({ 0: 'Sync', 2: 'Button', 3: '9058' }), // conflict: 9058 on two functions
        row({ 0: 'LoopIn', 2: 'Button', 3: '9058' }),
      ].join('\n');
    const tokens = [text, ...corpusFiles().map(f => f.text)].flatMap(t => decodeSemanticTokens(computeSemanticTokens(parseMapping(t)).data));
    const seen = new Map<string, DecodedToken>();
    for (const t of tokens) seen.set([t.type, ...t.modifiers].join('.'), t);
    return [...seen.values()];
  }

  it('declares every token type and modifier of the server’s legend that VS Code does not know, and nothing else', () => {
    const customTypes = SEMANTIC_TOKENS_LEGEND.tokenTypes.filter(t => !STANDARD_TYPES.includes(t));
    const customModifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter(m => !STANDARD_MODIFIERS.includes(m));
    assert.deepEqual([...declaredTypes].sort(), [...customTypes].sort());
    assert.deepEqual([...declaredModifiers].sort(), [...customModifiers].sort());
    for (const d of [...(manifest.contributes.semanticTokenTypes ?? []), ...manifest.contributes.semanticTokenModifiers]) {
      assert.match(d.id, /^[a-zA-Z][a-zA-Z0-9]*$/, 'VS Code accepts only letters and digits in an id');
      assert.ok(typeof d.description === 'string' && d.description.length > 0, `${d.id} has a description`);
    }
  });

  it('gives every token the server emits a TextMate fallback for the language', () => {
    const tokens = emitted();
    assert.deepEqual(
      tokens.map(t => [t.type, ...t.modifiers].join('.')).sort(),
      ['comment.disabled', 'function.defaultLibrary', 'function.unknown', 'number.conflict'],
      'the test text has every kind of token',
    );
    for (const t of tokens) {
      const selectors = t.modifiers.map(m => `${t.type}.${m}`);
      assert.ok(selectors.some(s => scopes[s]?.length), `no semanticTokenScopes fallback for ${selectors.join(' / ')}`);
    }
    // And no fallback for a token the server never emits.
    for (const selector of Object.keys(scopes)) {
      const [type, ...modifiers] = selector.split('.');
      assert.ok(SEMANTIC_TOKENS_LEGEND.tokenTypes.includes(type) && modifiers.every(m => SEMANTIC_TOKENS_LEGEND.tokenModifiers.includes(m)), selector);
    }
  });

  it('falls back to TextMate scopes every theme colours, for what the token means', () => {
    // The first segment is what themes style; the language suffix is TextMate's convention.
    const ROOT_FOR: Record<string, RegExp> = {
      'function.defaultLibrary': /^support\.function\./,
      'function.unknown': /^entity\.name\.function\./,
      'comment.disabled': /^comment\./,
      'number.conflict': /^invalid\.illegal\./,
    };
    assert.deepEqual(Object.keys(scopes).sort(), Object.keys(ROOT_FOR).sort());
    for (const [selector, list] of Object.entries(scopes)) {
      assert.ok(Array.isArray(list) && list.length > 0, selector);
      for (const scope of list) {
        assert.match(scope, /^[a-z]+(\.[a-z0-9-]+)*\.rekordbox-midi$/, `${selector}: ${scope} is a TextMate scope of the language`);
        assert.match(scope, ROOT_FOR[selector], `${selector}: ${scope}`);
      }
    }
  });
});

describe('extension manifest: rekordboxMidi.rules schema', () => {
  const schema = manifest.contributes.configuration.properties['rekordboxMidi.rules'];

  it('names exactly the server’s rule codes, each with the levels the server reads, and nothing else', () => {
    assert.equal(schema.type, 'object');
    assert.deepEqual(schema.default, {});
    assert.equal(schema.additionalProperties, false, 'a misspelt code is flagged in settings.json');
    assert.deepEqual(Object.keys(schema.properties).sort(), [...RULE_CODES].sort());
    for (const [code, property] of Object.entries(schema.properties as Record<string, { type: string; enum: string[] }>)) {
      assert.equal(property.type, 'string', code);
      assert.deepEqual(property.enum, [...RULE_SEVERITY_SETTINGS], code);
      for (const level of property.enum) assert.notEqual(parseRuleSeverity(level), undefined, `${code}: ${level} is read by the server`);
    }
  });

  it('covers every code the rules report on every fixture and on junk (too-many-problems is no rule)', () => {
    const texts = [...corpusFiles().map(f => f.text), ...junkTexts().map(j => j.text)];
    const codes = new Set<string>();
    for (const text of texts) for (const d of computeDiagnostics(parseMapping(text), { uri: 'file:///x.midi.csv' })) codes.add(String(d.code));
    codes.delete('too-many-problems');
    assert.ok(codes.size >= 10, [...codes].join(', '));
    for (const code of codes) assert.ok(Object.prototype.hasOwnProperty.call(schema.properties, code), `${code} is not in the rekordboxMidi.rules schema`);
    assert.equal(Object.prototype.hasOwnProperty.call(schema.properties, 'too-many-problems'), false);
  });

  it('lists the same codes in docs/diagnostics.md', () => {
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'diagnostics.md'), 'utf8');
    const table = new Set([...docs.matchAll(/^\| `([a-z-]+)` \|/gm)].map(m => m[1]));
    table.delete('too-many-problems');
    assert.deepEqual([...table].sort(), Object.keys(schema.properties).sort());
  });
});
