/**
 * The custom requests of the Rekordbox MIDI language server, declared once for the client, the
 * server, the tests and other editors' clients (as vscode-eslint's $shared/customMessages.ts does):
 * each is a typed `RequestType<Params, Result, Error>` in a namespace of its own, as the LSP
 * libraries declare theirs (`HoverRequest.type`), so `client.sendRequest(DecodeRequest.type, …)` and
 * `connection.onRequest(DecodeRequest.type, …)` agree without restating a type. Other editors send
 * the `method` strings (`rekordboxMidi/decode`, …).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import type { MixxxImportResult as ImportMixxxResult, MixxxImportSummary as ImportMixxxSummary } from '../server/src/service/mixxx/mixxxToRekordbox';
import type { Tab } from '../server/src/service/catalog/tabs';
import type { MixxxProblem as MixxxProblemInfo } from '../server/src/service/mixxx/readMixxxXml';
import type { MixxxExportResult as ExportMixxxResult, MixxxExportSummary as ExportMixxxSummary } from '../server/src/service/mixxx/rekordboxToMixxx';

/** `rekordboxMidi/decode`: what a 4-hex code means. */
export namespace DecodeRequest {
  export const method = 'rekordboxMidi/decode';
  export const type = new RequestType<DecodeParams, DecodeResult, void>(method);
}

export interface DecodeParams {
  /** A 4-hex code such as `910B` (upper or lower case). */
  code: string;
}

export interface DecodeResult {
  code: string;
  status: number;
  data1: number;
  /** `noteOn`, `noteOff`, `controlChange`, … */
  kind: string;
  /** 0–15 as written in the file. */
  channel: number;
  /** 1–16 as people read it. */
  displayChannel: number;
  /** The note or controller number. */
  number: number;
  noteName?: string;
  /** True for Rekordbox's `FFF1`-style parameter codes, which are not MIDI. */
  isParameter: boolean;
  /** One line for people: `note on, ch 2, note 11 (B-1)`. */
  description: string;
}

/** `rekordboxMidi/documentInfo`: what the server made of a document, for status displays. */
export namespace DocumentInfoRequest {
  export const method = 'rekordboxMidi/documentInfo';
  export const type = new RequestType<DocumentInfoParams, DocumentInfoResult | null, void>(method);
}

export interface DocumentInfoParams {
  textDocument: { uri: string };
}

export interface DocumentInfoResult {
  deviceName: string | null;
  dialect: 'factory' | 'export';
  mappingRows: number;
  sections: number;
  errors: number;
  warnings: number;
  /** Where the function names the server checks against come from, for the language status. */
  catalog?: CatalogInfo;
}

/**
 * `rekordboxMidi/learn`: what the messages a controller sent during a learn mean, and the edit that
 * writes the learned code at the cursor. The server decides everything (docs/learn.md); the client
 * applies `edit` (one undo step) and never saves.
 */
export namespace LearnRequest {
  export const method = 'rekordboxMidi/learn';
  export const type = new RequestType<LearnParams, LearnResult, void>(method);
}

export interface LearnMessage {
  /** One message or packet as the port delivered it (running status and several messages allowed). */
  bytes: number[];
  /** Milliseconds (any origin), used to tell a jog wheel's dense burst from an encoder. */
  time: number;
}

export interface LearnParams {
  textDocument: { uri: string };
  position: Position;
  messages: LearnMessage[];
}

export type LearnedType = 'Button' | 'KnobSlider' | 'KnobSliderHiRes' | 'Rotary' | 'JogRotate';

export interface LearnedControl {
  /** The code written to the file: `900B` (the note-on code for buttons, the MSB for 14-bit controls). */
  code: string;
  type: LearnedType;
  /** `note on, ch 1, note 11 (B-1)`. */
  description: string;
  /** 0–15 as in the file. */
  channel: number;
  /** Messages the control sent (both halves of a 14-bit pair). */
  messages: number;
  /** Relative controls: `offset64` (0x41 = +1, 0x3F = −1) or `twosComplement` (0x01 = +1, 0x7F = −1). */
  encoding?: 'offset64' | 'twosComplement';
  /** KnobSliderHiRes: the LSB code (CC + 32) the control also sends. */
  lsbCode?: string;
  /** Why this type, for people. */
  reason: string;
}

export interface LearnConflict {
  /** 0-based line of the other row. */
  line: number;
  functionName: string;
  /** The code both rows receive. */
  code: string;
  /** `lsb` when the code is a 14-bit control's implied LSB (CC + 32) rather than a written code. */
  kind: 'same-code' | 'lsb';
}

