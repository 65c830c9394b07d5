/**
 * What the mapping table's webview may ask of the extension, and the validator every message goes
 * through first: the webview is a web page, so anything it sends is checked for shape, type and size
 * before it reaches an editor. Pure.
 */
import { FILE_ORDER, TABLE_COLUMNS, TABLE_TABS, TableColumn, TableSort, TableTab } from './tableModel';

export type TableMessage =
  | { type: 'ready' }
  | { type: 'selectTab'; tab: TableTab }
  | { type: 'sort'; column: TableColumn }
  | { type: 'filter'; text: string }
  | { type: 'reveal'; line: number }
  | { type: 'duplicate'; line: number }
  | { type: 'duplicateForDeck'; line: number }
  | { type: 'delete'; line: number }
  | { type: 'undo' }
  | { type: 'redo' };

/** Longer than anyone types into a filter box. */
export const MAX_FILTER_LENGTH = 200;
/** A mapping line number (0-based); real files have a few hundred lines. */
const MAX_LINE = 10_000_000;

const NO_FIELDS = new Set(['ready', 'undo', 'redo']);
const LINE_MESSAGES = new Set(['reveal', 'duplicate', 'duplicateForDeck', 'delete']);
const TABS: ReadonlySet<string> = new Set(TABLE_TABS);
const COLUMNS: ReadonlySet<string> = new Set(TABLE_COLUMNS);

/** The message when it is one the table's page may send, else undefined. Extra fields make it invalid. */
export function parseTableMessage(value: unknown): TableMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const type = record.type;
  if (typeof type !== 'string') return undefined;
  if (NO_FIELDS.has(type)) return keys.length === 1 ? ({ type } as TableMessage) : undefined;
  if (keys.length !== 2) return undefined;
  if (LINE_MESSAGES.has(type)) {
    const line = record.line;
    return Number.isSafeInteger(line) && (line as number) >= 0 && (line as number) <= MAX_LINE
      ? ({ type, line } as TableMessage)
      : undefined;
  }
  switch (type) {
    case 'selectTab':
      return typeof record.tab === 'string' && TABS.has(record.tab) ? { type, tab: record.tab as TableTab } : undefined;
    case 'sort':
      return typeof record.column === 'string' && COLUMNS.has(record.column) ? { type, column: record.column as TableColumn } : undefined;
    case 'filter':
      return typeof record.text === 'string' && record.text.length <= MAX_FILTER_LENGTH ? { type, text: record.text } : undefined;
    default:
      return undefined;
  }
}

/**
 * What the page keeps with `setState` so that VS Code can bring the table back after a reload (the
 * webview panel serializer gets it): which document, and how the user left the view.
 */
export interface SavedTableState {
  uri: string;
  tab: TableTab;
  sort: TableSort;
  filter: string;
}

/** A URI is a few hundred characters at most; anything longer is not one the page saved. */
const MAX_URI_LENGTH = 4096;

/**
 * The saved state when it is one the page could have saved, else undefined. It comes back from the
 * webview's storage, so it is checked like a message: a table is restored only for a real document.
 * A view field that does not check out falls back to the default rather than losing the table.
 */
export function parseSavedTableState(value: unknown): SavedTableState | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const uri = record.uri;
  if (typeof uri !== 'string' || uri.length === 0 || uri.length > MAX_URI_LENGTH || !/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined;
  const tab = typeof record.tab === 'string' && TABS.has(record.tab) ? (record.tab as TableTab) : 'DECK';
  const filter = typeof record.filter === 'string' && record.filter.length <= MAX_FILTER_LENGTH ? record.filter : '';
  return { uri, tab, sort: parseSort(record.sort), filter };
}

function parseSort(value: unknown): TableSort {
  if (typeof value !== 'object' || value === null) return FILE_ORDER;
  const { column, direction } = value as Record<string, unknown>;
  if (direction !== 'ascending' && direction !== 'descending') return FILE_ORDER;
  if (column === null) return { column: null, direction };
  return typeof column === 'string' && COLUMNS.has(column) ? { column: column as TableColumn, direction } : FILE_ORDER;
}
