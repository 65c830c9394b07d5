/**
 * The VS Code client: starts the language server over IPC for `rekordbox-midi` documents and
 * shows what the server made of the active mapping in a language status item.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DocumentInfoParams, DocumentInfoRequestMethod, DocumentInfoResult } from '../../server/src/protocol';

export const LANGUAGE_ID = 'rekordbox-midi';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Rekordbox MIDI');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'rekordboxMidi' },
    outputChannel,
  };
  client = new LanguageClient('rekordboxMidi', 'Rekordbox MIDI Language Server', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);

  const status = vscode.languages.createLanguageStatusItem('rekordboxMidi.status', { language: LANGUAGE_ID });
  status.name = 'Rekordbox MIDI';
  status.text = 'Rekordbox MIDI';
  status.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
  context.subscriptions.push(status);

  const updateStatus = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor || editor.document.languageId !== LANGUAGE_ID || !client.isRunning()) return;
    try {
      const params: DocumentInfoParams = { textDocument: { uri: editor.document.uri.toString() } };
      const info = await client.sendRequest<DocumentInfoResult | null>(DocumentInfoRequestMethod, params);
      if (!info) return;
      status.text = `${info.deviceName ?? 'no @file line'} · ${info.mappingRows} rows`;
      status.detail = `${info.dialect === 'factory' ? 'factory dialect' : 'EXPORT dialect'} · ${info.errors} errors, ${info.warnings} warnings`;
      status.severity = info.errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    } catch {
      // The server is restarting or the document closed: the next event updates the item.
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.languages.onDidChangeDiagnostics(event => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some(uri => uri.toString() === active)) void updateStatus();
    }),
    vscode.commands.registerCommand('rekordboxMidi.restartServer', async () => {
      if (!client) return;
      await client.restart();
      void vscode.window.setStatusBarMessage('Rekordbox MIDI language server restarted', 3000);
    }),
  );

  await client.start();
  void updateStatus();
  return { client };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
