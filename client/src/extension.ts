/**
 * The VS Code client: starts the language server over IPC for `rekordbox-midi` documents and
 * shows what the server made of the active mapping in a language status item; registers the MIDI
 * tools (learn command, sidebar), whose MIDI host process starts only when they are first used.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DocumentInfoParams, DocumentInfoRequest } from '../../protocol/messages';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../protocol/serverProcess';
import { LANGUAGE_ID } from './common/languageId';
import { hostProblem, learnFromController, LearnCommandResult, pickAndConnectInput, showHostProblem } from './learn/learnCommand';
import { LearnSwitch } from './learn/learnSwitch';
import { startMidiHost } from './midi/midiHostConnection';
import { MidiService } from './midi/midiService';
import { registerMixxxCommands } from './mixxx/mixxxCommands';
import { ActiveMapping } from './monitor/activeMapping';
import { registerRekordboxFolderCommands } from './rekordbox/rekordboxCommands';
import { SIDEBAR_VIEW_ID, SidebarState, SidebarView } from './sidebar/sidebarView';
import { registerMappingTable } from './table/mappingTable';
import { registerWalkthroughCommands } from './walkthrough/walkthroughCommands';

let client: LanguageClient | undefined;
let midi: MidiService | undefined;

/** What activate() returns: the language client, and for the editor tests what the sidebar shows. */
export interface ExtensionApi {
  client: LanguageClient | undefined;
  midi: {
    sidebarState(): SidebarState;
    hostProcessId(): number | undefined;
    /** Posts a message as the sidebar's page would (validated and handled by the same code). */
    postFromSidebar(message: unknown): Promise<void>;
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverEnv = { ...process.env, ...SERVER_ENV };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: serverEnv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env: serverEnv } },
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
  registerMixxxCommands(context, client);
  registerRekordboxFolderCommands(context, client);
  registerMappingTable(context, client);
  registerWalkthroughCommands(context);

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
      const info = await client.sendRequest(DocumentInfoRequest.type, params);
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

  const sidebar = registerMidiTools(context, outputChannel);

  await client.start();
  void updateStatus();
  return {
    client,
    midi: {
      sidebarState: () => sidebar.state(),
      hostProcessId: () => midi?.host?.hostProcessId,
      postFromSidebar: message => sidebar.receiveFromWebview(message),
    },
  };
}

/** The learn command, the sidebar and the MIDI host they share (started on first use). */
function registerMidiTools(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): SidebarView {
  const service = new MidiService(
    () => startMidiHost({ hostModule: context.asAbsolutePath(path.join('dist', 'midiHost.js')), log: line => outputChannel.appendLine(`[midi] ${line}`) }),
    context.globalState,
    line => outputChannel.appendLine(`[midi] ${line}`),
  );
  midi = service;
  const mapping = new ActiveMapping(() => client);
  const deps = {
    midi: service,
    client: () => client,
    mappingEditor: () => mapping.activeEditor,
    // The sidebar is made below; learning (which calls this) only starts once everything is registered.
    onListening: (listening: boolean) => sidebar.setListening(listening),
  };
  const learnSwitch = new LearnSwitch(deps);
  let learnRunning = false;
  const sidebar = new SidebarView(context.extensionUri, service, mapping, learnSwitch, context.globalState);
  context.subscriptions.push(
    service,
    mapping,
    learnSwitch,
    sidebar,
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar),
    // The server (re)started: ask for the active mapping's rows.
    client!.onDidChangeState(() => void mapping.refresh()),
    vscode.commands.registerCommand('rekordboxMidi.learnFromController', async (): Promise<LearnCommandResult> => {
      if (learnSwitch.on) {
        const message = 'Learning is already on in the Rekordbox MIDI sidebar: move a control and its code goes in at the cursor.';
        void vscode.window.showInformationMessage(message);
        return { written: false, message };
      }
      // Two learns at once would both hear the same move and write it twice (or the second onto a
      // changed text): the one already waiting keeps the controller.
      if (learnRunning) {
        const message = 'A learn is already waiting for a control: move one, or cancel it from its notification first.';
        void vscode.window.showInformationMessage(message);
        return { written: false, message };
      }
      learnRunning = true;
      try {
        return await learnFromController(deps);
      } finally {
        learnRunning = false;
      }
    }),
    vscode.commands.registerCommand('rekordboxMidi.restartMidiHost', async () => {
      await service.restart();
      const problem = hostProblem(await service.settledState());
      if (problem) showHostProblem(service, problem);
      else void vscode.window.setStatusBarMessage('MIDI host restarted', 3000);
    }),
    vscode.commands.registerCommand('rekordboxMidi.lightRow', async (): Promise<string | undefined> => {
      const problem = hostProblem(await service.settledState());
      const why = problem ?? (await sidebar!.lightRow());
      if (why) void vscode.window.showInformationMessage(why);
      return why;
    }),
    vscode.commands.registerCommand('rekordboxMidi.connectInput', async (name?: unknown): Promise<string | undefined> => {
      const problem = hostProblem(await service.settledState());
      if (problem) {
        showHostProblem(service, problem);
        return undefined;
      }
      const host = service.ensureStarted();
      if (typeof name === 'string') {
        await service.connect(name);
        return name;
      }
      return pickAndConnectInput(service, host);
    }),
  );
  return sidebar;
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  // The MIDI host process goes with the extension.
  midi?.dispose();
  midi = undefined;
  if (running) await running.stop();
}
