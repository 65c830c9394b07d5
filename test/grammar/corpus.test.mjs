// Tokenizes every real mapping file in test/fixtures/corpus with the TextMate grammar
// (vscode-textmate + vscode-oniguruma, the engine VS Code uses) and checks, column by column,
// that each field got the scope its column calls for, that nothing real is flagged invalid,
// and that no line makes the tokenizer give up (VS Code stops colouring a line that runs past its
// time limit: that is catastrophic backtracking, not a speed figure; speed is measured in bench/).
// Lines are split on \n only, so CRLF files feed a trailing \r.
//
// Run: node --test test/grammar/corpus.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const corpusDir = path.join(root, 'test', 'fixtures', 'corpus');
const grammarPath = path.join(root, 'syntaxes', 'rekordbox-midi.tmLanguage.json');

// vscode-textmate and vscode-oniguruma come with vscode-tmgrammar-test; resolve them from there.
const requireFromRunner = createRequire(createRequire(path.join(root, 'package.json')).resolve('vscode-tmgrammar-test/package.json'));
const tm = requireFromRunner('vscode-textmate');
const onig = requireFromRunner('vscode-oniguruma');

const S = s => `${s}.rekordbox-midi`;
/** Far above any real line's cost: only a runaway regex reaches it. */
const LINE_TIME_LIMIT_MS = 5000;

async function loadGrammar() {
  const wasm = fs.readFileSync(path.join(path.dirname(requireFromRunner.resolve('vscode-oniguruma')), 'onig.wasm'));
  await onig.loadWASM(wasm.buffer);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: patterns => new onig.OnigScanner(patterns),
      createOnigString: s => new onig.OnigString(s),
    }),
    loadGrammar: async () => tm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  return registry.loadGrammar('source.rekordbox-midi');
}

function tokenizeFile(grammar, text) {
  let state = tm.INITIAL;
  return text.split('\n').map(line => {
    const r = grammar.tokenizeLine(line, state, LINE_TIME_LIMIT_MS);
    state = r.ruleStack;
    return { line, tokens: r.tokens, stoppedEarly: r.stoppedEarly };
  });
}

/** Tokens overlapping [from, to). */
const within = (tokens, from, to) => tokens.filter(t => t.startIndex < to && t.endIndex > from);
const has = (t, scope) => t.scopes.includes(S(scope));
const hasPrefix = (t, prefix) => t.scopes.some(s => s.startsWith(prefix));

/** Column layout of a mapping row (the corpus has no quoted fields). */
function fields(line) {
  const out = [];
  let pos = 0;
  for (const text of line.replace(/\r$/, '').split(',')) {
    out.push({ from: pos, to: pos + text.length, text });
    pos += text.length + 1;
  }
  return out;
}

function expectField(where, tokens, f, check) {
  if (f.text === '') return;
  const ts = within(tokens, f.from, f.to);
  assert.ok(ts.length > 0, `${where}: no token for "${f.text}"`);
  for (const t of ts) check(t, `${where} "${f.text}" [${t.scopes.join(' ')}]`);
}

function checkCode(where, tokens, f) {
  expectField(where, tokens, f, (t, msg) => {
    if (/^[Ff]{2}/.test(f.text)) {
      assert.ok(has(t, 'constant.numeric.parameter-id'), msg);
      return;
    }
    const inStatus = t.startIndex < f.from + 2;
    assert.ok(has(t, inStatus ? 'constant.numeric.status' : 'constant.numeric.data'), msg);
  });
}

