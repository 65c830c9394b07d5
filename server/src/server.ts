/**
 * The language server: wires the pure language service (./service) to LSP. Runs over IPC when
 * started by the VS Code client and over stdio for any other editor (`node dist/server.js --stdio`).
 */
import {
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  ErrorCodes,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DecodeRequest,
  DocumentInfoRequest,
  ExportMixxxRequest,
  ImportMixxxRequest,
  LearnRequest,
  LearnParams,
  MappingRowsRequest,
  RowActionRequest,
} from '../../protocol/messages';
import { CODE_ACTION_KINDS, computeCodeActions } from './service/features/codeActions';
import { computeCompletion, resolveCompletionItem } from './service/features/completion';
import { computeDecode } from './service/features/decode';
import { computeDiagnostics } from './service/features/diagnostics';
import { computeDocumentInfo } from './service/features/documentInfo';
import { computeDocumentSymbols } from './service/features/documentSymbols';
import { computeFoldingRanges } from './service/features/foldingRanges';
import { computeFormattingEdits, computeRangeFormattingEdits } from './service/features/formatting';
import { computeHover } from './service/features/hover';
import { computeInlayHints } from './service/features/inlayHints';
import { computeLearn, LEARN_FAILED } from './service/features/learn';
import { computeExportMixxx, computeImportMixxx, IMPORT_MIXXX_FAILED } from './service/features/mixxx';
import { computeMappingRows } from './service/features/mappingRows';
import { computeRowAction, ROW_ACTION_FAILED, ROW_ACTION_NOT_OPEN } from './service/features/rowActions';
import { computeDocumentHighlights, computeReferences } from './service/features/references';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './service/features/semanticTokens';
import { MappingModel, parseMapping } from './service/model/mappingModel';

type ValidateRun = 'onType' | 'onSave';

interface Settings {
  validate: { run: ValidateRun };
  /** `rekordboxMidi.rules`: rule code → level or "off" (checked by the language service). */
  rules: Record<string, unknown>;
}

const DEFAULT_SETTINGS: Settings = { validate: { run: 'onType' }, rules: {} };
/** Typing pauses shorter than this do not re-check the file: one check per burst of keys. */
const TYPING_DELAY_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let hasConfigurationCapability = false;
let hasItemDefaultsEditRange = false;
const settingsByUri = new Map<string, Promise<Settings>>();
const modelCache = new Map<string, { version: number; model: MappingModel }>();
const diagnosticsByUri = new Map<string, Diagnostic[]>();
const pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Models kept at once. Requests come for the documents in view; re-parsing another one costs well
 * under a millisecond for a real mapping, while keeping a model for every open document costs memory.
 */
const MAX_MODELS = 4;

/** The model of a document at its current version, parsed once per version (most recently used kept). */
function modelOf(document: TextDocument): MappingModel {
  const cached = modelCache.get(document.uri);
  if (cached && cached.version === document.version) {
    modelCache.delete(document.uri);
    modelCache.set(document.uri, cached);
    return cached.model;
  }
  const model = parseMapping(document.getText());
  modelCache.delete(document.uri);
  modelCache.set(document.uri, { version: document.version, model });
  if (modelCache.size > MAX_MODELS) modelCache.delete(modelCache.keys().next().value!);
  return model;
}

function settingsFor(uri: string): Promise<Settings> {
  if (!hasConfigurationCapability) return Promise.resolve(DEFAULT_SETTINGS);
  let settings = settingsByUri.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'rekordboxMidi' })
      .then(
        (value: Partial<Settings> | null): Settings => ({
          validate: { run: value?.validate?.run === 'onSave' ? 'onSave' : 'onType' },
          rules: typeof value?.rules === 'object' && value.rules !== null ? value.rules : {},
        }),
        () => DEFAULT_SETTINGS,
      );
    settingsByUri.set(uri, settings);
  }
  return settings;
}

