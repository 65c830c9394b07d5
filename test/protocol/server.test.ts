/** Protocol tests: the real server (dist/server.js) over stdio, as any LSP editor would start it. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeAction,
  CompletionList,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver-types';
import { corpusFiles, writtenByRekordbox } from '../helpers/fixtures';
import { startServer, TestClient } from '../helpers/lspClient';

const uriOf = (name: string) => `file:///work/${encodeURIComponent(name)}`;

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, 'the server exits with 0 after shutdown and exit');
  });

  it('answers initialize with its capabilities', async () => {
    // Each feature the server has, advertised: a client never asks for one that is not.
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    for (const name of [
      'hoverProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'referencesProvider',
      'documentHighlightProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
    ] as const) {
      assert.equal(capabilities[name], true, name);
    }
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: ['+', ';'], resolveProvider: true });
    assert.deepEqual(capabilities.inlayHintProvider, { resolveProvider: false });
    assert.deepEqual(
      (capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds.slice().sort(),
      ['quickfix', 'refactor.rewrite', 'source.fixAll.rekordboxMidi'].sort(),
    );
    const semantic = capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] }; full: boolean };
    assert.deepEqual([semantic.full, semantic.legend.tokenTypes.length > 0, semantic.legend.tokenModifiers.includes('conflict')], [true, true, true]);
    assert.equal(client.initializeResult.serverInfo?.name, 'rekordbox-midi-language-server');
    // A request about a document nobody opened is answered, with nothing.
    const other = await startServer();
    try {
      const hover = await other.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: 'file:///nothing-open.midi.csv' },
        position: { line: 0, character: 0 },
      });
      assert.equal(hover, null);
    } finally {
      await other.stop();
    }
  });

  for (const f of corpusFiles()) {
    it(`opens ${f.file} and publishes its diagnostics${writtenByRekordbox(f) ? ' (no error: Rekordbox wrote it)' : ''}`, async () => {
      const uri = uriOf(f.file);
      const diagnostics = client.nextDiagnostics(uri);
      client.open(uri, f.text);
      const errors = (await diagnostics).filter(d => d.severity === 1);
      if (writtenByRekordbox(f)) assert.deepEqual(errors, []);
      if (f.file === 'handmade-DDJ-SX-16-fields.midi.csv') {
        assert.deepEqual(
          errors.map(d => [d.code, d.range.start.line]),
          [7, 8, 9, 10, 11, 12, 13, 14].map(line => ['field-count', line]),
        );
      }
    });
  }

  it('hovers a code with the per-deck table', async () => {
    const uri = uriOf('factory-DDJ-FLX10.midi.csv');
    const f = corpusFiles().find(c => c.file === 'factory-DDJ-FLX10.midi.csv')!;
    const line = f.text.split('\r\n').findIndex(l => l.startsWith('PlayPause,PlayPause,Button,900B'));
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 28 } });
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /\| 2 \| `910B` \| note on, ch 2, note 11 \(B-1\) \|/);
    assert.deepEqual(hover.range, { start: { line, character: 27 }, end: { line, character: 31 } });
  });

  it('completes function names in column 1', async () => {
    const uri = uriOf('factory-DDJ-FLX10.midi.csv');
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 15, character: 2 },
    });
    assert.ok(list.items.some(i => i.label === 'PlayPause' && i.detail?.startsWith('DECK')));
  });

  it('re-checks on change and reports the exact cell', async () => {
    const uri = 'file:///work/edited.midi.csv';
    let diagnostics = client.nextDiagnostics(uri);
    client.open(uri, '@file,1,X\r\nPlayPause,,Button,900B,,,,,,,,,,,\r\n');
    assert.deepEqual(await diagnostics, []);
    diagnostics = client.nextDiagnostics(uri);
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 20 }, end: { line: 1, character: 21 } }, text: 'O' }],
    });
    const [d] = await diagnostics;
    assert.equal(d.code, 'bad-hex');
    assert.deepEqual(d.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 22 } });
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///work/edited.midi.csv';
    const diagnostics = client.nextDiagnostics(uri);
    client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await diagnostics, []);
  });

  it('decodes codes with rekordboxMidi/decode', async () => {
    const result = await client.connection.sendRequest('rekordboxMidi/decode', { code: '910b' });
    assert.deepEqual(result, {
      code: '910B',
      status: 0x91,
      data1: 0x0b,
      kind: 'noteOn',
      channel: 1,
      displayChannel: 2,
      number: 11,
      noteName: 'B-1',
      isParameter: false,
      description: 'note on, ch 2, note 11 (B-1)',
    });
  });

  it('answers a bad decode request with an error, not a crash', async () => {
    await assert.rejects(client.connection.sendRequest('rekordboxMidi/decode', { code: 'XYZ' }), /not a 4-hex MIDI code/);
    // JSON-RPC's InvalidParams, so another editor's client can tell a bad code from a server failure.
    await assert.rejects(client.connection.sendRequest('rekordboxMidi/decode', { code: 'XYZ' }), { code: -32602 });
    await assert.rejects(client.connection.sendRequest('rekordboxMidi/decode', null), /not a 4-hex MIDI code/);
  });

  it('reports what it made of a document with rekordboxMidi/documentInfo', async () => {
    const info = await client.connection.sendRequest('rekordboxMidi/documentInfo', { textDocument: { uri: uriOf('handmade-DDJ-SX-16-fields.midi.csv') } });
    // The 5 warnings: line 23 is line 22's implied 14-bit LSB (B000 → B020).
    assert.deepEqual(info, { deviceName: 'PIONEER DDJ-SX', dialect: 'factory', mappingRows: 31, sections: 0, errors: 8, warnings: 5 });
  });

  it('survives any text and still answers: binary junk, 10 MB, no newline, a lone @', async () => {
    const big = ('PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast;Priority=50;Dual,Play/Pause\r\n').repeat(120_000);
    const junk = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1');
    const cases: [string, string][] = [
      ['junk.midi.csv', junk],
      ['big.midi.csv', '@file,1,Big\r\n' + big],
      ['no-newline.midi.csv', '@file,1,X'],
      ['at.midi.csv', '@'],
      ['empty.midi.csv', ''],
    ];
    const logged = client.logMessages.length;
    for (const [name, text] of cases) {
      const uri = uriOf(name);
      const diagnostics = client.nextDiagnostics(uri, 60_000);
      client.open(uri, text);
      const published = await diagnostics;
      assert.ok(Array.isArray(published), name);
      assert.ok(published.length <= 1000, `${name}: diagnostics are capped`);
      // Every request the server offers, on the first rows (the big file: 120,000 rows sharing 900B).
      const textDocument = { uri };
      const position = { line: 1, character: 27 };
      const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
      const requests: [string, object][] = [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/completion', { textDocument, position }],
        ['textDocument/codeAction', { textDocument, range, context: { diagnostics: published.slice(0, 20) } }],
        ['textDocument/documentSymbol', { textDocument }],
        ['textDocument/foldingRange', { textDocument }],
        ['textDocument/inlayHint', { textDocument, range }],
        ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
        ['textDocument/documentHighlight', { textDocument, position }],
        ['textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }],
        ['textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 4, insertSpaces: true } }],
        ['textDocument/semanticTokens/full', { textDocument }],
        ['rekordboxMidi/documentInfo', { textDocument }],
        ['rekordboxMidi/mappingRows', { textDocument, withProblems: true }],
      ];
      for (const [method, params] of requests) {
        const answer = await client.connection.sendRequest(method, params);
        assert.notEqual(answer, undefined, `${name}: ${method}`);
      }
    }
    assert.equal(client.process.exitCode, null, 'the server is still running');
    assert.doesNotMatch(client.stderr(), /Error|Uncaught/);
    // A handler that threw would have been answered with a fallback and logged as an error.
    assert.deepEqual(client.logMessages.slice(logged).filter(m => m.type === 1).map(m => m.message), []);
  });
});

describe('rekordboxMidi/documentInfo before the first check has published', () => {
  it('counts the problems of the text (with its rules), not "0 errors"', async () => {
    // The first check waits for the settings; the client holds them back until documentInfo has
    // answered (or a second has passed), so the answer cannot come from a published check.
    let release!: () => void;
    const settingsHeld = new Promise<void>(resolve => (release = resolve));
    const client = await startServer({
      configuration: async section => {
        await settingsHeld;
        return section === 'rekordboxMidi' ? { rules: { 'unknown-type': 'error' } } : null;
      },
    });
    try {
      const uri = 'file:///work/info-first.midi.csv';
      client.open(uri, '@file,1,X\nSync,,Button,90O8,,,,,,,,,,,\nCue,,Buton,900C,,,,,,,,,,,\nPlayPuase,,Button,900B,,,,,,,,,,,\n');
      const info = client.connection.sendRequest<{ errors: number; warnings: number }>('rekordboxMidi/documentInfo', { textDocument: { uri } });
      await Promise.race([info, new Promise(r => setTimeout(r, 1000))]);
      assert.equal(client.published.get(uri), undefined, 'nothing published yet');
      release();
      // bad-hex, and unknown-type raised to an error by the rules; unknown-function stays a warning.
      assert.deepEqual(await info, { deviceName: 'X', dialect: 'export', mappingRows: 3, sections: 0, errors: 2, warnings: 1 });
    } finally {
      release();
      await client.stop();
    }
  });
});

describe('rekordboxMidi.validate.run = onSave', () => {
  it('does not re-check while typing, does on save', async () => {
    const client = await startServer({ configuration: section => (section === 'rekordboxMidi' ? { validate: { run: 'onSave' } } : null) });
    try {
      const uri = 'file:///work/on-save.midi.csv';
      let diagnostics = client.nextDiagnostics(uri);
      client.open(uri, '@file,1,X\nPlayPause,,Button,900B,,,,,,,,,,,\n');
      assert.deepEqual(await diagnostics, []);
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: '@file,1,X\nPlayPause,,Button,90O8,,,,,,,,,,,\n' }],
      });
      // Give a typing check every chance to run (the server waits 150 ms after the last key).
      await new Promise(r => setTimeout(r, 600));
      assert.equal(client.published.get(uri)!.length, 1, 'no diagnostics published while typing');
      diagnostics = client.nextDiagnostics(uri);
      client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      assert.deepEqual((await diagnostics).map(d => d.code), ['bad-hex']);
    } finally {
      await client.stop();
    }
  });
});

describe('code actions over stdio', () => {
  it('offers the stray-field quick fix with the diagnostic’s data round-tripped, and fix-all on request', async () => {
    const client = await startServer();
    try {
      const uri = 'file:///work/shifted.midi.csv';
      const text = corpusFiles().find(c => c.file === 'handmade-DDJ-SX-16-fields.midi.csv')!.text;
      const published = client.nextDiagnostics(uri);
      client.open(uri, text);
      const shifted = (await published).find(d => d.code === 'field-count')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: shifted.range,
        context: { diagnostics: [shifted], only: ['quickfix'] },
      });
      assert.deepEqual(
        actions.map(a => [a.title, a.kind, a.edit?.changes?.[uri]?.[0]?.newText]),
        [['Remove the stray empty field that shifted this row', 'quickfix', 'PAD1_HotCue,PAD1.HotCue.Call,Pad,9000,7,8,,,9000,7,8,,,,DDJ-SX pad channels 8/9']],
      );
      const fixAll = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.rekordboxMidi'] },
      });
      assert.equal(fixAll.length, 1);
      assert.equal(fixAll[0].edit?.changes?.[uri]?.length, 8);
    } finally {
      await client.stop();
    }
  });
});

describe('structure and navigation over stdio', () => {
  let client: TestClient;
  const uri = 'file:///work/nav/DDJ-FLX10.midi.csv';
  const flx10 = () => corpusFiles().find(c => c.file === 'factory-DDJ-FLX10.midi.csv')!.text;
  const playPauseLine = () => flx10().split('\r\n').findIndex(l => l.startsWith('PlayPause,PlayPause,Button,900B'));
  before(async () => {
    client = await startServer();
    const published = client.nextDiagnostics(uri);
    client.open(uri, flx10());
    await published;
  });
  after(async () => {
    await client.stop();
  });
  const request = <R>(method: string, params: object) => client.connection.sendRequest<R>(method, { textDocument: { uri }, ...params });

  it('outlines sections with their rows', async () => {
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {});
    assert.deepEqual(symbols.slice(0, 2).map(s => s.name), ['Browser', 'Deck']);
    assert.ok(symbols[1].children!.some(c => c.name === 'PlayPause'));
  });

  it('folds each section', async () => {
    const ranges = await request<FoldingRange[]>('textDocument/foldingRange', {});
    assert.equal(ranges[0].startLine, 3);
  });

  it('finds every row using a code: references and highlights', async () => {
    const line = playPauseLine();
    const references = await request<Location[]>('textDocument/references', { position: { line, character: 28 }, context: { includeDeclaration: true } });
    assert.ok(references.length >= 2, 'the MIDI IN and MIDI OUT cells of PlayPause at least');
    assert.ok(references.every(r => r.uri === uri));
    const highlights = await request<DocumentHighlight[]>('textDocument/documentHighlight', { position: { line, character: 28 } });
    assert.ok(highlights.some(h => h.range.start.line === line));
    // Every highlight is a cell holding 900B or a deck channel that makes a deck's code of it; what
    // receives a code is a read, what lights with it a write. On PlayPause's own row: its MIDI IN
    // 900B and deck channels 0–3 (read), its MIDI OUT deck channels 0–3 (write, columns 9–12).
    const lines = flx10().split('\r\n');
    const cell = (h: DocumentHighlight) => lines[h.range.start.line].slice(h.range.start.character, h.range.end.character);
    const own = highlights
      .filter(h => h.range.start.line === line)
      .map(h => `${cell(h)}@${h.range.start.character}:${h.kind === 2 ? 'read' : h.kind === 3 ? 'write' : h.kind}`);
    assert.deepEqual(own, ['900B@27:read', '0@32:read', '1@34:read', '2@36:read', '3@38:read', '0@45:write', '1@47:write', '2@49:write', '3@51:write']);
    assert.ok(highlights.every(h => /^(900B|[0-3])$/.test(cell(h))), JSON.stringify(highlights.map(cell)));
  });

  it('formats a range: only the lines asked for, to the canonical form, and again gives nothing', async () => {
    const damagedUri = 'file:///work/nav/range.midi.csv';
    const text = '@file,1,X\r\nSync,,Button,9058,,,,,,,,,,,,,,\r\nCue,,Button,900c,,,,,,,,,,,  \r\nPlayPause,,Button,900b,,,,,,,,,,,\r\n';
    const published = client.nextDiagnostics(damagedUri);
    client.open(damagedUri, text);
    await published;
    const format = (line: number) =>
      client.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
        textDocument: { uri: damagedUri },
        range: { start: { line, character: 0 }, end: { line, character: 5 } },
        options: { tabSize: 4, insertSpaces: true },
      });
    const edits = await format(2);
    assert.ok(edits.length > 0 && edits.every(e => e.range.start.line === 2 && e.range.end.line === 2), JSON.stringify(edits));
    const lines = text.split('\r\n');
    const line = lines[2];
    let formatted = line;
    for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
      formatted = formatted.slice(0, e.range.start.character) + e.newText + formatted.slice(e.range.end.character);
    }
    assert.equal(formatted, 'Cue,,Button,900C,,,,,,,,,,,', 'upper-case hex, 15 fields, no trailing spaces; the other lines untouched');
    // Formatted, the line formats to nothing more.
    lines[2] = formatted;
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: damagedUri, version: 2 },
      contentChanges: [{ text: lines.join('\r\n') }],
    });
    assert.deepEqual(await format(2), []);
  });

  it('gives inlay hints for the requested range only', async () => {
    const line = playPauseLine();
    const hints = await request<InlayHint[]>('textDocument/inlayHint', { range: { start: { line, character: 0 }, end: { line, character: 200 } } });
    assert.ok(hints.length > 0);
    assert.ok(hints.every(h => h.position.line === line));
  });

  it('leaves a factory file as it is when formatting', async () => {
    const edits = await request<TextEdit[]>('textDocument/formatting', { options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(edits, []);
  });

  it('sends semantic tokens with the advertised legend', async () => {
    const tokens = await request<{ data: number[] }>('textDocument/semanticTokens/full', {});
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  });
});

describe('rekordboxMidi.rules', () => {
  it('changes a rule’s level or turns it off, per the client’s settings', async () => {
    const client = await startServer({
      configuration: section =>
        (section === 'rekordboxMidi' ? { validate: { run: 'onType' }, rules: { 'unknown-function': 'off', 'bad-hex': 'warning' } } : null),
    });
    try {
      const uri = 'file:///work/rules.midi.csv';
      const published = client.nextDiagnostics(uri);
      client.open(uri, '@file,1,X\nPlayPuase,,Button,90O8,,,,,,,,,,,\n');
      assert.deepEqual((await published).map(d => [d.code, d.severity]), [['bad-hex', 2]]);
    } finally {
      await client.stop();
    }
  });
});
