/**
 * The language server: wires the pure language service (./service) to LSP. Runs over IPC when
 * started by the VS Code client and over stdio for any other editor (`node dist/server.js --stdio`).
 */
import {
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DecodeParams,
  DecodeRequest,
  DecodeResult,
  DocumentInfoParams,
  DocumentInfoRequest,
  DocumentInfoResult,
  ExportMixxxParams,
  ExportMixxxRequest,
  ExportMixxxResult,
  ImportMixxxParams,
  ImportMixxxRequest,
  ImportMixxxResult,
  LearnParams,
  LearnRequest,
  LearnResult,
  MappingRowsParams,
  MappingRowsRequest,
  MappingRowsResult,
  ROW_ACTION_KINDS,
  RowActionParams,
  RowActionRequest,
  RowActionResult,
} from '../../protocol/messages';
import { CODE_ACTION_KINDS, computeCodeActions } from './service/features/codeActions';
import { computeCompletion, resolveCompletionItem } from './service/features/completion';
import { computeDiagnostics } from './service/features/diagnostics';
import { computeDocumentSymbols } from './service/features/documentSymbols';
import { computeFoldingRanges } from './service/features/foldingRanges';
import { computeFormattingEdits, computeRangeFormattingEdits } from './service/features/formatting';
import { computeHover } from './service/features/hover';
import { computeInlayHints } from './service/features/inlayHints';
import { computeLearn } from './service/features/learn';
import { computeExportMixxx, computeImportMixxx } from './service/features/mixxx';
import { computeMappingRows } from './service/features/mappingRows';
import { computeRowAction } from './service/features/rowActions';
import { computeDocumentHighlights, computeReferences } from './service/features/references';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './service/features/semanticTokens';
import { decodeCode, describeCode, parseCode } from './service/midi/midiCode';
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

connection.onHover(params =>
  guard('hover', () => {
    const document = documents.get(params.textDocument.uri);
    return document ? computeHover(modelOf(document), params.position) : null;
  }, null),
);

connection.onCompletion(params =>
  guard('completion', () => {
    const document = documents.get(params.textDocument.uri);
    return document ? computeCompletion(modelOf(document), params.position, undefined, { itemDefaultsEditRange: hasItemDefaultsEditRange }) : null;
  }, null),
);

connection.onCompletionResolve(item => guard('completionResolve', () => resolveCompletionItem(item), item));

connection.onCodeAction(params =>
  guard('codeAction', () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return computeCodeActions(modelOf(document), {
      uri: document.uri,
      range: params.range,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
    });
  }, null),
);

/** Answers a request about one open document from its model; unknown documents and failures get `fallback`. */
function onDocument<P extends { textDocument: { uri: string } }, R>(what: string, fallback: R, handler: (model: MappingModel, params: P, uri: string) => R) {
  return (params: P): R =>
    guard(what, () => {
      const document = documents.get(params.textDocument.uri);
      return document ? handler(modelOf(document), params, document.uri) : fallback;
    }, fallback);
}

connection.onDocumentSymbol(onDocument('documentSymbol', null, model => computeDocumentSymbols(model)));
connection.onFoldingRanges(onDocument('foldingRanges', null, model => computeFoldingRanges(model)));
connection.languages.inlayHint.on(onDocument('inlayHint', null, (model, params) => computeInlayHints(model, params.range)));
connection.onReferences(
  onDocument('references', null, (model, params, uri) => computeReferences(model, params.position, uri, params.context.includeDeclaration)),
);
connection.onDocumentHighlight(onDocument('documentHighlight', null, (model, params) => computeDocumentHighlights(model, params.position)));
connection.onDocumentFormatting(onDocument('formatting', null, (model, params) => computeFormattingEdits(model, params.options)));
connection.onDocumentRangeFormatting(onDocument('rangeFormatting', null, (model, params) => computeRangeFormattingEdits(model, params.range)));
connection.languages.semanticTokens.on(onDocument('semanticTokens', { data: [] }, model => computeSemanticTokens(model)));

