/// <reference types="mocha" />
/**
 * Outline, folding, same-code navigation, inlay hints, formatting and semantic tokens in the real
 * editor, through the VS Code API on a factory mapping.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, hoverAt, open, runningClient } from './helpers';

const FACTORY = 'factory-DDJ-SX.midi.csv';

function playPauseLine(document: vscode.TextDocument): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.startsWith('PlayPause,PlayPause,Button,900B,')) return line;
  assert.fail('no PlayPause row');
}

suite('structure and navigation', () => {
  let document: vscode.TextDocument;
  suiteSetup(async () => {
    await runningClient();
    document = await open(fixtureUri(FACTORY));
    await hoverAt(document.uri, new vscode.Position(0, 1)); // the server has the document
  });
  suiteTeardown(closeAllEditors);

  test('the outline lists the factory sections with their rows', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names = symbols.map(s => s.name);
    assert.ok(names.includes('Browser') && names.includes('Deck'), names.join(', '));
    const deck = symbols.find(s => s.name === 'Deck')!;
    assert.ok(deck.children.some(c => c.name === 'PlayPause'));
  });

  test('each section folds', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const sections = symbols.filter(s => s.kind === vscode.SymbolKind.Namespace).map(s => s.range.start.line);
    assert.deepStrictEqual(ranges.map(r => r.start).filter(l => sections.includes(l)), sections);
  });

  test('find references on 900B lists every cell that makes one of its deck codes, in and out', async () => {
    const line = playPauseLine(document);
    const text = document.lineAt(line).text;
    const character = text.indexOf('900B') + 1;
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      new vscode.Position(line, character),
    );
    const onLine = locations.filter(l => l.range.start.line === line).map(l => document.getText(l.range));
    // The base cell and 0,1,2,3 on the MIDI IN side; 0,1,2,3 on the MIDI OUT side (900B..930B).
    assert.deepStrictEqual(onLine, ['900B', '0', '1', '2', '3', '0', '1', '2', '3']);
    const outputDeck1 = text.split(',').slice(0, 9).join(',').length + 1;
    assert.ok(locations.some(l => l.range.start.line === line && l.range.start.character === outputDeck1), 'the MIDI OUT deck 1 cell');
  });

  test('inlay hints decode the codes of the visible rows', async () => {
    const line = playPauseLine(document);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      document.uri,
      new vscode.Range(line, 0, line + 1, 0),
    );
    const labels = hints.map(h => (typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join('')));
    assert.ok(labels.some(l => /910B/.test(l)), labels.join(' | '));
  });

  test('inlay hints are off until Ctrl+Alt is held, in mappings only (the manifest’s default)', () => {
    assert.strictEqual(vscode.workspace.getConfiguration('editor', document).get('inlayHints.enabled'), 'offUnlessPressed');
    assert.strictEqual(
      vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('inlayHints.enabled'),
      'on',
      'other languages keep VS Code’s default',
    );
  });

  test('formatting leaves the factory file byte-identical', async () => {
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, {
      tabSize: 4,
      insertSpaces: true,
    });
    assert.deepStrictEqual(edits ?? [], []);
  });

  test('semantic tokens come with the server’s legend', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.ok(legend.tokenModifiers.includes('conflict'));
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(tokens.data.length > 0);
  });
});