export interface LearnResult {
  /** The edit to apply (one undo step), or null when nothing is written. */
  edit: WorkspaceEdit | null;
  /** One line for people: what was learned, where it went, what it conflicts with. */
  summary: string;
  learned?: LearnedControl;
  /** Where the code went: 0-based line and column (3 = MIDI IN, 4–7 its decks, 8 = MIDI OUT, 9–12 its decks). */
  target?: { line: number; column: number };
  /** For a new row: where to put the cursor (column 0) and ask for function completion. */
  cursor?: Position;
  /** Rows with another function that now receive the same code. */
  conflicts?: LearnConflict[];
  /** The codes of the other controls that moved (not learned). */
  others?: string[];
  /** Messages that were read and dropped. */
  ignored?: { clock: number; activeSensing: number; sysEx: number; otherSystem: number; strayBytes: number; invalidItems: number };
}

/**
 * `rekordboxMidi/mappingRows`: every mapping row with the codes each deck really receives and sends,
 * so a client can tell which rows a MIDI message triggers (a monitor) or which code lights a row.
 */
export namespace MappingRowsRequest {
  export const method = 'rekordboxMidi/mappingRows';
  export const type = new RequestType<MappingRowsParams, MappingRowsResult | null, void>(method);
}

export interface MappingRowsParams {
  textDocument: { uri: string };
  /** Also give each row the diagnostics on its line (`problems`), as the rules report them now. */
  withProblems?: boolean;
}

/** The tabs of Rekordbox's MIDI window, in its order. */
export type MappingTab = Tab;

/** A diagnostic on a row's line, for a display that marks rows (the mapping table). */
export interface MappingRowProblem {
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** The rule's code: `duplicate-code`, `unknown-function`, … */
  code: string;
  message: string;
}

export interface MappingRowCode {
  /** 1–4, or null when the row has no deck columns and its base code serves every deck. */
  deck: number | null;
  /** 4 hex digits, upper case: `910B`. */
  code: string;
}

export interface MappingRowInfo {
  /** 0-based line. */
  line: number;
  /** Column 0 as written: `PlayPause`, `#`, `#JogScratch`, `NoFunction`, or empty. */
  functionName: string;
  /** Column 1: the control's label (`PlayPause+Shift`); empty in EXPORT files. */
  control: string;
  type: string;
  comment: string;
  /** What each deck receives (MIDI IN), after deck channels are applied. */
  input: MappingRowCode[];
  /** What each deck is sent (MIDI OUT: its lights). */
  output: MappingRowCode[];
  /** `KnobSliderHiRes` rows: the LSB codes (CC + 32) each deck also receives. */
  lsbInput?: MappingRowCode[];
  /**
   * The tab of Rekordbox's MIDI window the function is listed under (docs/catalog.md); for a name the
   * catalog does not know (`#`, `NoFunction`, a typo), the tab of the factory section the row sits in,
   * else OTHER.
   */
  tab: MappingTab;
  /** The catalog's description of the function, when it knows the name. */
  description?: string;
  /** Column 0 starts with `#`: the row assigns nothing (`#`) or is switched off (`#JogScratch`). */
  disabled: boolean;
  /** Columns 3 and 8 as written (the base MIDI IN and MIDI OUT codes; may be empty). */
  midiIn: string;
  midiOut: string;
  /** Column 13 as written. */
  options: string;
  /** Rekordbox's DUPLICATE for decks 1–4 applies (`rekordboxMidi/rowAction` `duplicate`). */
  canDuplicate: boolean;
  /**
   * DUPLICATE for the next deck (`rekordboxMidi/rowAction` `duplicateForDeck`): in a file with one row
   * per channel, the copy it would insert after this row, or null where it does not apply.
   */
  duplicateForDeck: DuplicateForDeckInfo | null;
  /** Why `duplicateForDeck` is null for a row in the one-row-per-channel form (a code of another function, no deck left…). */
  duplicateForDeckReason?: string;
  /** With `withProblems`: the diagnostics on this row's line, most severe first. */
  problems?: MappingRowProblem[];
}

export interface DuplicateForDeckInfo {
  /** 1–4: decks 1–4 are channels 0–3 (docs/format.md). */
  deck: number;
  /** The copy's codes: `910B`. */
  midiIn: string;
  midiOut?: string;
  /** `Duplicate for deck 2 (910B)`: the code action's title too. */
  title: string;
}

export interface MappingRowsResult {
  uri: string;
  /** The document version the rows are of. */
  version: number;
  deviceName: string | null;
  rows: MappingRowInfo[];
}