/** Checks a document now (with its settings) and publishes the diagnostics. */
function check(document: TextDocument): void {
  const pending = pendingChecks.get(document.uri);
  if (pending) clearTimeout(pending);
  pendingChecks.delete(document.uri);
  const version = document.version;
  void settingsFor(document.uri).then(settings => {
    const current = documents.get(document.uri);
    // Closed, or changed while the settings were fetched: the later event checks the newer text.
    if (!current || current.version !== version) return;
    guard('diagnostics', () => {
      const diagnostics = computeDiagnostics(modelOf(current), { uri: current.uri, ruleSeverities: settings.rules });
      diagnosticsByUri.set(current.uri, diagnostics);
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    });
  });
}

function checkSoon(document: TextDocument): void {
  const pending = pendingChecks.get(document.uri);
  if (pending) clearTimeout(pending);
  pendingChecks.set(
    document.uri,
    setTimeout(() => {
      pendingChecks.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) check(current);
    }, TYPING_DELAY_MS),
  );
}

/** Runs a handler so that no input can take the server down: a failure is logged and answered with `fallback`. */
function guard<T>(what: string, handler: () => T, fallback?: T): T {
  try {
    return handler();
  } catch (error) {
    connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback as T;
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  hasItemDefaultsEditRange = !!params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['+', ';'], resolveProvider: true },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: { resolveProvider: false },
      referencesProvider: true,
      documentHighlightProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: false },
    },
    serverInfo: { name: 'rekordbox-midi-language-server' },
  };
});

connection.onInitialized(() => {
  if (hasConfigurationCapability) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rekordboxMidi' });
  }
});

connection.onDidChangeConfiguration(() => {
  settingsByUri.clear();
  for (const document of documents.all()) check(document);
});

/** The version each document was opened at: the open event also reports content, already checked. */
const openedVersions = new Map<string, number>();