function checkMappingRow(where, line, tokens) {
  const fs_ = fields(line);
  const col = i => fs_[i] ?? { from: 0, to: 0, text: '' };
  const f0 = col(0).text;
  const fnScope =
    f0 === '#' ? 'constant.language.unassigned'
    : f0.startsWith('#') ? 'comment.line.disabled'
    : f0 === 'NoFunction' ? 'constant.language.no-function'
    : 'entity.name.function';
  expectField(`${where} col 0`, tokens, col(0), (t, msg) => assert.ok(has(t, fnScope), `${msg} wants ${fnScope}`));
  expectField(`${where} col 1`, tokens, col(1), (t, msg) => assert.ok(has(t, 'variable.other.control'), msg));
  expectField(`${where} col 2`, tokens, col(2), (t, msg) => assert.ok(has(t, 'support.type.control'), msg));
  for (const i of [3, 8]) checkCode(`${where} col ${i}`, tokens, col(i));
  for (const i of [4, 5, 6, 7, 9, 10, 11, 12]) {
    const f = col(i);
    if (/^\d{1,2}$/.test(f.text)) {
      expectField(`${where} col ${i}`, tokens, f, (t, msg) => assert.ok(has(t, 'constant.numeric.integer.channel'), msg));
    } else {
      checkCode(`${where} col ${i}`, tokens, f);
    }
  }
  expectField(`${where} col 13`, tokens, col(13), (t, msg) => {
    assert.ok(has(t, 'meta.options'), msg);
    assert.ok(!has(t, 'variable.other.option.flag') && !has(t, 'variable.parameter.option.key'), `${msg}: unknown option`);
  });
  expectField(`${where} col 14`, tokens, col(14), (t, msg) => {
    assert.ok(has(t, 'comment.line.description'), msg);
    assert.ok(!hasPrefix(t, 'constant.numeric'), `${msg}: comment text coloured as a number`);
  });
  for (let i = 15; i < fs_.length; i++) {
    expectField(`${where} col ${i}`, tokens, col(i), (t, msg) => assert.ok(has(t, 'invalid.illegal.extra-field'), msg));
  }
  // every separator between fields is a comma token
  for (let i = 1; i < fs_.length; i++) {
    const comma = within(tokens, fs_[i].from - 1, fs_[i].from);
    assert.ok(comma.length === 1 && has(comma[0], 'punctuation.separator.comma'), `${where}: comma before col ${i}`);
  }
}

// Text beyond column 14 is flagged; only these files have any: the 8 shifted 16-field pad rows,
// and one FLX6 row that repeats its comment in field 19 ("Master,...,Master On/Off,,,,Master On/Off").
const EXTRA_FIELD_TEXT = {
  'handmade-DDJ-SX-16-fields.midi.csv': 8,
  'edited-DDJ-FLX6-19-fields.midi.csv': 1,
};

const grammar = await loadGrammar();
const files = fs.readdirSync(corpusDir).filter(f => f.endsWith('.midi.csv')).sort();

test('the corpus is there', () => {
  assert.equal(files.length, 13);
});

for (const file of files) {
  test(`corpus ${file}`, () => {
    const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
    const lines = tokenizeFile(grammar, text);

    let extraFieldErrors = 0;
    lines.forEach(({ line, tokens, stoppedEarly }, n) => {
      const where = `${file}:${n + 1}`;
      assert.ok(!stoppedEarly, `${where}: tokenizer hit its time limit`);
      const bare = line.replace(/\r$/, '');
      const first = tokens[0];
      for (const t of tokens) {
        if (t.scopes.some(s => s.startsWith('invalid.')) && !has(t, 'invalid.illegal.extra-field')) {
          assert.fail(`${where}: unexpected invalid token "${line.slice(t.startIndex, t.endIndex)}" [${t.scopes.join(' ')}]`);
        }
      }
      if (bare === '') return;
      if (n === 0) {
        assert.ok(bare.startsWith('@file,'), where);
        assert.ok(has(first, 'keyword.other.directive.file'), `${where}: @file keyword`);
        const device = fields(bare)[2];
        expectField(`${where} device`, tokens, device, (t, msg) => assert.ok(has(t, 'string.unquoted.device-name'), msg));
      } else if (bare.startsWith('#name,function,')) {
        assert.ok(within(tokens, 0, bare.length).every(t => has(t, 'comment.line.header')), `${where}: header row`);
      } else if (/^#[ \t]/.test(bare)) {
        assert.ok(has(first, 'meta.section-row') && has(first, 'punctuation.definition.heading'), `${where}: section row`);
      } else if (/^,+$/.test(bare)) {
        assert.ok(within(tokens, 0, bare.length).every(t => has(t, 'meta.separator-row')), `${where}: separator row`);
      } else {
        checkMappingRow(where, bare, tokens);
        extraFieldErrors += tokens.filter(t => has(t, 'invalid.illegal.extra-field')).length;
      }
    });
    assert.equal(extraFieldErrors, EXTRA_FIELD_TEXT[file] ?? 0, `${file}: extra-field tokens`);
  });
}

test('long and odd lines never make the tokenizer give up', () => {
  const cases = [
    'A,B,Button,900B,,,,,,,,,,' + 'Fast;Priority=50;'.repeat(5000) + ',c',
    '"'.repeat(50000),
    '",'.repeat(25000),
    'A,' + '900B,'.repeat(20000),
    'A,B,Button,900B,0,1,2,3,,,,,,Fast,' + 'x 900B '.repeat(20000),
  ];
  for (const line of cases) {
    const r = grammar.tokenizeLine(line, tm.INITIAL, LINE_TIME_LIMIT_MS);
    assert.ok(!r.stoppedEarly, `${line.slice(0, 30)}...: the tokenizer gave up`);
  }
});