connection.onRequest(DecodeRequest.type, (params: DecodeParams): DecodeResult | ResponseError<void> => {
  const text = typeof params?.code === 'string' ? params.code.trim() : '';
  const value = parseCode(text);
  if (value === undefined) {
    return new ResponseError(-32602, `'${String(params?.code)}' is not a 4-hex MIDI code such as 900B.`);
  }
  const d = decodeCode(value);
  return {
    code: d.code,
    status: d.status,
    data1: d.data1,
    kind: d.kind,
    channel: d.channel,
    displayChannel: d.channel + 1,
    number: d.number,
    ...(d.noteName ? { noteName: d.noteName } : {}),
    isParameter: d.isParameter,
    description: describeCode(d),
  };
});

connection.onRequest(DocumentInfoRequest.type, async (params: DocumentInfoParams): Promise<DocumentInfoResult | null> => {
  const document = documents.get(params?.textDocument?.uri);
  if (!document) return null;
  // Before the first check of a just-opened document has published anything, count this text's
  // problems (with its settings) rather than answer "0 errors" for a file that has some.
  const published = diagnosticsByUri.get(document.uri);
  const rules = published ? undefined : (await settingsFor(document.uri)).rules;
  return guard('documentInfo', () => {
    const model = modelOf(document);
    const diagnostics = published ?? computeDiagnostics(model, { uri: document.uri, ruleSeverities: rules });
    return {
      deviceName: model.deviceName ?? null,
      dialect: model.dialect,
      mappingRows: model.mappingRows.length,
      sections: model.sections.length,
      errors: diagnostics.filter(d => d.severity === 1).length,
      warnings: diagnostics.filter(d => d.severity === 2).length,
    };
  }, null);
});

connection.onRequest(MappingRowsRequest.type, async (params: MappingRowsParams): Promise<MappingRowsResult | null> => {
  const document = documents.get(params?.textDocument?.uri);
  if (!document) return null;
  // Problems are those of this very text (the published ones may lag a typing burst behind), at the
  // levels the user's rekordboxMidi.rules setting gives.
  const rules = params.withProblems === true ? (await settingsFor(document.uri)).rules : undefined;
  const current = documents.get(document.uri) ?? document;
  return guard('mappingRows', () => {
    const model = modelOf(current);
    const diagnostics = rules ? computeDiagnostics(model, { uri: current.uri, ruleSeverities: rules }) : undefined;
    return computeMappingRows(model, current.uri, current.version, { diagnostics });
  }, null);
});

connection.onRequest(RowActionRequest.type, (params: RowActionParams): RowActionResult =>
  guard(
    'rowAction',
    () => {
      const document = documents.get(params?.textDocument?.uri);
      const { line, version, action } = params ?? {};
      if (!document) return { edit: null, message: 'The mapping is not open: nothing changed.' };
      if (!Number.isSafeInteger(line) || line < 0 || !Number.isSafeInteger(version) || !ROW_ACTION_KINDS.includes(action)) {
        return { edit: null, message: 'Not a row action: nothing changed.' };
      }
      return computeRowAction(modelOf(document), { uri: document.uri, version, currentVersion: document.version, line, action });
    },
    { edit: null, message: 'The row action failed inside the server (see its log): nothing changed.' },
  ),
);

connection.onRequest(LearnRequest.type, (params: LearnParams): LearnResult =>
  guard(
    'learn',
    () => {
      const uri = typeof params?.textDocument?.uri === 'string' ? params.textDocument.uri : '';
      const document = uri ? documents.get(uri) : undefined;
      return computeLearn(document ? modelOf(document) : undefined, {
        uri: uri || '(no document given)',
        version: document?.version,
        position: params?.position,
        messages: params?.messages,
      });
    },
    { edit: null, summary: 'Learning failed inside the server (see its log): nothing written.' },
  ),
);

connection.onRequest(ImportMixxxRequest.type, (params: ImportMixxxParams): ImportMixxxResult =>
  guard('importMixxx', () => computeImportMixxx(params), {
    csv: '',
    summary: {
      deviceName: '',
      controls: 0,
      outputs: 0,
      rows: 0,
      translated: 0,
      fromOtherDeck: 0,
      needUser: 0,
      needUserReasons: [],
      skipped: [],
      lightsPlaced: 0,
      text: 'The conversion failed inside the server (see its log): nothing converted.',
    },
    problems: [{ severity: 'error', message: 'The conversion failed inside the server (see its log).' }],
  }),
);

connection.onRequest(
  ExportMixxxRequest.type,
  onDocument<ExportMixxxParams, ExportMixxxResult | null>('exportMixxx', null, (model, _params, uri) => computeExportMixxx(model, uri)),
);

documents.listen(connection);
connection.listen();