documents.onDidOpen(event => {
  openedVersions.set(event.document.uri, event.document.version);
  check(event.document);
});
documents.onDidSave(event => check(event.document));
documents.onDidChangeContent(event => {
  const document = event.document;
  if (openedVersions.get(document.uri) === document.version) return;
  void settingsFor(document.uri).then(settings => {
    if (settings.validate.run === 'onType') checkSoon(document);
  });
});
documents.onDidClose(event => {
  const uri = event.document.uri;
  const pending = pendingChecks.get(uri);
  if (pending) clearTimeout(pending);
  pendingChecks.delete(uri);
  modelCache.delete(uri);
  openedVersions.delete(uri);
  settingsByUri.delete(uri);
  diagnosticsByUri.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

/** The open document a request names; undefined for one the server does not have, or a request naming none. */
function documentOf(params: { textDocument?: { uri?: unknown } } | null | undefined): TextDocument | undefined {
  const uri = params?.textDocument?.uri;
  return typeof uri === 'string' ? documents.get(uri) : undefined;
}

interface DocumentRequestOptions<P, R> {
  /** The answer for a document the server does not have (default: the fallback). */
  notOpen?: R;
  /** Whether this request needs the user's rule levels (`rekordboxMidi.rules`): they are fetched first. */
  needsRules?: (params: P, uri: string) => boolean;
}

/**
 * Answers a request about one open document from its model (parsed once per version): the one path
 * of every per-document request. A document the server does not have gets `notOpen`; a handler that
 * throws is logged and answered with `fallback`.
 */
function onDocument<P extends { textDocument: { uri: string } }, R>(
  what: string,
  fallback: R,
  handler: (model: MappingModel, params: P, document: TextDocument, rules?: Record<string, unknown>) => R,
  options: DocumentRequestOptions<P, R> = {},
): (params: P) => R | Promise<R> {
  const notOpen = 'notOpen' in options ? (options.notOpen as R) : fallback;
  const answer = (params: P, document: TextDocument, rules?: Record<string, unknown>) =>
    guard(what, () => handler(modelOf(document), params, document, rules), fallback);
  return params => {
    const document = documentOf(params);
    if (!document) return notOpen;
    if (!options.needsRules?.(params, document.uri)) return answer(params, document);
    // The text may have changed while the settings were fetched: answer for the document as it is now.
    return settingsFor(document.uri).then(settings => answer(params, documents.get(document.uri) ?? document, settings.rules));
  };
}

connection.onHover(onDocument('hover', null, (model, params) => computeHover(model, params.position)));
connection.onCompletion(
  onDocument('completion', null, (model, params) => computeCompletion(model, params.position, undefined, { itemDefaultsEditRange: hasItemDefaultsEditRange })),
);
connection.onCompletionResolve(item => guard('completionResolve', () => resolveCompletionItem(item), item));
connection.onCodeAction(
  onDocument('codeAction', null, (model, params, document) =>
    computeCodeActions(model, { uri: document.uri, range: params.range, diagnostics: params.context.diagnostics, only: params.context.only }),
  ),
);
connection.onDocumentSymbol(onDocument('documentSymbol', null, model => computeDocumentSymbols(model)));
connection.onFoldingRanges(onDocument('foldingRanges', null, model => computeFoldingRanges(model)));
connection.languages.inlayHint.on(onDocument('inlayHint', null, (model, params) => computeInlayHints(model, params.range)));
connection.onReferences(
  onDocument('references', null, (model, params, document) => computeReferences(model, params.position, document.uri, params.context.includeDeclaration)),
);
connection.onDocumentHighlight(onDocument('documentHighlight', null, (model, params) => computeDocumentHighlights(model, params.position)));
connection.onDocumentFormatting(onDocument('formatting', null, (model, params) => computeFormattingEdits(model, params.options)));
connection.onDocumentRangeFormatting(onDocument('rangeFormatting', null, (model, params) => computeRangeFormattingEdits(model, params.range)));
connection.languages.semanticTokens.on(onDocument('semanticTokens', { data: [] }, model => computeSemanticTokens(model)));

connection.onRequest(DecodeRequest.type, params => {
  const result = computeDecode(params);
  return 'invalidParams' in result ? new ResponseError(ErrorCodes.InvalidParams, result.invalidParams) : result;
});

connection.onRequest(
  DocumentInfoRequest.type,
  onDocument(
    'documentInfo',
    null,
    // `rules` is given only before the first check of a just-opened document has published: then this
    // text's problems are counted (with its settings) rather than answer "0 errors" for a file that has some.
    (model, _params, document, rules) =>
      computeDocumentInfo(model, rules ? computeDiagnostics(model, { uri: document.uri, ruleSeverities: rules }) : diagnosticsByUri.get(document.uri)!),
    { needsRules: (_params, uri) => !diagnosticsByUri.has(uri) },
  ),
);

connection.onRequest(
  MappingRowsRequest.type,
  onDocument(
    'mappingRows',
    null,
    // Problems are those of this very text (the published ones may lag a typing burst behind), at the
    // levels the user's rekordboxMidi.rules setting gives.
    (model, _params, document, rules) =>
      computeMappingRows(model, document.uri, document.version, {
        diagnostics: rules ? computeDiagnostics(model, { uri: document.uri, ruleSeverities: rules }) : undefined,
      }),
    { needsRules: params => params.withProblems === true },
  ),
);

connection.onRequest(
  RowActionRequest.type,
  onDocument(
    'rowAction',
    ROW_ACTION_FAILED,
    (model, params, document) =>
      computeRowAction(model, { uri: document.uri, version: params.version, currentVersion: document.version, line: params.line, action: params.action }),
    { notOpen: ROW_ACTION_NOT_OPEN },
  ),
);

// Learning decides the control even when the document is not open (nothing is written then).
connection.onRequest(LearnRequest.type, (params: LearnParams) =>
  guard(
    'learn',
    () => {
      const document = documentOf(params);
      return computeLearn(document ? modelOf(document) : undefined, {
        uri: params?.textDocument?.uri,
        version: document?.version,
        position: params?.position,
        messages: params?.messages,
      });
    },
    LEARN_FAILED,
  ),
);

connection.onRequest(ImportMixxxRequest.type, params => guard('importMixxx', () => computeImportMixxx(params), IMPORT_MIXXX_FAILED));

connection.onRequest(ExportMixxxRequest.type, onDocument('exportMixxx', null, (model, _params, document) => computeExportMixxx(model, document.uri)));

documents.listen(connection);
connection.listen();