/**
 * `rekordboxMidi/rowAction`: the edit for one of the row actions of Rekordbox's MIDI window on the row
 * at `line`: `duplicate` (DUPLICATE for decks 1–4: deck channels 0,1,2,3, the same edit as the code
 * action), `duplicateForDeck` (a copy of the row inserted after it, its codes on the next deck's
 * channel: the code action "Duplicate for deck N") or `delete` (the row's line and its line ending). `version` is the document version the
 * caller saw; when the text has changed since, nothing is returned (the line may be another row now).
 */
export namespace RowActionRequest {
  export const method = 'rekordboxMidi/rowAction';
  export const type = new RequestType<RowActionParams, RowActionResult, void>(method);
}

export interface RowActionParams {
  textDocument: { uri: string };
  version: number;
  line: number;
  action: RowActionKind;
}

export type RowActionKind = 'duplicate' | 'duplicateForDeck' | 'delete';
export const ROW_ACTION_KINDS: readonly RowActionKind[] = ['duplicate', 'duplicateForDeck', 'delete'];

export interface RowActionResult {
  /** The edit to apply (one undo step), or null when there is nothing to do. */
  edit: WorkspaceEdit | null;
  /** Why there is no edit, for people. */
  message?: string;
}

/**
 * `rekordboxMidi/importMixxx`: a Mixxx controller mapping (`*.midi.xml`, its text) converted into a
 * Rekordbox mapping in the factory dialect (docs/mixxx.md). Never an error: malformed XML comes back
 * in `problems` (with line and column) next to whatever could still be converted.
 */
export namespace ImportMixxxRequest {
  export const method = 'rekordboxMidi/importMixxx';
  export const type = new RequestType<ImportMixxxParams, ImportMixxxResult, void>(method);
}

export interface ImportMixxxParams {
  xml: string;
  /** The file's name, for the device name when the XML has no controller id. */
  fileName?: string;
}

/**
 * What an import gives: the Mixxx engine makes these (server/src/service/mixxx/), declared once
 * there and named here as the protocol calls them.
 */
export type { ImportMixxxResult, ImportMixxxSummary, MixxxProblemInfo };

/**
 * `rekordboxMidi/exportMixxx`: an open mapping as a Mixxx mapping skeleton: the rows whose functions
 * have a Mixxx control, decks expanded to `[ChannelN]`. `null` for a document the server does not have.
 */
export namespace ExportMixxxRequest {
  export const method = 'rekordboxMidi/exportMixxx';
  export const type = new RequestType<ExportMixxxParams, ExportMixxxResult | null, void>(method);
}

export interface ExportMixxxParams {
  textDocument: { uri: string };
}

/** What an export gives, declared once where the engine makes it (server/src/service/mixxx/rekordboxToMixxx.ts). */
export type { ExportMixxxResult, ExportMixxxSummary };

/**
 * A folder of Rekordbox's own factory mappings (an installed Rekordbox's `MidiMappings`), read by the
 * server as evidence of function names: every `*.midi.csv` below it, recursively. The VS Code client
 * sends the folders of every Rekordbox it finds (docs/rekordbox-folders.md); another editor passes
 * them in `initializationOptions` (below) or with the notification.
 */
export interface FactoryMappingFolder {
  /** An absolute path. */
  path: string;
  /** How people name where it came from: `Rekordbox 7.1.3`, or the folder itself. Evidence strings quote it. */
  label: string;
}

/** The server's `initializationOptions`. Every field is optional. */
export interface ServerInitializationOptions {
  factoryMappingFolders?: FactoryMappingFolder[];
}

/** What the names known to the server come from (`rekordboxMidi/documentInfo`'s `catalog`). */
export interface CatalogInfo {
  /** Names in the catalog built into the server. */
  builtIn: number;
  /** Names only the factory mappings of the folders given added (not built in). */
  fromRekordbox: number;
  /** The labels of the folders they came from, e.g. `Rekordbox 7.1.3`. */
  sources: string[];
  /** True while the folders are still being read (the built-in names are used meanwhile). */
  loading: boolean;
}

/**
 * `rekordboxMidi/factoryMappingFolders` (client → server): the folders to read, replacing any given
 * before (in `initializationOptions` or an earlier notification). An empty list forgets them.
 */
export namespace FactoryMappingFoldersNotification {
  export const method = 'rekordboxMidi/factoryMappingFolders';
  export const type = new NotificationType<{ folders: FactoryMappingFolder[] }>(method);
}

/**
 * `rekordboxMidi/catalogChanged` (server → client): the function names changed (the folders were read);
 * a client showing `catalog` asks `rekordboxMidi/documentInfo` again.
 */
export namespace CatalogChangedNotification {
  export const method = 'rekordboxMidi/catalogChanged';
  export const type = new NotificationType<CatalogInfo>(method);
}
