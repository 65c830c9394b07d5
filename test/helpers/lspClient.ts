/**
 * A minimal LSP client for protocol tests: starts `node dist/server.js --stdio` as an editor
 * would and talks JSON-RPC to it over its standard streams.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import * as path from 'path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { Diagnostic, InitializeResult, LogMessageParams, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../protocol/serverProcess';
import { REPO_ROOT } from './fixtures';

export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface TestClient {
  connection: MessageConnection;
  initializeResult: InitializeResult;
  /** Every window/logMessage the server sent. */
  logMessages: LogMessageParams[];
  process: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** Resolves with the next diagnostics published for `uri` (or the already-published ones newer than `after`). */
  nextDiagnostics(uri: string, timeoutMs?: number): Promise<Diagnostic[]>;
  published: Map<string, PublishDiagnosticsParams[]>;
  open(uri: string, text: string, version?: number): void;
  stop(): Promise<number | null>;
}

export async function startServer(options: { configuration?: (section: string, scopeUri?: string) => unknown } = {}): Promise<TestClient> {
  // Started as the extension starts it (server/src/serverProcess.ts).
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER_JS, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...SERVER_ENV } });
  let stderr = '';
  child.stderr.on('data', chunk => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiters = new Map<string, ((d: Diagnostic[]) => void)[]>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const list = published.get(params.uri) ?? [];
    list.push(params);
    published.set(params.uri, list);
    const pending = waiters.get(params.uri);
    if (pending?.length) pending.shift()!(params.diagnostics);
  });
  // What the server logs: a request handler that failed logs an error here (server.ts `guard`) and answers anyway.
  const logMessages: LogMessageParams[] = [];
  connection.onNotification('window/logMessage', (params: LogMessageParams) => logMessages.push(params));
  connection.onRequest('client/registerCapability', () => null);
  // A configuration answer may be a promise: a test can hold the server's settings back.
  connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
    Promise.all(params.items.map(async item => (await options.configuration?.(item.section ?? '', item.scopeUri)) ?? null)),
  );
  connection.listen();
  const initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: !!options.configuration, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ['editRange'] } },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    },
  });
  connection.sendNotification('initialized', {});
  return {
    connection,
    initializeResult,
    logMessages,
    process: child,
    stderr: () => stderr,
    published,
    nextDiagnostics(uri, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const list = waiters.get(uri) ?? [];
        list.push(d => {
          clearTimeout(timer);
          resolve(d);
        });
        waiters.set(uri, list);
      });
    },
    open(uri, text, version = 1) {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rekordbox-midi', version, text } });
    },
    async stop() {
      const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
      try {
        await connection.sendRequest('shutdown');
        connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      const code = await Promise.race([exited, new Promise<null>(r => setTimeout(() => r(null), 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      connection.dispose();
      return code;
    },
  };
}
